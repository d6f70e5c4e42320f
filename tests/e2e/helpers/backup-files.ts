import { readFile } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { expect, type Download, type TestInfo } from '@playwright/test';

/** The parts of an ff2api_backup 2.0 file the e2e tests read (docs/backup-format.md). */
export interface BackupFile {
  backup_info: {
    format: string;
    version: string;
    created_at: string;
    trigger: string;
    counts: Record<string, number>;
    checksum: { algorithm: string; value: string };
    secrets: string;
  };
  brokerages: { name: string }[];
  brokerage_configurations: {
    brokerage_name: string;
    configuration_name: string;
    auth_type: string;
    api_credentials: unknown;
    bearer_token: unknown;
    field_mappings: unknown;
  }[];
  upload_history: unknown[];
  processing_errors: unknown[];
  configuration_changes: unknown[];
  [key: string]: unknown;
}

export const BACKUP_NAME = /^ff2api_backup_\d{8}_\d{6}\.json$/;
export const EMERGENCY_NAME = /^ff2api_emergency_backup_\d{8}_\d{6}\.json$/;

/** Reads a finished download from disk (bytes as the user's browser saved them). */
export async function readDownload(download: Download): Promise<Buffer> {
  expect(await download.failure(), 'the download completed').toBeNull();
  const path = await download.path();
  return readFile(path);
}

/** Reads a downloaded backup and parses it as JSON; fails the test if it is not JSON. */
export async function readBackup(download: Download): Promise<BackupFile> {
  const bytes = await readDownload(download);
  return JSON.parse(bytes.toString('utf8')) as BackupFile;
}

/** A restore-input file from bytes. */
export function fileFrom(name: string, content: string | Buffer, mimeType = 'application/json') {
  return { name, mimeType, buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content };
}

/**
 * A valid gzip file whose text is `prefix` then `mebibytes` MiB of spaces, built from one deflate
 * block of 1 MiB of spaces (≈ 1 kB) repeated: a decompression bomb of about 1 kB per MiB.
 */
export function gzipBomb(prefix: string, mebibytes: number): Buffer {
  const spaces = Buffer.alloc(1024 * 1024, 0x20);
  const block = deflateRawSync(spaces, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const head = Buffer.from(prefix);
  let crc = crc32(head);
  for (let i = 0; i < mebibytes; i++) crc = crc32(spaces, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE((head.length + mebibytes * spaces.length) >>> 0, 4);
  const start = [
    Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]),
    deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH }),
  ];
  return Buffer.concat([...start, ...Array<Buffer>(mebibytes).fill(block), deflateRawSync(Buffer.alloc(0)), trailer]);
}

/** A real (1×1 transparent) PNG image: a user picked a picture renamed to .json. */
export const PNG_BYTES = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** Credentials in a configuration row, whichever way the file stores them (object or JSON text). */
export function credentialsOf(row: { api_credentials: unknown }): Record<string, unknown> {
  const raw = row.api_credentials;
  if (typeof raw === 'string') return JSON.parse(raw) as Record<string, unknown>;
  if (raw && typeof raw === 'object') return raw as Record<string, unknown>;
  return {};
}

/** Keeps a downloaded file in the test's output folder and returns its path (for a later restore). */
export async function keepDownload(download: Download, testInfo: TestInfo): Promise<string> {
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  return file;
}
