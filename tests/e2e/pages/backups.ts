import { expect, type Download, type Locator, type Page } from '@playwright/test';

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

  // ---- drills ----------------------------------------------------------------------------

  get drills(): Locator {
    return this.main.getByRole('region', { name: 'Drills' });
  }

  /** The table of past drills, one row per drill, newest first. */
  get drillRows(): Locator {
    return this.drills
      .getByRole('table', { name: 'Past drills' })
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  /** `Run a drill` on a backup picked from `from` ('any' picks at random among every location). */
  async runDrill(from: 'any' | 'folder' | 'snapshot' | 'store' = 'any'): Promise<Locator> {
    const labels = {
      any: 'Every location (at random)',
      folder: 'The backup folder',
      snapshot: 'The snapshots in this browser',
      store: 'The team store',
    };
    await this.drills.getByLabel('Pick from').selectOption({ label: labels[from] });
    await this.drills.getByRole('button', { name: 'Run a drill' }).click();
    const result = this.drills
      .getByRole('status')
      .or(this.drills.getByRole('alert'))
      .filter({ hasText: /^Drill (passed|failed)/ });
    await expect(result).toBeVisible({ timeout: 30_000 });
    return result;
  }

  // ---- audit trail -----------------------------------------------------------------------

  get auditTrail(): Locator {
    return this.main.getByRole('region', { name: 'Audit trail' });
  }

  /** The trail's entries shown now, each as [time, who, what]. */
  async auditEntries(): Promise<string[][]> {
    // The table shows once the trail is read (its reading code loads on first use).
    await expect(this.auditTrail.getByRole('table')).toBeVisible();
    const rows = this.auditTrail
      .getByRole('table')
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
    const entries: string[][] = [];
    for (const row of await rows.all())
      entries.push((await row.getByRole('cell').allInnerTexts()).map((t) => t.trim()));
    return entries;
  }

  /** `Export CSV`: the downloaded file. */
  async exportAuditCsv(): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.auditTrail.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    return download;
  }
}
