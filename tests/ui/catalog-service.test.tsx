import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createTestApi } from '../support/test-api';
import { createBrokerageAs, findNotice, renderCatalogOver, section } from '../support/render-catalog';

/**
 * The catalog over the full database service (real sql.js, persistence to fake-indexeddb): the
 * same user flows as the adapter-based tests, through the code path the app really uses.
 */
describe('catalog over the database service', { timeout: 30_000 }, () => {
  it('creates, edits, renames and deletes, and what it wrote is what the service reads back', async () => {
    const api = await createTestApi();
    const { user } = await renderCatalogOver(api);
    await createBrokerageAs(user, 'Acme,  Inc.');
    await createBrokerageAs(user, 'Blue Line');
    await user.click(await screen.findByRole('button', { name: 'Acme, Inc.' }));

    await user.click(await screen.findByRole('button', { name: 'New configuration' }));
    const form = await screen.findByRole('form', { name: 'New configuration for “Acme, Inc.”' });
    await user.type(within(form).getByLabelText('Configuration name'), 'Daily loads');
    await user.type(within(form).getByLabelText('API key'), 'ak-1');
    await user.click(within(form).getByRole('button', { name: 'Save configuration' }));
    await findNotice('status', 'Created configuration “Daily loads” (version 1).');

    await user.click(await screen.findByRole('button', { name: 'Edit Daily loads' }));
    await user.click(
      within(await screen.findByRole('form', { name: 'Edit “Daily loads”' })).getByRole('button', {
        name: 'Save configuration',
      }),
    );
    await findNotice('status', 'Saved configuration “Daily loads” (version 2).');

    await user.click(screen.getByRole('button', { name: 'Rename brokerage…' }));
    const rename = screen.getByRole('form', { name: 'Rename “Acme, Inc.”' });
    await user.clear(within(rename).getByLabelText('New name'));
    await user.type(within(rename).getByLabelText('New name'), 'Acme Logistics');
    await user.click(within(rename).getByRole('button', { name: 'Save name' }));
    await findNotice('status', 'Renamed “Acme, Inc.” to “Acme Logistics”.');
    expect(await api.listConfigurations('Acme Logistics')).toEqual([
      expect.objectContaining({ configuration_name: 'Daily loads', version: 2, hasApiKey: true }),
    ]);

    await user.click(screen.getByRole('button', { name: 'Blue Line' }));
    await user.click(await screen.findByRole('button', { name: 'Delete brokerage…' }));
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog).toHaveTextContent(
      'Deletes “Blue Line” and its 0 configurations. Its 0 upload history rows are kept.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete brokerage' }));
    await waitFor(async () => expect((await api.listBrokerages()).map((b) => b.name)).toEqual(['Acme Logistics']));
    expect(await within(section('Brokerages')).findByText(/Deleted “Blue Line”/)).toBeVisible();
    expect((await api.getStatus()).persistence.state).toBe('saved');
  });
});
