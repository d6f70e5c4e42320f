import { useCallback, useMemo, useState } from 'react';
import { API_FIELDS } from '../../core/api-fields';
import { measureMappingProgress } from '../../core/csv/mapping-progress';
import { isMetadataKey } from '../../core/field-mappings';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { FileSummary } from '../../worker/processing/processing-api';
import { useDatabase } from '../shared/database-context';
import { Notice, type NoticeContent } from '../shared/notice';
import { MappingFieldRow } from './mapping-field-row';
import { useDebouncedSave } from './use-debounced-save';

/** Where the optional fields are listed, as the original groups them. */
const OPTIONAL_GROUPS: readonly [string, (path: string) => boolean][] = [
  ['Pricing and bids', (path) => path.startsWith('bidCriteria.')],
  ['Load information', (path) => path.startsWith('load.items.') || path.startsWith('load.equipment.') || path.startsWith('load.referenceNumbers.')],
  ['Location details', (path) => path.startsWith('load.trackingEvents.')],
  ['Contacts and carriers', (path) => path.startsWith('carrier.') || path.startsWith('brokerage.')],
  ['Other fields', () => true],
];

/**
 * The mapping step: Required and Optional fields, "Required fields N/M", suggestions with their
 * confidence, `Clear all`; saved a moment after each change (one change-log row per save) and at
 * once by `Continue`.
 */
export function MappingStep({ summary, configuration, onSaved, onContinue }: {
  summary: FileSummary;
  configuration: ConfigurationView;
  onSaved: (saved: ConfigurationView) => void;
  onContinue: () => void;
}) {
  const { api, notifyChanged } = useDatabase();
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [isOptionalOpen, setOptionalOpen] = useState(false);
  const suggested = useMemo(() => new Map(summary.suggestions.map((s) => [s.path, s.confidence])), [summary.suggestions]);
  const [draft, setDraft] = useState<Record<string, string>>(() => withSuggestions(configuration.field_mappings, summary));
  const saver = useDebouncedSave<Record<string, string>>(async (mappings) => {
    const saved = await api.saveMappings(configuration.id, mappings);
    if (!saved.ok) {
      setNotice({ kind: 'error', text: saved.error.message });
      return false;
    }
    setNotice(null);
    onSaved(saved.value);
    await notifyChanged();
    return true;
  });
  const { schedule } = saver;
  const change = useCallback(
    (path: string, source: string | undefined) => {
      setDraft((current) => {
        const next = { ...current };
        if (source === undefined) delete next[path];
        else next[path] = source;
        schedule(next);
        return next;
      });
    },
    [schedule],
  );
  const progress = measureMappingProgress(draft, summary.headers);
  const requiredPaths = new Set(progress.required.map((field) => field.path));
  const stateOf = new Map(progress.required.map((field) => [field.path, field.state]));
  const optional = API_FIELDS.filter((field) => !requiredPaths.has(field.path));

  const clearAll = () => {
    const next = Object.fromEntries(Object.entries(draft).filter(([path]) => isMetadataKey(path)));
    setDraft(next);
    saver.schedule(next);
  };
  const continueToValidation = async () => {
    // Suggestions not yet saved are part of what the user accepts by continuing.
    if (!saver.hasPending() && !sameMappings(draft, configuration.field_mappings)) saver.schedule(draft);
    if (await saver.flush()) onContinue();
  };

  const row = (path: string) => {
    const field = API_FIELDS.find((candidate) => candidate.path === path);
    if (!field) return null;
    return (
      <MappingFieldRow key={path} field={field} source={draft[path]} headers={summary.headers} samples={summary.samples}
        suggested={suggested.get(path)} state={stateOf.get(path)} onChange={change} />
    );
  };

  return (
    <section className="card mapping-step" aria-label="Field mapping">
      <h3>Field mapping</h3>
      <label className="field">
        Required fields {progress.done}/{progress.total}
        <progress max={progress.total} value={progress.done} />
      </label>
      <details open>
        <summary>Required fields</summary>
        {progress.required.map((field) => row(field.path))}
      </details>
      {/* Rendered only once opened: 60-odd selects of every column cost the page a long task. */}
      <details onToggle={(event) => setOptionalOpen(event.currentTarget.open)}>
        <summary>Optional fields</summary>
        {isOptionalOpen && OPTIONAL_GROUPS.map(([title, belongs], index) => {
          const earlier = OPTIONAL_GROUPS.slice(0, index);
          const fields = optional.filter((field) => belongs(field.path) && !earlier.some(([, other]) => other(field.path)));
          return fields.length === 0 ? null : (
            <fieldset key={title}>
              <legend>{title}</legend>
              {fields.map((field) => row(field.path))}
            </fieldset>
          );
        })}
      </details>
      <div className="button-row">
        <button type="button" className="primary" disabled={!progress.isComplete || saver.isSaving} onClick={() => void continueToValidation()}>
          Continue
        </button>
        <button type="button" onClick={clearAll}>
          Clear all
        </button>
        <span className="caption" aria-live="polite">{saver.isSaving ? 'Saving mapping…' : ''}</span>
      </div>
      {progress.isComplete ? null : <p className="caption">Map every required field (or give it a manual value) to continue.</p>}
      {notice ? <Notice notice={notice} /> : null}
    </section>
  );
}

/** The configuration's mappings, with suggestions filling the fields it does not map. */
function withSuggestions(mappings: Record<string, string>, summary: FileSummary): Record<string, string> {
  const draft = { ...mappings };
  for (const suggestion of summary.suggestions) {
    if (draft[suggestion.path] === undefined) draft[suggestion.path] = suggestion.column;
  }
  return draft;
}

/** Whether two mappings hold the same entries. */
function sameMappings(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
