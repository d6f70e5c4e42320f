import { expect, test } from '@playwright/test';
import { keepDownload, readBackup } from './helpers/backup-files';
import { ACME, seedCatalog } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Issue 8 item 10: the procedures ask to announce every backup and restore. One click copies
// the line: what, the file, who, when, counts, the checksum's first 8 characters.
test('Copy note for the team puts one line about the backup, then the restore, on the clipboard', async ({
  page,
  context,
  browser,
}, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const sidebar = new Sidebar(page);
  await page.goto('/');
  await seedCatalog(new Catalog(page));
  await sidebar.setOperatorName('Dana');

  const download = await sidebar.downloadBackup();
  const backup = await readBackup(download);
  await sidebar.root.getByRole('button', { name: 'Copy note for the team' }).click();
  await expect(sidebar.root.getByText('Copied.')).toBeVisible();
  const note = await page.evaluate(() => navigator.clipboard.readText());
  expect(note).not.toContain('\n');
  expect(note).toContain('FF2API backup');
  expect(note).toContain(download.suggestedFilename());
  expect(note).toContain('by Dana');
  expect(note).toContain('2 brokerages, 3 configurations, no uploads');
  expect(note).toContain(`checksum ${backup.backup_info.checksum.value.slice(0, 8)}`);
  expect(note).toMatch(/\b20\d\d\b/);

  // The morning restore in another browser, by Sam.
  const file = await keepDownload(download, testInfo);
  const morning = await browser.newContext();
  await morning.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page2 = await morning.newPage();
  const sidebar2 = new Sidebar(page2);
  await page2.goto('/');
  await sidebar2.setOperatorName('Sam');
  await sidebar2.restoreFrom(file);
  await sidebar2.confirmRestore();
  await expect(sidebar2.status(/restored successfully/i)).toBeVisible();
  await sidebar2.root.getByRole('button', { name: 'Copy note for the team' }).click();
  const restoreNote = await page2.evaluate(() => navigator.clipboard.readText());
  expect(restoreNote).toContain('FF2API restore (replace)');
  expect(restoreNote).toContain(download.suggestedFilename());
  expect(restoreNote).toContain('by Sam');
  expect(restoreNote).toContain('2 brokerages, 3 configurations');
  expect(restoreNote).toContain(`checksum ${backup.backup_info.checksum.value.slice(0, 8)}`);
  await new Catalog(page2).expectConfigurations(ACME, ['Daily loads', 'Weekly (bulk) loads']);
  await morning.close();
});
