import { readFile } from 'node:fs/promises';
import type { BrowserContext, Download, Page } from '@playwright/test';
import { dumpIndexedDb } from '../pages/app-lock';

/** One thing a test run produced, as text to search. */
export interface Artefact {
  source: string;
  text: string;
}

/** A credential found where it must not be. */
export interface Leak {
  source: string;
  secret: string;
  excerpt: string;
}

/**
 * Collects every artefact a test produces — downloads, console messages (page and workers),
 * page errors, and on demand the DOM's text and attributes, localStorage, sessionStorage and
 * IndexedDB — and greps them for credentials (issue 10: "no leaks"). The one place a credential
 * may appear is the masked field the user opened: password inputs' values are left out. A plain
 * backup file holds credentials by design, in its configurations' credential fields only: those
 * fields are left out of the file, and the rest of it (activity log, changes, names) is searched.
 */
export class LeakGrep {
  private readonly artefacts: Artefact[] = [];
  private readonly pending: Promise<void>[] = [];

  private constructor() {}

  /** Starts collecting from every page of the context, present and future. */
  static watch(context: BrowserContext): LeakGrep {
    const grep = new LeakGrep();
    const follow = (page: Page) => {
      page.on('console', (message) => grep.add(`console ${message.type()} (${page.url()})`, message.text()));
      page.on('pageerror', (error) => grep.add('page error', `${error.name}: ${error.message}\n${error.stack ?? ''}`));
      page.on('download', (download) => grep.pending.push(grep.addDownload(download)));
    };
    context.pages().forEach(follow);
    context.on('page', follow);
    return grep;
  }

  /** Adds an artefact by hand (e.g. a file the test produced another way). */
  add(source: string, text: string): void {
    this.artefacts.push({ source, text });
  }

  /** Captures what the page holds now: DOM text and attributes, web storage, and IndexedDB when asked. */
  async capture(page: Page, label: string, { indexedDb = false } = {}): Promise<void> {
    const held = await page.evaluate(() => {
      const attributes: string[] = [];
      for (const element of Array.from(document.querySelectorAll('*'))) {
        const isMaskedField = element instanceof HTMLInputElement && element.type === 'password';
        for (const attribute of Array.from(element.attributes)) {
          if (isMaskedField && attribute.name === 'value') continue;
          attributes.push(`${attribute.name}=${attribute.value}`);
        }
        if ((element instanceof HTMLInputElement && !isMaskedField) || element instanceof HTMLTextAreaElement)
          attributes.push(`(value)=${element.value}`);
      }
      const storage = (area: Storage) =>
        Array.from({ length: area.length }, (_, i) => `${area.key(i)}=${area.getItem(area.key(i) ?? '')}`).join('\n');
      return {
        dom: `${document.title}\n${location.href}\n${document.documentElement.textContent ?? ''}`,
        attributes: attributes.join('\n'),
        localStorage: storage(localStorage),
        sessionStorage: storage(sessionStorage),
      };
    });
    for (const [kind, text] of Object.entries(held)) this.add(`${label}: ${kind}`, text);
    if (indexedDb) this.add(`${label}: IndexedDB`, await dumpIndexedDb(page));
  }

  /** Every artefact collected so far (downloads finished first). */
  async all(): Promise<Artefact[]> {
    await Promise.all(this.pending);
    return [...this.artefacts];
  }

  /** Where any of the secrets appears; an empty list means no leak. */
  async find(secrets: readonly string[]): Promise<Leak[]> {
    const leaks: Leak[] = [];
    for (const artefact of await this.all()) {
      for (const secret of secrets) {
        const at = artefact.text.indexOf(secret);
        if (at >= 0)
          leaks.push({
            source: artefact.source,
            secret,
            excerpt: artefact.text.slice(Math.max(0, at - 60), at + secret.length + 60),
          });
      }
    }
    return leaks;
  }

  private async addDownload(download: Download): Promise<void> {
    const path = await download.path();
    const text = (await readFile(path)).toString('latin1');
    this.add(`download ${download.suggestedFilename()}`, withoutPlainBackupCredentials(text));
  }
}

/** A plain backup's text without its configurations' credential fields; any other file as it is. */
function withoutPlainBackupCredentials(text: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return text;
  }
  const backup = parsed as { backup_info?: { secrets?: string }; brokerage_configurations?: Record<string, unknown>[] };
  if (backup?.backup_info?.secrets !== 'plain' || !Array.isArray(backup.brokerage_configurations)) return text;
  for (const row of backup.brokerage_configurations) {
    const credentials =
      typeof row.api_credentials === 'string'
        ? (JSON.parse(row.api_credentials) as Record<string, unknown>)
        : (row.api_credentials as Record<string, unknown> | null);
    if (credentials && typeof credentials === 'object') delete credentials.api_key;
    row.api_credentials = credentials;
    delete row.bearer_token;
  }
  return JSON.stringify(parsed);
}
