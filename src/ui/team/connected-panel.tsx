import { useState } from 'react';
import type { TeamStoreStatus } from '../../worker/team-store/team-store-types';
import { ConfirmDialog } from '../common/confirm-dialog';
import { useDatabase } from '../common/database-context';
import { formatLocalTime } from '../common/format';
import { Notice } from '../common/notice';
import { useWriteAction } from '../common/use-write-action';
import { FolderAccess } from './folder-access';
import { IdentityFields } from './identity-fields';

type Connected = Extract<TeamStoreStatus, { connected: true }>;

/**
 * The store once connected: where it is, who this browser is (editable), what the bucket does on
 * its own (versioning, Object Lock), the copy before risky steps, and `Disconnect`.
 */
export function ConnectedPanel({ status }: { status: Connected }) {
  const { api } = useDatabase();
  const [names, setNames] = useState({ browserName: status.browserName, person: status.person });
  const saveNames = useWriteAction();
  const setting = useWriteAction();
  const disconnect = useWriteAction();
  return (
    <div className="connected-panel">
      {status.kind === 'folder' ? (
        <p>
          <strong className="store-state">Connected</strong> to the shared folder {status.bucket}, in {status.prefix},
          since {formatLocalTime(status.connectedAt)}. Every backup made here is also sealed with the team key and
          written there; the folder&apos;s sync agent carries it to teammates.
        </p>
      ) : (
        <p>
          <strong className="store-state">Connected</strong> to {status.bucket}/{status.prefix} at {status.endpoint} (
          {status.region}) since {formatLocalTime(status.connectedAt)}, with the key {status.accessKeyId}. Every backup
          made here is also sealed with the team key and sent there.
        </p>
      )}
      {status.kind === 'folder' ? <FolderAccess /> : null}
      <p className="caption">
        Team {status.teamId}; this browser writes only under its own id, {status.deviceId}.
      </p>
      {status.protection.map((line) => (
        <p key={line} className="notice notice-info">
          {line}
        </p>
      ))}
      <form
        className="identity-form"
        onSubmit={(event) => {
          event.preventDefault();
          void saveNames.run(
            () => api.setTeamIdentity(names),
            () => 'Saved: teammates see these names on the next backups.',
          );
        }}
      >
        <IdentityFields browserName={names.browserName} person={names.person} onChange={setNames} />
        <div className="button-row">
          <button type="submit" aria-disabled={saveNames.isBusy}>
            Save names
          </button>
        </div>
        {saveNames.notice ? <Notice notice={saveNames.notice} /> : null}
      </form>
      <label className="radio">
        <input
          type="checkbox"
          checked={status.copyBeforeRisky}
          disabled={setting.isBusy}
          onChange={(event) => void setting.run(() => api.setCopyBeforeRisky(event.target.checked))}
        />
        Also send a copy to the team store before risky steps (a restore, merge or undo, deleting a brokerage,
        processing a file)
      </label>
      {setting.notice ? <Notice notice={setting.notice} /> : null}
      <div className="button-row">
        <ConfirmDialog
          trigger="Disconnect"
          title="Disconnect from the team store?"
          description={DISCONNECT_WORDS}
          confirmLabel="Disconnect"
          onConfirm={() => void disconnect.run(() => api.disconnectTeamStore())}
        />
      </div>
      {disconnect.notice ? <Notice notice={disconnect.notice} /> : null}
    </div>
  );
}

const DISCONNECT_WORDS =
  "This browser forgets the store's key and the team key, and drops the copies still waiting. The store keeps " +
  "every backup already there. To connect again you need the store's key and the team passphrase (or the " +
  'recovery key).';
