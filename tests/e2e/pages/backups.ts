import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The Backups view (docs/design.md UI contract): the `Snapshots` section with `Take snapshot now` and
 * one table row per snapshot, and the `Backup health` section.
 */
export class BackupsView {
  readonly main: Locator;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
  }

  /** Opens the view through the main navigation. */
  async open(): Promise<void> {
    const link = this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Backups', exact: true });
    await link.click();
    await expect(link).toHaveAttribute('aria-current', 'page');
    await expect(this.snapshots).toBeVisible();
  }

  get snapshots(): Locator {
    return this.main.getByRole('region', { name: 'Snapshots' });
  }

  get health(): Locator {
    return this.main.getByRole('region', { name: 'Backup health' });
  }

  /** The table's body rows, newest first. */
  get rows(): Locator {
    return this.snapshots
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  /** The rows whose trigger cell reads `trigger` ("After changes", "Before restore", …). */
  rowsOf(trigger: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('cell', { name: trigger, exact: true }) });
  }

  /** `Take snapshot now`, with an optional note; waits for the verified result. */
  async takeSnapshot(note?: string): Promise<void> {
    if (note !== undefined) await this.snapshots.getByLabel('Note (optional)').fill(note);
    await this.snapshots.getByRole('button', { name: 'Take snapshot now' }).click();
    await expect(this.snapshots.getByRole('status').filter({ hasText: 'Snapshot taken and verified' })).toBeVisible();
  }

  /** Restore on a row → the preview; types RESTORE when asked; `Restore database`; waits for success. */
  async restore(row: Locator, mode: 'replace' | 'merge' = 'replace'): Promise<void> {
    await row.getByRole('button', { name: 'Restore', exact: true }).click();
    const form = this.snapshots.getByRole('group', { name: 'Restore a snapshot' });
    await expect(form.getByRole('group', { name: 'Restore preview' })).toBeVisible();
    if (mode === 'merge') await form.getByRole('radio', { name: /^Merge/ }).check();
    const confirm = form.getByLabel('Type RESTORE to confirm');
    if (await confirm.isVisible()) await confirm.fill('RESTORE');
    await form.getByRole('button', { name: 'Restore database' }).click();
    await expect(
      this.snapshots.getByRole('status').filter({ hasText: 'Database restored successfully!' }),
    ).toBeVisible();
  }
}
