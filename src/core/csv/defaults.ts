/**
 * The original's documented defaults (reference/ff2api-original.md §4.6), applied only where a
 * row has no value of its own, and always reported as defaults in the preview. Deliberate
 * differences: a stop's address is never copied from another stop (the original copied stop 1's
 * address into stop 2, sending loads to the wrong place); bid amounts are filled in only when
 * the bid details are in use (a field of the bid group is mapped), not for any bid field; the
 * carrier contact's role is DISPATCHER (the original's CARRIER_REP is not a carrier role).
 */
import { groupsInUse, type ConditionalGroup } from '../api-fields';
import { addHoursToApiDate } from './dates';

/** What a default may read: the row's values so far, by path. */
export type ValueLookup = (path: string) => unknown;

interface DefaultRule {
  path: string;
  /** Only when some mapped field starts with this prefix (the object is sent, so it needs this field). */
  whenPrefix?: string;
  /** Only when this conditional group is in use (one of its own fields is mapped). */
  whenGroup?: ConditionalGroup;
  /** The path a derived default is computed from (a problem there is not reported twice). */
  from?: string;
  value: (get: ValueLookup) => unknown;
}

const DAY_HOURS = 24;

/** Defaults in the order they are applied (later ones may read earlier ones). */
export const DEFAULT_RULES: readonly DefaultRule[] = [
  { path: 'load.route.0.sequence', value: () => 1 },
  { path: 'load.route.1.sequence', value: () => 2 },
  { path: 'load.route.0.stopActivity', value: () => 'PICKUP' },
  { path: 'load.route.1.stopActivity', value: () => 'DELIVERY' },
  { path: 'load.route.0.address.country', value: () => 'US' },
  { path: 'load.route.1.address.country', value: () => 'US' },
  {
    path: 'load.route.1.expectedArrivalWindowStart',
    from: 'load.route.0.expectedArrivalWindowStart',
    value: (get) => shiftDate(get('load.route.0.expectedArrivalWindowStart'), DAY_HOURS),
  },
  {
    path: 'load.route.0.expectedArrivalWindowEnd',
    from: 'load.route.0.expectedArrivalWindowStart',
    value: (get) => shiftDate(get('load.route.0.expectedArrivalWindowStart'), 2),
  },
  {
    path: 'load.route.1.expectedArrivalWindowEnd',
    from: 'load.route.1.expectedArrivalWindowStart',
    value: (get) => shiftDate(get('load.route.1.expectedArrivalWindowStart'), 2),
  },
  { path: 'load.equipment.equipmentType', whenPrefix: 'load.equipment.', value: () => 'DRY_VAN' },
  {
    path: 'bidCriteria.totalWeightLbs',
    whenGroup: 'bidCriteria',
    // The load's own item weight when the row has one (as the original), else its 1000 lbs.
    value: (get) => {
      const itemWeight = get('load.items.0.totalWeightLbs');
      return typeof itemWeight === 'number' && itemWeight > 0 ? itemWeight : 1000;
    },
  },
  {
    path: 'bidCriteria.maxBidAmountUsd',
    whenGroup: 'bidCriteria',
    value: (get) => {
      const target = get('bidCriteria.targetCostUsd');
      return typeof target === 'number' ? Math.round(target * 110) / 100 : 2000;
    },
  },
  { path: 'carrier.contacts.0.role', whenPrefix: 'carrier.contacts.', value: () => 'DISPATCHER' },
  { path: 'brokerage.contacts.0.role', whenPrefix: 'brokerage.contacts.', value: () => ['ACCOUNT_MANAGER'] },
];

/** Paths that always have a default, whatever is mapped (so never reported missing). */
export const ALWAYS_DEFAULTED: ReadonlySet<string> = new Set(
  DEFAULT_RULES.filter((rule) => !rule.whenPrefix && !rule.whenGroup).map((rule) => rule.path),
);

/** The rules that apply for a set of mapped paths. */
export function defaultRulesFor(mappedPaths: readonly string[]): DefaultRule[] {
  const groups = groupsInUse(Object.fromEntries(mappedPaths.map((path) => [path, path])));
  return DEFAULT_RULES.filter((rule) => {
    if (rule.whenGroup) return groups.has(rule.whenGroup);
    const prefix = rule.whenPrefix;
    return prefix === undefined || mappedPaths.some((path) => path.startsWith(prefix));
  });
}

/** An API date moved by whole hours, or undefined when there is no date to move. */
function shiftDate(value: unknown, hours: number): string | undefined {
  return typeof value === 'string' ? (addHoursToApiDate(value, hours) ?? undefined) : undefined;
}
