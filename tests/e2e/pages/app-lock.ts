import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The app lock (docs/design.md UI contract): `Lock with a passphrase` → `New passphrase`,
 * `Confirm passphrase`, `Turn on lock`; `Lock now`; and the locked page, whose only form has
 * `Passphrase` and `Unlock`.
 */
export class AppLockPage {
  constructor(readonly page: Page) {}

  get controls(): Locator {
    return this.page.getByRole('region', { name: 'App lock' });
  }

  get lockNowButton(): Locator {
    return this.controls.getByRole('button', { name: 'Lock now' });
  }

  /** The unlock screen's heading. */
  get unlockHeading(): Locator {
    return this.page.getByRole('heading', { name: 'Unlock FF2API' });
  }

  get unlockForm(): Locator {
    return this.page.getByRole('form', { name: 'Unlock FF2API' });
  }

  /** Turns the lock on through its setting and waits until `Lock now` is offered. */
  async turnOn(passphrase: string, confirmation = passphrase): Promise<void> {
    await this.controls.getByRole('button', { name: 'Lock with a passphrase' }).click();
    const form = this.page.getByRole('form', { name: 'Lock with a passphrase' });
    await expect(form).toContainText('cannot be recovered');
    await form.getByLabel('New passphrase').fill(passphrase);
    await form.getByLabel('Confirm passphrase').fill(confirmation);
    await form.getByRole('button', { name: 'Turn on lock' }).click();
    if (confirmation === passphrase) await expect(this.lockNowButton).toBeVisible();
  }

  /** Presses `Lock now` and waits for the unlock screen. */
  async lockNow(): Promise<void> {
    await this.lockNowButton.click();
    await expect(this.unlockHeading).toBeVisible();
  }

  /** Types a passphrase into the unlock form and presses `Unlock`. */
  async tryUnlock(passphrase: string): Promise<void> {
    await this.unlockForm.getByLabel('Passphrase').fill(passphrase);
    await this.unlockForm.getByRole('button', { name: 'Unlock' }).click();
  }

  /** Unlocks and waits for the app (its sidebar) to be back. */
  async unlock(passphrase: string): Promise<void> {
    await this.tryUnlock(passphrase);
    await expect(this.page.getByRole('complementary', { name: 'Database management' })).toBeVisible();
  }

  /** Opens `Lock settings` (lock on). */
  async openSettings(): Promise<Locator> {
    const toggle = this.controls.getByRole('button', { name: 'Lock settings' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return this.controls;
  }
}

/**
 * Every value in the origin's IndexedDB databases, as text a test can search: strings as they
 * are, byte arrays decoded as Latin-1 (so an ASCII key inside a binary SQLite file shows).
 */
export async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const parts: string[] = [];
    const describe = (value: unknown, depth = 0): void => {
      if (depth > 8 || value === null || value === undefined) return;
      if (typeof value === 'string') parts.push(value);
      else if (typeof value === 'number' || typeof value === 'boolean') parts.push(String(value));
      else if (ArrayBuffer.isView(value)) {
        const bytes = new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
        let text = '';
        for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
        parts.push(text);
      } else if (Array.isArray(value)) value.forEach((item) => describe(item, depth + 1));
      else if (typeof value === 'object')
        for (const [key, item] of Object.entries(value)) {
          parts.push(key);
          describe(item, depth + 1);
        }
    };
    for (const info of await indexedDB.databases()) {
      if (!info.name) continue;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(info.name as string);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      for (const storeName of Array.from(db.objectStoreNames)) {
        const values = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(storeName).objectStore(storeName).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        parts.push(`[${info.name}/${storeName}]`);
        values.forEach((value) => describe(value));
      }
      db.close();
    }
    return parts.join('\n');
  });
}
