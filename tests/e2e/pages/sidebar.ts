import { expect, type Download, type Locator, type Page } from '@playwright/test';

/** A file for the `Restore from backup` input: a path on disk, or bytes with a name. */
export type RestoreFile = string | { name: string; mimeType: string; buffer: Buffer };

export type RestoreMode = 'replace' | 'merge';

const AGE_LEVEL = /^(Stable|Reminder|Warning|Critical)$/;
const RISK_LEVEL = /^(Low|Medium|High|Critical) risk$/;
const STATUS_LINE =
  /^(Database is empty|[\d,]+ brokerage configs?, [\d,]+ uploads?|[\d,]+ brokerages?, no configurations yet|No brokerages)/;

/**
 * The sidebar "Database management" (docs/design.md, UI contract): status line, age and risk banners,
 * backup buttons, restore with preview / typed confirmation / undo, and its result messages.
 * Everything is found by role, label or visible text, as a user finds it.
 */
export class Sidebar {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByRole('complementary', { name: 'Database management' });
  }

  /** The fold toggle of narrow screens (under 900 px): a button named "Database Management" with aria-expanded. */
  get toggle(): Locator {
    return this.root.getByRole('button', { name: 'Database Management', exact: true });
  }

  /**
   * The counts line: "2 brokerage configs, 0 uploads · 2 brokerages", "1 brokerage, no
   * configurations yet", "No brokerages, 2 uploads" or "Database is empty".
   */
  get statusLine(): Locator {
    return this.root.getByText(STATUS_LINE);
  }

  /** Waits until the database has opened (the status line is shown) and returns its text. */
  async statusText(): Promise<string> {
    await expect(this.statusLine).toBeVisible();
    return normalize(await this.statusLine.innerText());
  }

  /** The age banner: its level word (Stable/Reminder/Warning/Critical), the age and the action. */
  get ageBanner(): Locator {
    return this.root.getByText(AGE_LEVEL).locator('xpath=..');
  }

  /** The risk banner: "Low risk" … "Critical risk" and what the backup point means. */
  get riskBanner(): Locator {
    return this.root.getByText(RISK_LEVEL).locator('xpath=..');
  }

  async ageBannerText(): Promise<string> {
    return normalize(await this.ageBanner.innerText());
  }

  async riskBannerText(): Promise<string> {
    return normalize(await this.riskBanner.innerText());
  }

  get downloadBackupButton(): Locator {
    return this.root.getByRole('button', { name: 'Download backup' });
  }

  get emergencyBackupButton(): Locator {
    return this.root.getByRole('button', { name: 'Quick emergency backup' });
  }

  /** Clicks `Download backup` and returns the file the browser received. */
  async downloadBackup(): Promise<Download> {
    return clickForDownload(this.page, this.downloadBackupButton);
  }

  /** Clicks the sidebar's `Quick emergency backup` and returns the file. */
  async emergencyBackup(): Promise<Download> {
    return clickForDownload(this.page, this.emergencyBackupButton);
  }

  get restoreInput(): Locator {
    return this.root.getByLabel('Restore from backup');
  }

  /** The preview shown after a readable file was chosen (nothing is changed yet). */
  get preview(): Locator {
    return this.root.getByRole('group', { name: 'Restore preview' });
  }

  /**
   * The preview table as numbers: for each table label ("Configurations", "Upload history", …)
   * the rows in the file and, once readable, what the chosen mode would add/update/remove.
   */
  async previewCounts(): Promise<Record<string, number[]>> {
    await expect(this.preview).toBeVisible();
    const result: Record<string, number[]> = {};
    for (const row of await this.preview
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') })
      .all()) {
      const label = (await row.getByRole('rowheader').innerText()).trim();
      const cells = await row.getByRole('cell').allInnerTexts();
      result[label] = cells.map((text) => Number(text.replace(/,/g, '')));
    }
    return result;
  }

  get restoreButton(): Locator {
    return this.root.getByRole('button', { name: 'Restore database' });
  }

  get confirmBox(): Locator {
    return this.root.getByLabel('Type RESTORE to confirm');
  }

  get undoButton(): Locator {
    return this.root.getByRole('button', { name: 'Undo restore' });
  }

  get restorePassphrase(): Locator {
    return this.restoreSection.getByLabel('Backup passphrase');
  }

  get unlockButton(): Locator {
    return this.restoreSection.getByRole('button', { name: 'Unlock backup' });
  }

  /** The `Restore` section (a region named by its heading). */
  get restoreSection(): Locator {
    return this.root.getByRole('region', { name: 'Restore' });
  }

  /** Chooses a file in `Restore from backup`; the preview or an alert follows. */
  async restoreFrom(file: RestoreFile): Promise<void> {
    await this.restoreInput.setInputFiles(file);
  }

  /** Picks `Replace…` or `Merge…` in the restore form. */
  async chooseMode(mode: RestoreMode): Promise<void> {
    const name = mode === 'replace' ? /^Replace/ : /^Merge/;
    await expect(this.preview).toBeVisible();
    await this.root.getByRole('radio', { name }).check();
  }

  /** Types RESTORE when the form asks for it, then clicks `Restore database`. */
  async confirmRestore(): Promise<void> {
    await expect(this.preview).toBeVisible();
    if (await this.confirmBox.isVisible()) await this.confirmBox.fill('RESTORE');
    await this.restoreButton.click();
  }

  /** The dialog `Undo restore` opens: what it undoes, what changed since, `Undo restore` / `Cancel`. */
  get undoDialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** Clicks `Undo restore`, then confirms in the dialog. */
  async undo(): Promise<void> {
    await this.undoButton.click();
    await expect(this.undoDialog).toBeVisible();
    await this.undoDialog.getByRole('button', { name: 'Undo restore' }).click();
    await expect(this.undoDialog).toBeHidden();
  }

  /** The "back up first" warning inside the restore form, with its `Download a backup first` button. */
  get backUpFirst(): Locator {
    return this.root.getByRole('group', { name: 'Back up first' });
  }

  /** Types "Your name (for the activity log)" under Recent activity. */
  async setOperatorName(name: string): Promise<void> {
    const summary = this.root.getByText('Recent activity', { exact: true });
    const details = summary.locator('xpath=..');
    if ((await details.getAttribute('open')) === null) await summary.click();
    await details.getByLabel('Your name').fill(name);
  }

  /** The sidebar's failure messages (role=alert). */
  get alerts(): Locator {
    return this.root.getByRole('alert');
  }

  /** Text of the (first) alert in the sidebar, once one is shown. */
  async alertText(): Promise<string> {
    await expect(this.alerts.first()).toBeVisible();
    return normalize(await this.alerts.first().innerText());
  }

  /** A success / progress message (role=status) whose text matches. */
  status(text: string | RegExp): Locator {
    return this.root.getByRole('status').filter({ hasText: text });
  }

  /** Texts of every role=status message in the sidebar now. */
  async statusMessages(): Promise<string[]> {
    return (await this.root.getByRole('status').allInnerTexts()).map(normalize);
  }

  /** The read-only notice of a tab that is not the writer, with its `Take over editing` button. */
  get readOnlyNotice(): Locator {
    return this.root.getByRole('status').filter({ hasText: 'read-only' });
  }

  get takeOverButton(): Locator {
    return this.root.getByRole('button', { name: 'Take over editing' });
  }

  /** Opens `Backup file options` and sets how credentials go into backup files. */
  async chooseSecrets(mode: 'plain' | 'encrypted' | 'omitted', passphrase?: string): Promise<void> {
    const options = this.root.getByText('Backup file options');
    const details = options.locator('xpath=..');
    if ((await details.getAttribute('open')) === null) await options.click();
    const label = mode === 'plain' ? /^Include/ : mode === 'encrypted' ? /^Encrypt/ : /^Leave credentials out/;
    await details.getByRole('radio', { name: label }).check();
    if (passphrase !== undefined) {
      await details.getByLabel('Backup passphrase', { exact: true }).fill(passphrase);
      await details.getByLabel('Repeat the passphrase', { exact: true }).fill(passphrase);
    }
  }
}

/** Clicks a button that downloads a file, and returns that download. */
export async function clickForDownload(page: Page, button: Locator): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return download;
}

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
