import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AppLock } from '../../src/ui/lock/app-lock';
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
});
