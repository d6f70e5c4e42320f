import type { TableCounts } from '../../worker/api';
import { plural } from '../shared/format';

/** "12 brokerage configs, 340 uploads", or "Database is empty" when no table has rows. */
export function StatusLine({ counts }: { counts: TableCounts }) {
  const isEmpty = Object.values(counts).every((n) => n === 0);
  if (isEmpty) return <p className="status-line">Database is empty</p>;
  return (
    <p className="status-line">
      {plural(counts.brokerage_configurations, 'brokerage config')}, {plural(counts.upload_history, 'upload')}
      <span className="status-line-extra"> · {plural(counts.brokerages, 'brokerage')}</span>
    </p>
  );
}
