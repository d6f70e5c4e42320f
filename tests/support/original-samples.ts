/** The original app's sample CSVs (tests/fixtures/original-samples), read as the app reads a file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeCsvBytes } from '../../src/core/csv/file-bytes';
import { parseCsvTable, type Table } from '../../src/core/csv/parse-table';
import { createPayloadBuilder } from '../../src/core/csv/payload';
import { createRowReader } from '../../src/core/csv/row-reader';
import { validateTable, type TableValidation } from '../../src/core/csv/validate-table';

export const ORIGINAL_SAMPLES = [
  'comprehensive_sample',
  'freight_sample',
  'smart_mapping_test',
  'test_export',
  'test_workflow',
] as const;
export type OriginalSample = (typeof ORIGINAL_SAMPLES)[number];

/** A sample's bytes. */
export function sampleBytes(name: OriginalSample): Buffer {
  return readFileSync(fileURLToPath(new URL(`../fixtures/original-samples/${name}.csv`, import.meta.url)));
}

/** A sample read into a table (decoded and parsed by the app's own code). */
export function readSample(name: OriginalSample): Table {
  const decoded = decodeCsvBytes(new Uint8Array(sampleBytes(name)));
  if (!decoded.ok) throw new Error(decoded.error.message);
  const table = parseCsvTable(decoded.value.text);
  if (!table.ok) throw new Error(table.error.message);
  return table.value;
}

/** Validates a sample and builds the body of each valid row, as it would be sent. */
export function sendSample(
  name: OriginalSample,
  mappings: Record<string, string>,
): { validation: TableValidation; bodies: Map<number, Record<string, unknown>> } {
  const table = readSample(name);
  const validation = validateTable(table, mappings);
  const read = createRowReader(validation.plan, table.headers.length);
  const build = createPayloadBuilder(validation.plan);
  const bodies = new Map(validation.validRows.map((row) => [row, build(read(table.rows[row - 1] ?? [], row).values)]));
  return { validation, bodies };
}

/** The value at a dotted path of a body (`load.route.0.address.city`). */
export function valueAtPath(body: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
      body,
    );
}
