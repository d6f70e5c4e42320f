import { selectRows } from '../../db/transaction';
import type { Database } from '../../db/sql-types';

/**
 * The audit trail follows the data: a restore or merge carries the file's activity entries into
 * this browser's log, each once however often the file is restored, saying where it came from.
 * An entry's identity is its time, kind, summary and details as first written — an entry that
 * came here through another file keeps its first identity (and origin), so chains of browsers
 * and files never duplicate it, and a file made in this browser adds nothing.
 */

interface Entry {
  at: string;
  kind: string;
  summary: string;
  details: string | null;
}

/** What an imported entry's details hold. */
interface ImportedDetails {
  imported_from: { file: string; file_created_at: string | null };
  original_summary: string;
  original_details: string | null;
}

/**
 * Appends to `target.activity_log` the entries of `source` (a table name readable from target) it lacks; returns how
 * many.
 */
export function importActivity(
  target: Database,
  source: string,
  origin: { fileName: string; fileCreatedAt: string | null },
): number {
  const seen = new Set(
    selectRows<Entry>(target, 'SELECT at, kind, summary, details FROM main.activity_log').map(identityOf),
  );
  const incoming = selectRows<Entry>(target, `SELECT at, kind, summary, details FROM ${source} ORDER BY id`);
  const insert = target.prepare('INSERT INTO main.activity_log (at, kind, summary, details) VALUES (?, ?, ?, ?)');
  let added = 0;
  try {
    for (const entry of incoming) {
      const identity = identityOf(entry);
      if (seen.has(identity)) continue;
      seen.add(identity);
      const original = unwrap(entry);
      const details: ImportedDetails = {
        imported_from: original.importedFrom ?? { file: origin.fileName, file_created_at: origin.fileCreatedAt },
        original_summary: original.summary,
        original_details: original.details,
      };
      insert.run([
        entry.at,
        entry.kind,
        `${original.summary} (from ${details.imported_from.file})`,
        JSON.stringify(details),
      ]);
      added++;
    }
  } finally {
    insert.free();
  }
  return added;
}

function identityOf(entry: Entry): string {
  const original = unwrap(entry);
  return JSON.stringify([entry.at, entry.kind, original.summary, original.details]);
}

/** An entry as first written, and where it was first imported from, if it was. */
function unwrap(entry: Entry): {
  summary: string;
  details: string | null;
  importedFrom?: ImportedDetails['imported_from'];
} {
  if (entry.details !== null && entry.details.startsWith('{"imported_from"')) {
    try {
      const details = JSON.parse(entry.details) as Partial<ImportedDetails>;
      if (
        typeof details.original_summary === 'string' &&
        details.imported_from &&
        typeof details.imported_from.file === 'string'
      ) {
        return {
          summary: details.original_summary,
          details: details.original_details ?? null,
          importedFrom: details.imported_from,
        };
      }
    } catch {
      // Not ours: an entry like any other.
    }
  }
  return { summary: entry.summary, details: entry.details };
}
