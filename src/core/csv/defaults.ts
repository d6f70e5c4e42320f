/**
 * The original's documented defaults (reference/ff2api-original.md §4.6), applied only where a
 * row has no value of its own, and always reported as defaults in the preview. One deliberate
 * difference: a stop's address is never copied from another stop (the original copied stop 1's
 * address into stop 2, sending loads to the wrong place).
 */
import { addHoursToApiDate } from './dates';

/** What a default may read: the row's values so far, by path. */
export type ValueLookup = (path: string) => unknown;

interface DefaultRule {
  path: string;
  /** Only when some mapped field starts with this prefix (the group is in use). */
  whenGroup?: string;
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
  { path: 'load.route.1.expectedArrivalWindowStart', from: 'load.route.0.expectedArrivalWindowStart', value: (get) => shiftDate(get('load.route.0.expectedArrivalWindowStart'), DAY_HOURS) },
  { path: 'load.route.0.expectedArrivalWindowEnd', from: 'load.route.0.expectedArrivalWindowStart', value: (get) => shiftDate(get('load.route.0.expectedArrivalWindowStart'), 2) },
  { path: 'load.route.1.expectedArrivalWindowEnd', from: 'load.route.1.expectedArrivalWindowStart', value: (get) => shiftDate(get('load.route.1.expectedArrivalWindowStart'), 2) },
  { path: 'load.equipment.equipmentType', whenGroup: 'load.equipment.', value: () => 'DRY_VAN' },
  { path: 'bidCriteria.totalWeightLbs', whenGroup: 'bidCriteria.', value: () => 1000 },
  {
    path: 'bidCriteria.maxBidAmountUsd',
    whenGroup: 'bidCriteria.',
    value: (get) => {
      const target = get('bidCriteria.targetCostUsd');
      return typeof target === 'number' ? Math.round(target * 110) / 100 : 2000;
    },
  },
  { path: 'carrier.contacts.0.role', whenGroup: 'carrier.contacts.', value: () => 'DISPATCHER' },
  { path: 'brokerage.contacts.0.role', whenGroup: 'brokerage.contacts.', value: () => ['ACCOUNT_MANAGER'] },
];

/** Paths that always have a default, whatever is mapped (so never reported missing). */
export const ALWAYS_DEFAULTED: ReadonlySet<string> = new Set(DEFAULT_RULES.filter((rule) => !rule.whenGroup).map((rule) => rule.path));

/** The rules that apply for a set of mapped paths. */
export function defaultRulesFor(mappedPaths: readonly string[]): DefaultRule[] {
  return DEFAULT_RULES.filter((rule) => !rule.whenGroup || mappedPaths.some((path) => path.startsWith(rule.whenGroup as string)));
}

/** An API date moved by whole hours, or undefined when there is no date to move. */
function shiftDate(value: unknown, hours: number): string | undefined {
  return typeof value === 'string' ? (addHoursToApiDate(value, hours) ?? undefined) : undefined;
}
