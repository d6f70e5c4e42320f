import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { fileFrom, gzipBomb, PNG_BYTES, readDownload } from './helpers/backup-files';
import { ACME } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar, type RestoreFile } from './pages/sidebar';

// docs/design.md quality bar: bad input gets a clear message and changes nothing.

/** Signs of a raw exception reaching the screen instead of a message for people. */
const RAW_ERROR =
  /\bat \S+ \(|\bat \S+:\d+:\d+|SyntaxError|TypeError|ZodError|\bundefined\b|\[object Object\]|Unexpected token/;

test('files that are not a usable backup are refused with a plain message and change nothing', async ({ page }) => {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  await page.goto('/');
  await catalog.createBrokerage(ACME);
  await catalog.createConfiguration({
    brokerage: ACME,
    name: 'Daily loads',
    authType: 'api_key',
    apiKey: 'ak-acme-1111',
  });
  await expect(sidebar.statusLine).toHaveText(/^1 brokerage config, 0 uploads/);

  // A real backup of this data, to cut and to tamper with.
  const goodBytes = await readDownload(await sidebar.downloadBackup());
  const good = goodBytes.toString('utf8');
  const before = await sidebar.statusText();
  const gzipped = gzipSync(goodBytes);
  const damagedGzip = Buffer.from(gzipped);
  const middle = Math.floor(damagedGzip.length / 2);
  damagedGzip.writeUInt8((damagedGzip.readUInt8(middle) ^ 0x5a) & 0xff, middle);

  // [what the user picked, the file, what the message must get across]
  const badFiles: [what: string, file: RestoreFile, says: RegExp][] = [
    ['a JSON list', fileFrom('backup.json', '[]'), /not a backup/i],
    [
      'a PNG picture renamed .json',
      fileFrom('ff2api_backup_20260101_120000.json', PNG_BYTES, 'image/png'),
      /not (a backup|text|JSON)/i,
    ],
    [
      'a truncated download',
      fileFrom('ff2api_backup_20260101_120000.json', good.slice(0, Math.floor(good.length / 2))),
      /JSON|interrupted|incomplete/i,
    ],
    ['an empty file', fileFrom('ff2api_backup_20260101_120000.json', ''), /empty/i],
    [
      'JSON of another shape',
      fileFrom('notes.json', JSON.stringify({ hello: 'world', items: [1, 2, 3] })),
      /not an? (FF2API )?backup/i,
    ],
    [
      'a file from a newer version',
      fileFrom('ff2api_backup_20990101_120000.json', withVersion(good, '3.0')),
      /newer version/i,
    ],
    [
      'a backup edited after it was made',
      fileFrom('ff2api_backup_20260101_120000.json', good.replace('Daily loads', 'Daily loadz')),
      /changed|checksum|tampered/i,
    ],
    [
      'a backup whose date was edited',
      fileFrom('ff2api_backup_20260101_120000.json', withCreatedAt(good, '2099-01-01T00:00:00.000Z')),
      /changed after it was written: its header \(such as when it was made\)/,
    ],
    [
      'a damaged .json.gz',
      fileFrom('ff2api_backup_20260101_120000.json.gz', damagedGzip, 'application/gzip'),
      /compressed \(\.gz\) file .*(damaged at about byte [\d,]+ of [\d,]+|check values at its end \(from byte [\d,]+\))/,
    ],
    [
      'a .json.gz cut short',
      fileFrom('ff2api_backup_20260101_120000.json.gz', gzipped.subarray(0, gzipped.length - 20), 'application/gzip'),
      /ends after [\d,]+ bytes.*interrupted/,
    ],
    [
      'a .json.gz that expands a thousandfold',
      fileFrom(
        'ff2api_backup_20260101_120000.json.gz',
        gzipBomb(`${good.split('\n')[0]}\n"brokerages":[`, 100),
        'application/gzip',
      ),
      /expand to more than [\d,]+ MB when decompressed, over 200 times/,
    ],
    ['a file that is not .json', fileFrom('ff2api_backup_20260101_120000.txt', good, 'text/plain'), /\.json/],
  ];

  for (const [what, file, says] of badFiles) {
    await test.step(what, async () => {
      await sidebar.restoreFrom(file);
      const alert = sidebar.alerts.first();
      await expect(alert, `${what}: an alert in the sidebar`).toBeVisible();
      const text = await sidebar.alertText();
      expect(text.length, `${what}: the message says something`).toBeGreaterThan(20);
      expect(text, `${what}: a message for people, not an exception`).not.toMatch(RAW_ERROR);
      expect(text, `${what}: says what is wrong`).toMatch(says);
      expect(text, `${what}: says what was kept`).toContain('Nothing was changed');
      // Refused before any preview: there is nothing to confirm.
      await expect(sidebar.preview).toBeHidden();
      await expect(sidebar.restoreButton).toBeHidden();
      await expectDataUnchanged(page, before);
    });
  }

  await page.reload();
  await expectDataUnchanged(page, before);
  await expect(sidebar.alerts).toHaveCount(0);
});

async function expectDataUnchanged(page: Page, statusBefore: string): Promise<void> {
  const sidebar = new Sidebar(page);
  const catalog = new Catalog(page);
  expect(await sidebar.statusText()).toBe(statusBefore);
  await catalog.expectBrokerages([ACME]);
  await catalog.expectConfigurations(ACME, ['Daily loads']);
}

/** The same backup text, saying it was made at another time (checksums untouched). */
function withCreatedAt(json: string, createdAt: string): string {
  return json.replace(/"created_at":"[^"]+"/, `"created_at":"${createdAt}"`);
}

/** The same backup text, claiming another format version (checksum untouched). */
function withVersion(json: string, version: string): string {
  const parsed = JSON.parse(json) as { backup_info: { version: string } };
  parsed.backup_info.version = version;
  return JSON.stringify(parsed, null, 2);
}
