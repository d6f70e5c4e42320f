import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { API_FIELDS, findApiField } from '../../core/api-fields';
import { explainMappingGaps } from '../../core/csv/mapping-gaps';
import { measureMappingProgress } from '../../core/csv/mapping-progress';
import { isMetadataKey } from '../../core/field-mappings';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { FileSummary } from '../../worker/processing/processing-types';
import type { MappingSuggestion } from '../../core/csv/suggestions';
import { useDatabase } from '../common/database-context';
import { Notice, type NoticeContent } from '../common/notice';
import { MappingFieldRow } from './mapping-field-row';
import { SuggestionOffers } from './suggestion-offers';
import { useDebouncedSave } from './use-debounced-save';

/** Where the optional fields are listed, as the original groups them. */
const OPTIONAL_GROUPS: readonly [string, (path: string) => boolean][] = [
  ['Pricing and bids', (path) => path.startsWith('bidCriteria.')],
  [
    'Load information',
    (path) =>
      path.startsWith('load.items.') || path.startsWith('load.equipment.') || path.startsWith('load.referenceNumbers.'),
  ],
  ['Location details', (path) => path.startsWith('load.trackingEvents.')],
  ['Contacts and carriers', (path) => path.startsWith('carrier.') || path.startsWith('brokerage.')],
  ['Other fields', () => true],
];

/**
 * The mapping step: Required and Optional fields, "Required fields N/M", suggestions (applied to
 * always-required fields, offered for the others), `Clear all`. A finished change is saved a
 * moment later (one change-log row per save) and at once by `Continue`; a manual value being
 * typed is never saved before it is finished. A disabled Continue says what is missing and how
 * to leave a group out.
 */
export function MappingStep({
  summary,
  configuration,
  onContinue,
}: {
  summary: FileSummary;
  configuration: ConfigurationView;
  onContinue: () => void;
}) {
  const { api, notifyChanged } = useDatabase();
  const gapsId = useId();
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const [isOptionalOpen, setOptionalOpen] = useState(false);
  const applied = useMemo(
    () => summary.suggestions.filter((s) => findApiField(s.path)?.required === true),
    [summary.suggestions],
  );
  const suggested = useMemo(() => new Map(applied.map((s) => [s.path, s.confidence])), [applied]);
  const [draft, setDraft] = useState<Record<string, string>>(() =>
    withSuggestions(configuration.field_mappings, applied),
  );
  const draftRef = useRef(draft);
  const saver = useDebouncedSave<Record<string, string>>(async (mappings) => {
    const saved = await api.saveMappings(configuration.id, mappings);
    if (!saved.ok) {
      setNotice({ kind: 'error', text: saved.error.message });
      return false;
    }
    setNotice(null);
    await notifyChanged();
    return true;
  });
  const { schedule } = saver;
  const change = useCallback(
    (path: string, source: string | undefined, isFinished: boolean) => {
      const next = { ...draftRef.current };
      if (source === undefined) delete next[path];
      else next[path] = source;
      draftRef.current = next;
      setDraft(next);
      if (isFinished) schedule(next);
    },
    [schedule],
  );
  const progress = measureMappingProgress(draft, summary.headers);
  const gaps = explainMappingGaps(progress);
  const requiredPaths = new Set(progress.required.map((field) => field.path));
  const stateOf = new Map(progress.required.map((field) => [field.path, field.state]));
  const optional = API_FIELDS.filter((field) => !requiredPaths.has(field.path));
  const offers = summary.suggestions.filter((offer) => !suggested.has(offer.path) && draft[offer.path] === undefined);

  const clearAll = () => {
    const next = Object.fromEntries(Object.entries(draftRef.current).filter(([path]) => isMetadataKey(path)));
    draftRef.current = next;
    setDraft(next);
    schedule(next);
  };
  const continueToValidation = async () => {
    // What is on screen is what the user accepts by continuing: applied suggestions, a value just typed.
    if (saver.hasPending() || !sameMappings(draftRef.current, configuration.field_mappings)) schedule(draftRef.current);
    if (await saver.flush()) onContinue();
  };

  const row = (path: string) => {
    const field = findApiField(path);
    if (!field) return null;
    return (
      <MappingFieldRow
        key={path}
        field={field}
        source={draft[path]}
        headers={summary.headers}
        samples={summary.samples}
        suggested={suggested.get(path)}
        state={stateOf.get(path)}
        onChange={change}
      />
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
      <SuggestionOffers offers={offers} onUse={(offer: MappingSuggestion) => change(offer.path, offer.column, true)} />
      {/* Rendered only once opened: 60-odd selects of every column cost the page a long task. */}
      <details onToggle={(event) => setOptionalOpen(event.currentTarget.open)}>
        <summary>Optional fields</summary>
        {isOptionalOpen &&
          OPTIONAL_GROUPS.map(([title, belongs], index) => {
            const earlier = OPTIONAL_GROUPS.slice(0, index);
            const fields = optional.filter(
              (field) => belongs(field.path) && !earlier.some(([, other]) => other(field.path)),
            );
            return fields.length === 0 ? null : (
              <fieldset key={title}>
                <legend>{title}</legend>
                {fields.map((field) => row(field.path))}
              </fieldset>
            );
          })}
      </details>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!progress.isComplete || saver.isSaving}
          aria-describedby={gaps.length > 0 ? gapsId : undefined}
          onClick={() => void continueToValidation()}
        >
          Continue
        </button>
        <button type="button" onClick={clearAll}>
          Clear all
        </button>
        <span className="caption" aria-live="polite">
          {saver.isSaving ? 'Saving mapping…' : ''}
        </span>
      </div>
      {gaps.length > 0 ? (
        <div id={gapsId} className="mapping-gaps">
          <p>Continue needs a complete mapping:</p>
          <ul>
            {gaps.map((gap) => (
              <li key={gap}>{gap}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {notice ? <Notice notice={notice} /> : null}
    </section>
  );
}

/** The configuration's mappings, with the applied suggestions filling the fields it does not map. */
function withSuggestions(
  mappings: Record<string, string>,
  applied: readonly MappingSuggestion[],
): Record<string, string> {
  const draft = { ...mappings };
  for (const suggestion of applied) {
    if (draft[suggestion.path] === undefined) draft[suggestion.path] = suggestion.column;
  }
  return draft;
}

/** Whether two mappings hold the same entries. */
function sameMappings(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}
