import type { AuthType } from '../../core/db/rows';
import { describeSource, isMetadataKey, MANUAL_VALUE_PREFIX } from '../../core/field-mappings';
import type { ConfigurationInput } from '../../core/db/configuration-input';
import type { ConfigurationView } from '../../core/db/configuration-view';

/** One mapping of the configuration, as the form shows it (mappings are made in Process file). */
export interface MappingRow {
  /** Stable React key; not stored. */
  key: number;
  path: string;
  isManual: boolean;
  /** CSV column name, or the manual value without its prefix. */
  value: string;
}

/** What the configuration form edits. Secrets start empty: blank on edit keeps the stored one. */
export interface ConfigurationDraft {
  name: string;
  description: string;
  authType: AuthType;
  baseUrl: string;
  apiKey: string;
  bearerToken: string;
  rows: MappingRow[];
  /** The original's `_…` metadata keys, kept untouched and out of the editor. */
  metadata: Record<string, string>;
}

let nextRowKey = 1;

/**
 * The form's starting point: a stored configuration, or a new one. A new configuration's API
 * base URL starts empty: filled in, a production address would be where the first test sends.
 */
export function toDraft(view: ConfigurationView | null): ConfigurationDraft {
  const entries = Object.entries(view?.field_mappings ?? {});
  return {
    name: view?.configuration_name ?? '',
    description: view?.description ?? '',
    authType: view?.auth_type ?? 'api_key',
    baseUrl: view ? view.base_url : '',
    apiKey: '',
    bearerToken: '',
    rows: entries
      .filter(([path]) => !isMetadataKey(path))
      .map(([path, source]) => {
        const { kind, text } = describeSource(source);
        return { key: nextRowKey++, path, isManual: kind === 'manual', value: text };
      }),
    metadata: Object.fromEntries(entries.filter(([path]) => isMetadataKey(path))),
  };
}

/** What the form sends: the fields typed, the mappings as stored (rows, and the `_…` metadata keys). */
export function toInput(draft: ConfigurationDraft, brokerageName: string, id: number | undefined): ConfigurationInput {
  const mappings = new Map(Object.entries(draft.metadata));
  for (const row of draft.rows) mappings.set(row.path, row.isManual ? `${MANUAL_VALUE_PREFIX}${row.value}` : row.value);
  return {
    ...(id === undefined ? {} : { id }),
    brokerage_name: brokerageName,
    configuration_name: draft.name,
    description: draft.description,
    auth_type: draft.authType,
    base_url: draft.baseUrl,
    api_key: draft.apiKey,
    bearer_token: draft.bearerToken,
    field_mappings: Object.fromEntries(mappings),
  };
}
