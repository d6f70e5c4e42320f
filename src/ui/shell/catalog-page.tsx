import { BrokeragePanel } from '../brokerages/brokerage-panel';
import { ConfigurationPanel } from '../configurations/configuration-panel';
import { useApiRead } from '../common/use-api-read';
import { useSelectedBrokerage } from './use-selected-brokerage';
import './catalog.css';

/**
 * The `Brokerages` view: brokerages (select, create, rename, delete) and the selected
 * brokerage's configurations.
 */
export function CatalogPage() {
  const { data: brokerages, problem } = useApiRead((api) => api.listBrokerages(), []);
  const [selectedId, setSelectedId] = useSelectedBrokerage();
  // A brokerage deleted here, in another tab or by a restore is no longer selected.
  const selected = brokerages?.find((brokerage) => brokerage.id === selectedId) ?? null;

  return (
    <div className="catalog">
      <section className="catalog-section" aria-labelledby="catalog-brokerages-heading">
        <h2 id="catalog-brokerages-heading">Brokerages</h2>
        <BrokeragePanel
          brokerages={brokerages}
          selectedId={selected?.id ?? null}
          onSelect={setSelectedId}
          problem={problem}
        />
      </section>
      <section className="catalog-section" aria-labelledby="catalog-configurations-heading">
        <h2 id="catalog-configurations-heading">
          {selected ? `Configurations for “${selected.name}”` : 'Configurations'}
        </h2>
        {selected ? (
          <ConfigurationPanel key={selected.id} brokerage={selected} />
        ) : (
          <p className="empty-state">Select or create a brokerage to see its configurations.</p>
        )}
      </section>
    </div>
  );
}
