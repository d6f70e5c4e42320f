import { describe, expect, it } from 'vitest';
import { API_FIELDS } from '../../src/core/api-fields';
import { readNumber, numberKindOf } from '../../src/core/csv/number-fields';
import { readSample, sendSample, valueAtPath } from '../support/original-samples';

/**
 * The original app's own sample files (tests/fixtures/original-samples), mapped as a user would,
 * and what is sent for each kind of value — next to what the original sent for the same cell
 * (its formatter, ff2api-tool src/backend/data_processor.py `_format_value`, over pandas'
 * reading of the file). Where the two differ, the reason is the last column.
 */

/** Every column of a sample whose header is an API path, mapped to that path, except `skip`. */
function byPath(name: 'comprehensive_sample' | 'test_export', skip: readonly string[] = []): Record<string, string> {
  const { headers } = readSample(name);
  const mappings: Record<string, string> = {};
  for (const field of API_FIELDS) {
    const column = headers.find((header) => header.replace(/\[(\d+)\]/gu, '.$1') === field.path.toLowerCase());
    if (column && !skip.includes(field.path)) mappings[field.path] = column;
  }
  return mappings;
}

// Bid and carrier details need fields the file does not have (bid dimensions, the carrier's
// address): a user leaves those groups out (set to None), as the mapping step says.
const COMPREHENSIVE = byPath('comprehensive_sample', [
  'bidCriteria.targetCostUsd',
  'bidCriteria.maxBidAmountUsd',
  'bidCriteria.equipment',
  'bidCriteria.totalWeightLbs',
  'carrier.name',
  'carrier.dotNumber',
]);

const FREIGHT: Record<string, string> = {
  'load.loadNumber': 'reference_number',
  'load.mode': 'MANUAL_VALUE:FTL',
  'load.rateType': 'MANUAL_VALUE:SPOT',
  'load.status': 'MANUAL_VALUE:DRAFT',
  'load.route.0.address.street1': 'MANUAL_VALUE:Dock 1',
  'load.route.0.address.city': 'origin_city',
  'load.route.0.address.stateOrProvince': 'origin_state',
  'load.route.0.address.postalCode': 'origin_zip',
  'load.route.0.expectedArrivalWindowStart': 'pickup_date',
  'load.route.1.address.street1': 'MANUAL_VALUE:Dock 2',
  'load.route.1.address.city': 'destination_city',
  'load.route.1.address.stateOrProvince': 'destination_state',
  'load.route.1.address.postalCode': 'destination_zip',
  'load.route.1.expectedArrivalWindowStart': 'delivery_date',
  'customer.name': 'MANUAL_VALUE:Freight Sample Co',
  'load.items.0.description': 'commodity',
  'carrier.drivers.0.name': 'driver_name',
  'load.equipment.equipmentType': 'equipment_type',
};

const SMART: Record<string, string> = {
  'load.loadNumber': 'load_#',
  'load.mode': 'shipment_type',
  'load.rateType': 'rate_category',
  'load.status': 'status',
  'load.route.0.address.street1': 'pickup_street',
  'load.route.0.address.city': 'pickup_city',
  'load.route.0.address.stateOrProvince': 'pickup_state',
  'load.route.0.address.postalCode': 'pickup_zip',
  'load.route.0.expectedArrivalWindowStart': 'appt_start',
  'load.route.0.expectedArrivalWindowEnd': 'appt_end',
  'load.route.1.address.street1': 'delivery_address',
  'load.route.1.address.city': 'dest_city',
  'load.route.1.address.stateOrProvince': 'dest_state',
  'load.route.1.address.postalCode': 'dest_zip',
  'load.route.1.expectedArrivalWindowStart': 'due_date',
  'load.items.0.totalWeightLbs': 'weight_(lbs)',
  'load.items.0.quantity': 'qty',
  'customer.customerId': 'customer_id',
  'customer.name': 'customer_name',
  'load.equipment.equipmentType': 'equipment_type',
};

const WORKFLOW: Record<string, string> = {
  'load.loadNumber': 'load_number',
  'load.mode': 'mode',
  'load.rateType': 'rate_type',
  'load.status': 'status',
  'load.route.0.address.street1': 'pickup_street',
  'load.route.0.address.city': 'pickup_city',
  'load.route.0.address.stateOrProvince': 'pickup_state',
  'load.route.0.address.postalCode': 'pickup_zip',
  'load.route.0.address.country': 'pickup_country',
  'load.route.0.expectedArrivalWindowStart': 'pickup_date_start',
  'load.route.0.expectedArrivalWindowEnd': 'pickup_date_end',
  'load.route.1.address.street1': 'delivery_street',
  'load.route.1.address.city': 'delivery_city',
  'load.route.1.address.stateOrProvince': 'delivery_state',
  'load.route.1.address.postalCode': 'delivery_zip',
  'load.route.1.address.country': 'delivery_country',
  'load.route.1.expectedArrivalWindowStart': 'delivery_date_start',
  'load.route.1.expectedArrivalWindowEnd': 'delivery_date_end',
  'customer.customerId': 'customer_id',
  'customer.name': 'customer_name',
  'load.items.0.quantity': 'item_quantity',
  'load.items.0.totalWeightLbs': 'total_weight',
  'load.equipment.equipmentType': 'equipment_type',
  'brokerage.contacts.0.name': 'broker_name',
  'brokerage.contacts.0.email': 'broker_email',
  'brokerage.contacts.0.phone': 'broker_phone',
};

describe('the original’s sample files, mapped as a user would', () => {
  it.each([
    ['comprehensive_sample', COMPREHENSIVE, 15],
    ['smart_mapping_test', SMART, 3],
    ['test_workflow', WORKFLOW, 3],
  ] as const)('%s: every row is valid', (name, mappings, rows) => {
    const { validation } = sendSample(name, mappings);
    expect(validation.problems).toEqual([]);
    expect(validation.validRows).toHaveLength(rows);
  });

  it('freight_sample: “Step Deck” is the one row refused, located, with the API’s equipment types', () => {
    const { validation } = sendSample('freight_sample', FREIGHT);
    expect(validation.validRows).toEqual([1, 2, 3, 5]);
    expect(validation.problems).toEqual([
      expect.objectContaining({
        row: 4,
        field: 'load.equipment.equipmentType',
        value: 'Step Deck',
        expected: 'one of DRY_VAN, FLATBED, REEFER, CONTAINER, OTHER',
      }),
    ]);
  });

  it('test_export: stop 2 is not in the file, so every row says so (the original copied stop 1 into it)', () => {
    const { validation } = sendSample('test_export', byPath('test_export'));
    expect(validation.validRows).toEqual([]);
    const fields = new Set(validation.problems.map((problem) => problem.field));
    // Its window has the original's default (stop 1's + 1 day); its address has none.
    expect(fields).toEqual(
      new Set([
        'load.route.1.address.street1',
        'load.route.1.address.city',
        'load.route.1.address.stateOrProvince',
        'load.route.1.address.postalCode',
      ]),
    );
    expect(validation.problems[0]?.message).toBe('Row 1: missing required field load.route.1.address.street1.');
  });

  // [file, row, path, cell as written, what we send, what the original sent, why they differ]
  const SENT: readonly (readonly [string, number, string, string, unknown, unknown, string])[] = [
    [
      'comprehensive_sample',
      1,
      'carrier.mcNumber',
      'MC456789',
      456789,
      0,
      'the original could not read the prefix: its validation refused the row and its formatter wrote 0',
    ],
    ['comprehensive_sample', 2, 'carrier.mcNumber', 'MC789123', 789123, 0, 'as row 1'],
    [
      'comprehensive_sample',
      10,
      'load.route.0.address.postalCode',
      '02101',
      '02101',
      '2101',
      'pandas read the column as numbers and lost the zero',
    ],
    [
      'comprehensive_sample',
      1,
      'brokerage.contacts.0.phone',
      '+15551234567',
      '+15551234567',
      '15551234567',
      'pandas read the column as numbers and lost the +',
    ],
    [
      'comprehensive_sample',
      1,
      'load.route.0.expectedArrivalWindowStart',
      '2025-08-15T08:00:00Z',
      '2025-08-15T08:00:00.000Z',
      '2025-08-15T08:00:00.000Z',
      '',
    ],
    ['comprehensive_sample', 1, 'load.items.0.quantity', '26', 26, 26, ''],
    ['comprehensive_sample', 1, 'load.items.0.totalWeightLbs', '45000', 45000, 45000, ''],
    ['comprehensive_sample', 5, 'load.equipment.equipmentType', 'REEFER', 'REEFER', 'REEFER', ''],
    ['comprehensive_sample', 10, 'bidCriteria.service', 'TIME_CRITICAL', 'TIME_CRITICAL', 'TIME_CRITICAL', ''],
    ['comprehensive_sample', 1, 'load.route.0.sequence', '(default)', 1, 1, ''],
    [
      'comprehensive_sample',
      1,
      'brokerage.contacts.0.role',
      '(default)',
      ['ACCOUNT_MANAGER'],
      'ACCOUNT_MANAGER',
      'the field list says array; the original’s formatter wrote the text',
    ],
    [
      'freight_sample',
      1,
      'load.route.0.expectedArrivalWindowStart',
      '2024-01-15',
      '2024-01-15T14:00:00.000Z',
      '2024-01-15T14:00:00.000Z',
      '',
    ],
    [
      'freight_sample',
      1,
      'load.route.0.expectedArrivalWindowEnd',
      '(default: start + 2 h)',
      '2024-01-15T16:00:00.000Z',
      '2024-01-15T16:00:00.000Z',
      '',
    ],
    ['freight_sample', 1, 'load.equipment.equipmentType', 'Dry Van', 'DRY_VAN', 'DRY_VAN', ''],
    ['freight_sample', 2, 'load.equipment.equipmentType', 'Flatbed', 'FLATBED', 'FLATBED', ''],
    ['freight_sample', 5, 'load.equipment.equipmentType', 'Refrigerated', 'REEFER', 'REEFER', ''],
    [
      'smart_mapping_test',
      1,
      'load.route.0.expectedArrivalWindowStart',
      '2025-01-15 08:00',
      '2025-01-15T08:00:00.000Z',
      '2025-01-15T08:00:00.000Z',
      '',
    ],
    [
      'smart_mapping_test',
      1,
      'load.route.1.expectedArrivalWindowStart',
      '2025-01-16 14:00',
      '2025-01-16T14:00:00.000Z',
      '2025-01-16T14:00:00.000Z',
      '',
    ],
    ['smart_mapping_test', 1, 'load.items.0.totalWeightLbs', '15000', 15000, 15000, ''],
    ['smart_mapping_test', 2, 'load.equipment.equipmentType', 'REEFER', 'REEFER', 'REEFER', ''],
    ['test_workflow', 1, 'load.route.0.address.country', 'USA', 'USA', 'USA', ''],
    [
      'test_workflow',
      1,
      'load.route.1.expectedArrivalWindowEnd',
      '2024-01-16 11:00:00',
      '2024-01-16T11:00:00.000Z',
      '2024-01-16T11:00:00.000Z',
      '',
    ],
    ['test_workflow', 2, 'load.status', 'CUSTOMER_CONFIRMED', 'CUSTOMER_CONFIRMED', 'CUSTOMER_CONFIRMED', ''],
    ['test_workflow', 3, 'load.mode', 'DRAYAGE', 'DRAYAGE', 'DRAYAGE', ''],
    ['test_workflow', 1, 'brokerage.contacts.0.phone', '555-123-4567', '555-123-4567', '555-123-4567', ''],
  ];
  const MAPPINGS: Record<string, Record<string, string>> = {
    comprehensive_sample: COMPREHENSIVE,
    freight_sample: FREIGHT,
    smart_mapping_test: SMART,
    test_workflow: WORKFLOW,
  };

  it.each(SENT)(
    '%s row %i: %s “%s” is sent as %j (the original: %j) %s',
    (name, row, path, _cell, sent, original, why) => {
      const { bodies } = sendSample(name as 'comprehensive_sample', MAPPINGS[name] ?? {});
      expect(valueAtPath(bodies.get(row), path)).toEqual(sent);
      // A difference from the original is always explained.
      expect(JSON.stringify(sent) === JSON.stringify(original) || why !== '').toBe(true);
    },
  );
});

describe('numbers and identifiers as people write them', () => {
  it.each([
    ['carrier.mcNumber', 'MC456789', 456789],
    ['carrier.mcNumber', 'MC-456789', 456789],
    ['carrier.mcNumber', 'MC# 456789', 456789],
    ['carrier.mcNumber', 'MC #456789', 456789],
    ['carrier.mcNumber', 'mc 456789', 456789],
    ['carrier.mcNumber', 'M.C. 456789', 456789],
    ['carrier.mcNumber', 'MC No. 456789', 456789],
    ['carrier.mcNumber', '456789', 456789],
    ['carrier.mcNumber', '456,789', 456789],
    ['carrier.mcNumber', '456789.0', 456789],
    ['carrier.mcNumber', 'MC: 012345', 12345],
    ['carrier.dotNumber', 'USDOT 1234567', 1234567],
    ['carrier.dotNumber', 'US DOT# 1234567', 1234567],
    ['carrier.dotNumber', 'U.S. DOT 1234567', 1234567],
    ['carrier.dotNumber', 'DOT-1234567', 1234567],
    ['carrier.dotNumber', 'USDOT#1234567', 1234567],
    ['carrier.dotNumber', '123456', 123456],
    ['load.items.0.quantity', '2', 2],
    ['load.items.0.quantity', '2.0', 2],
    ['load.route.0.sequence', ' 1 ', 1],
    ['load.items.0.totalWeightLbs', '45,000 lbs', 45000],
    ['load.items.0.totalWeightLbs', '45000.6', 45001],
    ['bidCriteria.totalWeightLbs', '1000 lb', 1000],
    ['load.items.0.heightInches', '48"', 48],
    ['load.items.0.lengthInches', '53 in', 53],
    ['bidCriteria.targetCostUsd', '$1,250.50', 1250.5],
    ['bidCriteria.targetCostUsd', 'USD 2,500.00', 2500],
    ['bidCriteria.maxBidAmountUsd', '2750.00', 2750],
    ['load.trackingEvents.0.latitude', '41.8781', 41.8781],
    ['load.equipment.minTemperatureF', '-10', -10],
  ])('%s: %j → %j', (path, text, expected) => {
    expect(readNumber(text, numberKindOf(path))).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['carrier.mcNumber', 'DOT 1234567', 'which is written as a DOT number (“DOT”), not an MC number'],
    ['carrier.dotNumber', 'MC456789', 'which is written as an MC number (“MC”), not a DOT number'],
    ['carrier.mcNumber', 'FF123456', 'which is not an MC number'],
    ['carrier.mcNumber', 'MC', 'which is not an MC number'],
    ['carrier.mcNumber', 'MC 0', 'which is not an MC number'],
    ['carrier.mcNumber', 'MC456789X', 'which is not an MC number'],
    ['carrier.dotNumber', '12.5', 'which is not a DOT number'],
    ['load.items.0.quantity', '2.5', 'which is not a whole number'],
    ['load.items.0.quantity', 'two', 'which is not a number'],
    ['load.items.0.totalWeightLbs', '45000 kg', 'which is not a number'],
  ])('%s: %j is refused, %s', (path, text, why) => {
    expect(readNumber(text, numberKindOf(path))).toMatchObject({ ok: false, why });
  });
});
