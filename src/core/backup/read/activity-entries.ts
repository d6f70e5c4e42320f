import { MAX_DOCUMENT_LENGTH, MAX_TEXT_LENGTH } from '../format/limits';
import { isStorableText } from '../format/text-rule';
import { isIsoUtc } from '../format/timestamps';
import { isPlainObject } from '../format/values';
import type { FileActivityEntry } from './parsed';

/**
 * A file's activity log entry, checked loosely: the log is not covered by the checksum and never
 * decides whether data restores, so an entry that cannot be read is left out (and counted) rather
 * than refusing the file. Details are kept as the JSON text they were.
 */
export function readActivityEntry(raw: unknown): FileActivityEntry | null {
  if (!isPlainObject(raw)) return null;
  const { at, kind, summary, details } = raw;
  if (typeof at !== 'string' || at.length > 40 || !isIsoUtc(at)) return null;
  if (typeof kind !== 'string' || kind.length > 40 || !isStorableText(kind)) return null;
  if (typeof summary !== 'string' || summary.length > MAX_TEXT_LENGTH || !isStorableText(summary)) return null;
  if (
    details !== null &&
    details !== undefined &&
    (typeof details !== 'string' || details.length > MAX_DOCUMENT_LENGTH || !isStorableText(details))
  )
    return null;
  return { at, kind, summary, details: typeof details === 'string' ? details : null };
}
