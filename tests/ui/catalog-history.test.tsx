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
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[3]?.textContent ?? '');
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
    expect(
      await screen.findByText(
        'No uploads yet. Process a file (Process file) or restore a backup, and its runs appear here.',
      ),
    ).toBeVisible();
  });

  it('shows the newest 50 first with every column, then the next page on “Load more”', async () => {
    // 11 Acme-only minutes, then pairs: the 50th row is Blue Line's half of minute 11.
    const { user } = await withUploads(41, 30);
    const history = section('Upload history');
    await waitFor(() => expect(listedFiles()).toHaveLength(HISTORY_PAGE_SIZE));
    expect(
      within(history)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Time', 'Brokerage', 'Configuration', 'File', 'Total', 'Succeeded', 'Failed']);
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
    expect(within(history).getByText('Showing 2 of 2 matching uploads, newest first.')).toBeVisible();
    await user.selectOptions(within(history).getByLabelText('Filter by brokerage'), 'All brokerages');
    await waitFor(() => expect(listedFiles()).toHaveLength(5));
  });

  it('searches file names (any case, taken literally), and counts the matching set', async () => {
    const testApi = await createCatalogTestApi();
    insertUploads(testApi.db, [
      { brokerage: 'Acme', at: at(1), file: 'ACME_week_1.csv' },
      { brokerage: 'Acme', at: at(2), file: 'acme_week_2.csv' },
      { brokerage: 'Acme', at: at(3), file: 'blue_week_2.csv' },
      { brokerage: 'Acme', at: at(4), file: 'acme%week.csv' },
    ]);
    const { user } = await renderCatalog(testApi);
    await showView(user, 'Upload history');
    const history = section('Upload history');
    await waitFor(() => expect(listedFiles()).toHaveLength(4));
    await user.type(within(history).getByLabelText('Search file names'), 'acme_week');
    await waitFor(() => expect(listedFiles()).toEqual(['acme_week_2.csv', 'ACME_week_1.csv']));
    expect(within(history).getByText('Showing 2 of 2 matching uploads, newest first.')).toBeVisible();
    await user.clear(within(history).getByLabelText('Search file names'));
    await user.type(within(history).getByLabelText('Search file names'), '%');
    await waitFor(() => expect(listedFiles()).toEqual(['acme%week.csv']));
    await user.type(within(history).getByLabelText('Search file names'), 'nothing');
    expect(await within(history).findByText('No uploads match these filters.')).toBeVisible();
    await user.click(within(history).getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(listedFiles()).toHaveLength(4));
  });

  it('filters by configuration, dates and failures, and sorts oldest first', async () => {
    const testApi = await createCatalogTestApi();
    createBrokerage(testApi.db, 'Acme, Inc.', NOW);
    testApi.db.run(
      `INSERT INTO brokerage_configurations (brokerage_name, configuration_name, field_mappings, api_credentials) VALUES ('Acme, Inc.', 'Daily loads', '{}', '{}'), ('Acme, Inc.', 'Weekly', '{}', '{}')`,
    );
    const day = (d: number, file: string, extra: { configuration?: string | null; failed?: number } = {}) => ({
      brokerage: 'Acme, Inc.',
      at: new Date(Date.UTC(2026, 10, d, 12)).toISOString(),
      file,
      ...extra,
    });
    insertUploads(testApi.db, [
      day(1, 'nov1.csv', { failed: 0 }),
      day(2, 'nov2.csv', { configuration: 'Weekly', failed: 3 }),
      day(3, 'nov3.csv', { failed: 0, configuration: null }),
      day(4, 'nov4.csv', { failed: 2 }),
    ]);
    const { user } = await renderCatalog(testApi);
    await showView(user, 'Upload history');
    const history = section('Upload history');
    await waitFor(() => expect(listedFiles()).toEqual(['nov4.csv', 'nov3.csv', 'nov2.csv', 'nov1.csv']));

    await user.click(within(history).getByLabelText('Only uploads with failures'));
    await waitFor(() => expect(listedFiles()).toEqual(['nov4.csv', 'nov2.csv']));
    await user.selectOptions(within(history).getByLabelText('Order'), 'Oldest first');
    await waitFor(() => expect(listedFiles()).toEqual(['nov2.csv', 'nov4.csv']));
    expect(within(history).getByText('Showing 2 of 2 matching uploads, oldest first.')).toBeVisible();
    await user.click(within(history).getByLabelText('Only uploads with failures'));

    await user.selectOptions(within(history).getByLabelText('Filter by brokerage'), 'Acme, Inc.');
    await within(history).findByRole('option', { name: 'Weekly' });
    await user.selectOptions(within(history).getByLabelText('Configuration'), 'Weekly');
    await waitFor(() => expect(listedFiles()).toEqual(['nov2.csv']));
    await user.selectOptions(within(history).getByLabelText('Configuration'), 'No configuration recorded');
    await waitFor(() => expect(listedFiles()).toEqual(['nov3.csv']));
    await user.selectOptions(within(history).getByLabelText('Configuration'), 'All configurations');

    // Whole days in local time; "To" includes its day.
    await user.type(within(history).getByLabelText('From'), '2026-11-02');
    await user.type(within(history).getByLabelText('To'), '2026-11-03');
    await waitFor(() => expect(listedFiles()).toEqual(['nov2.csv', 'nov3.csv']));
    expect(within(history).getByText('Showing 2 of 2 matching uploads, oldest first.')).toBeVisible();
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
    expect(known).not.toHaveTextContent(/time unknown/i);
    // No made-up time: the stored one is only the backup's.
    expect(within(imported as HTMLElement).queryByText(/2026/)).toBeNull();
    expect((imported as HTMLElement).querySelector('time')).toBeNull();
    expect(within(known as HTMLElement).getByText(/2026/)).toHaveAttribute('datetime', at(5));
  });
});
