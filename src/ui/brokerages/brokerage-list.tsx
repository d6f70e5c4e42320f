import type { BrokerageSummary } from '../../core/db/brokerages';
import { plural } from '../common/format';

export interface BrokerageListProps {
  brokerages: BrokerageSummary[];
  selectedId: number | null;
  onSelect: (id: number) => void;
}

/**
 * The brokerages as a list of toggle buttons (the pressed one is selected), each with its
 * configuration and upload counts.
 */
export function BrokerageList({ brokerages, selectedId, onSelect }: BrokerageListProps) {
  if (brokerages.length === 0) {
    return <p className="empty-state">No brokerages yet. Create the first one below.</p>;
  }
  return (
    <ul className="brokerage-list" aria-label="Brokerages">
      {brokerages.map((brokerage) => (
        <li key={brokerage.id} className={brokerage.id === selectedId ? 'is-selected' : undefined}>
          <button
            type="button"
            className="brokerage-button"
            aria-pressed={brokerage.id === selectedId}
            onClick={() => onSelect(brokerage.id)}
          >
            {brokerage.name}
          </button>
          <span className="caption">
            {plural(brokerage.configurationCount, 'configuration')} · {plural(brokerage.uploadCount, 'upload')}
          </span>
        </li>
      ))}
    </ul>
  );
}
