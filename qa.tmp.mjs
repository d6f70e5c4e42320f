import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking'] });
const ctx = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
const page = await ctx.newPage();
await page.goto('http://127.0.0.1:4300/');
const main = page.getByRole('main');
for (const n of ['Acme Freight, Inc.', 'Blue Line']) { await main.getByLabel('Brokerage name').fill(n); await main.getByRole('button', { name: 'Create brokerage' }).click(); await page.waitForTimeout(500); }
const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('complementary').getByRole('button', { name: 'Download backup' }).click()]);
const path = '/tmp/qa-backup.json'; await dl.saveAs(path);
await main.getByLabel('Brokerage name').fill('Gamma Haulage'); await main.getByRole('button', { name: 'Create brokerage' }).click(); await page.waitForTimeout(500);
await page.getByLabel('Restore from backup').setInputFiles(path);
await page.waitForTimeout(2000);
await page.screenshot({ path: '/tmp/q6.png' });
await browser.close();
