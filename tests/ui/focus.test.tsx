import { waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import type { DatabaseApi } from '../../src/worker/api';
import { createTestApi } from '../support/test-api';
import { renderSidebar } from '../support/render-sidebar';

// Issue 8: focus used to drop to <body> after choosing a file, after a download and after a
// restore. Each result now takes focus, so keyboard and screen-reader users land on it.
const T0 = '2026-11-22T08:00:00.000Z';

async function backupText(source: DatabaseApi): Promise<string> {
  const built = await source.createBackup({ trigger: 'manual', secrets: 'plain' });
  if (!built.ok) throw new Error(built.error.message);
  return built.value.blob.text();
}

function fileFrom(text: string) {
  return new File([text], 'ff2api_backup_20261122_170000.json', { type: 'application/json' });
}

describe('focus after each step', () => {
  it('moves to the preview heading after choosing a file, to the result after restoring, and to the result after undo', async () => {
    const clock = fixedClock(T0);
    const source = await createTestApi({ clock });
    await source.createBrokerage('Acme, Inc.');
    const text = await backupText(source);
    const api = await createTestApi({ clock });
    const { sidebar } = renderSidebar(api, clock);
    await within(sidebar()).findByText('Database is empty');
    const user = userEvent.setup();

    await user.upload(within(sidebar()).getByLabelText('Restore from backup'), fileFrom(text));
    const heading = await within(sidebar()).findByRole('heading', { name: 'Restore preview' });
    await waitFor(() => expect(document.activeElement).toBe(heading));

    await user.click(within(sidebar()).getByRole('button', { name: 'Restore database' }));
    const restored = await within(sidebar()).findByText(/Database restored successfully!/);
    await waitFor(() => expect(document.activeElement).toBe(restored.closest('[role="status"]')));

    await user.click(await within(sidebar()).findByRole('button', { name: 'Undo restore' }));
    const dialog = await within(sidebar()).findByRole('dialog', { name: 'Undo the restore?' });
    await user.click(within(dialog).getByRole('button', { name: 'Undo restore' }));
    const undone = await within(sidebar()).findByText(/Restore undone/);
    await waitFor(() => expect(document.activeElement).toBe(undone.closest('[role="status"]')));
    expect(document.activeElement).not.toBe(document.body);
  });

  it('moves to the result after a backup download, and to the alert after a refused file', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await api.createBrokerage('Acme, Inc.');
    const { sidebar, downloads } = renderSidebar(api, clock);
    await within(sidebar()).findByText('1 brokerage, no configurations yet');
    const user = userEvent.setup({ applyAccept: false });

    await user.click(within(sidebar()).getByRole('button', { name: 'Download backup' }));
    const ready = await within(sidebar()).findByText(/Backup ready/);
    expect(downloads).toHaveLength(1);
    await waitFor(() => expect(document.activeElement).toBe(ready.closest('[role="status"]')));

    await user.upload(within(sidebar()).getByLabelText('Restore from backup'), fileFrom('[]'));
    const alert = await within(sidebar()).findByRole('alert');
    await waitFor(() => expect(document.activeElement).toBe(alert));
  });
});
