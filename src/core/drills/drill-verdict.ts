import type { DataTable } from '../db/schema';
import type { DrillCandidate, DrillOutcome, TableComparison } from './drill-types';

/**
 * A drill's verdict and its notes, in words a dispatcher reads: it passes when the backup
 * restored, within the recovery-time target, and every difference from the live data is
 * explained by changes made since the backup.
 */

const TABLE_WORDS: Record<DataTable, string> = {
  brokerages: 'Brokerages',
  brokerage_configurations: 'Configurations',
  upload_history: 'Upload history',
  processing_errors: 'Processing errors',
  configuration_changes: 'Configuration changes',
};

/** The verdict of a drill whose backup restored apart in `durationMs`. */
export function judgeDrill(args: {
  candidate: DrillCandidate;
  durationMs: number;
  targetMinutes: number;
  tables: TableComparison[];
}): DrillOutcome {
  const { durationMs, targetMinutes, tables } = args;
  const isSlow = durationMs > targetMinutes * 60_000;
  const unexplained = tables.reduce(
    (sum, t) => sum + t.addedUnexplained + t.removedUnexplained + t.changedUnexplained,
    0,
  );
  const reasons: string[] = [];
  if (isSlow)
    reasons.push(`Restoring took ${describeDuration(durationMs)}, over the ${describeTarget(targetMinutes)} target.`);
  if (unexplained > 0) {
    reasons.push(
      `${unexplained} difference${unexplained === 1 ? ' is' : 's are'} not explained by changes made since the backup: data may be missing from it, or from this browser.`,
    );
  }
  const verdict =
    reasons.length > 0
      ? reasons
      : [
          `Restored apart in ${describeDuration(durationMs)}, within the ${describeTarget(targetMinutes)} target; every difference is explained by changes made since the backup.`,
        ];
  return {
    candidate: args.candidate,
    outcome: reasons.length > 0 ? 'failed' : 'passed',
    durationMs,
    targetMinutes,
    tables,
    notes: [...verdict, ...describeTables(tables)],
  };
}

/** The verdict of a drill whose backup did not restore. */
export function damagedDrill(
  candidate: DrillCandidate,
  durationMs: number,
  targetMinutes: number,
  problem: string,
): DrillOutcome {
  return {
    candidate,
    outcome: 'damaged',
    durationMs,
    targetMinutes,
    tables: [],
    notes: [`The backup did not restore: ${problem}`, 'Do not rely on it: make a new backup, and run a drill again.'],
  };
}

/** The counts of every table, then one line per table that differs: what, and whether that is explained. */
function describeTables(tables: readonly TableComparison[]): string[] {
  const counts = tables.map((t) => `${TABLE_WORDS[t.table].toLowerCase()} ${t.inBackup}/${t.now}`).join(', ');
  const lines = tables.flatMap((t) => {
    const parts = [
      differences(t.addedSince, t.addedUnexplained, 'added since', 'older than the backup but missing from it'),
      differences(
        t.removedSince,
        t.removedUnexplained,
        'removed since',
        'gone though nothing changed since the backup',
      ),
      differences(
        t.changedSince,
        t.changedUnexplained,
        'changed since',
        'different though not changed since the backup',
      ),
    ].filter(Boolean);
    return parts.length > 0
      ? [`${TABLE_WORDS[t.table]}: ${t.inBackup} in the backup, ${t.now} now — ${parts.join('; ')}.`]
      : [];
  });
  return [
    `Rows in the backup / now: ${counts}.`,
    ...(lines.length > 0 ? lines : ['Every table holds the same rows as now.']),
  ];
}

function differences(total: number, unexplained: number, explainedWords: string, unexplainedWords: string): string {
  if (total === 0) return '';
  const explained = total - unexplained;
  return [
    explained > 0 ? `${explained} ${explainedWords}` : '',
    unexplained > 0 ? `${unexplained} ${unexplainedWords}` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** "40 ms", "0.8 s", "2.5 minutes". */
export function describeDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(1, Math.round(ms))} ms`;
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 60_000).toFixed(1)} minutes`;
}

function describeTarget(minutes: number): string {
  return `${minutes}-minute`;
}
