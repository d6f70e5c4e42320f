import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { s3Env, TEAM_PASSPHRASE } from '../helpers/team-store-node';
import { Catalog } from './catalog';
import { TeamView, type StoreDetails } from './team';

/**
 * The team database's parts (docs/design.md, UI contract): in the Team view
 * `<section aria-label="Team database">` with `Join the team database`, its status
 * (`All changes shared` / `N changes not shared yet`), `Team browsers`, `Conflicts` (each with
 * `Use the other value`) and `Team activity`; in the sidebar, the `Team database` part.
 */
export class TeamDatabase {
  readonly team: TeamView;

  constructor(readonly page: Page) {
    this.team = new TeamView(page);
  }

  get section(): Locator {
    return this.page.getByRole('main').getByRole('region', { name: 'Team database' });
  }

  get browsers(): Locator {
    return this.section.getByRole('region', { name: 'Team browsers' });
  }

  get conflicts(): Locator {
    return this.section.getByRole('region', { name: 'Conflicts' });
  }

  get activity(): Locator {
    return this.section.getByRole('region', { name: 'Team activity' });
  }

  /** The sidebar's line about the team database. */
  get sidebarStatus(): Locator {
    return this.page
      .getByRole('complementary', { name: 'Database management' })
      .getByRole('status')
      .filter({ hasText: /shared|not the team/ });
  }

  /** Presses `Join the team database` in the Team view and waits until this browser is in. */
  async join(): Promise<void> {
    await this.team.open();
    await this.section.getByRole('button', { name: 'Join the team database' }).click();
    await expect(this.browsers).toBeVisible({ timeout: 30_000 });
    await expect(this.sidebarStatus).toContainText('All changes shared', { timeout: 30_000 });
  }
}

/** A teammate: a browser context of its own (its own IndexedDB), with the app open. */
export interface Teammate {
  context: BrowserContext;
  page: Page;
  db: TeamDatabase;
}

export async function openTeammate(browser: Browser): Promise<Teammate> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/');
  return { context, page, db: new TeamDatabase(page) };
}

/** The test S3 server's details, reached at `endpoint` (a proxy the test can take down), for one teammate. */
export function storeThrough(endpoint: string, prefix: string, browserName: string, person: string): StoreDetails {
  return { ...s3Env(), endpoint, prefix, passphrase: TEAM_PASSPHRASE, browserName, person };
}

/** The first browser: creates the team in the store, then starts the team database from its data. */
export async function startTeam(mate: Teammate, store: StoreDetails): Promise<void> {
  await mate.db.team.open();
  await mate.db.team.createTeam(store);
  await mate.page.getByRole('button', { name: 'I have kept it safe' }).click();
  await mate.db.join();
}

/** Another browser: joins the team in the store, then the team database (its own data merged in). */
export async function joinTeam(mate: Teammate, store: StoreDetails): Promise<void> {
  await mate.db.team.open();
  await mate.db.team.join(store);
  await mate.db.join();
}

/** The brokerage and configuration the team specs share between teammates. */
export const BROKERAGE = 'Acme, Inc.';
export const CONFIGURATION = 'Daily loads';

/** Edits the shared configuration's description in this teammate's browser, as a person does. */
export async function editDescription(mate: Teammate, text: string): Promise<void> {
  const catalog = new Catalog(mate.page);
  await catalog.showView('Brokerages');
  await catalog.selectBrokerage(BROKERAGE);
  await catalog
    .configurationList(BROKERAGE)
    .getByRole('button', { name: `Edit ${CONFIGURATION}` })
    .click();
  const form = mate.page.getByRole('form', { name: `Edit “${CONFIGURATION}”` });
  await form.getByLabel('Description').fill(text);
  await form.getByRole('button', { name: 'Save configuration' }).click();
  await expect(
    mate.page.getByRole('main').getByRole('status').filter({ hasText: 'Saved configuration' }),
  ).toBeVisible();
}

/** The shared configuration's description as this teammate's Brokerages view shows it. */
export async function shownDescription(mate: Teammate): Promise<Locator> {
  const catalog = new Catalog(mate.page);
  await catalog.showView('Brokerages');
  await catalog.selectBrokerage(BROKERAGE);
  return catalog.configurationList(BROKERAGE).locator('.configuration-description');
}
