import { describe, expect, it } from 'vitest';
import { compileMappingPlan } from '../../src/core/csv/mapping-plan';
import { createPayloadBuilder } from '../../src/core/csv/payload';
import { createRowReader } from '../../src/core/csv/row-reader';
import { parseCsvTable } from '../../src/core/csv/parse-table';
import { validateTable } from '../../src/core/csv/validate-table';
import { LOADS_HEADER, LOADS_MAPPING, loadRows, loadsCsv } from '../support/loads-csv';

const HEADERS = LOADS_HEADER.map((header) => header.toLowerCase().replace(/ /gu, '_'));

/** Reads one row of the loads export through the standard mapping (plus extras). */
function readRow(cells: string[], extra: Record<string, string> = {}) {
  const plan = compileMappingPlan({ ...LOADS_MAPPING, ...extra }, HEADERS);
  const read = createRowReader(plan, HEADERS.length)(cells, 1);
  return { read, body: createPayloadBuilder(plan)(read.values) };
}

describe('payload building', () => {
  it('builds nested objects and route stops by index, each stop with its own address', () => {
    const { read, body } = readRow(loadRows(1)[0] ?? []);
    expect(read.problems).toEqual([]);
    expect(body).toEqual({
      load: {
        loadNumber: 'LD-1001',
        mode: 'FTL',
        rateType: 'SPOT',
        status: 'DRAFT',
        route: [
          {
            sequence: 1,
            stopActivity: 'PICKUP',
            address: {
              street1: '101 Main St',
              city: 'Chicago',
              stateOrProvince: 'IL',
              postalCode: '60601',
              country: 'US',
            },
            expectedArrivalWindowStart: '2026-11-02T08:00:00.000Z',
            expectedArrivalWindowEnd: '2026-11-02T10:00:00.000Z',
          },
          {
            sequence: 2,
            stopActivity: 'DELIVERY',
            address: {
              street1: '201 Harbor Rd',
              city: 'Dallas',
              stateOrProvince: 'TX',
              postalCode: '75201',
              country: 'US',
            },
            expectedArrivalWindowStart: '2026-11-02T17:30:00.000Z',
            expectedArrivalWindowEnd: '2026-11-02T19:30:00.000Z',
          },
        ],
      },
      customer: { name: 'Customer 1' },
    });
    expect(read.defaulted.sort()).toEqual([
      'load.route.0.address.country',
      'load.route.0.expectedArrivalWindowEnd',
      'load.route.0.sequence',
      'load.route.0.stopActivity',
      'load.route.1.address.country',
      'load.route.1.expectedArrivalWindowEnd',
      'load.route.1.sequence',
      'load.route.1.stopActivity',
    ]);
  });

  it('never copies one stop’s address into another: an unmapped delivery street is missing, not borrowed', () => {
    const mapping: Record<string, string> = { ...LOADS_MAPPING };
    delete mapping['load.route.1.address.street1'];
    const plan = compileMappingPlan(mapping, HEADERS);
    const read = createRowReader(plan, HEADERS.length)(loadRows(1)[0] ?? [], 1);
    expect(read.problems.map((problem) => problem.field)).toEqual(['load.route.1.address.street1']);
  });

  it.each([
    [
      'manual enum',
      { 'load.equipment.equipmentType': 'MANUAL_VALUE:reefer' },
      (body: Record<string, any>) => body.load.equipment.equipmentType,
      'REEFER',
    ],
    [
      'bid defaults',
      { 'bidCriteria.targetCostUsd': 'MANUAL_VALUE:$1,000' },
      (body: Record<string, any>) => [body.bidCriteria.maxBidAmountUsd, body.bidCriteria.totalWeightLbs],
      [1100, 1000],
    ],
    [
      'equipment default',
      { 'load.equipment.description': 'MANUAL_VALUE:53 ft' },
      (body: Record<string, any>) => body.load.equipment.equipmentType,
      'DRY_VAN',
    ],
    [
      'contact role default',
      { 'brokerage.contacts.0.name': 'MANUAL_VALUE:Ann' },
      (body: Record<string, any>) => body.brokerage.contacts[0].role,
      ['ACCOUNT_MANAGER'],
    ],
    [
      'array field',
      { 'bidCriteria.accessorials': 'MANUAL_VALUE:liftgate; hazmat', 'bidCriteria.targetCostUsd': 'MANUAL_VALUE:900' },
      (body: Record<string, any>) => body.bidCriteria.accessorials,
      ['LIFTGATE', 'HAZMAT'],
    ],
  ])('%s', (_name, extra, pick, expected) => {
    const { body } = readRow(loadRows(1)[0] ?? [], extra);
    expect(pick(body)).toEqual(expected);
  });

  it('a conditional group in use makes its conditional fields required (the original’s rule)', () => {
    const { read } = readRow(loadRows(1)[0] ?? [], { 'load.items.0.quantity': 'MANUAL_VALUE:3' });
    expect(read.problems.map((problem) => problem.field)).toEqual(['load.items.0.totalWeightLbs']);
  });

  it('ignores mapped paths outside the catalog, so no key like __proto__ reaches the body', () => {
    const plan = compileMappingPlan(
      { ...LOADS_MAPPING, '__proto__.polluted': 'MANUAL_VALUE:x', 'load.secret': 'MANUAL_VALUE:y' },
      HEADERS,
    );
    // `_…` keys are the original's metadata; other unknown paths are listed and never sent.
    expect(plan.unknownPaths).toEqual(['load.secret']);
    const body = createPayloadBuilder(plan)(createRowReader(plan, HEADERS.length)(loadRows(1)[0] ?? [], 1).values);
    expect(JSON.stringify(body)).not.toContain('polluted');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validation', () => {
  it('locates each problem with row, field, value and what is expected', () => {
    const table = parseCsvTable(loadsCsv(6, [2, 4, 6]));
    if (!table.ok) throw new Error(table.error.message);
    const validation = validateTable(table.value, LOADS_MAPPING);
    expect(validation.validRows).toEqual([1, 3, 5]);
    expect(validation.problems.map(({ row, field, value }) => ({ row, field, value }))).toEqual([
      { row: 2, field: 'load.mode', value: 'BOAT' },
      { row: 4, field: 'load.route.0.expectedArrivalWindowStart', value: 'next tuesday' },
      { row: 6, field: 'customer.name', value: '' },
    ]);
    expect(validation.problems[0]?.expected).toMatch(/one of FTL, LTL, DRAYAGE/);
    expect(validation.invalidRows.map((row) => row.loadNumber)).toEqual(['LD-1002', 'LD-1004', 'LD-1006']);
  });

  it.each([
    ['a ragged row (too few cells)', 'a,b,c\n1,2\n', /has 2 cells but the header has 3 columns/],
    ['a ragged row (too many cells)', 'a,b,c\n1,2,3,4\n', /has 4 cells but the header has 3 columns/],
  ])('%s is invalid, located, never dropped', (_name, csv, message) => {
    const table = parseCsvTable(csv);
    if (!table.ok) throw new Error(table.error.message);
    const validation = validateTable(table.value, { 'load.loadNumber': 'a' });
    expect(validation.validRows).toEqual([]);
    expect(validation.invalidCount).toBe(1);
    expect(validation.problems[0]?.message).toMatch(message);
  });

  it('refuses a 1 MB cell in a mapped field instead of sending or cutting it', () => {
    const cells = loadRows(1)[0] ?? [];
    cells[14] = 'x'.repeat(1024 * 1024);
    const { read } = readRow(cells);
    expect(read.problems).toHaveLength(1);
    expect(read.problems[0]?.message).toMatch(/customer\.name holds 1,048,576 characters/);
    expect(read.problems[0]?.value.length).toBeLessThan(100);
  });

  it('keeps a formula-looking cell as text in the load', () => {
    const cells = loadRows(1)[0] ?? [];
    cells[14] = '=HYPERLINK("http://x.invalid","y")';
    const { read, body } = readRow(cells);
    expect(read.problems).toEqual([]);
    expect((body.customer as { name: string }).name).toBe('=HYPERLINK("http://x.invalid","y")');
  });
});

describe('the payload serializer', () => {
  it('writes exactly JSON.stringify of the built body, for any values (law)', async () => {
    const { default: fc } = await import('fast-check');
    const { API_FIELDS } = await import('../../src/core/api-fields');
    const { createPayloadSerializer } = await import('../../src/core/csv/payload');
    const { layoutOf } = await import('../../src/core/csv/row-layout');
    const headers = API_FIELDS.map((_, i) => `c${i}`);
    const plan = compileMappingPlan(Object.fromEntries(API_FIELDS.map((field, i) => [field.path, `c${i}`])), headers);
    const width = layoutOf(plan).paths.length;
    const build = createPayloadBuilder(plan);
    const serialize = createPayloadSerializer(plan);
    const value = fc.oneof(
      fc.constant(undefined),
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.array(fc.string(), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: width, maxLength: width }), (values) => {
        expect(serialize(values)).toBe(JSON.stringify(build(values)));
      }),
      { numRuns: 300, seed: 20261201 },
    );
  });
});
