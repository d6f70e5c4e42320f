import { expect, type Locator, type Page } from '@playwright/test';

/** One field mapping row: an API field fed by a CSV column or by a manual value. */
export type MappingSpec = { path: string; column: string } | { path: string; manual: string };

/** What a user types into the configuration form. */
export type ConfigurationSpec = {
  brokerage: string;
  name: string;
  description?: string;
  baseUrl?: string;
  mappings?: readonly MappingSpec[];
} & ({ authType: 'api_key'; apiKey: string } | { authType: 'bearer_token'; bearerToken: string });

/**
 * The main area: its navigation, brokerages (create, select, rename, delete), the selected
 * brokerage's configurations (create, list) and the upload history table. Found by role, label and text.
 */
export class Catalog {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  // ---- navigation -------------------------------------------------------------------------

  /** Opens a main-area view by its link in the `Main` navigation. */
  async showView(label: 'Brokerages' | 'Upload history' | 'Process file' | 'Backups'): Promise<void> {
    const link = this.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
  }

  // ---- brokerages -------------------------------------------------------------------------

  get newBrokerageForm(): Locator {
    return this.main.getByRole('form', { name: 'New brokerage' });
  }

  get brokerageNameInput(): Locator {
    return this.newBrokerageForm.getByLabel('Brokerage name');
  }

  get createBrokerageButton(): Locator {
    return this.newBrokerageForm.getByRole('button', { name: 'Create brokerage' });
  }

  /** The toggle buttons of the brokerage list, one per brokerage. */
  get brokerageItems(): Locator {
    return this.main.getByRole('list', { name: 'Brokerages' }).getByRole('button');
  }

  brokerageButton(name: string): Locator {
    return this.main.getByRole('list', { name: 'Brokerages' }).getByRole('button', { name, exact: true });
  }

  /** Creates a brokerage and waits until it is listed (and selected). */
  async createBrokerage(name: string): Promise<void> {
    await this.tryCreateBrokerage(name);
    await expect(this.newBrokerageForm.getByRole('status')).toContainText(`Created brokerage “${name}”`);
    await expect(this.brokerageButton(name)).toBeVisible();
  }

  /** Types a name and presses `Create brokerage`, without waiting for success. */
  async tryCreateBrokerage(name: string): Promise<void> {
    await this.brokerageNameInput.fill(name);
    await this.createBrokerageButton.click();
  }

  /** The failure shown under the `New brokerage` form. */
  get newBrokerageAlert(): Locator {
    return this.newBrokerageForm.getByRole('alert');
  }

  /** "No brokerages yet…", shown when the loaded list is empty. */
  get noBrokerages(): Locator {
    return this.main.getByText(/^No brokerages yet/);
  }

  /** Names of the listed brokerages, in list order, once the list has loaded. */
  async brokerageNames(): Promise<string[]> {
    await expect(this.main.getByRole('list', { name: 'Brokerages' }).or(this.noBrokerages)).toBeVisible();
    return (await this.brokerageItems.allInnerTexts()).map((text) => text.trim());
  }

  /** Waits until exactly these brokerages are listed (the list is in name order). */
  async expectBrokerages(names: readonly string[]): Promise<void> {
    if (names.length === 0) {
      await expect(this.noBrokerages).toBeVisible();
      await expect(this.brokerageItems).toHaveCount(0);
    } else {
      await expect(this.brokerageItems).toHaveText([...names]);
    }
  }

  /** Selects a brokerage (its configurations then show). */
  async selectBrokerage(name: string): Promise<void> {
    const button = this.brokerageButton(name);
    if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  }

  // ---- configurations ---------------------------------------------------------------------

  configurationList(brokerage: string): Locator {
    return this.main.getByRole('list', { name: `Configurations of ${brokerage}` });
  }

  get newConfigurationButton(): Locator {
    return this.main.getByRole('button', { name: 'New configuration' });
  }

  /** Creates a configuration through the form and waits for its success message. */
  async createConfiguration(spec: ConfigurationSpec): Promise<void> {
    await this.selectBrokerage(spec.brokerage);
    await this.newConfigurationButton.click();
    const form = this.main.getByRole('form', { name: `New configuration for “${spec.brokerage}”` });
    await form.getByLabel('Configuration name').fill(spec.name);
    if (spec.description !== undefined) await form.getByLabel('Description').fill(spec.description);
    await form
      .getByLabel('Authentication type')
      .selectOption({ label: spec.authType === 'api_key' ? 'API key' : 'Bearer token' });
    if (spec.baseUrl !== undefined) await form.getByLabel('API base URL').fill(spec.baseUrl);
    if (spec.authType === 'api_key') await form.getByLabel('API key', { exact: true }).fill(spec.apiKey);
    else await form.getByLabel('Bearer token', { exact: true }).fill(spec.bearerToken);
    for (const [index, mapping] of (spec.mappings ?? []).entries()) {
      const n = index + 1;
      await form.getByRole('button', { name: 'Add mapping' }).click();
      await form.getByLabel(`API field ${n}`, { exact: true }).fill(mapping.path);
      if ('manual' in mapping) {
        await form.getByLabel(`Source ${n}`, { exact: true }).selectOption({ label: 'Manual value' });
        await form.getByLabel(`Manual value ${n}`, { exact: true }).fill(mapping.manual);
      } else {
        await form.getByLabel(`CSV column ${n}`, { exact: true }).fill(mapping.column);
      }
    }
    await form.getByRole('button', { name: 'Save configuration' }).click();
    await expect(
      this.main.getByRole('status').filter({ hasText: `Created configuration “${spec.name}”` }),
    ).toBeVisible();
    await expect(
      this.configurationList(spec.brokerage).getByRole('heading', { name: spec.name, exact: true }),
    ).toBeVisible();
  }

  /** Deletes a configuration through its confirmation dialog. */
  async deleteConfiguration(brokerage: string, name: string): Promise<void> {
    await this.selectBrokerage(brokerage);
    await this.configurationList(brokerage)
      .getByRole('button', { name: `Delete ${name}`, exact: true })
      .click();
    const dialog = this.page.getByRole('alertdialog');
    await expect(dialog).toContainText(name);
    await dialog.getByRole('button', { name: 'Delete configuration' }).click();
    await expect(this.main.getByRole('status').filter({ hasText: `Deleted configuration “${name}”` })).toBeVisible();
  }

  /** Deletes a brokerage (and its configurations) through its confirmation dialog. */
  async deleteBrokerage(name: string): Promise<void> {
    await this.selectBrokerage(name);
    await this.main.getByRole('button', { name: 'Delete brokerage…' }).click();
    const dialog = this.page.getByRole('alertdialog');
    await dialog.getByRole('button', { name: 'Delete brokerage' }).click();
    await expect(this.brokerageButton(name)).toHaveCount(0);
  }

  /** Names of a brokerage's configurations (selects the brokerage first), once loaded. */
  async configurationNames(brokerage: string): Promise<string[]> {
    await this.selectBrokerage(brokerage);
    const list = this.configurationList(brokerage);
    const empty = this.noConfigurations(brokerage);
    await expect(list.or(empty)).toBeVisible();
    if (await empty.isVisible()) return [];
    return (await list.getByRole('heading').allInnerTexts()).map((text) => text.trim());
  }

  /** Waits until the brokerage lists exactly these configurations (name order). */
  async expectConfigurations(brokerage: string, names: readonly string[]): Promise<void> {
    await this.selectBrokerage(brokerage);
    if (names.length === 0) await expect(this.noConfigurations(brokerage)).toBeVisible();
    else await expect(this.configurationList(brokerage).getByRole('heading')).toHaveText([...names]);
  }

  noConfigurations(brokerage: string): Locator {
    return this.main.getByText(`No configurations yet for “${brokerage}”`);
  }

  // ---- upload history ---------------------------------------------------------------------

  get historyTable(): Locator {
    return this.main.getByRole('table', { name: /^Upload history/ });
  }

  /** The upload history body rows (header excluded). */
  get historyRowItems(): Locator {
    return this.historyTable.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  /** The upload history rows, each as its cells' texts, once the history has loaded. */
  async historyRows(): Promise<string[][]> {
    await expect(this.historyTable.or(this.historyEmpty)).toBeVisible();
    const rows = this.historyRowItems;
    const result: string[][] = [];
    for (const row of await rows.all()) result.push((await row.getByRole('cell').allInnerTexts()).map((t) => t.trim()));
    return result;
  }

  /** "No uploads yet…", "No uploads for “X”…" or "No uploads match…" when the (filtered) history is empty. */
  get historyEmpty(): Locator {
    return this.main.getByText(/^No uploads (yet|for|match)/);
  }

  /** Filters the history table by brokerage (`Filter by brokerage`). */
  async filterHistory(brokerage: string): Promise<void> {
    await this.main.getByLabel('Filter by brokerage').selectOption({ label: brokerage });
  }
}
