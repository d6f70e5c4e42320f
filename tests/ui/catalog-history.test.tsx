import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBrokerage } from '../../src/core/db/brokerages';
import { HISTORY_PAGE_SIZE } from '../../src/ui/history/history-panel';
import { insertUploads } from '../support/catalog-db';
import { createCatalogTestApi } from '../support/catalog-test-api';
import { renderCatalog, section, showView } from '../support/render-catalog';

const NOW = '2026-11-22T08:00:00.000Z';

/** Minute `m` after 2026-11-20 00:00 UTC, so later rows sort first. */
const at = (m: number) => new Date(Date.UTC(2026, 10, 20) + m * 60_000).toISOString();

/** The file names in the history table, top to bottom. */
function listedFiles(): string[] {
  const table = within(section('Upload history')).getByRole('table');
  return within(table).getAllByRole('row').slice(1).map((row) => within(row).getAllByRole('cell')[3]?.textContent ?? '');
}

/** A catalog over a database holding two brokerages and their uploads. */
async function withUploads(acme: number, blue: number) {
  const testApi = await createCatalogTestApi();
  createBrokerage(testApi.db, 'Acme, Inc.', NOW);
  createBrokerage(testApi.db, 'Blue Line', NOW);
  // File n of each brokerage is uploaded at minute n, so rows of the two share timestamps.
  const rows = [
    ...Array.from({ length: acme }, (_, i) => ({ brokerage: 'Acme, Inc.', at: at(i + 1), file: `acme-${i + 1}.csv` })),
    ...Array.from({ length: blue }, (_, i) => ({ brokerage: 'Blue Line', at: at(i + 1), file: `blue-${i + 1}.csv` })),
  ];
  insertUploads(testApi.db, rows);
  const rendered = await renderCatalog(testApi);
  await showView(rendered.user, 'Upload history');
  return rendered;
}

describe('catalog: upload history', { timeout: 30_000 }, () => {
  it('says where history comes from when there is none', async () => {
    const { user } = await renderCatalog();
    await showView(user, 'Upload history');
    expect(await screen.findByText('No uploads yet. Process a file (Process file) or restore a backup, and its runs appear here.')).toBeVisible();
  });

  it('shows the newest 50 first with every column, then the next page on “Load more”', async () => {
    // 11 Acme-only minutes, then pairs: the 50th row is Blue Line's half of minute 11.
    const { user } = await withUploads(41, 30);
    const history = section('Upload history');
    await waitFor(() => expect(listedFiles()).toHaveLength(HISTORY_PAGE_SIZE));
    expect(within(history).getAllByRole('columnheader').map((th) => th.textContent)).toEqual(
      ['Time', 'Brokerage', 'Configuration', 'File', 'Total', 'Succeeded', 'Failed'],
    );
    expect(listedFiles().slice(0, 4)).toEqual(['acme-41.csv', 'acme-40.csv', 'acme-39.csv', 'acme-38.csv']);
    expect(listedFiles().slice(-3)).toEqual(['blue-12.csv', 'acme-12.csv', 'blue-11.csv']);
    const first = within(history).getAllByRole('row')[1];
    expect(first).toHaveTextContent(/Acme, Inc\.Daily loadsacme-41\.csv1091/);
    expect(within(history).getByText('Showing 50 of 71 uploads, newest first.')).toBeVisible();

    await user.click(within(history).getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(listedFiles()).toHaveLength(71));
    expect(listedFiles().slice(49, 51)).toEqual(['blue-11.csv', 'acme-11.csv']);
    expect(listedFiles().slice(-2)).toEqual(['blue-1.csv', 'acme-1.csv']);
    expect(new Set(listedFiles()).size).toBe(71);
    expect(within(history).queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('filters by brokerage', async () => {
    const { user } = await withUploads(3, 2);
    const history = section('Upload history');
    await waitFor(() => expect(listedFiles()).toHaveLength(5));
    await within(history).findByRole('option', { name: 'Blue Line' });
    await user.selectOptions(within(history).getByLabelText('Filter by brokerage'), 'Blue Line');
    await waitFor(() => expect(listedFiles()).toEqual(['blue-2.csv', 'blue-1.csv']));
    expect(within(history).getByText('Showing 2 of 2 uploads, newest first.')).toBeVisible();
    await user.selectOptions(within(history).getByLabelText('Filter by brokerage'), 'All brokerages');
    await waitFor(() => expect(listedFiles()).toHaveLength(5));
  });

  it('marks rows whose real time was lost', async () => {
    const testApi = await createCatalogTestApi();
    insertUploads(testApi.db, [
      { brokerage: 'Acme', at: at(5), file: 'known.csv' },
      { brokerage: 'Acme', at: at(1), file: 'imported.csv', unknownTime: true },
    ]);
    const { user } = await renderCatalog(testApi);
    await showView(user, 'Upload history');
    const history = section('Upload history');
    await waitFor(() => expect(listedFiles()).toEqual(['known.csv', 'imported.csv']));
    const [, known, imported] = within(history).getAllByRole('row');
    expect(imported).toHaveTextContent('time unknown (imported)');
    expect(known).not.toHaveTextContent('time unknown');
    expect(within(imported as HTMLElement).getByText(/2026/)).toHaveAttribute('datetime', at(1));
  });
});
