import { useId } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import { useApiRead } from '../common/use-api-read';
import { hasFilters, NO_CONFIGURATION, NO_FILTERS, type HistoryFilters } from './history-filters';
import { DateRangeFields } from '../common/date-range-fields';

export interface HistoryFilterFormProps {
  brokerages: BrokerageSummary[];
  filters: HistoryFilters;
  onChange: (filters: HistoryFilters) => void;
}

/** Search by file name; brokerage, configuration, dates and "with failures"; newest or oldest first. */
export function HistoryFilterForm({ brokerages, filters, onChange }: HistoryFilterFormProps) {
  const id = useId();
  const brokerage = brokerages.find((b) => String(b.id) === filters.brokerageId);
  const { data: configurations } = useApiRead(
    (api) => (brokerage ? api.listConfigurations(brokerage.name) : Promise.resolve([])),
    [brokerage?.name],
  );
  const set = (change: Partial<HistoryFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      className="history-filters"
      aria-label="Search upload history"
      role="search"
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="field history-search">
        <label htmlFor={`${id}-search`}>Search file names</label>
        <input
          id={`${id}-search`}
          type="search"
          value={filters.search}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. acme_2026"
          onChange={(e) => set({ search: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-brokerage`}>Filter by brokerage</label>
        <select
          id={`${id}-brokerage`}
          value={brokerage ? filters.brokerageId : ''}
          onChange={(e) => set({ brokerageId: e.target.value, configuration: '' })}
        >
          <option value="">All brokerages</option>
          {brokerages.map((b) => (
            <option key={b.id} value={String(b.id)}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-configuration`}>Configuration</label>
        <select
          id={`${id}-configuration`}
          value={filters.configuration}
          disabled={!brokerage}
          onChange={(e) => set({ configuration: e.target.value })}
        >
          <option value="">{brokerage ? 'All configurations' : 'Choose a brokerage first'}</option>
          {(configurations ?? []).map((c) => (
            <option key={c.id} value={c.configuration_name}>
              {c.configuration_name}
            </option>
          ))}
          {brokerage ? <option value={NO_CONFIGURATION}>No configuration recorded</option> : null}
        </select>
      </div>
      <DateRangeFields
        range={{ fromDate: filters.fromDate, toDate: filters.toDate }}
        onChange={(range) => set(range)}
      />
      <div className="field">
        <label htmlFor={`${id}-order`}>Order</label>
        <select
          id={`${id}-order`}
          value={filters.order}
          onChange={(e) => set({ order: e.target.value === 'oldest' ? 'oldest' : 'newest' })}
        >
          <option value="newest">Newest first</option>
          <option value="oldest">Oldest first</option>
        </select>
      </div>
      <label className="radio history-failures">
        <input
          type="checkbox"
          checked={filters.withFailures}
          onChange={(e) => set({ withFailures: e.target.checked })}
        />
        Only uploads with failures
      </label>
      {hasFilters(filters) ? (
        <div className="button-row">
          <button type="button" onClick={() => onChange({ ...NO_FILTERS, order: filters.order })}>
            Clear filters
          </button>
        </div>
      ) : null}
    </form>
  );
}
