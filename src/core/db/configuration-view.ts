/**
 * Turns stored configuration rows into what the UI may see. Secrets stay here: the view says
 * only whether an API key or bearer token is stored, never what it is.
 */
import { describeAddressProblem } from '../api-address';
import type { KeySupportFact } from './load-api-facts';
import type { AuthType, ConfigurationRow } from './rows';

/** A configuration as the UI sees it: secrets stay in the worker, only their presence shows. */
export interface ConfigurationView {
  id: number;
  brokerage_name: string;
  configuration_name: string;
  description: string | null;
  auth_type: AuthType;
  base_url: string;
  hasApiKey: boolean;
  hasBearerToken: boolean;
  needsCredentials: boolean;
  /**
   * Why the stored base URL is not one the app sends credentials to (a restored file may carry
   * any text), or null. Such a configuration is kept, marked, and used for nothing until edited.
   */
  addressProblem: string | null;
  field_mappings: Record<string, string>;
  file_headers: string[] | null;
  version: number;
  created_at: string;
  updated_at: string;
  last_used_at: string | null;
  /** What this browser found out about the API and the Idempotency-Key header (absent: not yet). */
  idempotencyKey?: KeySupportFact;
}

/**
 * Stored `api_credentials` JSON: `{ base_url, api_key? }`; other keys are ignored, and a value of another type counts
 * as absent.
 */
function readCredentialFields(value: unknown): { base_url?: string; api_key?: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const { base_url: baseUrl, api_key: apiKey } = value as Record<string, unknown>;
  return {
    ...(typeof baseUrl === 'string' ? { base_url: baseUrl } : {}),
    ...(typeof apiKey === 'string' ? { api_key: apiKey } : {}),
  };
}

export interface StoredCredentials {
  baseUrl: string;
  apiKey: string | null;
}

/** Reads the credentials JSON; unreadable text (e.g. from an old restore) counts as empty. */
export function readCredentials(text: string): StoredCredentials {
  const value = readCredentialFields(parseJson(text));
  return { baseUrl: value.base_url ?? '', apiKey: nonEmpty(value.api_key) };
}

/** Serialises credentials the one way we store them: api_key only for API key auth. */
export function writeCredentials(authType: AuthType, baseUrl: string, apiKey: string | null): string {
  return JSON.stringify(
    authType === 'api_key' && apiKey ? { base_url: baseUrl, api_key: apiKey } : { base_url: baseUrl },
  );
}

/** Reads stored mappings; non-text values (seen in hand-edited files) become text, never vanish. */
export function readMappings(text: string): Record<string, string> {
  const parsed = parseJson(text);
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
  const entries = Object.entries(parsed).filter(([, value]) => value !== null && value !== undefined);
  return Object.fromEntries(
    entries.map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
  );
}

/** Whether the credential the auth type needs is stored. */
export function hasCredentialFor(authType: AuthType, apiKey: string | null, bearerToken: string | null): boolean {
  return authType === 'api_key' ? apiKey !== null : nonEmpty(bearerToken) !== null;
}

/** The UI's view of one stored configuration. */
export function toConfigurationView(row: ConfigurationRow): ConfigurationView {
  const credentials = readCredentials(row.api_credentials);
  const hasApiKey = credentials.apiKey !== null;
  const hasBearerToken = nonEmpty(row.bearer_token) !== null;
  return {
    id: row.id,
    brokerage_name: row.brokerage_name,
    configuration_name: row.configuration_name,
    description: row.description,
    auth_type: row.auth_type,
    base_url: credentials.baseUrl,
    hasApiKey,
    hasBearerToken,
    needsCredentials:
      row.needs_credentials === 1 || !hasCredentialFor(row.auth_type, credentials.apiKey, row.bearer_token),
    addressProblem: describeAddressProblem(credentials.baseUrl),
    field_mappings: readMappings(row.field_mappings),
    file_headers: readHeaders(row.file_headers),
    version: row.version,
    created_at: row.created_at,
    updated_at: row.updated_at,
    last_used_at: row.last_used_at,
  };
}

/** Reads the stored header list, or null. */
function readHeaders(text: string | null): string[] | null {
  if (text === null) return null;
  const parsed = parseJson(text);
  return Array.isArray(parsed) ? parsed.map(String) : null;
}

/** JSON.parse that returns undefined instead of throwing. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The text if it has any non-space character, else null. */
function nonEmpty(text: string | null | undefined): string | null {
  return typeof text === 'string' && text.trim() !== '' ? text : null;
}
