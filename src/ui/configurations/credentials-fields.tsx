import { useId } from 'react';
import { isSameOrigin, originOf } from '../../core/api-address';
import type { AuthType } from '../../core/db/rows';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { ConfigurationDraft } from './configuration-draft';

export interface CredentialsFieldsProps {
  draft: ConfigurationDraft;
  /** The stored configuration when editing (to say which secrets are stored). */
  stored: ConfigurationView | null;
  onChange: (change: Partial<ConfigurationDraft>) => void;
}

/**
 * Authentication type, API base URL, and the API key or bearer token (masked, never shown back).
 * A stored secret stays with the address it was saved with: once the base URL points to another
 * origin, the form says beside the field that the secret must be typed again (Save and Test
 * connection refuse to use the stored one there).
 */
export function CredentialsFields({ draft, stored, onChange }: CredentialsFieldsProps) {
  const bindingHintId = useId();
  const isApiKey = draft.authType === 'api_key';
  const isStored = isApiKey ? stored?.hasApiKey === true : stored?.hasBearerToken === true;
  const secretLabel = isApiKey ? 'API key' : 'Bearer token';
  const secretName = isApiKey ? 'API key' : 'bearer token';
  const typed = isApiKey ? draft.apiKey : draft.bearerToken;
  const isAnotherOrigin =
    stored !== null && draft.baseUrl.trim() !== '' && !isSameOrigin(stored.base_url, draft.baseUrl);
  const isLeftBehind = isStored && typed.trim() === '' && isAnotherOrigin;
  const placeholder = isLeftBehind
    ? `Type the ${secretName} for the new address`
    : isStored
      ? `A ${isApiKey ? 'key' : 'token'} is stored — leave blank to keep it`
      : `Paste the ${secretName}`;
  const describedBy = isLeftBehind ? bindingHintId : undefined;
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
        <input
          type="url"
          value={draft.baseUrl}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={describedBy}
          onChange={(event) => onChange({ baseUrl: event.target.value })}
        />
      </label>
      <label className="field">
        {secretLabel}
        <input
          type="password"
          autoComplete="new-password"
          value={typed}
          placeholder={placeholder}
          aria-describedby={describedBy}
          onChange={(event) =>
            onChange(isApiKey ? { apiKey: event.target.value } : { bearerToken: event.target.value })
          }
        />
      </label>
      {isLeftBehind && stored ? (
        <p id={bindingHintId} className="caption secret-binding-hint">
          The stored {secretName} is only ever sent to {originOf(stored.base_url) ?? 'the address it was saved with'}.
          For {originOf(draft.baseUrl) ?? 'the address above'}, type the {secretName} again.
        </p>
      ) : null}
      {stored && !isStored ? (
        <p className="caption needs-credentials-hint">
          No {isApiKey ? 'API key' : 'bearer token'} is stored for this configuration: enter it to complete the
          configuration.
        </p>
      ) : null}
    </>
  );
}

/** Reads the select's value as an auth type. */
function toAuthType(value: string): AuthType {
  return value === 'bearer_token' ? 'bearer_token' : 'api_key';
}
