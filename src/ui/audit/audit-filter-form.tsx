import { useId } from 'react';
import { hasAuditFilters, KIND_LABELS, NO_AUDIT_FILTERS, NOBODY, type AuditFilters } from './audit-filters';
import { DateRangeFields } from '../common/date-range-fields';

export interface AuditFilterFormProps {
  filters: AuditFilters;
  people: readonly string[];
  onChange: (filters: AuditFilters) => void;
}

/** Filters of the audit trail: what, who, words, dates, only failures. */
export function AuditFilterForm({ filters, people, onChange }: AuditFilterFormProps) {
  const id = useId();
  const set = (change: Partial<AuditFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      className="audit-filters"
      aria-label="Filter the audit trail"
      role="search"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="field">
        <label htmlFor={`${id}-kind`}>What</label>
        <select id={`${id}-kind`} value={filters.kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">Everything</option>
          {KIND_LABELS.map(([kind, label]) => (
            <option key={kind} value={kind}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-who`}>Who</label>
        <select id={`${id}-who`} value={filters.who} onChange={(e) => set({ who: e.target.value })}>
          <option value="">Anyone</option>
          {people.map((person) => (
            <option key={person} value={person}>
              {person}
            </option>
          ))}
          <option value={NOBODY}>No name given (or the app itself)</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>Words</label>
        <input
          id={`${id}-text`}
          type="search"
          value={filters.text}
          autoComplete="off"
          onChange={(e) => set({ text: e.target.value })}
        />
      </div>
      <DateRangeFields
        range={{ fromDate: filters.fromDate, toDate: filters.toDate }}
        onChange={(range) => set(range)}
      />
      <label className="radio">
        <input
          type="checkbox"
          checked={filters.failuresOnly}
          onChange={(e) => set({ failuresOnly: e.target.checked })}
        />
        Only failures
      </label>
      {hasAuditFilters(filters) ? (
        <div className="button-row">
          <button type="button" onClick={() => onChange(NO_AUDIT_FILTERS)}>
            Clear filters
          </button>
        </div>
      ) : null}
    </form>
  );
}
