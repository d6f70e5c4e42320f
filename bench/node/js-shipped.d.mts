/** Types of js-shipped.mjs (the "JavaScript shipped" figure: at start vs lazy). */
import type { Browser } from 'playwright-core';

export interface ShippedFile {
  name: string;
  bytes: number;
  gzipBytes: number;
  sources: { group: string; rawBytes: number; gzipEstimateBytes: number }[] | null;
}

export interface ShippedGroup {
  totalBytes: number;
  rawBytes: number;
  files: ShippedFile[];
}

export interface ShippedSplit {
  rule: string;
  budgetBytes: number;
  atStart: ShippedGroup;
  lazy: ShippedGroup;
  wasmBytes: number;
  wasmGzipBytes: number;
}

export const JS_AT_START_BUDGET_BYTES: number;
export function staticStartScripts(distDir: string): string[];
export function observeStartScripts(browser: Browser, url: string): Promise<string[]>;
export function splitShippedJs(assetsDir: string, atStartNames: readonly string[]): ShippedSplit;
export function measureShippedJs(args: { browser: Browser; url: string; distDir: string }): Promise<ShippedSplit>;
export function describeSplit(split: ShippedSplit): string;
export function shippedJsMarkdown(split: ShippedSplit): string[];
