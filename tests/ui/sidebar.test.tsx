import { within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { DatabaseApi } from '../../src/worker/api';
import { renderSidebar } from '../support/render-sidebar';
import { createTestApi } from '../support/test-api';

const T0 = '2026-11-22T08:00:00.000Z';

async function seed(api: DatabaseApi) {
  await api.createBrokerage('Acme, Inc.');
  for (const name of ['Main', 'Backup lane']) {
    const saved = await api.saveConfiguration({
      brokerage_name: 'Acme, Inc.',
      configuration_name: name,
      description: '',
      auth_type: 'api_key',
      base_url: 'https://api.prod.goaugment.com',
      api_key: 'K',
      bearer_token: '',
      field_mappings: {},
    });
    expect(saved.ok).toBe(true);
  }
}

function fileFrom(text: string, name = 'ff2api_backup_20261122_170000.json') {
  return new File([text], name, { type: 'application/json' });
}

describe('database sidebar', () => {
  it('says the database is empty, Stable and Low risk, on a new database', async () => {
    const clock = fixedClock(T0);
    const { sidebar } = renderSidebar(await createTestApi({ clock }), clock);
    expect(await within(sidebar()).findByText('Database is empty')).toBeInTheDocument();
    expect(within(sidebar()).getByTestId('age-banner')).toHaveTextContent('Stable');
    expect(within(sidebar()).getByTestId('risk-banner')).toHaveTextContent('Low risk');
    expect(within(sidebar()).getByLabelText('Restore from backup')).toBeInTheDocument();
  });

  it('shows the counts, and after a backup download says nothing changed since', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await seed(api);
    clock.advanceHours(30);
    const { sidebar, downloads } = renderSidebar(api, clock);
    expect(await within(sidebar()).findByText(/2 brokerage configs, 0 uploads/)).toBeInTheDocument();
    expect(within(sidebar()).getByTestId('age-banner')).toHaveTextContent('Warning');
    expect(within(sidebar()).getByTestId('risk-banner')).toHaveTextContent('No backup yet');
    await userEvent.click(within(sidebar()).getByRole('button', { name: 'Download backup' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]?.fileName).toMatch(/^ff2api_backup_\d{8}_\d{6}\.json$/);
    const file = JSON.parse((await downloads[0]?.blob.text()) ?? '');
    expect(
      file.brokerage_configurations.map((c: { configuration_name: string }) => c.configuration_name).sort(),
    ).toEqual(['Backup lane', 'Main']);
    expect(await within(sidebar()).findByText(/Backup ready: ff2api_backup_/)).toBeInTheDocument();
    await waitFor(() =>
      expect(within(sidebar()).getByTestId('risk-banner')).toHaveTextContent(/Low risk.*nothing changed since/),
    );
    expect(within(sidebar()).getByTestId('age-banner')).toHaveTextContent('the latest backup already holds everything');
    const activity = within(sidebar()).getByText('Recent activity').closest('details');
    if (!activity) throw new Error('no activity section');
    await waitFor(() => expect(activity).toHaveTextContent(/Backup downloaded: ff2api_backup_\d{8}_\d{6}\.json/));
  });

  it('previews a file, needs RESTORE typed to replace data, and restores', async () => {
    const clock = fixedClock(T0);
    const source = await createTestApi({ clock });
    await seed(source);
    const backup = await source.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!backup.ok) throw new Error(backup.error.message);
    const text = await backup.value.blob.text();

    const target = await createTestApi({ clock });
    await target.createBrokerage('Local only');
    const user = userEvent.setup();
    const { sidebar } = renderSidebar(target, clock);
    await within(sidebar()).findByText('1 brokerage, no configurations yet');
    await user.upload(within(sidebar()).getByLabelText('Restore from backup'), fileFrom(text));
    const preview = await within(sidebar()).findByRole('group', { name: 'Restore preview' });
    expect(within(preview).getByRole('row', { name: /Configurations/ })).toHaveTextContent('2');
    const restore = within(sidebar()).getByRole('button', { name: 'Restore database' });
    expect(restore).toBeDisabled();
    await user.type(within(sidebar()).getByLabelText('Type RESTORE to confirm'), 'RESTORE');
    expect(restore).toBeEnabled();
    await user.click(restore);
    expect(await within(sidebar()).findByText(/Database restored successfully!/)).toBeInTheDocument();
    expect((await target.listBrokerages()).map((b) => b.name)).toEqual(['Acme, Inc.']);
    expect(await within(sidebar()).findByText(/2 brokerage configs/)).toBeInTheDocument();
    expect(within(sidebar()).getByRole('button', { name: 'Undo restore' })).toBeInTheDocument();
  });

  it('refuses a file that is not a backup with an alert, changing nothing', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await seed(api);
    const user = userEvent.setup({ applyAccept: false });
    const { sidebar } = renderSidebar(api, clock);
    await within(sidebar()).findByText(/2 brokerage configs/);
    await user.upload(within(sidebar()).getByLabelText('Restore from backup'), fileFrom('[]'));
    const alert = await within(sidebar()).findByRole('alert');
    expect(alert).toHaveTextContent(/Nothing was changed/);
    expect(within(sidebar()).queryByRole('button', { name: 'Restore database' })).toBeNull();
    expect((await api.listConfigurations('Acme, Inc.')).length).toBe(2);
  });
});
