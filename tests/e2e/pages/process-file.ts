import { expect, type Download, type Locator, type Page } from '@playwright/test';
import { Catalog } from './catalog';

/** The Process file view, found by the names of docs/design.md's "Processing files" contract. */
export class ProcessFile {
  readonly main: Locator;
  private readonly catalog: Catalog;

  constructor(readonly page: Page) {
    this.main = page.getByRole('main');
    this.catalog = new Catalog(page);
  }

  /** Opens the view and picks a brokerage and configuration. */
  async open(brokerage: string, configuration: string): Promise<void> {
    await this.catalog.showView('Process file');
    await this.main.getByLabel('Brokerage', { exact: true }).selectOption({ label: brokerage });
    await this.main.getByLabel('Configuration', { exact: true }).selectOption({ label: configuration });
  }

  /** Chooses a file in the drop zone. */
  async chooseFile(name: string, contents: string | Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.main
      .getByLabel('Choose a CSV or Excel file')
      .setInputFiles({ name, mimeType, buffer: Buffer.isBuffer(contents) ? contents : Buffer.from(contents) });
  }

  /** Chooses the file and waits until it is read. */
  async loadFile(name: string, contents: string | Buffer, rows: number): Promise<void> {
    await this.chooseFile(name, contents);
    await expect(this.main.getByRole('region', { name: 'File read' })).toContainText(`${name} loaded: ${rows} rows`);
  }

  button(name: string): Locator {
    return this.main.getByRole('button', { name, exact: true });
  }

  get results(): Locator {
    return this.main.getByRole('region', { name: 'Processing results' });
  }

  get alert(): Locator {
    return this.main.getByRole('alert');
  }

  /** Presses Process data and waits for the results. */
  async processData(): Promise<void> {
    await this.button('Process data').click();
    await expect(this.results).toBeVisible({ timeout: 30_000 });
  }

  /** Presses a download button and returns the download. */
  async download(name: string): Promise<Download> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.results.getByRole('button', { name, exact: true }).click(),
    ]);
    return download;
  }
}

/** A download's contents as text. */
export async function downloadText(download: Download): Promise<string> {
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
