import * as z from 'zod/mini';
import { decodeUtf8Strict, encodeUtf8 } from '../backup/format/encoding';
import { TABLE_COLUMNS } from '../db/rows';
import { fail, ok, type Result } from '../result';
import { LOG_FORMAT, type Change, type LogBody } from './changes';
import { columnValueProblem, isRowId, isSqlValue } from './column-values';
import { byDevice, describeIssues, tableCounts } from './schema-parts';
import { stringKeyed } from '../team-store/schema-parts';
import { isValidClock, parseClockText } from './hlc';
import {
  APPEND_TABLES,
  COLUMN_KINDS,
  EDITABLE_FIELDS,
  EDITABLE_TABLES,
  EXISTS,
  updatableColumns,
  type AppendTable,
  type EditableTable,
} from './sync-tables';

/**
 * A log object's body: one JSON document (gzip and sealing are the envelope's). It comes from
 * another browser, so it is outside input: `parseLogBody` checks the shape, that it belongs to
 * the team, device and place it was read from, and every value against its column — and returns
 * a refusal, never throws, for anything else.
 */

/** The most a log object may hold, uncompressed (a writer splits batches far below it). */
export const MAX_LOG_BYTES = 64 * 1024 * 1024;
export const MAX_LOG_CHANGES = 200_000;

const HEX32 = z.string().check(z.regex(/^[0-9a-f]{32}$/));
const text = (max: number) => z.string().check(z.maxLength(max));
// Pairs as two-item arrays, not z.tuple (see schema-parts.ts: no zod part the worker's start lacks).
const pair = <T extends z.ZodMiniType>(item: T) => z.array(item).check(z.minLength(2), z.maxLength(2));
const clockPair = pair(z.int());
const id = z.int().check(z.gte(1));
const value = z.nullable(z.union([z.string(), z.number()]));
/** [row id, clock text]: a write its author had seen. */
const baseRef = pair(z.union([id, z.string()])).check(
  z.refine((ref) => typeof ref[0] === 'number' && typeof ref[1] === 'string', 'should be [row id, clock]'),
);
const editableTable = z.enum(EDITABLE_TABLES);
const appendTable = z.enum(APPEND_TABLES);

const changeSchema = z.discriminatedUnion('k', [
  z.object({
    k: z.literal('set'),
    e: z.string().check(z.maxLength(32)),
    h: clockPair,
    t: editableTable,
    id,
    f: stringKeyed(value),
    b: stringKeyed(z.array(baseRef)),
  }),
  z.object({
    k: z.literal('row'),
    e: z.string().check(z.maxLength(32)),
    h: clockPair,
    t: appendTable,
    id,
    v: z.array(value),
    c: z.nullable(z.array(z.string())),
  }),
  z.object({ k: z.literal('drop'), e: z.string().check(z.maxLength(32)), h: clockPair, t: appendTable, id }),
  z.object({
    k: z.literal('restore'),
    e: z.string().check(z.maxLength(32)),
    h: clockPair,
    r: z.object({
      id: HEX32,
      source: z.enum(['team-created', 'file', 'snapshot', 'undo']),
      fileName: z.nullable(text(1000)),
      undoOf: z.nullable(HEX32),
      snapshot: z.object({ device: HEX32, objectId: HEX32 }),
      checksum: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
      counts: tableCounts(),
      seen: byDevice(z.int().check(z.gte(0))),
      person: text(200),
      browser: text(200),
    }),
  }),
]);

const bodySchema = z.object({
  format: z.literal(LOG_FORMAT),
  version: z.literal(1),
  team: HEX32,
  device: HEX32,
  sequence: z.int().check(z.gte(1)),
  person: text(200),
  browser: text(200),
  changes: z.array(changeSchema).check(z.maxLength(MAX_LOG_CHANGES)),
});

/** Where a log object was read from: what its body must say about itself. */
export interface LogPlace {
  team: string;
  device: string;
  sequence: number;
}

/** A log body's bytes. */
export function encodeLogBody(body: LogBody): Uint8Array {
  return encodeUtf8(JSON.stringify(body));
}

/** Reads a log body; anything not exactly a log of this place is a refusal saying why. */
export function parseLogBody(bytes: Uint8Array, place: LogPlace): Result<LogBody> {
  if (bytes.byteLength > MAX_LOG_BYTES) return refuse('it is larger than any log the app writes');
  const json = decodeUtf8Strict(bytes);
  if (json === null) return refuse('it is not UTF-8 text');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return refuse('it is not JSON');
  }
  const parsed = bodySchema.safeParse(raw);
  if (!parsed.success) return refuse(`its shape is wrong: ${describeIssues(parsed.error).slice(0, 300)}`);
  const body = parsed.data as LogBody;
  if (body.team !== place.team) return refuse('it belongs to another team');
  if (body.device !== place.device || body.sequence !== place.sequence)
    return refuse('it says it is another log object');
  for (let i = 0; i < body.changes.length; i++) {
    const problem = changeProblem(body.changes[i] as Change);
    if (problem !== null) return refuse(`change ${i + 1} ${problem}`);
  }
  return ok(body);
}

/** What is wrong with one change's content (its shape already checked), or null. */
export function changeProblem(change: Change): string | null {
  if (!isValidClock({ wall: change.h[0], counter: change.h[1] })) return 'has an impossible clock';
  if (change.e !== '' && !/^[0-9a-f]{32}$/.test(change.e)) return 'names an impossible restore';
  switch (change.k) {
    case 'set':
      return isRowId(change.id) ? setProblem(change.t, change.f, change.b) : 'has an impossible id';
    case 'row':
      return isRowId(change.id) ? rowProblem(change.t, change.v, change.c) : 'has an impossible id';
    case 'drop':
      return isRowId(change.id) ? null : 'has an impossible id';
    case 'restore':
      return null;
  }
}

function setProblem(
  table: EditableTable,
  fields: Record<string, unknown>,
  bases: Record<string, unknown[]>,
): string | null {
  const allowed = new Set([...EDITABLE_FIELDS[table], EXISTS]);
  const written = Object.keys(fields);
  if (written.length === 0) return 'writes nothing';
  for (const field of written) {
    if (!allowed.has(field)) return `writes an unknown field ${field.slice(0, 40)}`;
    const fieldValue = fields[field];
    const problem =
      field === EXISTS
        ? fieldValue === 0 || fieldValue === 1
          ? null
          : 'is not 0 or 1'
        : columnValueProblem(COLUMN_KINDS[table][field] ?? 'text', fieldValue);
    if (problem !== null) return `${field} ${problem}`;
    if (field === 'brokerage_id' && !isRowId(fieldValue)) return 'names an impossible brokerage';
  }
  for (const [field, refs] of Object.entries(bases)) {
    if (!allowed.has(field)) return `lists writes of an unknown field ${field.slice(0, 40)}`;
    for (const ref of refs as [number, string][]) {
      if (!isRowId(ref[0]) || parseClockText(ref[1]) === null) return 'lists an impossible write';
    }
  }
  return null;
}

function rowProblem(table: AppendTable, values: unknown[], changed: string[] | null): string | null {
  const columns = TABLE_COLUMNS[table].filter((c) => c !== 'id');
  if (values.length !== columns.length) return `has ${values.length} columns, not ${columns.length}`;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i] as string;
    if (!isSqlValue(values[i])) return `${column} is not a value`;
    const problem = columnValueProblem(COLUMN_KINDS[table][column] ?? 'text', values[i]);
    if (problem !== null) return `${column} ${problem}`;
  }
  if (changed !== null) {
    const updatable = new Set(updatableColumns(table));
    if (changed.length === 0 || changed.some((c) => !updatable.has(c))) return 'changes columns it may not';
  }
  return null;
}

function refuse(why: string): Result<never> {
  return fail(
    'team-log-refused',
    'A change log in the team store could not be read, so none of its changes were applied. The rest of the team’s data is unaffected; the browser that wrote it should sync again.',
    why,
  );
}
