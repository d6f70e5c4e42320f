import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_FIELDS, CONDITIONAL_GROUPS, requiredFieldsFor } from '../../src/core/api-fields';
import { explainMappingGaps } from '../../src/core/csv/mapping-gaps';
import { measureMappingProgress } from '../../src/core/csv/mapping-progress';

/**
 * Conditional groups against the original's own rule: `get_dynamic_field_requirements` in
 * ff2api-tool's src/frontend/ui_components.py. Its lists are written out here as the original
 * has them (not read from our catalog), so a drift in ours fails.
 */
const ORIGINAL_GROUPS: Record<string, string[]> = {
  bidCriteria: [
    'bidCriteria.equipment',
    'bidCriteria.totalWeightLbs',
    'bidCriteria.targetCostUsd',
    'bidCriteria.maxBidAmountUsd',
    'bidCriteria.dimensions.heightInches',
    'bidCriteria.dimensions.lengthInches',
    'bidCriteria.dimensions.widthInches',
    'bidCriteria.flexAttributes.0.name',
    'bidCriteria.flexAttributes.0.value',
  ],
  carrier: [
    'carrier.name',
    'carrier.dotNumber',
    'carrier.address.street1',
    'carrier.address.city',
    'carrier.address.stateOrProvince',
    'carrier.address.postalCode',
    'carrier.address.country',
    'carrier.contacts.0.role',
    'carrier.drivers.0.phone',
  ],
  items: ['load.items.0.quantity', 'load.items.0.totalWeightLbs'],
  equipment: ['load.equipment.equipmentType'],
  referenceNumbers: ['load.referenceNumbers.0.name', 'load.referenceNumbers.0.value'],
  trackingEvents: [
    'load.trackingEvents.0.eventType',
    'load.trackingEvents.0.eventSource',
    'load.trackingEvents.0.eventUtc',
  ],
  brokerageContacts: ['brokerage.contacts.0.role'],
};

const ALWAYS = API_FIELDS.filter((field) => field.required === true).map((field) => field.path);

/** The original's rule: always-required fields, plus every field of a group with a field of its list mapped. */
function originalRequired(mapped: ReadonlySet<string>): Set<string> {
  const required = new Set(ALWAYS);
  for (const list of Object.values(ORIGINAL_GROUPS)) {
    if (list.some((path) => mapped.has(path))) for (const path of list) required.add(path);
  }
  return required;
}

describe('conditional groups, as the original lists them', () => {
  it('our lists are the original’s', () => {
    expect(CONDITIONAL_GROUPS).toEqual(ORIGINAL_GROUPS);
  });

  const memberCases = Object.entries(ORIGINAL_GROUPS).flatMap(([group, list]) =>
    list.map((path) => [group, path, list] as const),
  );
  it.each(memberCases)('%s: mapping %s makes exactly its list required', (_group, path, list) => {
    const required = requiredFieldsFor({ [path]: 'some_column' });
    expect(new Set(required)).toEqual(new Set([...ALWAYS, ...list]));
  });

  const optional = API_FIELDS.filter((field) => field.required === false).map((field) => field.path);
  it.each(optional)('mapping the optional %s makes nothing more required', (path) => {
    expect(requiredFieldsFor({ [path]: 'some_column' })).toEqual(ALWAYS);
  });

  it('the brokerage contact’s name makes its role required only once the role itself is mapped', () => {
    expect(requiredFieldsFor({ 'brokerage.contacts.0.name': 'broker_name' })).not.toContain(
      'brokerage.contacts.0.role',
    );
    expect(requiredFieldsFor({ 'brokerage.contacts.0.role': 'MANUAL_VALUE:OPERATIONS_REP' })).toContain(
      'brokerage.contacts.0.role',
    );
  });

  it('requires the same fields as the original for any set of mapped fields (law)', () => {
    const paths = API_FIELDS.map((field) => field.path);
    fc.assert(
      fc.property(fc.subarray(paths), (mapped) => {
        const ours = new Set(requiredFieldsFor(Object.fromEntries(mapped.map((path) => [path, 'column']))));
        expect(ours).toEqual(originalRequired(new Set(mapped)));
      }),
      { numRuns: 500, seed: 20261207 },
    );
  });

  it('a mapping the original calls complete is complete here (law)', () => {
    const paths = API_FIELDS.map((field) => field.path);
    const headers = paths.map((path) => path.toLowerCase());
    fc.assert(
      fc.property(fc.subarray(paths), (extra) => {
        // Complete for the original: every field its rule requires is mapped (to a column of the file).
        const mapped = new Set(extra);
        for (let grown = true; grown;) {
          const before = mapped.size;
          for (const path of originalRequired(mapped)) mapped.add(path);
          grown = mapped.size > before;
        }
        const mappings = Object.fromEntries([...mapped].map((path) => [path, path.toLowerCase()]));
        expect(measureMappingProgress(mappings, headers).isComplete).toBe(true);
      }),
      { numRuns: 300, seed: 20261207 },
    );
  });
});

describe('why Continue is not possible yet', () => {
  const complete: Record<string, string> = Object.fromEntries(ALWAYS.map((path) => [path, path.toLowerCase()]));
  const headers = [...API_FIELDS.map((field) => field.path.toLowerCase())];

  it('names the missing always-required fields', () => {
    const mappings = { ...complete };
    delete mappings['customer.name'];
    expect(explainMappingGaps(measureMappingProgress(mappings, headers))).toEqual([
      'Every load needs Customer name: map it to a column or give it a manual value.',
    ]);
  });

  it('names a group’s missing fields, what put the group in use, and the way out', () => {
    const mappings = { ...complete, 'bidCriteria.targetCostUsd': 'rate' };
    const gaps = explainMappingGaps(measureMappingProgress(mappings, [...headers, 'rate']));
    expect(gaps).toEqual([
      'Bid: required equipment, Bid: height (in), Bid: length (in), Bid: width (in), ' +
        'Bid: flex attribute name and Bid: flex attribute value are needed because Bid: target cost (USD) is mapped: ' +
        'map them, or set Bid: target cost (USD) to None to skip bid details.',
    ]);
  });

  it('counts a group’s documented defaults as done (maximum bid, bid weight) and says nothing once complete', () => {
    const progress = measureMappingProgress({ ...complete, 'load.items.0.totalWeightLbs': 'weight' }, [
      ...headers,
      'weight',
    ]);
    expect(progress.required.find((field) => field.path === 'load.items.0.quantity')?.state).toBe('missing');
    expect(explainMappingGaps(progress)).toEqual([
      'Item quantity is needed because Item total weight (lbs) is mapped: ' +
        'map it, or set Item total weight (lbs) to None to skip item details.',
    ]);
    const bid = measureMappingProgress({ ...complete, 'bidCriteria.targetCostUsd': 'rate' }, [...headers, 'rate']);
    expect(bid.required.filter((field) => field.state === 'default').map((field) => field.path)).toEqual(
      expect.arrayContaining(['bidCriteria.totalWeightLbs', 'bidCriteria.maxBidAmountUsd']),
    );
    expect(explainMappingGaps(measureMappingProgress(complete, headers))).toEqual([]);
  });
});
