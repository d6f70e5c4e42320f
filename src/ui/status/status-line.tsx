import type { TableCounts } from '../../worker/status/status-types';
import { plural } from '../common/format';

/**
 * The counts line of the UI contract: "12 brokerage configs, 340 uploads · 3 brokerages";
 * "1 brokerage, no configurations yet" before the first configuration; "Database is empty".
 */
export function StatusLine({ counts }: { counts: TableCounts }) {
  const isEmpty = Object.values(counts).every((n) => n === 0);
  if (isEmpty) return <p className="status-line">Database is empty</p>;
  if (counts.brokerage_configurations === 0) {
    const uploads = counts.upload_history === 0 ? '' : `, ${plural(counts.upload_history, 'upload')}`;
    const text =
      counts.brokerages === 0
        ? `No brokerages${uploads}`
        : `${plural(counts.brokerages, 'brokerage')}, no configurations yet${uploads}`;
    return <p className="status-line">{text}</p>;
  }
  return (
    <p className="status-line">
      {plural(counts.brokerage_configurations, 'brokerage config')}, {plural(counts.upload_history, 'upload')}
      <span className="status-line-extra"> · {plural(counts.brokerages, 'brokerage')}</span>
    </p>
  );
}
