import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppLock } from '../../src/ui/lock/app-lock';
import { BackupSettingsProvider, useBackupSettings } from '../../src/ui/common/backup-settings';
import { newProfile, startWorker } from '../support/lock-test-api';

const PASSPHRASE = 'component test passphrase';

/** A profile whose lock is on, "reloaded": a fresh gate that has not been unlocked. */
async function lockedGate() {
  const profile = newProfile();
  const first = await startWorker(profile);
  await (await first.gate.whenOpen()).createBrokerage('Acme, Inc.');
  expect((await first.gate.turnOnLock(PASSPHRASE)).ok).toBe(true);
  return (await startWorker(profile)).gate;
}

/** Shows the backup secrets mode in force, and chooses plain text as a user would. */
function SecretsProbe() {
  const { secrets, setSecrets } = useBackupSettings();
  return (
    <>
      <p>Backups: {secrets}</p>
      <button type="button" onClick={() => setSecrets('plain')}>
        Choose plain text
      </button>
    </>
  );
}

describe('AppLock', () => {
  it('renders only the unlock form while locked; a wrong passphrase is an alert; the right one shows the app', async () => {
    const gate = await lockedGate();
    const user = userEvent.setup();
    render(
      <AppLock api={gate}>
        <p>The whole app</p>
      </AppLock>,
    );
    expect(await screen.findByRole('heading', { name: 'Unlock FF2API' })).toBeInTheDocument();
    expect(screen.getAllByRole('form')).toHaveLength(1);
    expect(screen.queryByText('The whole app')).toBeNull();
    expect(screen.getByText(/cannot be recovered/)).toBeInTheDocument();

    await user.type(screen.getByLabelText('Passphrase'), 'wrong passphrase!');
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('not this app’s passphrase');
    expect(screen.getByLabelText('Passphrase')).toHaveValue('');
    expect(screen.queryByText('The whole app')).toBeNull();

    await user.type(screen.getByLabelText('Passphrase'), PASSPHRASE);
    await user.click(screen.getByRole('button', { name: 'Unlock' }));
    expect(await screen.findByText('The whole app', {}, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Unlock FF2API' })).toBeNull();
  });

  it('shows the app at once when the lock is off', async () => {
    const { gate } = await startWorker(newProfile());
    render(
      <AppLock api={gate}>
        <p>The whole app</p>
      </AppLock>,
    );
    expect(await screen.findByText('The whole app')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Unlock FF2API' })).toBeNull();
  });

  it('with the lock on, a stored “plain text” is not believed: backups stay encrypted until chosen here', async () => {
    localStorage.setItem('ff2api-web.backup-secrets', 'plain');
    try {
      const gate = await lockedGate();
      const user = userEvent.setup();
      render(
        <AppLock api={gate}>
          <BackupSettingsProvider>
            <SecretsProbe />
          </BackupSettingsProvider>
        </AppLock>,
      );
      await user.type(await screen.findByLabelText('Passphrase'), PASSPHRASE);
      await user.click(screen.getByRole('button', { name: 'Unlock' }));
      expect(await screen.findByText('Backups: encrypted', {}, { timeout: 10_000 })).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Choose plain text' }));
      expect(screen.getByText('Backups: plain')).toBeInTheDocument();
    } finally {
      localStorage.removeItem('ff2api-web.backup-secrets');
    }
  });

  it('with the lock off, the stored choice holds', async () => {
    localStorage.setItem('ff2api-web.backup-secrets', 'plain');
    try {
      const { gate } = await startWorker(newProfile());
      render(
        <AppLock api={gate}>
          <BackupSettingsProvider>
            <SecretsProbe />
          </BackupSettingsProvider>
        </AppLock>,
      );
      expect(await screen.findByText('Backups: plain')).toBeInTheDocument();
    } finally {
      localStorage.removeItem('ff2api-web.backup-secrets');
    }
  });
});
