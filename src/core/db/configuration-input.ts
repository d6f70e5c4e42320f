/**
 * Checks what the configuration form sends, in the original's order and words
 * (reference/ff2api-original.md §4.2): name, credential for the chosen auth type, base URL —
 * then the field mappings.
 */
import { checkFieldMappings } from '../field-mappings';
import { checkName } from '../names';
import { fail, ok, type Result } from '../result';
import type { AuthType } from './rows';

export interface ConfigurationInput {
  /** Absent to create. */
  id?: number;
  brokerage_name: string;
  configuration_name: string;
  description: string;
  auth_type: AuthType;
  base_url: string;
  /** New API key; empty on update means "keep the stored one". */
  api_key: string;
  /** New bearer token; empty on update means "keep the stored one". */
  bearer_token: string;
  field_mappings: Record<string, string>;
}

const MESSAGES = {
  noApiKey: 'Please provide an API key for API key authentication.',
  noBearerToken: 'Please provide a bearer token for bearer token authentication.',
  noBaseUrl: 'Please provide an API base URL.',
  badBaseUrl: 'The API base URL must be a web address starting with https:// or http://, for example https://api.prod.goaugment.com.',
  badAuthType: 'Choose an authentication type: API key or bearer token.',
} as const;

/** The credentials already stored for the configuration being edited (none when creating). */
export interface StoredSecrets {
  apiKey: string | null;
  bearerToken: string | null;
}

export interface CheckedConfiguration {
  name: string;
  description: string;
  authType: AuthType;
  baseUrl: string;
  /** The key to store (new or kept), only for API key auth. */
  apiKey: string | null;
  /** The token to store (new or kept), only for bearer auth. */
  bearerToken: string | null;
  mappings: Record<string, string>;
}

/**
 * Validates and normalises the input. An empty key or token means "keep the stored one"; the
 * credential of the chosen auth type must be given or already stored.
 */
export function checkConfigurationInput(input: ConfigurationInput, stored: StoredSecrets): Result<CheckedConfiguration> {
  const name = checkName(input.configuration_name, 'configuration name');
  if (!name.ok) return name;
  const authType = input.auth_type;
  if (authType !== 'api_key' && authType !== 'bearer_token') return fail('bad-auth-type', MESSAGES.badAuthType);
  const apiKey = authType === 'api_key' ? input.api_key.trim() || stored.apiKey : null;
  const bearerToken = authType === 'bearer_token' ? input.bearer_token.trim() || stored.bearerToken : null;
  if (authType === 'api_key' && !apiKey) return fail('no-api-key', MESSAGES.noApiKey);
  if (authType === 'bearer_token' && !bearerToken) return fail('no-bearer-token', MESSAGES.noBearerToken);
  const baseUrl = input.base_url.trim();
  if (baseUrl === '') return fail('no-base-url', MESSAGES.noBaseUrl);
  if (!isWebAddress(baseUrl)) return fail('bad-base-url', MESSAGES.badBaseUrl);
  const mappings = checkFieldMappings(input.field_mappings);
  if (!mappings.ok) return mappings;
  return ok({
    name: name.value,
    description: input.description.trim(),
    authType,
    baseUrl,
    apiKey,
    bearerToken,
    mappings: mappings.value,
  });
}

/** Whether text is an absolute http(s) URL with a host. */
function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}
