import { useId } from 'react';
import type { BrokerageSummary } from '../../core/db/brokerages';
import type { ConfigurationView } from '../../core/db/configuration-view';

export interface PickerProps {
  brokerages: BrokerageSummary[];
  brokerageName: string;
  configurations: ConfigurationView[];
  configurationId: number | null;
  onBrokerage: (name: string) => void;
  onConfiguration: (id: number | null) => void;
}

/** The `Brokerage` and `Configuration` selects of the Process file view. */
export function ConfigurationPicker({
  brokerages,
  brokerageName,
  configurations,
  configurationId,
  onBrokerage,
  onConfiguration,
}: PickerProps) {
  const brokerageId = useId();
  const configurationSelectId = useId();
  return (
    <div className="picker-row">
      <div className="field">
        <label htmlFor={brokerageId}>Brokerage</label>
        <select id={brokerageId} value={brokerageName} onChange={(event) => onBrokerage(event.target.value)}>
          <option value="">-- Choose a brokerage --</option>
          {brokerages.map((brokerage) => (
            <option key={brokerage.id} value={brokerage.name}>
              {brokerage.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={configurationSelectId}>Configuration</label>
        <select
          id={configurationSelectId}
          value={configurationId === null ? '' : String(configurationId)}
          disabled={brokerageName === ''}
          onChange={(event) => onConfiguration(event.target.value === '' ? null : Number(event.target.value))}
        >
          <option value="">-- Choose a configuration --</option>
          {configurations.map((configuration) => (
            <option key={configuration.id} value={String(configuration.id)}>
              {configuration.configuration_name}
              {configuration.needsCredentials ? ' (needs credentials)' : ''}
              {configuration.addressProblem ? ' (check API address)' : ''}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
