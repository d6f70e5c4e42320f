import { MAX_INFO_DEPTH } from '../format/limits';

/**
 * JSON with object keys sorted at every level: the same `backup_info` gives the same text however
 * its keys were ordered in the file. Used as AES-GCM additional data, so changing anything in the
 * clear `backup_info` of an encrypted file makes decryption fail. Returns null past
 * MAX_INFO_DEPTH levels (never recurses without bound on hostile input).
 */
export function canonicalJson(value: unknown, depth = 0): string | null {
  if (depth > MAX_INFO_DEPTH) return null;
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (const item of value) {
      const text = canonicalJson(item, depth + 1);
      if (text === null) return null;
      items.push(text);
    }
    return `[${items.join(',')}]`;
  }
  const entries: string[] = [];
  for (const key of Object.keys(value).sort()) {
    const text = canonicalJson((value as Record<string, unknown>)[key], depth + 1);
    if (text === null) return null;
    entries.push(`${JSON.stringify(key)}:${text}`);
  }
  return `{${entries.join(',')}}`;
}
