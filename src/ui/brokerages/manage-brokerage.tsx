import type { BrokerageSummary } from '../../worker/api';
import { DeleteBrokerage } from './delete-brokerage';
import { RenameBrokerageForm } from './rename-brokerage-form';

/** Rename and delete for the selected brokerage. */
export function ManageBrokerage({ brokerage, onDeleted }: { brokerage: BrokerageSummary; onDeleted: (message: string) => void }) {
  return (
    <div className="card manage-brokerage">
      <RenameBrokerageForm brokerage={brokerage} />
      <DeleteBrokerage brokerage={brokerage} onDeleted={onDeleted} />
    </div>
  );
}
