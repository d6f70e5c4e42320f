import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../support/test-api';
import { LOADS_MAPPING, loadsCsv } from '../support/loads-csv';
import { createApiConfiguration } from '../support/processing-support';
import { renderCatalogOver, showView } from '../support/render-catalog';

/** Opens Process file over the real in-process service and chooses a file for the configuration. */
async function openWithFile(mappings: Record<string, string>) {
  const api = await createTestApi();
  await createApiConfiguration(api, 'http://127.0.0.1:9', mappings);
  const { user } = await renderCatalogOver(api);
  await showView(user, 'Process file');
  await screen.findByRole('option', { name: 'Acme, Inc.' });
  await user.selectOptions(screen.getByLabelText('Brokerage'), 'Acme, Inc.');
  await waitFor(() => expect(screen.getByRole('option', { name: 'Daily loads' })).toBeInTheDocument());
  await user.selectOptions(screen.getByLabelText('Configuration'), 'Daily loads');
  await user.upload(
    screen.getByLabelText('Choose a CSV or Excel file'),
    new File([loadsCsv(5)], 'loads.csv', { type: 'text/csv' }),
  );
  await screen.findByText(/loaded: 5 rows/);
  return { api, user };
}

describe('Process file: the mapping step', () => {
  it('saves the mapping once per pause, not once per change (one configuration_changes row)', async () => {
    const partial: Record<string, string> = { ...LOADS_MAPPING };
    delete partial['customer.name'];
    delete partial['load.mode'];
    const { api, user } = await openWithFile({ 'load.loadNumber': 'load_number' });
    const before = (await api.getStatus()).counts.configuration_changes;
    // By its heading: role queries over the 89 field rows are slow in jsdom.
    const mapping = (await screen.findByRole('heading', { name: 'Field mapping' })).closest('section') as HTMLElement;
    // Three changes in a row, faster than the save delay.
    await user.selectOptions(within(mapping).getByLabelText('Customer name'), 'col:customer_name');
    await user.selectOptions(within(mapping).getByLabelText('Load mode'), 'col:mode');
    await user.selectOptions(within(mapping).getByLabelText('Load status'), 'col:status');
    await waitFor(async () => expect((await api.getStatus()).counts.configuration_changes).toBe(before + 1), {
      timeout: 5000,
    });
    // And it stays one: nothing more is written without another change.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect((await api.getStatus()).counts.configuration_changes).toBe(before + 1);
    const [saved] = await api.listConfigurations('Acme, Inc.');
    expect(saved?.field_mappings).toMatchObject({
      'customer.name': 'customer_name',
      'load.mode': 'mode',
      'load.status': 'status',
    });
  });

  it('with a complete mapping, the only clicks to sending are Validate and Process data', async () => {
    await openWithFile({ ...LOADS_MAPPING });
    expect(screen.queryByRole('heading', { name: 'Field mapping' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Validate' })).toBeEnabled();
  });
});
