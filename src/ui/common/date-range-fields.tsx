import { useId } from 'react';

export interface DateRange {
  /** `YYYY-MM-DD`, or '' for no lower bound. */
  fromDate: string;
  /** `YYYY-MM-DD`, or '' for no upper bound. */
  toDate: string;
}

/**
 * The `From` and `To` date fields of a filter form (upload history, the audit trail). Each bounds
 * the other's picker, so a range that ends before it starts cannot be picked.
 */
export function DateRangeFields({ range, onChange }: { range: DateRange; onChange: (change: DateRange) => void }) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={`${id}-from`}>From</label>
        <input
          id={`${id}-from`}
          type="date"
          value={range.fromDate}
          max={range.toDate || undefined}
          onChange={(e) => onChange({ ...range, fromDate: e.target.value })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-to`}>To</label>
        <input
          id={`${id}-to`}
          type="date"
          value={range.toDate}
          min={range.fromDate || undefined}
          onChange={(e) => onChange({ ...range, toDate: e.target.value })}
        />
      </div>
    </>
  );
}
