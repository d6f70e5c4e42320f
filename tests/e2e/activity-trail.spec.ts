import { expect, test } from '@playwright/test';
import { keepDownload } from './helpers/backup-files';
import { BackupsView } from './pages/backups';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

// The team's audit trail ("backed up by Dana at 17:02") follows the data.
test('the activity entries of a restored file appear once, however often it is restored, with the restores after them', async ({
  page,
  browser,
}, testInfo) => {
  // Dana's browser: data, and two backups (the second file carries the first backup's entry).
  const dana = await browser.newContext();
  const danaPage = await dana.newPage();
  await danaPage.goto('/');
  const danaSidebar = new Sidebar(danaPage);
  await danaSidebar.setOperatorName('Dana');
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
  const backups = new BackupsView(page);
  await backups.open();
  const entries = await backups.auditEntries();
  const whats = entries.map(([, , what]) => what ?? '');
  const carried = entries.filter(([, , what]) => what?.startsWith(`Backup downloaded: ${first.suggestedFilename()}`));
  expect(carried, whats.join('\n')).toHaveLength(1);
  expect(carried[0]?.[1]).toBe('Dana');
  expect(carried[0]?.[2]).toContain('(restored from ff2api_backup_');
  // Newest first: the two restores come before the file's entries.
  const restores = whats.flatMap((what, i) =>
    what.startsWith('Replaced the database with ff2api_backup_') ? [i] : [],
  );
  expect(restores).toHaveLength(2);
  const firstCarried = whats.findIndex((what) => what.includes('(restored from '));
  expect(Math.max(...restores)).toBeLessThan(firstCarried);
});
