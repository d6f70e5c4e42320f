import { useRef, useState } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import { Notice, type NoticeContent } from '../common/notice';
import { useCanWrite } from '../common/use-write-action';
import { DeleteBrokerage } from './delete-brokerage';
import { RenameBrokerageForm } from './rename-brokerage-form';

/** Rename (behind its own button, so a stray keystroke never renames) and delete for the selected brokerage. */
export function ManageBrokerage({
  brokerage,
  onDeleted,
}: {
  brokerage: BrokerageSummary;
  onDeleted: (message: string) => void;
}) {
  const [isRenaming, setRenaming] = useState(false);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const canWrite = useCanWrite();
  const renameButton = useRef<HTMLButtonElement>(null);
  const finishRename = (message: string | null) => {
    setRenaming(false);
    if (message) setNotice({ kind: 'success', text: message });
    // Focus goes back where the user started (the notice takes it when there is one).
    else requestAnimationFrame(() => renameButton.current?.focus());
  };
  return (
    <div className="card manage-brokerage">
      {isRenaming ? (
        <RenameBrokerageForm brokerage={brokerage} onDone={finishRename} />
      ) : (
        <div className="button-row">
          <button
            ref={renameButton}
            type="button"
            disabled={!canWrite}
            onClick={() => {
              setNotice(null);
              setRenaming(true);
            }}
          >
            Rename brokerage…
          </button>
          <DeleteBrokerage brokerage={brokerage} onDeleted={onDeleted} />
        </div>
      )}
      {notice ? <Notice notice={notice} takesFocus /> : null}
    </div>
  );
}
