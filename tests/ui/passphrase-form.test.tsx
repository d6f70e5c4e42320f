import { readFileSync } from 'node:fs';
import { fireEvent, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/clock';
import { ratePassphrase } from '../../src/ui/common/passphrase-strength';
import { createTestApi } from '../support/test-api';
import { renderSidebar } from '../support/render-sidebar';

const T0 = '2026-11-22T08:00:00.000Z';
const GOOD = 'correct horse battery staple';
const ENCRYPTED_FIXTURE = readFileSync('tests/fixtures/backups/ours-2.0-encrypted.json', 'utf8');

async function openEncryptedOptions(sidebar: HTMLElement) {
  const user = userEvent.setup();
  await user.click(within(sidebar).getByText('Backup file options'));
  await user.click(within(sidebar).getByRole('radio', { name: /^Encrypt/ }));
  // The passphrase form loads when first shown ("Opening…" for that moment).
  await within(sidebar).findByLabelText('Backup passphrase');
  return user;
}

describe('backup passphrase form', () => {
  it('needs the passphrase twice, and Enter in the form downloads the encrypted backup', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await api.createBrokerage('Acme, Inc.');
    const { sidebar, downloads } = renderSidebar(api, clock);
    await within(sidebar()).findByText('1 brokerage, no configurations yet');
    const user = await openEncryptedOptions(sidebar());
    const first = within(sidebar()).getByLabelText('Backup passphrase');
    const second = within(sidebar()).getByLabelText('Repeat the passphrase');

    await user.type(first, GOOD);
    await user.type(second, 'correct horse battery stapel');
    expect(within(sidebar()).getByText('The two passphrases differ.')).toBeInTheDocument();
    await user.click(within(sidebar()).getByRole('button', { name: 'Download backup' }));
    expect(await within(sidebar()).findByRole('alert')).toHaveTextContent(/passphrases .* differ/);
    expect(downloads).toHaveLength(0);

    // Fixing the typo clears the stale refusal; Enter submits.
    await user.clear(second);
    await user.type(second, `${GOOD}{Enter}`);
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(within(sidebar()).queryByText(/differ/)).toBeNull();
    const file = JSON.parse((await downloads[0]?.blob.text()) ?? '{}');
    expect(file.backup_info.secrets).toBe('encrypted');
    expect(JSON.stringify(file)).not.toContain('Acme');
    expect(await within(sidebar()).findByText(/Backup ready/)).toBeInTheDocument();
  });

  it('refuses a passphrase shorter than 8 characters, with a hint that says so', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    await api.createBrokerage('Acme, Inc.');
    const { sidebar, downloads } = renderSidebar(api, clock);
    await within(sidebar()).findByText('1 brokerage, no configurations yet');
    const user = await openEncryptedOptions(sidebar());
    await user.type(within(sidebar()).getByLabelText('Backup passphrase'), 'short');
    await user.type(within(sidebar()).getByLabelText('Repeat the passphrase'), 'short');
    expect(within(sidebar()).getByText(/Strength: Too short/)).toBeInTheDocument();
    await user.click(within(sidebar()).getByRole('button', { name: 'Download encrypted backup' }));
    expect(await within(sidebar()).findByText(/at least 8 characters/)).toBeInTheDocument();
    expect(downloads).toHaveLength(0);
  });

  it('shows and hides the passphrase', async () => {
    const clock = fixedClock(T0);
    const { sidebar } = renderSidebar(await createTestApi({ clock }), clock);
    await within(sidebar()).findByText('Database is empty');
    const user = await openEncryptedOptions(sidebar());
    const field = within(sidebar()).getByLabelText('Backup passphrase');
    expect(field).toHaveAttribute('type', 'password');
    const [show] = await within(sidebar()).findAllByRole('button', { name: 'Show passphrase' });
    if (!show) throw new Error('no Show button');
    await user.click(show);
    expect(field).toHaveAttribute('type', 'text');
    expect(show).toHaveAttribute('aria-pressed', 'true');
    await user.click(show);
    expect(field).toHaveAttribute('type', 'password');
  });

  it('rates passphrases: short, weak, fair, strong', () => {
    expect(ratePassphrase('abc', 8)).toBe('too short');
    expect(ratePassphrase('password1', 8)).toBe('weak');
    expect(ratePassphrase('aaaaaaaaaaaa', 8)).toBe('weak');
    expect(ratePassphrase('Tr4in-Ya7d', 8)).toBe('fair');
    expect(ratePassphrase(GOOD, 8)).toBe('strong');
  });
});

describe('unlocking an encrypted backup file', () => {
  it('Enter unlocks; a wrong passphrase alerts, and the alert goes once the user types again', async () => {
    const clock = fixedClock(T0);
    const api = await createTestApi({ clock });
    const { sidebar } = renderSidebar(api, clock);
    await within(sidebar()).findByText('Database is empty');
    const user = userEvent.setup();
    await user.upload(
      within(sidebar()).getByLabelText('Restore from backup'),
      new File([ENCRYPTED_FIXTURE], 'ff2api_backup_20261122_170003.json', { type: 'application/json' }),
    );
    const field = await within(sidebar()).findByLabelText('Backup passphrase');
    expect(within(sidebar()).queryByRole('button', { name: 'Restore database' })).toBeNull();

    await user.type(field, 'not the passphrase{Enter}');
    expect(await within(sidebar()).findByRole('alert')).toHaveTextContent(/passphrase is wrong/);
    // The field is selected for the next try; typing makes the old alert go.
    await user.keyboard(GOOD);
    expect(field).toHaveValue(GOOD);
    expect(within(sidebar()).queryByRole('alert')).toBeNull();
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    const restore = await within(sidebar()).findByRole('button', { name: 'Restore database' });
    expect(restore).toBeEnabled();
    const preview = within(sidebar()).getByRole('group', { name: 'Restore preview' });
    expect(within(preview).getByRole('row', { name: /Configurations/ })).toHaveTextContent('2');
    expect(within(sidebar()).queryByRole('alert')).toBeNull();
  });
});
