import { expect, type Locator, type Page } from '@playwright/test';

/** What the `Team store` form needs to connect (docs/design.md's names). */
export interface StoreDetails {
  endpoint: string;
  region: string;
  bucket: string;
  prefix: string;
  accessKeyId: string;
  secretAccessKey: string;
  passphrase: string;
  browserName?: string;
  person?: string;
}

/**
 * The `Team` view (docs/design.md, UI contract): `<section aria-label="Team store">` with its form
 * and, once connected, `Connected` and `Disconnect`; the team's backups; the copies waiting; where
 * the copies are. Found by role and label, as a user finds them.
 */
export class TeamView {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  async open(): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Team', exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.storeSection).toBeVisible();
  }

  get storeSection(): Locator {
    return this.main.getByRole('region', { name: 'Team store', exact: true });
  }

  get backupsSection(): Locator {
    return this.main.getByRole('region', { name: 'Team backups' });
  }

  get pendingSection(): Locator {
    return this.main.getByRole('region', { name: 'Copies waiting for the team store' });
  }

  field(label: string): Locator {
    return this.storeSection.getByLabel(label, { exact: true });
  }

  /** Fills the form as a person would: the MinIO / Ceph preset, then every field. */
  async fill(details: StoreDetails): Promise<void> {
    await this.field('Provider').selectOption({ label: 'MinIO / Ceph' });
    await this.field('Endpoint').fill(details.endpoint);
    await this.field('Region').fill(details.region);
    await this.field('Bucket').fill(details.bucket);
    await this.field('Prefix').fill(details.prefix);
    await this.field('Access key ID').fill(details.accessKeyId);
    await this.field('Secret access key').fill(details.secretAccessKey);
    if (details.browserName) await this.field("This browser's name").fill(details.browserName);
    if (details.person) await this.field('Your name').fill(details.person);
    await this.field('Team passphrase').fill(details.passphrase);
  }

  async testConnection(): Promise<void> {
    await this.storeSection.getByRole('button', { name: 'Test connection' }).click();
    await expect(this.storeSection.getByRole('heading', { name: /^Connection check: (passed|failed)$/ })).toBeVisible({
      timeout: 30_000,
    });
  }

  get connectButton(): Locator {
    return this.storeSection.getByRole('button', { name: 'Connect', exact: true });
  }

  /** Creates the team at an empty prefix: Connect, confirm the passphrase, Connect; returns the recovery key shown. */
  async createTeam(details: StoreDetails): Promise<string> {
    await this.fill(details);
    await this.connectButton.click();
    await this.field('Confirm team passphrase').fill(details.passphrase, { timeout: 30_000 });
    await this.connectButton.click();
    const key = this.main.getByRole('region', { name: 'Recovery key' }).locator('code');
    await expect(key).toBeVisible({ timeout: 30_000 });
    return (await key.innerText()).trim();
  }

  /** Joins the team at the prefix with its passphrase. */
  async join(details: StoreDetails): Promise<void> {
    await this.fill(details);
    await this.connectButton.click();
    await expect(this.connected).toBeVisible({ timeout: 30_000 });
  }

  get connected(): Locator {
    return this.storeSection.getByText('Connected', { exact: true });
  }

  get alerts(): Locator {
    return this.storeSection.getByRole('alert');
  }

  /** The check's step line for a step name ("Reach the store", "CORS rule for this app", …). */
  step(name: string): Locator {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return this.storeSection.getByRole('listitem').filter({ hasText: new RegExp(`— ${escaped}:`) });
  }

  /** The table rows of the team's backups (after the header row). */
  get backupRows(): Locator {
    return this.backupsSection.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }
}
