import { expect, test, type Page } from '@playwright/test';
import { ACME, BLUE_LINE } from './helpers/seed';
import { Catalog } from './pages/catalog';
import { Sidebar } from './pages/sidebar';

const CEDAR = 'Cedar Logistics';
const DENIED = 'Denied Carriers';

// README "Two tabs": one tab edits; another says it is read-only, follows the first one's saves
// and offers Take over editing; no tab overwrites newer data saved by another.
test('a second tab is read-only, follows the writer, can take over, and nothing is overwritten', async ({
  context,
}) => {
  const first = await context.newPage();
  await first.goto('/');
  await new Catalog(first).createBrokerage(ACME);
  await expect(new Sidebar(first).readOnlyNotice).toBeHidden();

  const second = await context.newPage();
  await second.goto('/');
  const secondSidebar = new Sidebar(second);
  await expect(secondSidebar.readOnlyNotice).toContainText('read-only');
  await expect(secondSidebar.takeOverButton).toBeVisible();
  // It shows what the writer saved, and cannot change it.
  await new Catalog(second).expectBrokerages([ACME]);
  await expectCannotWrite(second, DENIED);
  await expect(secondSidebar.restoreInput).toBeDisabled();

  // The writer saves more; the reader follows without a reload.
  await new Catalog(first).createBrokerage(BLUE_LINE);
  await expect(new Catalog(second).brokerageButton(BLUE_LINE)).toBeVisible();
  await expect(secondSidebar.statusLine).toContainText('2 brokerages');

  // The reader takes over and writes.
  await secondSidebar.takeOverButton.click();
  await expect(secondSidebar.readOnlyNotice).toBeHidden();
  await new Catalog(second).createBrokerage(CEDAR);

  // The former writer is now read-only and follows the new writer.
  const firstSidebar = new Sidebar(first);
  await expect(firstSidebar.readOnlyNotice).toContainText('read-only');
  await expect(new Catalog(first).brokerageButton(CEDAR)).toBeVisible();
  await expectCannotWrite(first, DENIED);

  // What is stored is the newest data: the second tab's write survived, nothing from the first.
  for (const page of [first, second]) {
    await page.reload();
    await expect(new Sidebar(page).statusLine).toContainText('3 brokerages');
    await new Catalog(page).expectBrokerages([ACME, BLUE_LINE, CEDAR]);
  }
});

/**
 * A read-only tab cannot create a brokerage: either the button is disabled, or pressing it shows
 * an alert — and in both cases nothing is created.
 */
async function expectCannotWrite(page: Page, name: string): Promise<void> {
  const catalog = new Catalog(page);
  await catalog.brokerageNameInput.fill(name);
  if (await catalog.createBrokerageButton.isEnabled()) {
    await catalog.createBrokerageButton.click();
    await expect(catalog.newBrokerageAlert).toContainText(/read-only|newer data/);
  } else {
    await expect(catalog.createBrokerageButton).toBeDisabled();
  }
  await expect(catalog.brokerageButton(name)).toHaveCount(0);
}
