import type { ConfigurationView } from '../../core/db/configuration-view';
import { formatLocalTime, plural } from '../common/format';
import { useCanWrite } from '../common/use-write-action';
import { DeleteConfiguration } from './delete-configuration';

const AUTH_LABELS = { api_key: 'API key', bearer_token: 'Bearer token' } as const;

export interface ConfigurationItemProps {
  configuration: ConfigurationView;
  onEdit: () => void;
  onDeleted: (name: string) => void;
}

/** One configuration: name, badges, what it connects to, version and times, and its actions. */
export function ConfigurationItem({ configuration, onEdit, onDeleted }: ConfigurationItemProps) {
  const canWrite = useCanWrite();
  const name = configuration.configuration_name;
  const mappedCount = Object.keys(configuration.field_mappings).filter((path) => !path.startsWith('_')).length;
  return (
    <li className="configuration-item">
      <div className="configuration-heading">
        <h3 className="item-title">{name}</h3>
        {configuration.needsCredentials ? <span className="badge badge-warning">Needs credentials</span> : null}
        {configuration.addressProblem ? <span className="badge badge-warning">Check API address</span> : null}
      </div>
      {configuration.addressProblem ? <p className="caption">{configuration.addressProblem}</p> : null}
      {configuration.description ? <p className="configuration-description">{configuration.description}</p> : null}
      <p className="caption">
        {AUTH_LABELS[configuration.auth_type]} · {configuration.base_url || 'no base URL'} ·{' '}
        {plural(mappedCount, 'field')} mapped
      </p>
      <p className="caption">{describeKeySupport(configuration)}</p>
      <p className="caption">
        Version {configuration.version} · updated{' '}
        <time dateTime={configuration.updated_at}>{formatLocalTime(configuration.updated_at)}</time>
      </p>
      <div className="button-row">
        <button type="button" aria-label={`Edit ${name}`} disabled={!canWrite} onClick={onEdit}>
          Edit
        </button>
        <DeleteConfiguration configuration={configuration} onDeleted={() => onDeleted(name)} />
      </div>
    </li>
  );
}

/** What is known about the API and the Idempotency-Key header, in one line. */
function describeKeySupport(configuration: ConfigurationView): string {
  const fact = configuration.idempotencyKey;
  if (!fact) return 'Idempotency-Key: not known yet (Test connection or the first run finds out).';
  const when = formatLocalTime(fact.checkedAt);
  return fact.support === 'accepted'
    ? `Idempotency-Key: accepted by this API (found ${when}).`
    : 'Idempotency-Key: not allowed by this API’s CORS settings, so loads go without it; ' +
        `this app still sends each load once (found ${when}).`;
}
