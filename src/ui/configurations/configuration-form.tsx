import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ConfigurationView } from '../../core/db/configuration-view';
import { useDatabase } from '../common/database-context';
import { Notice } from '../common/notice';
import { useCanWrite, useWriteAction } from '../common/use-write-action';
import { toDraft, toInput, type ConfigurationDraft } from './configuration-draft';
import { CredentialsFields } from './credentials-fields';
import { MappingsSummary } from './mappings-summary';
import { TestConnection } from './test-connection';

export interface ConfigurationFormProps {
  brokerageName: string;
  /** The configuration to edit; null to create one. */
  configuration: ConfigurationView | null;
  onSaved: (saved: ConfigurationView) => void;
  onCancel: () => void;
}

/**
 * Creates or edits a configuration — name, description, credentials and API address; its field
 * mappings are shown, and made in Process file. Refusals appear under the form in the original's
 * words. The form opens in view, its first box focused.
 */
export function ConfigurationForm({ brokerageName, configuration, onSaved, onCancel }: ConfigurationFormProps) {
  const { api } = useDatabase();
  const { run, isBusy, notice } = useWriteAction();
  const canWrite = useCanWrite();
  const [draft, setDraft] = useState<ConfigurationDraft>(() => toDraft(configuration));
  const headingId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const change = (part: Partial<ConfigurationDraft>) => setDraft((current) => ({ ...current, ...part }));

  useEffect(() => {
    nameRef.current?.focus({ preventScroll: true });
    nameRef.current?.closest('form')?.scrollIntoView?.({ block: 'start', behavior: 'smooth' });
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
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
          ref={nameRef}
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
      <MappingsSummary rows={draft.rows} />
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
