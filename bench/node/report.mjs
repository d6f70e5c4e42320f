// Turns the raw measurements into bench/results/latest.json and the generated part of
// BENCHMARKS.md (between the bench:results markers; the text around them is kept).
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { shippedJsMarkdown } from './js-shipped.mjs';

export const TARGETS = {
  restore100k: 1.3,
  restore300k: 2,
  backup100k: 1.5,
  coldStart100k: 2,
  longTaskMs: 50,
  persist100k: 1.5,
  historyFirstPageMs: 10,
  jsGzipKB: 150,
};

const r2 = (x) => (x === null || x === undefined || Number.isNaN(x) ? null : Math.round(x * 100) / 100);

/** median / min / max of plain numbers. */
export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median: r2(median), min: r2(sorted[0]), max: r2(sorted.at(-1)), runs: values.map(r2) };
}

const sumOf = (parts) => parts.reduce((sum, part) => sum + part.median, 0);

/**
 * One size's figures: every floor step, every app step with its breakdown, the floor sums and
 * the ratios (ratio = median of the app step / sum of the medians of its floor steps).
 */
export function sizeResult({ setup, measured, cold, history }) {
  const s = measured.steps;
  const floorChain = s['floor.restore'];
  const backupChain = s['floor.backup'];
  const floor = {
    decode: floorChain.decode,
    parse: floorChain.parse,
    validate: floorChain.validate,
    insertIndexesAfter: floorChain.insertIndexesAfter,
    insertWithIndexes: s['floor.insertWithIndexes'].insertWithIndexes,
    export: floorChain.export,
    idbPut: floorChain.idbPut,
    idbGet: floorChain.idbGet,
    select: backupChain.select,
    stringify: backupChain.stringify,
    encode: backupChain.encode,
    encodeInto: backupChain.encodeInto,
    sha256: backupChain.sha256,
    responseJson: s['floor.responseJson'].responseJson,
    persist: s['floor.persist'].total,
    coldStart: cold.floor.total,
    newest50: history.steps['floor.newest50'].total,
  };
  // Where the platform offers two ways, the floor takes the faster one measured.
  const bestInsert =
    floor.insertIndexesAfter.median <= floor.insertWithIndexes.median ? 'insertIndexesAfter' : 'insertWithIndexes';
  const bestParse =
    floor.responseJson.median < floor.decode.median + floor.parse.median ? ['responseJson'] : ['decode', 'parse'];
  const bestEncode = floor.encodeInto.median < floor.encode.median ? 'encodeInto' : 'encode';
  const floorSums = {
    restore: { parts: [...bestParse, 'validate', bestInsert, 'export', 'idbPut'] },
    backup: { parts: ['select', 'stringify', bestEncode, 'sha256'] },
    coldStart: { parts: ['coldStart'] },
    persist: { parts: ['persist'] },
  };
  for (const sum of Object.values(floorSums)) sum.ms = r2(sumOf(sum.parts.map((p) => floor[p])));

  const app = {
    restore: s['app.restore'],
    backup: s['app.backup'],
    persist: s['app.persist'],
    coldStart: cold.app,
    ...(s['app.serviceRestore'] ? { serviceRestore: s['app.serviceRestore'] } : {}),
    apart: s['app.apart'] ?? {},
    historyFirstPage: history.steps['app.historyFirstPage'].total,
    historySecondPage: history.steps['app.historySecondPage'].total,
    historyBusiestBrokerage: history.steps['app.historyBusiestBrokerage'].total,
    historyRarestBrokerage: history.steps['app.historyRarestBrokerage'].total,
  };
  const ratio = (step, sum) => r2(step.total.median / floorSums[sum].ms);
  const ratios = {
    restore: ratio(app.restore, 'restore'),
    backup: ratio(app.backup, 'backup'),
    coldStart: ratio(app.coldStart, 'coldStart'),
    persist: ratio(app.persist, 'persist'),
    ...(app.serviceRestore ? { serviceRestore: ratio(app.serviceRestore, 'restore') } : {}),
    historyFirstPage: r2(app.historyFirstPage.median / floor.newest50.median),
  };
  return {
    n: setup.n,
    counts: setup.counts,
    fileBytes: setup.fileBytes,
    dbBytes: setup.dbBytes,
    setupMs: setup.setupMs,
    workerHeapPeakBytes: measured.heapPeakBytes,
    floor,
    floorSums,
    app,
    ratios,
  };
}

function met(value, limit) {
  return value === null || value === undefined ? null : value <= limit;
}

/** The docs/performance.md targets, each with what was measured and whether it is met. */
export function targetsOf(sizes, browserApp) {
  const at = (n) => sizes.find((size) => size.n === n) ?? null;
  const s100 = at(100_000);
  const s300 = at(300_000);
  const largest = sizes.reduce((a, b) => (b.n > (a?.n ?? 0) ? b : a), null);
  const historySize = s300 ?? largest;
  const longest = browserApp
    ? Math.max(
        ...browserApp.restores.map((r) => r.longTasks.longest),
        ...browserApp.backups.map((b) => b.longTasks.longest),
      )
    : null;
  const list = [
    {
      id: 'restore100k',
      what: 'Restore a 100k-row backup until durable in IndexedDB',
      target: `≤ ${TARGETS.restore100k}× floor`,
      measured: s100?.ratios.restore ?? null,
      unit: '×',
      limit: TARGETS.restore100k,
    },
    {
      id: 'restore300k',
      what: 'Restore 300k rows',
      target: `≤ ${TARGETS.restore300k}× floor`,
      measured: s300?.ratios.restore ?? null,
      unit: '×',
      limit: TARGETS.restore300k,
      note: s300 ? '' : 'not measured in this run: `npm run bench -- --full`',
    },
    {
      id: 'backup100k',
      what: 'Create a 100k-row backup file',
      target: `≤ ${TARGETS.backup100k}× (select + stringify + checksum)`,
      measured: s100?.ratios.backup ?? null,
      unit: '×',
      limit: TARGETS.backup100k,
    },
    {
      id: 'coldStart100k',
      what: 'Cold start to a usable app, 100k rows (worker)',
      target: `≤ ${TARGETS.coldStart100k}× (wasm start + IDB get + open)`,
      measured: s100?.ratios.coldStart ?? null,
      unit: '×',
      limit: TARGETS.coldStart100k,
    },
    {
      id: 'longTask',
      what: `Longest main-thread task during a ${browserApp ? kN(browserApp.uploads) : '100k'} backup or restore (built app)`,
      target: `≤ ${TARGETS.longTaskMs} ms`,
      measured: longest === null ? null : r2(longest),
      unit: 'ms',
      limit: TARGETS.longTaskMs,
    },
    {
      id: 'persist100k',
      what: 'Persist after one edit at 100k rows (in the worker)',
      target: `≤ ${TARGETS.persist100k}× (insert + export + put)`,
      measured: s100?.ratios.persist ?? null,
      unit: '×',
      limit: TARGETS.persist100k,
    },
    {
      id: 'historyFirstPage',
      what: `History first page at ${historySize ? historySize.n.toLocaleString('en-US') : '?'} rows`,
      target: `≤ ${TARGETS.historyFirstPageMs} ms`,
      measured: historySize?.app.historyFirstPage.median ?? null,
      unit: 'ms',
      limit: TARGETS.historyFirstPageMs,
      note: s300 ? '' : 'largest N measured; 300k with `--full`',
    },
    {
      id: 'jsGzip',
      what: 'JavaScript shipped: what loads at start (page + database worker), gzip, without the wasm',
      target: `≤ ${TARGETS.jsGzipKB} kB (lazy chunks apart)`,
      measured: browserApp ? r2(browserApp.jsGzip.atStart.totalBytes / 1000) : null,
      unit: 'kB',
      limit: TARGETS.jsGzipKB,
      note: browserApp ? `lazy chunks: ${r2(browserApp.jsGzip.lazy.totalBytes / 1000)} kB` : '',
    },
  ];
  return list.map(({ limit, ...t }) => ({ ...t, note: t.note ?? '', met: met(t.measured, limit) }));
}

// ---- markdown -----------------------------------------------------------------------------

const ms = (stat) => (stat ? `${fmt(stat.median)} (${fmt(stat.min)}–${fmt(stat.max)})` : '—');
const fmt = (x) =>
  x === null || x === undefined ? '—' : x === 0 ? '0' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const kN = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
const mark = (m) => (m === null ? 'not measured' : m ? '**met**' : '**not met**');
const verdict = (t) => (t.met === null && t.note ? t.note : `${mark(t.met)}${t.note ? ` — ${t.note}` : ''}`);

function sizeTable(size) {
  const f = size.floor;
  const a = size.app;
  const lines = [
    `#### N = ${size.n.toLocaleString('en-US')} uploads (${size.counts.processing_errors.toLocaleString('en-US')} processing errors, ${size.counts.brokerage_configurations} configurations) — file ${mb(size.fileBytes)}, database ${mb(size.dbBytes)}${size.workerHeapPeakBytes ? `, bench worker JS heap peak ${mb(size.workerHeapPeakBytes)}` : ''}`,
    '',
    '| step | median ms (min–max) | ratio to floor |',
    '|---|---|---|',
    `| floor: UTF-8 decode of the file (TextDecoder) | ${ms(f.decode)} | |`,
    `| floor: \`JSON.parse\` of the text | ${ms(f.parse)} | |`,
    `| floor: bytes → JSON in one step (\`Response.json()\`) | ${ms(f.responseJson)} | |`,
    `| floor: hand-written type check of every value | ${ms(f.validate)} | |`,
    `| floor: insert, one prepared statement, one transaction, indexes built after | ${ms(f.insertIndexesAfter)} | |`,
    `| floor: same, indexes kept during the load | ${ms(f.insertWithIndexes)} | |`,
    `| floor: \`db.export()\` | ${ms(f.export)} | |`,
    `| floor: IndexedDB put (until committed) | ${ms(f.idbPut)} | |`,
    `| floor: IndexedDB get | ${ms(f.idbGet)} | |`,
    `| floor: select every row as objects | ${ms(f.select)} | |`,
    `| floor: \`JSON.stringify\` of the file's content | ${ms(f.stringify)} | |`,
    `| floor: UTF-8 encode (\`TextEncoder.encode\`) | ${ms(f.encode)} | |`,
    `| floor: UTF-8 encode (\`encodeInto\` a preallocated buffer) | ${ms(f.encodeInto)} | |`,
    `| floor: SHA-256 | ${ms(f.sha256)} | |`,
    `| **restore floor** (${size.floorSums.restore.parts.join(' + ')}) | ${fmt(size.floorSums.restore.ms)} | |`,
    `| **app: restore until durable** (loadBackup: stream → check → insert, hashing the rows as bound → indexes → digest; finishReplace → export → IDB save) | ${ms(a.restore.total)} | **${size.ratios.restore}×** |`,
    ...breakdown(a.restore, [
      'loadBackup',
      'load:lastRowsIndexesDigest',
      'finish',
      'exportSnapshot',
      'export',
      'idbSave',
    ]),
    ...apartRows(a.apart, {
      readBackChecksum: 'databaseChecksum (the read-back certification: every row read and hashed)',
      quickAndForeignKeyCheck: 'PRAGMA quick_check + foreign_key_check',
      integrityCheck: 'PRAGMA integrity_check (not run by a restore)',
      computeChecksum: 'computeChecksum of rows held as objects (tests only)',
    }),
    ...(a.serviceRestore
      ? [
          `| app: restore as the UI calls it (inspectBackup + applyRestore) | ${ms(a.serviceRestore.total)} | ${size.ratios.serviceRestore}× |`,
          ...breakdown(a.serviceRestore, ['inspectBackup', 'applyRestore']),
        ]
      : []),
    `| **backup floor** (${size.floorSums.backup.parts.join(' + ')}) | ${fmt(size.floorSums.backup.ms)} | |`,
    `| **app: build a backup file** (writeBackupFile from the database, rows streamed, plain) | ${ms(a.backup.total)} | **${size.ratios.backup}×** |`,
    ...breakdown(a.backup, ['writeBackupFile']),
    ...apartRows(a.apart, {
      canonicalText: 'canonicalText (objects + JSON.stringify)',
      encodeUtf8: 'encodeUtf8 (TextEncoder.encode)',
    }),
    `| **cold start floor** (new worker: sql.js + IDB get + open + one query) | ${ms(f.coldStart)} | |`,
    `| **app: cold start** (new worker: sql.js + store ∥, openWorkerApp, status + brokerages + first page) | ${ms(a.coldStart.total)} | **${size.ratios.coldStart}×** |`,
    `| **persist floor** (one insert + export + put) | ${ms(f.persist)} | |`,
    `| **app: persist after one edit** (LiveDatabase.write(createBrokerage) → export → store.save) | ${ms(a.persist.total)} | **${size.ratios.persist}×** |`,
    `| floor: the 50 newest uploads, bare query | ${ms(f.newest50)} | |`,
    `| app: history first page (listHistoryPage, 50 rows + total) | ${ms(a.historyFirstPage)} | ${size.ratios.historyFirstPage}× |`,
    `| app: history second page (keyset cursor) | ${ms(a.historySecondPage)} | |`,
    `| app: history first page, busiest brokerage | ${ms(a.historyBusiestBrokerage)} | |`,
    `| app: history first page, rarest brokerage | ${ms(a.historyRarestBrokerage)} | |`,
  ];
  return lines.join('\n');
}

/** Parts timed on their own, outside any total (labelled as such). */
function apartRows(apart, labels) {
  return Object.entries(labels)
    .filter(([k]) => apart[k])
    .map(([k, label]) => `| &nbsp;&nbsp;_timed apart:_ ${label} | ${ms(apart[k])} | |`);
}

function breakdown(step, keys) {
  return keys.filter((k) => step[k]).map((k) => `| &nbsp;&nbsp;${k} | ${ms(step[k])} | |`);
}

/** "What dominates": the largest parts of the 100k (or largest) restore and backup. */
function dominates(sizes) {
  const size = sizes.find((s) => s.n === 100_000) ?? sizes.at(-1);
  if (!size) return '';
  const top = (step, keys) =>
    keys
      .filter((k) => step[k])
      .map((k) => ({ k, v: step[k].median }))
      .sort((a, b) => b.v - a.v)
      .slice(0, 3)
      .map(({ k, v }) => `${k} ${fmt(v)} ms (${Math.round((100 * v) / step.total.median)} %)`)
      .join(', ');
  const restoreKeys = ['loadBackup', 'load:lastRowsIndexesDigest', 'finish', 'exportSnapshot', 'export', 'idbSave'];
  return [
    `At N = ${size.n.toLocaleString('en-US')} (measured):`,
    `- restore ${fmt(size.app.restore.total.median)} ms vs floor ${fmt(size.floorSums.restore.ms)} ms — largest parts: ${top(size.app.restore, restoreKeys)}${size.app.apart.readBackChecksum ? `; timed apart, the read-back checksum takes ${fmt(size.app.apart.readBackChecksum.median)} ms and quick_check + foreign_key_check ${fmt(size.app.apart.quickAndForeignKeyCheck?.median)} ms` : ''}.`,
    `- backup ${fmt(size.app.backup.total.median)} ms vs floor ${fmt(size.floorSums.backup.ms)} ms — largest parts: ${top(size.app.backup, ['writeBackupFile'])}${size.app.apart.encodeUtf8 ? `; timed apart, TextEncoder.encode of the text takes ${fmt(size.app.apart.encodeUtf8.median)} ms where encodeInto takes ${fmt(size.floor.encodeInto.median)} ms` : ''}.`,
    `- cold start ${fmt(size.app.coldStart.total.median)} ms vs floor ${fmt(size.floorSums.coldStart.ms)} ms; persist ${fmt(size.app.persist.total.median)} ms vs floor ${fmt(size.floorSums.persist.ms)} ms.`,
  ].join('\n');
}

function browserAppTable(b) {
  if (!b) return '_The built app was not driven in this run (`--skip-app`)._';
  const rows = [
    `Built app (\`vite build\`, served by \`vite preview\` on 127.0.0.1), ${b.uploads.toLocaleString('en-US')}-upload file of ${mb(b.fileBytes)}; ${b.runs} measured runs after ${b.warmup} warm-up; times from the page's clock, until the success message (role=status in the sidebar) shows.`,
    '',
    '| what (main thread of the page) | median ms (min–max) | longest task, median (max) | long tasks / run |',
    '|---|---|---|---|',
    `| restore: choose file → preview shown | ${ms(b.summary.restoreInspect)} | ${ms2(b.summary.restoreInspectLongest)} | |`,
    `| restore: \`Restore database\` → “Database restored successfully” | ${ms(b.summary.restoreApply)} | ${ms2(b.summary.restoreApplyLongest)} | |`,
    `| **restore, both phases** | ${ms(b.summary.restoreTotal)} | **${ms2(b.summary.restoreLongest)}** | ${fmt(b.summary.restoreTaskCount.median)} |`,
    `| **\`Download backup\` → “Backup ready”** | ${ms(b.summary.backupTotal)} | **${ms2(b.summary.backupLongest)}** | ${fmt(b.summary.backupTaskCount.median)} |`,
    `| first load, empty database → status line | ${ms(b.summary.firstLoad)} | ${ms2(b.summary.firstLoadLongest)} | |`,
    `| reload with the ${kN(b.uploads)} database → status line shows the uploads | ${ms(b.summary.coldStart)} | ${ms2(b.summary.coldStartLongest)} | |`,
    '',
    ...(b.summary.restoreWorkerHeapPeak
      ? [
          `JS heap during the restore: database worker peak ${mb(b.summary.restoreWorkerHeapPeak.median)} (sampled over CDP; sql.js's wasm memory not included), page ${b.summary.restorePageHeap ? mb(b.summary.restorePageHeap.median) : '—'} after it (performance.memory).`,
          '',
        ]
      : []),
    ...shippedJsMarkdown(b.jsGzip),
  ];
  if (b.mainThreadProfile) {
    rows.push(
      '',
      "Main-thread CPU profile of one extra restore and backup (self time; frames named through the build's hidden source maps; built-ins shown with their caller; .cpuprofile files in bench/.out/profiles):",
      '',
    );
    for (const [what, list] of Object.entries(b.mainThreadProfile)) {
      rows.push(
        `- ${what}: ${list
          .slice(0, 6)
          .map((f) => `\`${f.fn}\` ${fmt(f.ms)} ms`)
          .join(', ')}`,
      );
    }
  }
  return rows.join('\n');
}

const ms2 = (stat) => (stat ? `${fmt(stat.median)} (${fmt(stat.max)})` : '—');

export function markdown(result) {
  const t = result.targets;
  const lines = [
    `_Generated by \`${result.command}\` on ${result.generatedAt} (${result.durationSeconds} s), code at ${result.code.commit}${result.code.srcUncommittedChanges ? ' with uncommitted changes in src/' : ''}. Machine: ${result.machine.cpu} × ${result.machine.cores} cores, ${result.machine.memoryGB} GB, ${result.machine.os}, Node ${result.machine.node}, load average ${result.machine.loadAverage1mStart} → ${result.machine.loadAverage1mEnd}; ${result.browser.version}; sql.js ${result.packages['sql.js']}, @noble/hashes ${result.packages['@noble/hashes']}, idb ${result.packages.idb}, vite ${result.packages.vite}, React ${result.packages.react}. Medians of ${result.settings.runs} runs (${result.settings.smallRuns} for N ≤ 10k) after ${result.settings.warmup} warm-up, seed ${result.settings.seed}. Machine-readable: bench/results/latest.json._`,
    '',
    '### Targets (docs/performance.md)',
    '',
    '| what | target | measured | |',
    '|---|---|---|---|',
    ...t.map(
      (x) =>
        `| ${x.what} | ${x.target} | ${x.measured === null ? '—' : `${x.measured}${x.unit === '×' ? '×' : ` ${x.unit}`}`} | ${verdict(x)} |`,
    ),
    '',
    '### Ratios by size',
    '',
    `| N | file | database | restore | backup | cold start | persist | UI restore (inspect + apply) | history first page |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...result.sizes.map(
      (s) =>
        `| ${kN(s.n)} | ${mb(s.fileBytes)} | ${mb(s.dbBytes)} | ${s.ratios.restore}× (${fmt(s.app.restore.total.median)} / ${fmt(s.floorSums.restore.ms)} ms) | ${s.ratios.backup}× (${fmt(s.app.backup.total.median)} / ${fmt(s.floorSums.backup.ms)}) | ${s.ratios.coldStart}× (${fmt(s.app.coldStart.total.median)} / ${fmt(s.floorSums.coldStart.ms)}) | ${s.ratios.persist}× (${fmt(s.app.persist.total.median)} / ${fmt(s.floorSums.persist.ms)}) | ${s.ratios.serviceRestore ?? '—'}× (${fmt(s.app.serviceRestore?.total.median)}) | ${fmt(s.app.historyFirstPage.median)} ms |`,
    ),
    '',
    '### What dominates (generated)',
    '',
    dominates(result.sizes),
    '',
    '### Main thread of the built app',
    '',
    browserAppTable(result.browserApp),
    '',
    '### Every step, per size',
    '',
    ...result.sizes.flatMap((s) => [sizeTable(s), '']),
  ];
  return lines.join('\n');
}

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

/** Replaces the generated part of BENCHMARKS.md, keeping the hand-written text around it. */
export function writeBenchmarksMd(path, generated, skeleton) {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : skeleton;
  const base = current.includes(START) && current.includes(END) ? current : skeleton;
  const before = base.slice(0, base.indexOf(START) + START.length);
  const after = base.slice(base.indexOf(END));
  writeFileSync(path, `${before}\n${generated}\n${after}`);
}

export function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}
