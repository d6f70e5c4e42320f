import { describe, expect, it } from 'vitest';
import { checkHeaders } from '../../src/core/csv/header-check';
import { normalizeHeader, normalizeHeaderRow } from '../../src/core/csv/headers';
import { parseCsvTable } from '../../src/core/csv/parse-table';
import { suggestMappings } from '../../src/core/csv/suggestions';

/** The header lines of the original's sample files (reference/ff2api-original.md §4.9). */
const SAMPLES = {
  comprehensive:
    'load.loadNumber,load.mode,load.rateType,load.status,load.route.0.stopActivity,load.route.0.address.street1,load.route.0.address.city,load.route.0.address.stateOrProvince,load.route.0.address.postalCode,load.route.0.address.country,load.route.0.expectedArrivalWindowStart,load.route.0.expectedArrivalWindowEnd,load.route.1.stopActivity,load.route.1.address.street1,load.route.1.address.city,load.route.1.address.stateOrProvince,load.route.1.address.postalCode,load.route.1.address.country,load.route.1.expectedArrivalWindowStart,load.route.1.expectedArrivalWindowEnd,customer.customerId,customer.name,load.items.0.quantity,load.items.0.totalWeightLbs,load.items.0.description,load.equipment.equipmentType,bidCriteria.targetCostUsd,bidCriteria.maxBidAmountUsd,bidCriteria.equipment,bidCriteria.totalWeightLbs,bidCriteria.service,carrier.name,carrier.dotNumber,carrier.mcNumber,brokerage.contacts.0.name,brokerage.contacts.0.email,brokerage.contacts.0.phone',
  freight:
    'reference_number,origin_city,origin_state,origin_zip,destination_city,destination_state,destination_zip,pickup_date,delivery_date,rate,miles,weight,commodity,carrier_name,driver_name,equipment_type',
  smartMapping:
    'Load #,Shipment Type,Rate Category,Status,Pickup Street,Pickup City,Pickup State,Pickup ZIP,Delivery Address,Dest City,Dest State,Dest Zip,Appt Start,Appt End,Due Date,Weight (lbs),Qty,Customer ID,Customer Name,Equipment Type',
  testExport:
    '\uFEFFload.loadNumber,,load.mode,load.rateType,load.status,load.route[0].sequence,load.route[0].stopActivity,load.route[0].address.street1,load.route[0].address.city,load.route[0].address.stateOrProvince,load.route[0].address.postalCode,load.route[0].address.country,load.route[0].expectedArrivalWindowStart,load.route[0].expectedArrivalWindowEnd,load.items[0].quantity,load.items[0].totalWeightLbs,customer.customerId,customer.name',
  testWorkflow:
    'Load Number,Mode,Rate Type,Status,Pickup Street,Pickup City,Pickup State,Pickup ZIP,Pickup Country,Pickup Date Start,Pickup Date End,Delivery Street,Delivery City,Delivery State,Delivery ZIP,Delivery Country,Delivery Date Start,Delivery Date End,Customer ID,Customer Name,Item Quantity,Total Weight,Equipment Type,Target Cost,Carrier Name,DOT Number,Broker Name,Broker Email,Broker Phone',
} as const;

describe('header normalisation', () => {
  it.each([
    ['Load #', 'load_#'],
    ['load.loadNumber', 'load.loadnumber'],
    ['  Pickup  City ', 'pickup_city'],
    ['\uFEFFLoad Number', 'load_number'],
    ['Weight (lbs)', 'weight_(lbs)'],
    ['Tab\tSeparated', 'tab_separated'],
  ])('%j → %j', (raw, normalized) => {
    expect(normalizeHeader(raw)).toBe(normalized);
  });

  it.each([
    ['comprehensive', SAMPLES.comprehensive, 37],
    ['freight', SAMPLES.freight, 16],
    ['smartMapping', SAMPLES.smartMapping, 20],
    ['testExport', SAMPLES.testExport, 18],
    ['testWorkflow', SAMPLES.testWorkflow, 29],
  ])('reads the %s sample header (%i columns), BOM and empty cells included', (_name, line, columns) => {
    const table = parseCsvTable(`${line}\n${','.repeat(columns - 1)}x\n`);
    if (!table.ok) throw new Error(table.error.message);
    expect(table.value.headers).toHaveLength(columns);
    expect(table.value.headers.every((header) => header === header.toLowerCase() && !/\s/u.test(header))).toBe(true);
    expect(new Set(table.value.headers).size).toBe(columns);
  });

  it('names an empty header cell by its position and drops the BOM (test_export.csv)', () => {
    const table = parseCsvTable(`${SAMPLES.testExport}\nA1,,FTL\n`);
    if (!table.ok) throw new Error(table.error.message);
    expect(table.value.headers.slice(0, 3)).toEqual(['load.loadnumber', 'column_2', 'load.mode']);
  });

  it.each([
    [['Pickup City', 'Pickup City'], /Columns 1 and 2 are both named “Pickup City”/],
    [
      ['Pickup City', 'pickup  city'],
      /Columns 1 \(“Pickup City”\) and 2 \(“pickup {2}city”\) both become “pickup_city”/,
    ],
  ])('refuses duplicate headers %j, naming both', (row, message) => {
    const result = normalizeHeaderRow(row);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(message);
  });
});

describe('header check', () => {
  it.each([
    [null, ['a', 'b'], { kind: 'new' }],
    [['a', 'b'], ['b', 'a'], { kind: 'identical' }],
    [['a', 'b', 'c'], ['a', 'd'], { kind: 'changed', missing: ['b', 'c'], added: ['d'], common: ['a'] }],
  ])('saved %j vs file %j', (saved, current, expected) => {
    expect(checkHeaders(saved, current)).toEqual(expected);
  });
});

describe('mapping suggestions from the sample headers', () => {
  const suggest = (line: string) => {
    const table = parseCsvTable(
      `${line}\n`.replace(
        /\n$/u,
        `\n${line
          .split(',')
          .map(() => '')
          .join(',')}x\n`,
      ),
    );
    if (!table.ok) throw new Error(table.error.message);
    return Object.fromEntries(suggestMappings(table.value.headers, []).map((s) => [s.path, s.column]));
  };

  it('maps the comprehensive sample one to one by path', () => {
    const suggested = suggest(SAMPLES.comprehensive);
    expect(Object.keys(suggested)).toHaveLength(37);
    expect(suggested['load.loadNumber']).toBe('load.loadnumber');
    expect(suggested['load.route.1.address.city']).toBe('load.route.1.address.city');
  });

  it('maps test_export.csv’s [0] indexes to route stop 0', () => {
    const suggested = suggest(SAMPLES.testExport);
    expect(suggested['load.route.0.address.city']).toBe('load.route[0].address.city');
    expect(suggested['load.items.0.quantity']).toBe('load.items[0].quantity');
  });

  it.each([
    [
      'smartMapping',
      {
        'load.loadNumber': 'load_#',
        'load.mode': 'shipment_type',
        'load.rateType': 'rate_category',
        'load.route.0.address.city': 'pickup_city',
        'load.route.1.address.street1': 'delivery_address',
        'load.route.1.address.city': 'dest_city',
        'load.route.1.address.postalCode': 'dest_zip',
        'load.items.0.totalWeightLbs': 'weight_(lbs)',
        'load.items.0.quantity': 'qty',
        'customer.name': 'customer_name',
      },
    ],
    [
      'freight',
      {
        'load.loadNumber': 'reference_number',
        'load.route.0.address.city': 'origin_city',
        'load.route.1.address.stateOrProvince': 'destination_state',
        'load.route.0.expectedArrivalWindowStart': 'pickup_date',
        'load.route.1.expectedArrivalWindowStart': 'delivery_date',
        'carrier.name': 'carrier_name',
        'carrier.drivers.0.name': 'driver_name',
      },
    ],
    [
      'testWorkflow',
      {
        'load.loadNumber': 'load_number',
        'load.route.0.address.country': 'pickup_country',
        'load.route.0.expectedArrivalWindowStart': 'pickup_date_start',
        'load.route.1.expectedArrivalWindowEnd': 'delivery_date_end',
        'carrier.dotNumber': 'dot_number',
        'brokerage.contacts.0.email': 'broker_email',
      },
    ],
  ] as const)('suggests the %s sample’s columns', (name, expected) => {
    const suggested = suggest(SAMPLES[name]);
    for (const [path, column] of Object.entries(expected)) expect(suggested[path], path).toBe(column);
  });

  it('never suggests one column twice, and drops a field whose samples do not fit', () => {
    const suggestions = suggestMappings(['mode', 'status'], [['boat', 'plane', 'train'], ['Draft']]);
    expect(suggestions.map((s) => s.path)).toEqual(['load.status']);
    expect(suggestions[0]?.confidence).toBeGreaterThanOrEqual(0.7);
  });
});
