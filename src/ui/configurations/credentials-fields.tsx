import type { AuthType } from '../../core/db/rows';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { ConfigurationDraft } from './configuration-draft';

export interface CredentialsFieldsProps {
  draft: ConfigurationDraft;
  /** The stored configuration when editing (to say which secrets are stored). */
  stored: ConfigurationView | null;
  onChange: (change: Partial<ConfigurationDraft>) => void;
}

/** Authentication type, API base URL, and the API key or bearer token (masked, never shown back). */
export function CredentialsFields({ draft, stored, onChange }: CredentialsFieldsProps) {
  const isApiKey = draft.authType === 'api_key';
  const isStored = isApiKey ? stored?.hasApiKey === true : stored?.hasBearerToken === true;
  const secretLabel = isApiKey ? 'API key' : 'Bearer token';
  const placeholder = isStored
    ? `A ${isApiKey ? 'key' : 'token'} is stored — leave blank to keep it`
    : `Paste the ${isApiKey ? 'API key' : 'bearer token'}`;
  return (
    <>
      <label className="field">
        Authentication type
        <select value={draft.authType} onChange={(event) => onChange({ authType: toAuthType(event.target.value) })}>
          <option value="api_key">API key</option>
          <option value="bearer_token">Bearer token</option>
        </select>
      </label>
      <label className="field">
        API base URL
        <input type="url" value={draft.baseUrl} autoComplete="off" spellCheck={false} onChange={(event) => onChange({ baseUrl: event.target.value })} />
      </label>
      <label className="field">
        {secretLabel}
        <input
          type="password"
          autoComplete="new-password"
          value={isApiKey ? draft.apiKey : draft.bearerToken}
          placeholder={placeholder}
          onChange={(event) => onChange(isApiKey ? { apiKey: event.target.value } : { bearerToken: event.target.value })}
        />
      </label>
      {stored && !isStored ? (
        <p className="caption needs-credentials-hint">
          No {isApiKey ? 'API key' : 'bearer token'} is stored for this configuration: enter it to complete the configuration.
        </p>
      ) : null}
    </>
  );
}

/** Reads the select's value as an auth type. */
function toAuthType(value: string): AuthType {
  return value === 'bearer_token' ? 'bearer_token' : 'api_key';
}
