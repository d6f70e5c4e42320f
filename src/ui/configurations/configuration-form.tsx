import { useCallback, useId, useState, type FormEvent } from 'react';
import type { ConfigurationView } from '../../core/db/configuration-view';
import { useDatabase } from '../shared/database-context';
import { Notice } from '../shared/notice';
import { useCanWrite, useWriteAction } from '../shared/use-write-action';
import { findRepeatedPath, toDraft, toInput, type ConfigurationDraft, type MappingRow } from './configuration-draft';
import { CredentialsFields } from './credentials-fields';
import { FieldMappingsEditor } from './field-mappings-editor';
import { TestConnection } from './test-connection';

const MESSAGES = {
  repeated: (path: string) => `“${path}” is mapped twice. Keep one row for it.`,
} as const;

export interface ConfigurationFormProps {
  brokerageName: string;
  /** The configuration to edit; null to create one. */
  configuration: ConfigurationView | null;
  onSaved: (saved: ConfigurationView) => void;
  onCancel: () => void;
}

/** Creates or edits a configuration; refusals appear under the form in the original's words. */
export function ConfigurationForm({ brokerageName, configuration, onSaved, onCancel }: ConfigurationFormProps) {
  const { api } = useDatabase();
  const { run, isBusy, notice, setNotice } = useWriteAction();
  const canWrite = useCanWrite();
  const [draft, setDraft] = useState<ConfigurationDraft>(() => toDraft(configuration));
  const headingId = useId();
  const change = (part: Partial<ConfigurationDraft>) => setDraft((current) => ({ ...current, ...part }));
  // Stable, so the (memoised) mappings editor skips re-rendering while other fields are typed in.
  const changeRows = useCallback((rows: MappingRow[]) => setDraft((current) => ({ ...current, rows })), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const repeated = findRepeatedPath(draft.rows);
    if (repeated) {
      setNotice({ kind: 'error', text: MESSAGES.repeated(repeated) });
      return;
    }
    const saved = await run(() => api.saveConfiguration(toInput(draft, brokerageName, configuration?.id)));
    if (saved) onSaved(saved);
  };

  return (
    <form
      className="card configuration-form"
      aria-labelledby={headingId}
      onSubmit={(event) => void submit(event)}
      noValidate
    >
      <h3 id={headingId}>
        {configuration ? `Edit “${configuration.configuration_name}”` : `New configuration for “${brokerageName}”`}
      </h3>
      {configuration ? (
        <p className="caption">
          Version {configuration.version}. Saving creates version {configuration.version + 1}.
        </p>
      ) : null}
      <label className="field">
        Configuration name
        <input
          type="text"
          value={draft.name}
          placeholder="e.g., Standard Mapping"
          autoComplete="off"
          onChange={(event) => change({ name: event.target.value })}
        />
      </label>
      <label className="field">
        Description
        <textarea
          rows={2}
          value={draft.description}
          onChange={(event) => change({ description: event.target.value })}
        />
      </label>
      <CredentialsFields draft={draft} stored={configuration} onChange={change} />
      <TestConnection draft={draft} brokerageName={brokerageName} configurationId={configuration?.id ?? null} />
      <FieldMappingsEditor rows={draft.rows} onChange={changeRows} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!canWrite} aria-disabled={isBusy}>
          {isBusy ? 'Saving…' : 'Save configuration'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      {notice ? <Notice notice={notice} /> : null}
    </form>
  );
}
