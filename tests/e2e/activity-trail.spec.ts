import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// Issue 8 item 8: the team's audit trail ("backed up by Dana at 17:02") follows the data.
test('the activity entries of a restored file appear once, however often it is restored, with the restores after them', async ({
  page,
  browser,
}, testInfo) => {
  // Dana's browser: data, and two backups (the second file carries the first backup's entry).
  const dana = await browser.newContext();
  const danaPage = await dana.newPage();
  await danaPage.goto('/');
  const danaSidebar = new Sidebar(danaPage);
  await danaSidebar.root.getByText('Recent activity').click();
  await danaSidebar.root.getByLabel(/your name/i).fill('Dana');
  await new Catalog(danaPage).createBrokerage('Coastal Carriers');
  const first = await danaSidebar.downloadBackup();
  await expect(danaSidebar.status(/Backup ready/)).toBeVisible();
  const file = await keepDownload(await danaSidebar.downloadBackup(), testInfo);
  await dana.close();

  const sidebar = new Sidebar(page);
  await page.goto('/');
  for (const round of [1, 2]) {
    await sidebar.restoreFrom(file);
    if (round === 2) await sidebar.chooseMode('replace');
    await sidebar.confirmRestore();
    await expect(sidebar.status(/restored/i)).toBeVisible();
  }
  await sidebar.root.getByText('Recent activity').click();
  const entries = sidebar.root.locator('.activity-list li');
  const texts = (await entries.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '));
  const imported = texts.filter((t) => t.includes(`Backup downloaded: ${first.suggestedFilename()} (by Dana) (from `));
  expect(imported, texts.join('\n')).toHaveLength(1);
  // Newest first: the two restores, then the file's entries below them.
  expect(texts[0]).toMatch(/^.* — Replaced the database with ff2api_backup_/);
  expect(texts[1]).toMatch(/^.* — Replaced the database with ff2api_backup_/);
  expect(texts.findIndex((t) => t.includes('(from '))).toBeGreaterThan(1);
});
