import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { saveConfiguration } from '../../src/core/db/configuration-save';
import { configurationInput, insertUploads } from '../support/catalog-db';
import { createBrokerageAs, findNotice, renderCatalog, section, showView } from '../support/render-catalog';

/** The brokerage names as listed, in order. */
function listedBrokerages(): string[] {
  const list = within(section('Brokerages')).getByRole('list', { name: 'Brokerages' });
  return within(list)
    .getAllByRole('button')
    .map((button) => button.textContent ?? '');
}

describe('catalog: brokerages', { timeout: 30_000 }, () => {
  it('creates brokerages, keeps punctuation, lists them by name and selects the new one', async () => {
    const { user } = await renderCatalog();
    expect(await screen.findByText('No brokerages yet. Create the first one below.')).toBeVisible();

    await createBrokerageAs(user, 'Blue   Line Freight');
    expect(await screen.findByRole('status')).toHaveTextContent('Created brokerage “Blue Line Freight”.');
    await createBrokerageAs(user, 'Acme, Inc.');
    await waitFor(() => expect(listedBrokerages()).toEqual(['Acme, Inc.', 'Blue Line Freight']));

    expect(screen.getByRole('button', { name: 'Acme, Inc.' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('heading', { name: 'Configurations for “Acme, Inc.”' })).toBeVisible();
    expect(within(section('Brokerages')).getByLabelText('Brokerage name')).toHaveValue('');
  });

  it('shows refusals under the form, in plain words', async () => {
    const { user } = await renderCatalog();
    await createBrokerageAs(user, 'Acme, Inc.');
    await screen.findByRole('button', { name: 'Acme, Inc.' });

    await createBrokerageAs(user, ' Acme,  Inc. ');
    const form = screen.getByRole('form', { name: 'New brokerage' });
    expect(await within(form).findByRole('alert')).toHaveTextContent('A brokerage named “Acme, Inc.” already exists.');

    await user.clear(within(form).getByLabelText('Brokerage name'));
    await user.click(within(form).getByRole('button', { name: 'Create brokerage' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('Please provide a brokerage name.');

    await createBrokerageAs(user, 'x'.repeat(101));
    expect(await within(form).findByRole('alert')).toHaveTextContent('at most 100 characters');
    expect(listedBrokerages()).toEqual(['Acme, Inc.']);
  });

  it('Cancel closes the rename form without renaming', async () => {
    const { user } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await user.click(await screen.findByRole('button', { name: 'Rename brokerage…' }));
    await user.type(screen.getByLabelText('New name'), ' typo');
    await user.click(
      within(screen.getByRole('form', { name: 'Rename “Acme”' })).getByRole('button', { name: 'Cancel' }),
    );
    expect(screen.queryByLabelText('New name')).toBeNull();
    expect(listedBrokerages()).toEqual(['Acme']);
  });

  it('renames the selected brokerage; its configurations follow', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    saveConfiguration(db, configurationInput('Acme'), '2026-11-22T08:00:00.000Z');
    // Rename is behind its own button: no name field until asked for.
    expect(screen.queryByLabelText('New name')).toBeNull();
    await user.click(await screen.findByRole('button', { name: 'Rename brokerage…' }));
    const rename = await screen.findByRole('form', { name: 'Rename “Acme”' });
    const input = within(rename).getByLabelText('New name');
    expect(input).toHaveFocus();
    await user.clear(input);
    await user.type(input, 'Acme, Inc.');
    await user.click(within(rename).getByRole('button', { name: 'Save name' }));

    const renamed = await findNotice('status', 'Renamed “Acme” to “Acme, Inc.”.');
    expect(renamed).toBeVisible();
    expect(renamed).toHaveFocus();
    expect(screen.queryByRole('form', { name: /^Rename/ })).toBeNull();
    await waitFor(() => expect(listedBrokerages()).toEqual(['Acme, Inc.']));
    const configurations = section('Configurations for “Acme, Inc.”');
    expect(await within(configurations).findByRole('heading', { name: 'Daily loads' })).toBeVisible();
  });

  it('asks before deleting, says what goes and what stays, and keeps the history', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme, Inc.');
    await screen.findByRole('button', { name: 'Acme, Inc.' });
    saveConfiguration(db, configurationInput('Acme, Inc.'), '2026-11-22T08:00:00.000Z');
    saveConfiguration(
      db,
      configurationInput('Acme, Inc.', { configuration_name: 'Weekly' }),
      '2026-11-22T08:00:00.000Z',
    );
    insertUploads(
      db,
      [1, 2, 3].map((m) => ({ brokerage: 'Acme, Inc.', at: `2026-11-20T08:0${m}:00.000Z` })),
    );
    await createBrokerageAs(user, 'Blue Line');
    await user.click(await screen.findByRole('button', { name: 'Acme, Inc.' }));
    await screen.findByText('2 configurations · 3 uploads');

    await user.click(screen.getByRole('button', { name: 'Delete brokerage…' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Acme, Inc.”?' });
    expect(dialog).toHaveTextContent(
      'Deletes “Acme, Inc.” and its 2 configurations. Its 3 upload history rows are kept.',
    );
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(listedBrokerages()).toEqual(['Acme, Inc.', 'Blue Line']);

    await user.click(screen.getByRole('button', { name: 'Delete brokerage…' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete brokerage' }));
    expect(
      await findNotice(
        'status',
        'Deleted “Acme, Inc.” and its 2 configurations. Its 3 upload history rows were kept.',
        section('Brokerages'),
      ),
    ).toBeVisible();
    await waitFor(() => expect(listedBrokerages()).toEqual(['Blue Line']));
    expect(db.exec('SELECT COUNT(*) FROM brokerage_configurations')[0]?.values[0]?.[0]).toBe(0);
    await showView(user, 'Upload history');
    const history = section('Upload history');
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(1 + 3));
    expect(within(history).getAllByText('Acme, Inc.')).toHaveLength(3);
  });
});
