import { useState } from 'react';
import { useBackups } from '../common/backups-context';
import { formatLocalTime, plural } from '../common/format';
import { FoldingNotice } from '../common/folding-notice';
import type { NoticeContent } from '../common/notice';
import type { RestoreStep } from '../common/restore-step';
import { StoreRestore } from './store-restore';
import { useStoreUploads } from './use-store-uploads';

/**
 * The team store in the sidebar, once one is connected: where copies go, what is waiting, and
 * `Restore latest from team store` (the usual preview, then the restore feature's step). Mounted
 * as long as a store is connected, it also drives the waiting copies' retries.
 */
export function TeamStoreSidebar({ RestoreStep }: { RestoreStep: RestoreStep }) {
  useStoreUploads();
  const { overview, refresh } = useBackups();
  const [isRestoring, setRestoring] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const store = overview?.store;
  if (!store) return null;
  const { bucket, prefix } = store.location;
  return (
    <div className="sidebar-section team-store-sidebar">
      <h3>Team store</h3>
      <p className="caption">
        Every backup file also goes to {bucket}/{prefix}, encrypted here, then read back and checked.
        {store.newestGoodCopy ? ` Newest copy there: ${formatLocalTime(store.newestGoodCopy.at)}.` : ''}
      </p>
      {store.waiting > 0 ? (
        <p className="notice notice-warning">
          {plural(store.waiting, 'copy', 'copies')} waiting for the team store
          {store.failures[0] ? `: ${store.failures[0].message}` : '.'} <a href="#/team">Details</a>
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          disabled={isRestoring}
          onClick={() => {
            setNotice(null);
            setRestoring(true);
          }}
        >
          Restore latest from team store
        </button>
      </div>
      {notice ? <FoldingNotice notice={notice} takesFocus /> : null}
      {isRestoring ? (
        <StoreRestore
          target="latest"
          RestoreStep={RestoreStep}
          onClose={() => setRestoring(false)}
          onDone={(text) => {
            setNotice({ kind: 'success', text });
            setRestoring(false);
            void refresh();
          }}
        />
      ) : null}
    </div>
  );
}
