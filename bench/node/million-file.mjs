// Writes a format 2.2 backup file of N uploads and E processing errors straight to disk, row by
// row, with its checksum computed while streaming (node:crypto) and its file checksum over the
// header and activity log — a second, independent writer of docs/backup-format.md, so the 1M run
// also checks that the format is what the document says.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';

const TABLES = [
  'brokerages',
  'brokerage_configurations',
  'upload_history',
  'processing_errors',
  'configuration_changes',
];

const ACTIVITY = [
  {
    id: 1,
    at: '2026-10-31T17:00:00.000Z',
    kind: 'backup',
    summary: 'Backup downloaded: ff2api_backup_20261031_170000.json (by bench)',
    details: '{"trigger":"manual"}',
  },
  {
    id: 2,
    at: '2026-11-01T08:15:00.000Z',
    kind: 'verify',
    summary: 'Verified ff2api_backup_20261031_170000.json: “all checks passed”',
    details: null,
  },
];

/** JSON with keys sorted at every level, no spaces (docs/backup-format.md: canonical JSON). */
function sortedJson(value) {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  return `{${Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${sortedJson(value[key])}`)
    .join(',')}}`;
}

/** Writes the file; resolves with { bytes, checksum, counts }. */
export async function writeMillionFile(path, { uploads, errors, createdAt = '2026-11-01T17:00:00.000Z' }) {
  const sections = {
    brokerages: [],
    brokerage_configurations: [],
    upload_history: uploads,
    processing_errors: errors,
    configuration_changes: 0,
  };
  const counts = {
    brokerages: 20,
    brokerage_configurations: 200,
    upload_history: uploads,
    processing_errors: errors,
    configuration_changes: 0,
  };
  void sections;
  const hash = createHash('sha256');
  let pending = [];
  let size = 0;
  const flushTo = (out) => {
    if (pending.length === 0) return;
    const text = pending.join('');
    out.push(Buffer.from(text, 'utf8'));
    size += Buffer.byteLength(text);
    pending = [];
  };
  // The data part is written to a temporary list of buffers per 8 MB; the header goes first.
  const tmpPath = `${path}.body`;
  const bodyStream = createWriteStream(tmpPath);
  const write = (fileText, canonicalText) => {
    pending.push(fileText);
    hash.update(canonicalText);
    if (pending.length > 20000) {
      const chunk = [];
      flushTo(chunk);
      for (const b of chunk) bodyStream.write(b);
    }
  };
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const rowsOf = {
    brokerages: function* () {
      for (let b = 1; b <= 20; b++)
        yield {
          id: b,
          name: `Brokerage ${b}`,
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-01T00:00:00.000Z',
          is_active: 1,
        };
    },
    brokerage_configurations: function* () {
      const mappings = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`load.field${i}`, `column_${i}`]));
      const headers = Array.from({ length: 30 }, (_, i) => `column_${i}`);
      for (let c = 1; c <= 200; c++) {
        yield {
          id: c,
          brokerage_name: `Brokerage ${((c - 1) % 20) + 1}`,
          configuration_name: `Config ${c}`,
          field_mappings: mappings,
          api_credentials: { base_url: 'https://api.prod.goaugment.com', api_key: `key-${c}` },
          auth_type: 'api_key',
          bearer_token: null,
          file_headers: headers,
          created_at: '2026-01-01T00:00:00.000Z',
          updated_at: '2026-01-02T00:00:00.000Z',
          last_used_at: null,
          version: 2,
          is_active: 1,
          description: null,
          needs_credentials: 0,
        };
      }
    },
    upload_history: function* () {
      const headers = ['load_#', 'mode', 'origin', 'destination', 'pickup', 'delivery', 'weight', 'rate'];
      for (let u = 1; u <= uploads; u++) {
        const config = ((u - 1) % 200) + 1;
        const failed = u % 2 === 0 ? 1 : 0;
        yield {
          id: u,
          brokerage_name: `Brokerage ${((config - 1) % 20) + 1}`,
          configuration_name: `Config ${config}`,
          filename: `loads_${u}.csv`,
          total_records: 120,
          successful_records: 120 - failed,
          failed_records: failed,
          error_log: failed
            ? JSON.stringify([
                {
                  success: false,
                  error: 'Validation error: load.mode is required',
                  status_code: 422,
                  row_index: 4,
                  load_number: `L${u}-4`,
                },
              ])
            : null,
          processing_time_seconds: 3.25,
          file_headers: headers,
          upload_timestamp: new Date(start + u * 30_000).toISOString(),
          session_id: `00000000-0000-4000-8000-${String(u).padStart(12, '0')}`,
          timestamp_unknown: 0,
        };
      }
    },
    processing_errors: function* () {
      for (let e = 1; e <= errors; e++) {
        const upload = Math.min(uploads, e * 2);
        yield {
          id: e,
          upload_history_id: upload,
          row_number: 4,
          field_name: 'load.mode',
          error_type: 'validation_error',
          error_message: 'Validation error: load.mode is required',
          suggested_fix: 'Map a CSV column to load.mode',
          original_value: `{"loadNumber":"L${upload}-4"}`,
          expected_format: 'FTL or LTL',
          created_at: new Date(start + upload * 30_000).toISOString(),
        };
      }
    },
    configuration_changes: function* () {},
  };
  hash.update('{');
  write('{', '');
  for (const [t, table] of TABLES.entries()) {
    hash.update(`${t === 0 ? '' : '],'}${JSON.stringify(table)}:[`);
    write(`${t === 0 ? '' : ',\n'}${JSON.stringify(table)}:[`, '');
    let first = true;
    for (const row of rowsOf[table]()) {
      const text = JSON.stringify(row);
      write(`${first ? '\n' : ',\n'}${text}`, first ? text : `,${text}`);
      first = false;
    }
    write(first ? ']' : '\n]', '');
  }
  hash.update(']}');
  write(`,\n"activity_log":[\n${ACTIVITY.map((entry) => JSON.stringify(entry)).join(',\n')}\n]}\n`, '');
  const last = [];
  flushTo(last);
  for (const b of last) bodyStream.write(b);
  await new Promise((resolve) => bodyStream.end(resolve));
  const checksum = hash.digest('hex');
  const info = {
    format: 'ff2api_backup',
    version: '2.2',
    app_version: 'FF2API Web bench',
    created_at: createdAt,
    trigger: 'manual',
    schema_version: 1,
    counts,
    checksum: { algorithm: 'SHA-256', value: checksum },
    secrets: 'plain',
  };
  const entries = ACTIVITY.map(({ at, kind, summary, details }) => JSON.stringify({ at, kind, summary, details }));
  const fileText = `{"backup_info":${sortedJson(info)},"activity_log":[${entries.join(',')}]}`;
  info.file_checksum = { algorithm: 'SHA-256', value: createHash('sha256').update(fileText, 'utf8').digest('hex') };
  // backup_info first: the header, then the body without its opening brace.
  const { open } = await import('node:fs/promises');
  const out = await open(path, 'w');
  await out.write(`{"backup_info":${JSON.stringify(info)},\n`);
  const input = await open(tmpPath, 'r');
  const buffer = Buffer.alloc(8 << 20);
  let position = 1;
  for (;;) {
    const { bytesRead } = await input.read(buffer, 0, buffer.length, position);
    if (bytesRead === 0) break;
    await out.write(buffer.subarray(0, bytesRead));
    position += bytesRead;
  }
  await input.close();
  await out.close();
  const { unlink, stat } = await import('node:fs/promises');
  await unlink(tmpPath);
  return { bytes: (await stat(path)).size, checksum, counts, bodyBytes: size };
}
