import { describe, expect, it } from 'vitest';
import { API_FIELDS, findApiField, requiredFieldsFor } from '../../src/core/api-fields';

const count = <T>(items: readonly T[], pick: (item: T) => unknown) =>
  items.reduce<Record<string, number>>((acc, item) => {
    const key = String(pick(item));
    acc[key] = (acc[key] ?? 0) + 1;
    return acc;
  }, {});

describe('API field catalog', () => {
  it('holds the original’s 89 fields with its type and requirement totals', () => {
    expect(API_FIELDS).toHaveLength(89);
    expect(new Set(API_FIELDS.map((f) => f.path)).size).toBe(89);
    expect(count(API_FIELDS, (f) => f.type)).toEqual({ string: 57, number: 25, date: 4, array: 3 });
    expect(count(API_FIELDS, (f) => f.required)).toEqual({ true: 23, conditional: 27, false: 39 });
  });

  it('puts every conditional field in one of the seven groups', () => {
    const conditional = API_FIELDS.filter((f) => f.required === 'conditional');
    expect(count(conditional, (f) => f.group)).toEqual({
      bidCriteria: 9,
      carrier: 9,
      items: 2,
      equipment: 1,
      referenceNumbers: 2,
      trackingEvents: 3,
      brokerageContacts: 1,
    });
  });

  it.each([
    ['load.mode', ['FTL', 'LTL', 'DRAYAGE']],
    ['load.route.1.stopActivity', ['PICKUP', 'DELIVERY']],
    ['carrier.contacts.0.role', ['DISPATCHER', 'CARRIER_ADMIN']],
  ])('knows the enum of %s', (path, values) => {
    expect(findApiField(path)?.enum).toEqual(values);
  });

  it('has the enum sizes the reference gives', () => {
    expect(findApiField('load.status')?.enum).toHaveLength(11);
    expect(findApiField('load.items.0.freightClass')?.enum).toHaveLength(18);
    expect(findApiField('bidCriteria.accessorials')?.enum).toHaveLength(47);
    expect(findApiField('load.trackingEvents.0.eventSource')?.enum).toContain('4KITES');
  });
});

describe('requiredFieldsFor', () => {
  const always = requiredFieldsFor({});

  it('always needs the 23 core fields', () => {
    expect(always).toHaveLength(23);
    expect(always).toEqual(
      expect.arrayContaining(['load.loadNumber', 'load.route.1.expectedArrivalWindowEnd', 'customer.name']),
    );
  });

  it('adds a whole group once one of its own fields is mapped; an optional field of the object adds nothing', () => {
    const withCarrier = requiredFieldsFor({ 'carrier.name': 'carrier' });
    expect(withCarrier).toHaveLength(23 + 9);
    expect(withCarrier).toEqual(expect.arrayContaining(['carrier.dotNumber', 'carrier.drivers.0.phone']));
    expect(requiredFieldsFor({ 'carrier.mcNumber': 'mc' })).toEqual(always);
    const withTwo = requiredFieldsFor({
      'load.items.0.quantity': 'qty',
      'load.trackingEvents.0.notes': 'MANUAL_VALUE:x',
    });
    expect(withTwo).toHaveLength(23 + 2);
  });

  it('ignores metadata keys and empty sources', () => {
    expect(requiredFieldsFor({ _status: 'pending', 'bidCriteria.service': ' ' })).toEqual(always);
  });
});
