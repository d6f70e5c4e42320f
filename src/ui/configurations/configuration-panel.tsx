import { useState } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import type { ConfigurationView } from '../../core/db/configuration-view';
import { Notice, type NoticeContent } from '../common/notice';
import { useApiRead } from '../common/use-api-read';
import { useCanWrite } from '../common/use-write-action';
import { lazyPanel } from '../common/lazy-panel';
import { ConfigurationList } from './configuration-list';

// The form (field mappings, credentials, the API's field list) opens on `New configuration` or `Edit`.
const ConfigurationForm = lazyPanel(() => import('./configuration-form').then((m) => m.ConfigurationForm));

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'edit'; id: number };

/** The selected brokerage's configurations, with the create/edit form and their results. */
export function ConfigurationPanel({ brokerage }: { brokerage: BrokerageSummary }) {
  const { data: configurations, problem } = useApiRead(
    (api) => api.listConfigurations(brokerage.name),
    [brokerage.name],
  );
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const canWrite = useCanWrite();
  const editing = mode.kind === 'edit' ? (configurations?.find((c) => c.id === mode.id) ?? null) : null;

  const open = (next: Mode) => {
    setNotice(null);
    setMode(next);
  };
  const saved = (view: ConfigurationView) => {
    const what = mode.kind === 'create' ? 'Created' : 'Saved';
    setNotice({
      kind: 'success',
      text: `${what} configuration “${view.configuration_name}” (version ${view.version}).`,
    });
    setMode({ kind: 'list' });
  };
  const deleted = (name: string) => {
    setMode({ kind: 'list' });
    setNotice({ kind: 'success', text: `Deleted configuration “${name}”.` });
  };

  return (
    <div className="configuration-panel">
      {problem ? <Notice notice={problem} /> : null}
      {configurations === null ? (
        <p className="caption">Loading configurations…</p>
      ) : (
        <ConfigurationList
          brokerageName={brokerage.name}
          configurations={configurations}
          onEdit={(id) => open({ kind: 'edit', id })}
          onDeleted={deleted}
        />
      )}
      {notice ? <Notice notice={notice} takesFocus /> : null}
      {mode.kind === 'list' ? (
        <div className="button-row">
          <button type="button" className="primary" disabled={!canWrite} onClick={() => open({ kind: 'create' })}>
            New configuration
          </button>
        </div>
      ) : null}
      {mode.kind === 'create' || editing ? (
        <ConfigurationForm
          key={mode.kind === 'edit' ? mode.id : 'new'}
          brokerageName={brokerage.name}
          configuration={editing}
          onSaved={saved}
          onCancel={() => open({ kind: 'list' })}
        />
      ) : null}
    </div>
  );
}
