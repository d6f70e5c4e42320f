import type { CheckedConfiguration } from './configuration-input';
import { readCredentials, readMappings } from './configuration-view';
import type { ConfigurationRow } from './rows';

/**
 * One line for `configuration_changes.change_description` saying what an update changed, e.g.
 * "Updated: name “A” → “B”; mappings (+2, −1, 1 changed); API key replaced". Secrets are
 * never written into it, only the fact that one was replaced.
 */
export function describeUpdate(before: ConfigurationRow, after: CheckedConfiguration): string {
  const parts: string[] = [];
  if (before.configuration_name !== after.name) parts.push(`name “${before.configuration_name}” → “${after.name}”`);
  if ((before.description ?? '') !== after.description) parts.push('description');
  if (before.auth_type !== after.authType) parts.push(`authentication ${before.auth_type} → ${after.authType}`);
  const credentials = readCredentials(before.api_credentials);
  if (credentials.baseUrl !== after.baseUrl)
    parts.push(`base URL ${credentials.baseUrl || '(none)'} → ${after.baseUrl}`);
  if (after.apiKey !== null && after.apiKey !== credentials.apiKey) parts.push('API key replaced');
  if (after.bearerToken !== null && after.bearerToken !== before.bearer_token) parts.push('bearer token replaced');
  const mappingChange = describeMappingChange(readMappings(before.field_mappings), after.mappings);
  if (mappingChange) parts.push(mappingChange);
  return parts.length === 0 ? 'Saved without changes' : `Updated: ${parts.join('; ')}`;
}

/** "mappings (+2, −1, 1 changed)", or null when the mappings are the same. */
function describeMappingChange(before: Record<string, string>, after: Record<string, string>): string | null {
  const beforeKeys = new Set(Object.keys(before));
  const afterKeys = Object.keys(after);
  const added = afterKeys.filter((key) => !beforeKeys.has(key)).length;
  const removed = [...beforeKeys].filter((key) => !Object.hasOwn(after, key)).length;
  const changed = afterKeys.filter((key) => beforeKeys.has(key) && before[key] !== after[key]).length;
  if (added + removed + changed === 0) return null;
  const counts = [added ? `+${added}` : '', removed ? `−${removed}` : '', changed ? `${changed} changed` : ''].filter(
    Boolean,
  );
  return `mappings (${counts.join(', ')})`;
}
