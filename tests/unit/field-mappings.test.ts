import { describe, expect, it } from 'vitest';
import { checkFieldMappings, describeSource } from '../../src/core/field-mappings';

describe('checkFieldMappings', () => {
  it.each<[string, Record<string, string>, Record<string, string>]>([
    ['trims paths and columns', { ' load.loadNumber ': ' load_number ' }, { 'load.loadNumber': 'load_number' }],
    [
      'stores enum manual values in the catalog’s spelling',
      { 'load.mode': 'MANUAL_VALUE: ftl' },
      { 'load.mode': 'MANUAL_VALUE:FTL' },
    ],
    [
      'accepts lists for array enums',
      { 'bidCriteria.accessorials': 'MANUAL_VALUE:liftgate, HAZMAT' },
      { 'bidCriteria.accessorials': 'MANUAL_VALUE:LIFTGATE,HAZMAT' },
    ],
    [
      'accepts numbers with $ and commas',
      { 'bidCriteria.targetCostUsd': 'MANUAL_VALUE:$1,200.50' },
      { 'bidCriteria.targetCostUsd': 'MANUAL_VALUE:$1,200.50' },
    ],
    [
      'accepts ISO dates',
      { 'load.route.0.expectedArrivalWindowStart': 'MANUAL_VALUE:2026-01-15T14:00' },
      { 'load.route.0.expectedArrivalWindowStart': 'MANUAL_VALUE:2026-01-15T14:00' },
    ],
    ['keeps fields outside the catalog', { 'load.custom.thing': 'col' }, { 'load.custom.thing': 'col' }],
    ['keeps metadata keys untouched', { _status: '', _created_at: ' x ' }, { _status: '', _created_at: ' x ' }],
    ['keeps "__proto__" as an ordinary key', JSON.parse('{"__proto__":"col"}'), JSON.parse('{"__proto__":"col"}')],
  ])('%s', (_case, input, expected) => {
    const result = checkFieldMappings(input);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok) expect(Object.getPrototypeOf(result.value)).toBe(Object.prototype);
  });

  it.each<[string, Record<string, string>, string]>([
    ['an empty path', { ' ': 'col' }, 'A field mapping row has no API field.'],
    ['a path twice', { 'load.mode': 'a', ' load.mode': 'b' }, '“load.mode” is mapped twice.'],
    ['no source', { 'customer.name': '  ' }, 'Choose a CSV column or a manual value for “customer.name”'],
    ['an empty manual value', { 'customer.name': 'MANUAL_VALUE: ' }, 'The manual value for “customer.name” is empty.'],
    [
      'a value outside the enum',
      { 'load.status': 'MANUAL_VALUE:LOST' },
      '“LOST” is not a valid value for “load.status”. Use one of: DRAFT,',
    ],
    ['a number that is not one', { 'load.items.0.quantity': 'MANUAL_VALUE:many' }, 'must be a number'],
    ['a bare dollar sign', { 'load.items.0.quantity': 'MANUAL_VALUE:$' }, 'must be a number'],
    ['a date that is not one', { 'load.route.1.expectedArrivalWindowEnd': 'MANUAL_VALUE:soon' }, 'must be a date'],
  ])('refuses %s', (_case, input, message) => {
    const result = checkFieldMappings(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain(message);
  });
});

describe('describeSource', () => {
  it('tells manual values from columns', () => {
    expect(describeSource('MANUAL_VALUE:FTL')).toEqual({ kind: 'manual', text: 'FTL' });
    expect(describeSource('load_number')).toEqual({ kind: 'column', text: 'load_number' });
  });
});
