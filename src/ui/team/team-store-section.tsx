import { useState } from 'react';
import { useAppSettings } from '../common/app-settings-context';
import { useApiRead } from '../common/use-api-read';
import { ConnectedPanel } from './connected-panel';
import { ConnectForm } from './connect-form';
import { RecoveryKeyPanel } from './recovery-key-panel';

/**
 * `<section aria-label="Team store">`: the form to connect this browser (or, once connected, the
 * store and this browser in it), and — once, right after the team was created — its recovery key.
 */
export function TeamStoreSection() {
  const { data: status } = useApiRead((api) => api.getTeamStoreStatus(), []);
  const [recoveryKey, setRecoveryKey] = useState<string | null>(null);
  // The person's name set for the audit trail is the one offered for the store.
  const operatorName = useAppSettings().settings?.operatorName || null;
  return (
    <section aria-label="Team store" className="catalog-section">
      <h2>Team store</h2>
      <p className="caption">
        An S3-compatible bucket the whole team uses (AWS S3, Cloudflare R2, Backblaze B2, Wasabi, MinIO, Ceph), or a
        folder the team shares (synced by OneDrive, Dropbox or Google Drive, or on a network share): every backup made
        here also goes there, encrypted on this page with the team key, then read back and checked. Whoever hosts it can
        read none of it.
      </p>
      {recoveryKey ? <RecoveryKeyPanel recoveryKey={recoveryKey} onDone={() => setRecoveryKey(null)} /> : null}
      {status === null ? <p role="status">Reading the team store settings…</p> : null}
      {status?.connected === true ? <ConnectedPanel key={status.connectedAt} status={status} /> : null}
      {status?.connected === false ? (
        <ConnectForm
          known={{ browserName: status.browserName, person: status.person ?? operatorName }}
          onConnected={setRecoveryKey}
        />
      ) : null}
    </section>
  );
}
