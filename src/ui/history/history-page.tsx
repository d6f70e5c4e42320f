import { useApiRead } from '../common/use-api-read';
import { HistoryPanel } from './history-panel';
import { LoadsChart } from './loads-chart';

/** The `Upload history` view: every processed or restored upload, newest first. */
export function HistoryPage() {
  const { data: brokerages } = useApiRead((api) => api.listBrokerages(), []);
  return (
    <section className="catalog-section" aria-labelledby="history-heading">
      <h2 id="history-heading">Upload history</h2>
      <LoadsChart />
      <HistoryPanel brokerages={brokerages ?? []} />
    </section>
  );
}
