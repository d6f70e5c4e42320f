// Drives the BUILT app (a demo build: its policy lets the page reach the S3 server on loopback) as
// two teammates, each a browser context of its own, against the real Ceph RGW: Alice creates the
// team and starts the team database, Bob joins; then, run after run, Alice creates a brokerage and
// Bob's page — visible, idle on the Brokerages view, never reloaded or focused — shows it. The time
// measured is from Alice's click to the name appearing in Bob's main area, both read with the
// wall clock (Date.now()) of the same machine, so the two pages' figures compare.
import { connectStore } from './team-store-form.mjs';

/** In every page before the app: the wall time of the last click (capture phase: before the app sees it). */
function recordClicks() {
  document.addEventListener('click', () => (window.__benchClickAt = Date.now()), true);
}

/** Connects to the store (creating the team or joining it), then joins the team database. */
async function connect(page, url, s3, prefix, who, create) {
  await connectStore(page, { url, s3, prefix, who, create });
  const database = page.getByRole('main').getByRole('region', { name: 'Team database' });
  await database.getByRole('button', { name: 'Join the team database' }).click({ timeout: 60_000 });
  await database.getByRole('region', { name: 'Team browsers' }).waitFor({ timeout: 60_000 });
}

async function showBrokerages(page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Brokerages', exact: true }).click();
  await page.getByRole('main').getByRole('form', { name: 'New brokerage' }).waitFor();
}

/** Resolves with the wall time at which `name` first shows in the page's main area (a MutationObserver). */
function whenShown(page, name) {
  return page.evaluate(
    (text) =>
      new Promise((resolve) => {
        const main = () => document.querySelector('main');
        const check = () => {
          if (!main()?.textContent?.includes(text)) return;
          observer.disconnect();
          resolve(Date.now());
        };
        const observer = new MutationObserver(check);
        observer.observe(document, { subtree: true, childList: true, characterData: true });
        check();
      }),
    name,
  );
}

/** Options: browser, url (the demo build), s3 (the server's details), runs, log. Returns each run's arrival. */
export async function driveTeamSync({ browser, url, s3, runs, log }) {
  const prefix = `bench-team-${Date.now().toString(36)}/`;
  const options = { locale: 'en-US', timezoneId: 'UTC', viewport: { width: 1280, height: 900 } };
  const aliceContext = await browser.newContext(options);
  const bobContext = await browser.newContext(options);
  const arrivals = [];
  try {
    await aliceContext.addInitScript(recordClicks);
    const alice = await aliceContext.newPage();
    const bob = await bobContext.newPage();
    for (const page of [alice, bob]) page.on('pageerror', (error) => log(`  app page error: ${error.message}`));
    await connect(alice, url, s3, prefix, 'Alice', true);
    await connect(bob, url, s3, prefix, 'Bob', false);
    await showBrokerages(alice);
    await showBrokerages(bob);
    const form = alice.getByRole('main').getByRole('form', { name: 'New brokerage' });
    for (let run = 0; run < runs; run++) {
      const name = `Bench carrier ${run + 1} ${Date.now().toString(36)}`;
      const shown = whenShown(bob, name);
      await form.getByLabel('Brokerage name').fill(name);
      await form.getByRole('button', { name: 'Create brokerage' }).click();
      const clickAt = await alice.evaluate(() => window.__benchClickAt);
      const arrivedAt = await Promise.race([
        shown,
        new Promise((_, reject) => setTimeout(() => reject(new Error(`run ${run}: not shown in 60 s`)), 60_000)),
      ]);
      arrivals.push(arrivedAt - clickAt);
      log(`  team sync run ${run}: Alice's new brokerage shown on Bob's screen after ${arrivedAt - clickAt} ms`);
      // Runs start at different moments of Bob's sync clock, as a user's edits do.
      await alice.waitForTimeout(1_000 + ((run * 3_700) % 9_000));
    }
  } finally {
    await aliceContext.close();
    await bobContext.close();
  }
  return { arrivals };
}
