import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SAVE_DELAY_MS } from '../../src/ui/processing/use-debounced-save';
import { createTestApi } from '../support/test-api';
import { LOADS_HEADER, LOADS_MAPPING, loadRows } from '../support/loads-csv';
import { createApiConfiguration } from '../support/processing-support';
import { renderCatalogOver, showView } from '../support/render-catalog';

/** The loads export with a `Rate` column added (a column that fits bid target cost). */
function loadsWithRate(count: number): string {
  return [[...LOADS_HEADER, 'Rate'], ...loadRows(count).map((cells, i) => [...cells, String(1000 + i)])]
    .map((row) => row.join(','))
    .join('\n');
}

/** Opens Process file over the real in-process service and chooses a file for the configuration. */
async function openWithFile(mappings: Record<string, string>, csv: string) {
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
    new File([csv], 'loads.csv', { type: 'text/csv' }),
  );
  await screen.findByText(/loaded: \d+ rows/);
  // By its heading: role queries over the 89 field rows are slow in jsdom.
  const mapping = (await screen.findByRole('heading', { name: 'Field mapping' })).closest('section') as HTMLElement;
  return { api, user, mapping };
}

describe('Process file: the mapping step with input nobody planned for', () => {
  it('a manual value typed with a pause is saved once, whole: 24, never 2; the step stays open', async () => {
    const { api, user, mapping } = await openWithFile(
      { ...LOADS_MAPPING, 'load.items.0.totalWeightLbs': 'MANUAL_VALUE:1000' },
      loadsWithRate(3),
    );
    const before = (await api.getStatus()).counts.configuration_changes;
    await user.selectOptions(within(mapping).getByLabelText('Item quantity'), 'Manual value…');
    const box = within(mapping).getByLabelText('Item quantity manual value');
    await user.type(box, '2');
    // Longer than the save delay: nothing may be saved while the box still has focus.
    await new Promise((resolve) => setTimeout(resolve, SAVE_DELAY_MS + 700));
    expect((await api.getStatus()).counts.configuration_changes).toBe(before);
    expect(screen.getByRole('heading', { name: 'Field mapping' })).toBeInTheDocument();
    await user.type(box, '4');
    expect(box).toHaveValue('24');
    await user.tab();
    await waitFor(async () => expect((await api.getStatus()).counts.configuration_changes).toBe(before + 1), {
      timeout: 5000,
    });
    const [saved] = await api.listConfigurations('Acme, Inc.');
    expect(saved?.field_mappings['load.items.0.quantity']).toBe('MANUAL_VALUE:24');
    // Complete now, and still open until the user continues.
    expect(screen.getByRole('heading', { name: 'Field mapping' })).toBeInTheDocument();
    await waitFor(() => expect(within(mapping).getByRole('button', { name: 'Continue' })).toBeEnabled());
  });

  it('offers Rate for bid target cost, not applied; Use applies it; Continue says what the bid group needs', async () => {
    const { user, mapping } = await openWithFile({ 'load.loadNumber': 'load_number' }, loadsWithRate(3));
    const offers = within(mapping).getByRole('region', { name: 'Suggested columns, not applied' });
    expect(offers).toHaveTextContent('rate → Bid: target cost (USD)');
    // Every always-required field was suggested and applied: complete without the bid group.
    expect(within(mapping).getByText('Required fields 23/23')).toBeInTheDocument();
    expect(within(mapping).getByRole('button', { name: 'Continue' })).toBeEnabled();

    await user.click(within(offers).getByRole('button', { name: 'Use rate for Bid: target cost (USD)' }));
    const cont = within(mapping).getByRole('button', { name: 'Continue' });
    expect(cont).toBeDisabled();
    expect(cont).toHaveAccessibleDescription(
      new RegExp(
        String.raw`Bid: height \(in\).*are needed because Bid: target cost \(USD\) is mapped: ` +
          String.raw`map them, or set Bid: target cost \(USD\) to None to skip bid details\.`,
        'u',
      ),
    );

    await user.selectOptions(within(mapping).getByLabelText('Bid: target cost (USD)'), 'None');
    expect(within(mapping).getByRole('button', { name: 'Continue' })).toBeEnabled();
  });
});
