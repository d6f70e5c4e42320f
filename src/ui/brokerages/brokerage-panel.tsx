import { useState } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import { Notice, type NoticeContent } from '../common/notice';
import { BrokerageList } from './brokerage-list';
import { ManageBrokerage } from './manage-brokerage';
import { NewBrokerageForm } from './new-brokerage-form';

export interface BrokeragePanelProps {
  /** Every brokerage, or null while loading. */
  brokerages: BrokerageSummary[] | null;
  selectedId: number | null;
  onSelect: (id: number | null) => void;
  /** A problem reading the list. */
  problem: NoticeContent | null;
}

/** The brokerage selector with its create, rename and delete actions. */
export function BrokeragePanel({ brokerages, selectedId, onSelect, problem }: BrokeragePanelProps) {
  const selected = brokerages?.find((brokerage) => brokerage.id === selectedId) ?? null;
  const [deletedNotice, setDeletedNotice] = useState<NoticeContent | null>(null);
  const deleted = (message: string) => {
    setDeletedNotice({ kind: 'success', text: message });
    onSelect(null);
  };
  const select = (id: number | null) => {
    setDeletedNotice(null);
    onSelect(id);
  };
  return (
    <div className="brokerage-panel">
      {problem ? <Notice notice={problem} /> : null}
      {brokerages === null ? (
        <p className="caption">Loading brokerages…</p>
      ) : (
        <BrokerageList brokerages={brokerages} selectedId={selectedId} onSelect={select} />
      )}
      {deletedNotice ? <Notice notice={deletedNotice} takesFocus /> : null}
      {selected ? <ManageBrokerage key={selected.id} brokerage={selected} onDeleted={deleted} /> : null}
      <NewBrokerageForm onCreated={(created) => select(created.id)} />
    </div>
  );
}
