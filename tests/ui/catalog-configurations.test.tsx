import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createBrokerageAs, findNotice, renderCatalog, section, type User } from '../support/render-catalog';

interface ConfigurationSpec {
  name: string;
  description?: string;
  authType?: 'API key' | 'Bearer token';
  baseUrl?: string;
  secret?: string;
  mappings?: [field: string, source: string, manual?: boolean][];
}

/** Fills and submits the configuration form that is open. */
async function fillConfigurationForm(user: User, spec: ConfigurationSpec): Promise<HTMLElement> {
  const form = await screen.findByRole('form', { name: /New configuration|Edit/ });
  // Pasting, not typing key by key: the form is long and jsdom re-renders on every key.
  const type = async (label: string, value: string) => {
    const input = within(form).getByLabelText(label);
    await user.clear(input);
    if (value) await user.paste(value);
  };
  await type('Configuration name', spec.name);
  if (spec.description !== undefined) await type('Description', spec.description);
  if (spec.authType) await user.selectOptions(within(form).getByLabelText('Authentication type'), spec.authType);
  if (spec.baseUrl !== undefined) await type('API base URL', spec.baseUrl);
  const secretLabel = spec.authType === 'Bearer token' ? 'Bearer token' : 'API key';
  if (spec.secret !== undefined) await type(secretLabel, spec.secret);
  for (const [field, source, manual] of spec.mappings ?? []) {
    await user.click(within(form).getByRole('button', { name: 'Add mapping' }));
    const number = within(form).getAllByLabelText(/^API field \d+$/).length;
    await user.click(within(form).getByLabelText(`API field ${number}`));
    await user.paste(field);
    if (manual) await user.selectOptions(within(form).getByLabelText(`Source ${number}`), 'Manual value');
    await user.click(within(form).getByLabelText(manual ? `Manual value ${number}` : `CSV column ${number}`));
    await user.paste(source);
  }
  await user.click(within(form).getByRole('button', { name: 'Save configuration' }));
  return form;
}

/** Opens the new-configuration form of the selected brokerage and saves `spec`. */
async function createConfiguration(user: User, spec: ConfigurationSpec): Promise<void> {
  await user.click(await screen.findByRole('button', { name: 'New configuration' }));
  await fillConfigurationForm(user, spec);
  await findNotice('status', `Created configuration “${spec.name}” (version 1).`);
}

/** The configuration names listed for a brokerage. */
function listedConfigurations(brokerage: string): string[] {
  const list = within(section(`Configurations for “${brokerage}”`)).getByRole('list', {
    name: `Configurations of ${brokerage}`,
  });
  return within(list)
    .getAllByRole('heading')
    .map((heading) => heading.textContent ?? '');
}

describe('catalog: configurations', { timeout: 30_000 }, () => {
  it('creates three configurations for two brokerages through the form, secrets masked', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme, Inc.');
    await createBrokerageAs(user, 'Blue Line');
    await user.click(await screen.findByRole('button', { name: 'Acme, Inc.' }));

    await user.click(await screen.findByRole('button', { name: 'New configuration' }));
    const form = await screen.findByRole('form', { name: 'New configuration for “Acme, Inc.”' });
    expect(within(form).getByLabelText('API base URL')).toHaveValue('https://api.prod.goaugment.com');
    expect(within(form).getByLabelText('API key')).toHaveAttribute('type', 'password');
    await fillConfigurationForm(user, {
      name: 'Daily loads',
      description: 'Morning CSV',
      secret: 'ak-acme-1111',
      mappings: [
        ['load.loadNumber', 'load_number'],
        ['load.mode', 'ftl', true],
      ],
    });
    await findNotice('status', 'Created configuration “Daily loads” (version 1).');
    await createConfiguration(user, { name: 'Weekly (bulk) loads', authType: 'Bearer token', secret: 'bt-acme-2222' });
    await waitFor(() => expect(listedConfigurations('Acme, Inc.')).toEqual(['Daily loads', 'Weekly (bulk) loads']));

    await user.click(screen.getByRole('button', { name: 'Blue Line' }));
    await createConfiguration(user, { name: 'Standard', secret: 'ak-blue-3333' });
    await waitFor(() => expect(listedConfigurations('Blue Line')).toEqual(['Standard']));
    expect(within(section('Brokerages')).getByText('1 configuration · 0 uploads')).toBeVisible();

    const stored = db.exec(
      "SELECT field_mappings FROM brokerage_configurations WHERE configuration_name = 'Daily loads'",
    );
    expect(JSON.parse(String(stored[0]?.values[0]?.[0]))).toEqual({
      'load.loadNumber': 'load_number',
      'load.mode': 'MANUAL_VALUE:FTL',
    });
    expect(document.body).not.toHaveTextContent(/ak-acme|bt-acme|ak-blue/);
  });

  it.each<[string, ConfigurationSpec, string]>([
    ['no name', { name: '', secret: 'k' }, 'Please provide a configuration name.'],
    ['no API key', { name: 'Daily', secret: '' }, 'Please provide an API key for API key authentication.'],
    [
      'no bearer token',
      { name: 'Daily', authType: 'Bearer token', secret: '' },
      'Please provide a bearer token for bearer token authentication.',
    ],
    ['no base URL', { name: 'Daily', secret: 'k', baseUrl: '' }, 'Please provide an API base URL.'],
    [
      'a manual value outside the enum',
      { name: 'Daily', secret: 'k', mappings: [['load.mode', 'TRUCK', true]] },
      '“TRUCK” is not a valid value for “load.mode”. Use one of: FTL, LTL, DRAYAGE.',
    ],
  ])('refuses %s under the form', async (_case, spec, message) => {
    const { user } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await user.click(await screen.findByRole('button', { name: 'New configuration' }));
    const form = await fillConfigurationForm(user, spec);
    expect(await findNotice('alert', message, form)).toBeVisible();
    expect(screen.getByText('No configurations yet for “Acme”. Create your first configuration.')).toBeVisible();
  });

  it('marks required fields and lists those still missing', async () => {
    const { user } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await user.click(await screen.findByRole('button', { name: 'New configuration' }));
    const form = await screen.findByRole('form', { name: /New configuration/ });
    expect(within(form).getByText('Required fields not mapped yet: 23 of 23')).toBeVisible();
    await user.click(within(form).getByRole('button', { name: 'Add mapping' }));
    await user.type(within(form).getByLabelText('API field 1'), 'carrier.mcNumber');
    await user.type(within(form).getByLabelText('CSV column 1'), 'mc');
    // An optional carrier field brings in nothing (the original's own group lists).
    expect(within(form).getByText('Required fields not mapped yet: 23 of 23')).toBeVisible();
    await user.clear(within(form).getByLabelText('API field 1'));
    await user.type(within(form).getByLabelText('API field 1'), 'carrier.name');
    expect(within(form).getByText('Required fields not mapped yet: 31 of 32')).toBeVisible();
    await user.clear(within(form).getByLabelText('API field 1'));
    await user.type(within(form).getByLabelText('API field 1'), 'customer.name');
    // The field's label stands beside its path, and a required one says so.
    expect(within(form).getByLabelText('API field 1')).toHaveAccessibleDescription(/^Customer name Required field$/i);
    expect(within(form).getByText('Required fields not mapped yet: 22 of 23')).toBeVisible();
    await user.click(within(form).getByRole('button', { name: 'Remove mapping 1' }));
    expect(within(form).queryByLabelText('API field 1')).not.toBeInTheDocument();
  });

  it('edits a configuration: blank key keeps the stored one, version goes up', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await createConfiguration(user, { name: 'Daily loads', secret: 'ak-1111' });
    expect(await screen.findByText(/^Version 1 · updated/)).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Edit Daily loads' }));
    const form = await screen.findByRole('form', { name: 'Edit “Daily loads”' });
    expect(within(form).getByLabelText('API key')).toHaveValue('');
    expect(within(form).getByLabelText('API key')).toHaveAttribute(
      'placeholder',
      'A key is stored — leave blank to keep it',
    );
    await fillConfigurationForm(user, { name: 'Daily loads', description: 'Now with a description' });
    await findNotice('status', 'Saved configuration “Daily loads” (version 2).');
    expect(await screen.findByText(/^Version 2 · updated/)).toBeVisible();
    expect(screen.getByText('Now with a description')).toBeVisible();
    expect(String(db.exec('SELECT api_credentials FROM brokerage_configurations')[0]?.values[0]?.[0])).toContain(
      'ak-1111',
    );
  });

  it('a stored key stays with its address: another host in the base URL asks for the key beside it', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await createConfiguration(user, { name: 'Daily loads', secret: 'ak-1111' });
    await user.click(await screen.findByRole('button', { name: 'Edit Daily loads' }));
    const form = await screen.findByRole('form', { name: 'Edit “Daily loads”' });
    const baseUrl = within(form).getByLabelText('API base URL');
    const key = within(form).getByLabelText('API key');
    expect(key).not.toHaveAccessibleDescription();

    await user.clear(baseUrl);
    await user.paste('https://attacker.example');
    expect(key).toHaveAccessibleDescription(
      'The stored API key is only ever sent to https://api.prod.goaugment.com. ' +
        'For https://attacker.example, type the API key again.',
    );
    expect(key).toHaveAttribute('placeholder', 'Type the API key for the new address');
    await user.click(within(form).getByRole('button', { name: 'Test connection' }));
    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('The stored API key belongs to https://api.prod.goaugment.com');
    await user.click(within(form).getByRole('button', { name: 'Save configuration' }));
    const refusal = await within(form).findByText(/Type the API key again for the new address.*Nothing was saved\./);
    expect(refusal.closest('[role="alert"]')).not.toBeNull();
    const stored = String(db.exec('SELECT api_credentials FROM brokerage_configurations')[0]?.values[0]?.[0]);
    expect(stored).toContain('api.prod.goaugment.com');

    // Back on the same origin (another path), the stored key is kept without a word.
    await user.clear(baseUrl);
    await user.paste('https://api.prod.goaugment.com/v2');
    expect(key).not.toHaveAccessibleDescription();
    await user.click(within(form).getByRole('button', { name: 'Save configuration' }));
    await findNotice('status', 'Saved configuration “Daily loads” (version 2).');
  });

  it('marks a configuration whose stored address the app will not send to, and says why', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await createConfiguration(user, { name: 'Restored', secret: 'ak-1' });
    const credentials = JSON.stringify({ base_url: 'http://someone@api.example', api_key: 'ak-1' });
    db.run('UPDATE brokerage_configurations SET api_credentials = ?', [credentials]);
    await createBrokerageAs(user, 'Other');
    await user.click(await screen.findByRole('button', { name: 'Acme' }));
    const item = (await screen.findByText('Check API address')).closest('li');
    expect(item).not.toBeNull();
    expect(item).toHaveTextContent('must not contain a user name or password');
  });

  it('shows “Needs credentials” and lets the user complete them', async () => {
    const { user, db } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await createConfiguration(user, { name: 'Restored', secret: 'ak-1' });
    db.run(
      `UPDATE brokerage_configurations SET api_credentials = '{"base_url":"https://api.example"}', needs_credentials = 1`,
    );
    await createBrokerageAs(user, 'Other');
    await user.click(await screen.findByRole('button', { name: 'Acme' }));
    expect(await screen.findByText('Needs credentials')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Edit Restored' }));
    const form = await screen.findByRole('form', { name: 'Edit “Restored”' });
    expect(within(form).getByText(/No API key is stored for this configuration/)).toBeVisible();
    expect(within(form).getByLabelText('API key')).toHaveAttribute('placeholder', 'Paste the API key');
    await fillConfigurationForm(user, { name: 'Restored', secret: 'ak-new' });
    await findNotice('status', 'Saved configuration “Restored” (version 2).');
    await waitFor(() => expect(screen.queryByText('Needs credentials')).not.toBeInTheDocument());
  });

  it('deletes a configuration after confirmation', async () => {
    const { user } = await renderCatalog();
    await createBrokerageAs(user, 'Acme');
    await createConfiguration(user, { name: 'Daily loads', secret: 'k' });
    await createConfiguration(user, { name: 'Weekly', secret: 'k' });
    await user.click(await screen.findByRole('button', { name: 'Delete Weekly' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete “Weekly”?' });
    expect(dialog).toHaveTextContent('Upload history is kept.');
    await user.click(within(dialog).getByRole('button', { name: 'Delete configuration' }));
    await findNotice('status', 'Deleted configuration “Weekly”.');
    await waitFor(() => expect(listedConfigurations('Acme')).toEqual(['Daily loads']));
  });
});
