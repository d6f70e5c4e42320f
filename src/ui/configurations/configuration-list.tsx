import type { ConfigurationView } from '../../core/db/configuration-view';
import { ConfigurationItem } from './configuration-item';

export interface ConfigurationListProps {
  brokerageName: string;
  configurations: ConfigurationView[];
  onEdit: (id: number) => void;
  onDeleted: (name: string) => void;
}

/** The brokerage's configurations, or a hint to create the first one. */
export function ConfigurationList({ brokerageName, configurations, onEdit, onDeleted }: ConfigurationListProps) {
  if (configurations.length === 0) {
    return <p className="empty-state">No configurations yet for “{brokerageName}”. Create your first configuration.</p>;
  }
  return (
    <ul className="configuration-list" aria-label={`Configurations of ${brokerageName}`}>
      {configurations.map((configuration) => (
        <ConfigurationItem
          key={configuration.id}
          configuration={configuration}
          onEdit={() => onEdit(configuration.id)}
          onDeleted={onDeleted}
        />
      ))}
    </ul>
  );
}
