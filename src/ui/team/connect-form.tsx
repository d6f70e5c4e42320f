import { useState } from 'react';
import { readDataMarker } from '../../platform/eviction-marker';
import type { ConnectionTest } from '../../worker/team-store/team-store-types';
import { useDatabase } from '../common/database-context';
import { Notice, type NoticeContent } from '../common/notice';
import { PassphraseField } from '../common/passphrase-field';
import { CheckReport } from './check-report';
import { IdentityFields } from './identity-fields';
import { FolderFields } from './folder-fields';
import { StoreFields } from './store-fields';
import { StoreKindChoice } from './store-kind-choice';
import { connectRequestOf, initialStoreForm, withRemembered, type StoreForm } from './store-form';
import { TextField } from './text-field';

/**
 * Connecting this browser: where the store is and its key, this browser's and the person's names,
 * the team passphrase (or the printed recovery key). `Test connection` runs the check alone;
 * `Connect` runs it again, then joins the team at the prefix — or, at an empty prefix, creates it
 * once the passphrase was typed twice (`Confirm team passphrase` appears then).
 */
export function ConnectForm({
  known,
  onConnected,
}: {
  known: { browserName: string | null; person: string | null };
  onConnected: (recoveryKey: string | null) => void;
}) {
  const { api, notifyChanged } = useDatabase();
  // The store this browser was connected to before (the eviction marker keeps its address) comes pre-filled.
  const [form, setForm] = useState<StoreForm>(() => withRemembered(initialStoreForm(known), readDataMarker()));
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [isCreating, setCreating] = useState(false);
  const [busy, setBusy] = useState<'test' | 'connect' | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);

  const run = async (what: 'test' | 'connect') => {
    if (busy) return;
    setNotice(null);
    if (form.kind === 'folder' && form.folderName === '') {
      return setNotice({ kind: 'error', text: 'Choose the shared folder first. Nothing was changed.' });
    }
    setBusy(what);
    try {
      if (what === 'test') {
        const tested = await api.testStoreConnection(connectRequestOf(form, false));
        if (!tested.ok) return setNotice(errorNotice(tested.error));
        setTest(tested.value);
        if (tested.value.team === 'none') setCreating(true);
        return;
      }
      const outcome = await api.connectTeamStore(connectRequestOf(form, isCreating));
      if (!outcome.ok) return setNotice(errorNotice(outcome.error));
      const value = outcome.value;
      if (value.state === 'connected') {
        await notifyChanged();
        return onConnected(value.recoveryKey);
      }
      setTest(value.test);
      if (value.state === 'needs-confirmation') {
        setCreating(true);
        setNotice({
          kind: 'info',
          text:
            'No team uses this prefix yet: Connect will create it. Type the team passphrase again under ' +
            '“Confirm team passphrase”, then press Connect.',
        });
      } else {
        setNotice({
          kind: 'error',
          text:
            'The connection check failed, so nothing was stored. Each step below says what to do; then press ' +
            'Connect again.',
        });
      }
    } finally {
      setBusy(null);
    }
  };

  return (
    <form
      className="connect-form"
      onSubmit={(event) => {
        event.preventDefault();
        void run('connect');
      }}
    >
      <StoreKindChoice kind={form.kind} onChange={(kind) => setForm({ ...form, kind })} />
      {form.kind === 'folder' ? (
        <FolderFields form={form} onChange={setForm} />
      ) : (
        <StoreFields form={form} onChange={setForm} />
      )}
      <fieldset>
        <legend>This browser in the team</legend>
        <IdentityFields
          browserName={form.browserName}
          person={form.person}
          onChange={(names) => setForm({ ...form, ...names })}
        />
      </fieldset>
      <fieldset>
        <legend>The team’s key</legend>
        {form.useRecoveryKey ? (
          <TextField
            label="Recovery key"
            value={form.recoveryKey}
            autoComplete="off"
            onChange={(recoveryKey) => setForm({ ...form, recoveryKey })}
            hint="The 14 groups of 4 characters printed when the team was created."
          />
        ) : (
          <PassphraseField
            label="Team passphrase"
            value={form.passphrase}
            autoComplete="off"
            onChange={(passphrase) => setForm({ ...form, passphrase })}
            hint={PASSPHRASE_HINT}
          />
        )}
        {isCreating && !form.useRecoveryKey ? (
          <PassphraseField
            label="Confirm team passphrase"
            value={form.confirmPassphrase}
            autoComplete="off"
            onChange={(confirmPassphrase) => setForm({ ...form, confirmPassphrase })}
            hint="A lost team passphrase cannot be recovered; creating the team shows a recovery key to print."
          />
        ) : null}
        <label className="radio">
          <input
            type="checkbox"
            checked={form.useRecoveryKey}
            onChange={(event) => setForm({ ...form, useRecoveryKey: event.target.checked })}
          />
          The passphrase is lost: join with the printed recovery key
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" aria-disabled={busy !== null} onClick={() => void run('test')}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" className="primary" aria-disabled={busy !== null}>
          {busy === 'connect' ? 'Connecting…' : 'Connect'}
        </button>
      </div>
      {busy ? (
        <p role="status">{busy === 'test' ? 'Checking the store…' : 'Checking the store and opening the team…'}</p>
      ) : null}
      {notice ? <Notice notice={notice} takesFocus /> : null}
      {test ? <CheckReport test={test} /> : null}
    </form>
  );
}

const PASSPHRASE_HINT =
  'Asked once in this browser. At least 12 characters when creating the team; several random words are easy ' +
  'to type and hard to guess.';

function errorNotice(error: { message: string; detail?: string }): NoticeContent {
  return { kind: 'error', text: error.message, ...(error.detail ? { detail: error.detail } : {}) };
}
