/**
 * The load API's 89 target fields, as the original lists them (reference/ff2api-original.md §4.4):
 * dotted paths with a numeric segment for array items; 57 string, 25 number, 4 date, 3 array;
 * 23 always required, 27 required when their group is used, 39 optional.
 */
import { ENUMS } from './api-field-enums';

export type ApiFieldType = 'string' | 'number' | 'date' | 'array';

/** A group whose fields all become required once any one of them is mapped. */
export type ConditionalGroup =
  'bidCriteria' | 'carrier' | 'items' | 'equipment' | 'referenceNumbers' | 'trackingEvents' | 'brokerageContacts';

export interface ApiField {
  path: string;
  label: string;
  type: ApiFieldType;
  required: true | 'conditional' | false;
  /** The conditional group the field belongs to (conditional fields only; optional ones never trigger a group). */
  group?: ConditionalGroup;
  enum?: readonly string[];
}

type Spec = [
  path: string,
  label: string,
  type: ApiFieldType,
  required: ApiField['required'],
  enumValues?: readonly string[],
];

const ALWAYS_REQUIRED: readonly Spec[] = [
  ['load.loadNumber', 'Load number', 'string', true],
  ['load.mode', 'Load mode', 'string', true, ENUMS.mode],
  ['load.rateType', 'Rate type', 'string', true, ENUMS.rateType],
  ['load.status', 'Load status', 'string', true, ENUMS.status],
  ...routeStop(0, 'Pickup'),
  ...routeStop(1, 'Delivery'),
  ['customer.name', 'Customer name', 'string', true],
];

/**
 * The original's conditional groups, its own lists (its `get_dynamic_field_requirements`; see
 * docs/processing.md): mapping any field of a list makes the whole list required.
 */
export const CONDITIONAL_GROUPS: Readonly<Record<ConditionalGroup, readonly string[]>> = {
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

const GROUP_OF: ReadonlyMap<string, ConditionalGroup> = new Map(
  Object.entries(CONDITIONAL_GROUPS).flatMap(([group, paths]) =>
    paths.map((path) => [path, group as ConditionalGroup] as const),
  ),
);

const CONDITIONAL: readonly Spec[] = [
  ['bidCriteria.equipment', 'Bid: required equipment', 'string', 'conditional'],
  ['bidCriteria.totalWeightLbs', 'Bid: total weight (lbs)', 'number', 'conditional'],
  ['bidCriteria.targetCostUsd', 'Bid: target cost (USD)', 'number', 'conditional'],
  ['bidCriteria.maxBidAmountUsd', 'Bid: maximum bid (USD)', 'number', 'conditional'],
  ['bidCriteria.dimensions.heightInches', 'Bid: height (in)', 'number', 'conditional'],
  ['bidCriteria.dimensions.lengthInches', 'Bid: length (in)', 'number', 'conditional'],
  ['bidCriteria.dimensions.widthInches', 'Bid: width (in)', 'number', 'conditional'],
  ['bidCriteria.flexAttributes.0.name', 'Bid: flex attribute name', 'string', 'conditional'],
  ['bidCriteria.flexAttributes.0.value', 'Bid: flex attribute value', 'string', 'conditional'],
  ['carrier.name', 'Carrier name', 'string', 'conditional'],
  ['carrier.dotNumber', 'Carrier DOT number', 'number', 'conditional'],
  ['carrier.address.street1', 'Carrier street', 'string', 'conditional'],
  ['carrier.address.city', 'Carrier city', 'string', 'conditional'],
  ['carrier.address.stateOrProvince', 'Carrier state or province', 'string', 'conditional'],
  ['carrier.address.postalCode', 'Carrier postal code', 'string', 'conditional'],
  ['carrier.address.country', 'Carrier country', 'string', 'conditional'],
  ['carrier.contacts.0.role', 'Carrier contact role', 'string', 'conditional', ENUMS.carrierContactRole],
  ['carrier.drivers.0.phone', 'Driver phone', 'string', 'conditional'],
  ['load.items.0.quantity', 'Item quantity', 'number', 'conditional'],
  ['load.items.0.totalWeightLbs', 'Item total weight (lbs)', 'number', 'conditional'],
  ['load.equipment.equipmentType', 'Equipment type', 'string', 'conditional', ENUMS.equipmentType],
  ['load.referenceNumbers.0.name', 'Reference number type', 'string', 'conditional', ENUMS.referenceNumberName],
  ['load.referenceNumbers.0.value', 'Reference number', 'string', 'conditional'],
  ['load.trackingEvents.0.eventType', 'Tracking event type', 'string', 'conditional', ENUMS.eventType],
  ['load.trackingEvents.0.eventSource', 'Tracking event source', 'string', 'conditional', ENUMS.eventSource],
  ['load.trackingEvents.0.eventUtc', 'Tracking event time (UTC)', 'string', 'conditional'],
  ['brokerage.contacts.0.role', 'Brokerage contact role', 'array', 'conditional', ENUMS.brokerageContactRole],
];

const OPTIONAL: readonly Spec[] = [
  ['customer.customerId', 'Customer ID', 'string', false],
  ['brokerage.contacts.0.name', 'Brokerage contact name', 'string', false],
  ['brokerage.contacts.0.email', 'Brokerage contact email', 'string', false],
  ['brokerage.contacts.0.phone', 'Brokerage contact phone', 'string', false],
  ['load.items.0.packageType', 'Item package type', 'string', false, ENUMS.packageType],
  ['load.items.0.description', 'Item description', 'string', false],
  ['load.items.0.lengthInches', 'Item length (in)', 'number', false],
  ['load.items.0.widthInches', 'Item width (in)', 'number', false],
  ['load.items.0.heightInches', 'Item height (in)', 'number', false],
  ['load.items.0.freightClass', 'Item freight class', 'string', false, ENUMS.freightClass],
  ['load.items.0.nmfc', 'Item NMFC code', 'string', false],
  ['load.items.0.density', 'Item density', 'number', false],
  ['load.items.0.pickupSequence', 'Item pickup sequence', 'number', false],
  ['load.items.0.deliverySequence', 'Item delivery sequence', 'number', false],
  ['load.equipment.description', 'Equipment description', 'string', false],
  ['load.equipment.minTemperatureF', 'Equipment minimum temperature (°F)', 'number', false],
  ['load.equipment.maxTemperatureF', 'Equipment maximum temperature (°F)', 'number', false],
  ['load.equipment.accessorials', 'Equipment accessorials', 'array', false],
  ['bidCriteria.service', 'Bid: service type', 'string', false, ENUMS.service],
  ['bidCriteria.accessorials', 'Bid: accessorials', 'array', false, ENUMS.accessorials],
  ['bidCriteria.minTemperatureF', 'Bid: minimum temperature (°F)', 'number', false],
  ['bidCriteria.maxTemperatureF', 'Bid: maximum temperature (°F)', 'number', false],
  ['bidCriteria.bidExpiration', 'Bid: expiration (date-time)', 'string', false],
  ['carrier.carrierId', 'Carrier ID', 'string', false],
  ['carrier.mcNumber', 'Carrier MC number', 'number', false],
  ['carrier.scac', 'Carrier SCAC', 'string', false],
  ['carrier.address.street2', 'Carrier street (line 2)', 'string', false],
  ['carrier.contacts.0.id', 'Carrier contact ID', 'string', false],
  ['carrier.contacts.0.name', 'Carrier contact name', 'string', false],
  ['carrier.contacts.0.email', 'Carrier contact email', 'string', false],
  ['carrier.contacts.0.phone', 'Carrier contact phone', 'string', false],
  ['carrier.drivers.0.id', 'Driver ID', 'string', false],
  ['carrier.drivers.0.name', 'Driver name', 'string', false],
  ['load.trackingEvents.0.city', 'Tracking event city', 'string', false],
  ['load.trackingEvents.0.stateOrProvince', 'Tracking event state or province', 'string', false],
  ['load.trackingEvents.0.latitude', 'Tracking event latitude', 'number', false],
  ['load.trackingEvents.0.longitude', 'Tracking event longitude', 'number', false],
  ['load.trackingEvents.0.temperatureF', 'Tracking event temperature (°F)', 'number', false],
  ['load.trackingEvents.0.notes', 'Tracking event notes', 'string', false],
];

/** The whole catalog, always-required fields first. */
export const API_FIELDS: readonly ApiField[] = [...ALWAYS_REQUIRED, ...CONDITIONAL, ...OPTIONAL].map(toField);

const FIELDS_BY_PATH: ReadonlyMap<string, ApiField> = new Map(API_FIELDS.map((field) => [field.path, field]));

/** Looks a field up by its path. */
export function findApiField(path: string): ApiField | undefined {
  return FIELDS_BY_PATH.get(path);
}

/**
 * The groups in use: those with at least one of their own fields mapped. Metadata keys (`_…`)
 * and empty sources do not count as mapped; neither does an optional field that merely shares a
 * group's prefix (`brokerage.contacts.0.name` does not bring in the contact's role), exactly as
 * the original's `get_dynamic_field_requirements` decides.
 */
export function groupsInUse(mappings: Readonly<Record<string, string>>): Set<ConditionalGroup> {
  const used = new Set<ConditionalGroup>();
  for (const [path, source] of Object.entries(mappings)) {
    if (path.startsWith('_') || source.trim() === '') continue;
    const group = FIELDS_BY_PATH.get(path)?.group;
    if (group) used.add(group);
  }
  return used;
}

/** The paths required for a set of mappings: the 23 always-required fields, plus every field of a group in use. */
export function requiredFieldsFor(mappings: Readonly<Record<string, string>>): string[] {
  const used = groupsInUse(mappings);
  return API_FIELDS.filter(
    (field) => field.required === true || (field.group !== undefined && used.has(field.group)),
  ).map((field) => field.path);
}

/** The label of a field by path (the path itself for one outside the catalog). */
export function labelOf(path: string): string {
  return FIELDS_BY_PATH.get(path)?.label ?? path;
}

/** The nine fields of one route stop (index 0 = pickup, 1 = delivery). */
function routeStop(index: number, stop: string): Spec[] {
  const at = `load.route.${index}`;
  return [
    [`${at}.sequence`, `${stop} stop sequence`, 'number', true],
    [`${at}.stopActivity`, `${stop} stop activity`, 'string', true, ENUMS.stopActivity],
    [`${at}.address.street1`, `${stop} street`, 'string', true],
    [`${at}.address.city`, `${stop} city`, 'string', true],
    [`${at}.address.stateOrProvince`, `${stop} state or province`, 'string', true],
    [`${at}.address.postalCode`, `${stop} postal code`, 'string', true],
    [`${at}.address.country`, `${stop} country`, 'string', true],
    [`${at}.expectedArrivalWindowStart`, `${stop} arrival window start`, 'date', true],
    [`${at}.expectedArrivalWindowEnd`, `${stop} arrival window end`, 'date', true],
  ];
}

/** Builds a catalog entry from its compact spec. */
function toField([path, label, type, required, enumValues]: Spec): ApiField {
  const group = required === 'conditional' ? GROUP_OF.get(path) : undefined;
  return { path, label, type, required, ...(group ? { group } : {}), ...(enumValues ? { enum: enumValues } : {}) };
}
