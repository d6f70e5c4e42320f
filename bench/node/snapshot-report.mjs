// The snapshot part of the bench: figures per size (from bench/page/snapshot-bench.ts), their
// floor sums and ratios, the targets, and the markdown section of BENCHMARKS.md.

export const SNAPSHOT_TARGETS = { take100k: 1.5, writeWaitMs: 250, listSixtyMs: 50, restore100k: 1.5, longTaskMs: 50 };

const r2 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 100) / 100);
const fmt = (x) =>
  x === null || x === undefined ? '—' : x === 0 ? '0' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const ms = (stat) => (stat ? `${fmt(stat.median)} (${fmt(stat.min)}–${fmt(stat.max)})` : '—');
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;
const kN = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));

/**
 * One size's snapshot figures. Take floor = export + gzip + put + get + inflate + open +
 * integrity_check. Snapshot-restore floor = get + inflate + open (of the snapshot) + select every
 * row + insert (faster variant) + export + put (the restore floor's own steps, same run).
 */
export function snapshotResult(steps, size) {
  const f = steps['floor.snapshot'];
  const takeParts = ['export', 'gzip', 'idbPut', 'idbGet', 'inflate', 'open', 'integrityCheck'];
  const takeFloor = takeParts.reduce((sum, k) => sum + f[k].median, 0);
  const insert = Math.min(size.floor.insertIndexesAfter.median, size.floor.insertWithIndexes.median);
  const restoreFloor =
    f.idbGet.median +
    f.inflate.median +
    f.open.median +
    size.floor.select.median +
    insert +
    size.floor.export.median +
    size.floor.idbPut.median;
  const take = steps['app.snapshot'];
  const restore = steps['app.snapshotRestore'];
  const restoreUi = steps['app.snapshotRestoreWithSafetyCopy'];
  const writeEach = steps['app.writeDuringSnapshotEach'];
  const writeAlone = steps['app.writeAlone'];
  const writeMax = steps['app.writeDuringSnapshot'];
  return {
    n: size.n,
    databaseBytes: take.databaseBytes.median,
    storedBytes: take.storedBytes.median,
    compression: r2(take.databaseBytes.median / take.storedBytes.median),
    floor: f,
    takeFloorMs: r2(takeFloor),
    restoreFloorMs: r2(restoreFloor),
    take,
    restore,
    restoreUi,
    list: steps['app.listSixty'],
    writes: {
      each: writeEach ?? null,
      alone: writeAlone,
      max: writeMax,
      addedMaxMs: writeMax && writeAlone ? r2(Math.max(0, writeMax.total.median - writeAlone.total.median)) : null,
    },
    ratios: {
      take: r2(take.total.median / takeFloor),
      restore: r2(restore.total.median / restoreFloor),
      restoreUi: r2(restoreUi.total.median / restoreFloor),
    },
  };
}

/** The snapshot targets of issue 6, measured. */
export function snapshotTargets(snapshots, browserApp) {
  const s100 = snapshots.find((s) => s.n === 100_000) ?? null;
  const longest = browserApp?.snapshots?.length
    ? Math.max(...browserApp.snapshots.map((s) => s.longTasks.longest))
    : null;
  const t = SNAPSHOT_TARGETS;
  const met = (value, limit) => (value === null || value === undefined ? null : value <= limit);
  return [
    {
      id: 'snapshotTake100k',
      what: 'Take + verify a snapshot at 100k rows',
      target: `≤ ${t.take100k}× (export + gzip + put + inflate + open + integrity_check)`,
      measured: s100?.ratios.take ?? null,
      unit: '×',
      met: met(s100?.ratios.take, t.take100k),
      note: '',
    },
    {
      id: 'snapshotWriteWait',
      what: "A user's write made during a 100k snapshot waits (longest, beyond the same write alone)",
      target: `≤ ${t.writeWaitMs} ms`,
      measured: s100?.writes.addedMaxMs ?? null,
      unit: 'ms',
      met: met(s100?.writes.addedMaxMs, t.writeWaitMs),
      note: '',
    },
    {
      id: 'snapshotListSixty',
      what: 'The snapshot list with 60 snapshots (worker)',
      target: `≤ ${t.listSixtyMs} ms`,
      measured: s100?.list.total.median ?? null,
      unit: 'ms',
      met: met(s100?.list.total.median, t.listSixtyMs),
      note: '',
    },
    {
      id: 'snapshotRestore100k',
      what: 'Restore a snapshot at 100k rows (inspect + apply)',
      target: `≤ ${t.restore100k}× (get + inflate + open + select + insert + export + put)`,
      measured: s100?.ratios.restore ?? null,
      unit: '×',
      met: met(s100?.ratios.restore, t.restore100k),
      note: '',
    },
    {
      id: 'snapshotLongTask',
      what: 'Longest main-thread task while `Take snapshot now` runs (built app, 100k)',
      target: `≤ ${t.longTaskMs} ms`,
      measured: longest === null ? null : r2(longest),
      unit: 'ms',
      met: met(longest, t.longTaskMs),
      note: longest === null ? 'built app not driven' : '',
    },
  ];
}

/** The "Snapshots" section of BENCHMARKS.md. */
export function snapshotMarkdown(snapshots, browserApp) {
  if (!snapshots.length) return '_No snapshot figures in this run._';
  const lines = [
    '| N | database | stored (gzip) | compression | take + verify | floor | ratio | restore a snapshot | floor | ratio | with its Before restore copy | list of 60 | write during a snapshot, longest (alone) |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...snapshots.map(
      (s) =>
        `| ${kN(s.n)} | ${mb(s.databaseBytes)} | ${mb(s.storedBytes)} | ${fmt(s.compression)}× | ${ms(s.take.total)} | ${fmt(s.takeFloorMs)} | **${s.ratios.take}×** | ${ms(s.restore.total)} | ${fmt(s.restoreFloorMs)} | **${s.ratios.restore}×** | ${ms(s.restoreUi.total)} (${s.ratios.restoreUi}×) | ${ms(s.list.total)} | ${fmt(s.writes.max.total.median)} ms (${fmt(s.writes.alone.total.median)} ms) |`,
    ),
    '',
  ];
  for (const s of snapshots) {
    const parts = Object.entries(s.take)
      .filter(([k]) => k.startsWith('checker:'))
      .map(([k, v]) => `${k.replace('checker:', '')} ${fmt(v.median)} ms`)
      .join(', ');
    const floor = ['export', 'gzip', 'idbPut', 'idbGet', 'inflate', 'open', 'integrityCheck']
      .map((k) => `${k} ${fmt(s.floor[k].median)}`)
      .join(' + ');
    lines.push(
      `- N = ${s.n.toLocaleString('en-US')}: floor ${floor} ms. The app's take, in its helper: ${parts}; then, off the path of the take, the content checksum read from the stored copy ${fmt(s.take.backgroundChecksum?.median)} ms; restore: inspect ${fmt(s.restore.inspectSnapshot?.median)} ms + apply ${fmt(s.restore.applyRestore?.median)} ms.${s.writes.each ? ` ${s.writes.each.total.runs.length} writes during snapshots, median ${fmt(s.writes.each.total.median)} ms.` : ''}`,
    );
  }
  if (browserApp?.snapshots?.length) {
    const longest = browserApp.snapshots.map((x) => x.longTasks.longest);
    const total = browserApp.snapshots.map((x) => x.totalMs);
    lines.push(
      '',
      `Built app, ${kN(browserApp.uploads)} database: \`Take snapshot now\` → “Snapshot taken and verified” ${total.map((x) => fmt(x)).join(', ')} ms; longest main-thread task ${longest.map((x) => fmt(x)).join(', ')} ms.`,
    );
  }
  return lines.join('\n');
}
