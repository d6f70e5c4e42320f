import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fixedClock, type Clock } from '../../src/core/clock';
import { BackupsPage } from '../../src/ui/shell/backups-page';
import type { TestApi } from '../support/test-api';
import { renderSidebar } from '../support/render-sidebar';
import { createTestApi } from '../support/test-api';

const T0 = '2026-11-22T08:00:00.000Z';
/** Real sql.js, IndexedDB and gzip run behind these screens: give them time on a busy machine. */
const WAIT = { timeout: 10_000 };

function renderApp(api: TestApi, clock: Clock) {
  return {
    ...renderSidebar(api, clock, <BackupsPage />),
    snapshots: () => screen.getByRole('region', { name: 'Snapshots' }),
  };
}

describe('the Backups view and the sidebar’s backup parts', () => {
  it('Take snapshot now adds a Verified row; Pin and Unpin; Delete asks first', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await api.createBrokerage('Acme, Inc.');
    const user = userEvent.setup();
    const { snapshots } = renderApp(api, clock);
    await within(snapshots()).findByText(/No snapshots yet/, undefined, WAIT);
    await user.type(within(snapshots()).getByLabelText('Note (optional)'), 'before the import');
    await user.click(within(snapshots()).getByRole('button', { name: 'Take snapshot now' }));
    const row = await within(snapshots()).findByRole('row', { name: /before the import/ }, WAIT);
    expect(row).toHaveTextContent('Manual');
    expect(row).toHaveTextContent('Verified');
    expect(row).toHaveTextContent('kept: newest');
    await user.click(within(row).getByRole('button', { name: 'Pin' }));
    await waitFor(
      () =>
        expect(within(snapshots()).getByRole('row', { name: /before the import/ })).toHaveTextContent('kept: pinned'),
      WAIT,
    );
    await user.click(within(snapshots()).getByRole('button', { name: 'Unpin' }));
    await within(snapshots()).findByRole('button', { name: 'Pin' }, WAIT);
    await user.click(within(snapshots()).getByRole('button', { name: 'Delete' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Delete this snapshot?' }, WAIT);
    await user.click(within(confirm).getByRole('button', { name: 'Delete snapshot' }));
    await within(snapshots()).findByText(/No snapshots yet/, undefined, WAIT);
    expect((await api.listSnapshots()).snapshots).toHaveLength(0);
  });

  it('health reads Good, turns Critical after 25 h of unbacked changes, and says why in the panel', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await api.createBrokerage('Acme, Inc.');
    const { sidebar } = renderApp(api, clock);
    expect(await within(sidebar()).findByText(/^Backup health: Good/, undefined, WAIT)).toBeInTheDocument();
    expect(within(sidebar()).getByText(/needs Chrome or Edge/)).toBeInTheDocument();
    // Good, but never "nothing to do" while no copy exists outside the browser.
    const early = await screen.findByRole('region', { name: 'Backup health' }, WAIT);
    await waitFor(() =>
      expect(early).toHaveTextContent('there is no backup file: health turns Critical 24 hours after the first change'),
    );
    expect(early).not.toHaveTextContent('Nothing to do');
    // The page is opened again a day later (the minute tick would do the same on an open page).
    cleanup();
    clock.advanceHours(25);
    const later = renderApp(api, clock);
    expect(await within(later.sidebar()).findByText(/^Backup health: Critical/, undefined, WAIT)).toBeInTheDocument();
    const panel = screen.getByRole('region', { name: 'Backup health' });
    expect(panel).toHaveTextContent('Changes have been in no backup file for 24 hours or more');
    expect(panel).toHaveTextContent('No copy outside this browser yet');
  });

  it('Undo restore opens a dialog that says what it undoes and what would be lost; Cancel changes nothing', async () => {
    const clock = fixedClock(T0);
    const source = await createTestApi({ clock });
    await source.createBrokerage('From file');
    const file = await source.createBackup({ trigger: 'manual', secrets: 'plain' });
    if (!file.ok) throw new Error(file.error.message);
    const api = await createTestApi({ clock });
    await api.createBrokerage('Mine');
    const preview = await api.inspectBackup({ name: file.value.fileName, contents: file.value.blob });
    if (!preview.ok) throw new Error(preview.error.message);
    await api.applyRestore(preview.value.previewId, 'replace');
    clock.advanceHours(1);
    await api.createBrokerage('After the restore');
    const user = userEvent.setup();
    const { sidebar } = renderApp(api, clock);
    await user.click(await within(sidebar()).findByRole('button', { name: 'Undo restore' }, WAIT));
    const dialog = await screen.findByRole('dialog', { name: 'Undo the restore?' }, WAIT);
    expect(dialog).toHaveTextContent(`undoes the restore of ${file.value.fileName}`);
    expect(dialog).toHaveTextContent('Changes made since then will be lost');
    expect(dialog).toHaveTextContent('Brokerage “After the restore” added');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await api.listBrokerages()).map((b) => b.name)).toEqual(['After the restore', 'From file']);
    await user.click(within(sidebar()).getByRole('button', { name: 'Undo restore' }));
    await user.click(
      within(await screen.findByRole('dialog', undefined, WAIT)).getByRole('button', { name: 'Undo restore' }),
    );
    expect(await within(sidebar()).findByText(/^Restore undone/, undefined, WAIT)).toBeInTheDocument();
    expect((await api.listBrokerages()).map((b) => b.name)).toEqual(['Mine']);
  });
});
