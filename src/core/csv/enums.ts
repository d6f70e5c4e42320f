/**
 * Enum cells: matched case-insensitively, with spaces and hyphens read as `_`, and through a
 * table of the words brokerages' exports use ("Full Truckload", "Dry Van", "Cancelled") — every
 * alternative spelling the original's enum table knew among them, so what it turned into a fixed
 * value is turned into the same one here.
 */

/**
 * Words seen in exports → the API's value. Keys are already in the normalised spelling. A word
 * that means different values in different fields ("Primary" contact) lists them: the one the
 * field allows is taken (no field allows two of them).
 */
const ALIASES: Readonly<Record<string, string | readonly string[]>> = {
  TRUCKLOAD: 'FTL',
  FULL_TRUCKLOAD: 'FTL',
  FULL_TRUCK_LOAD: 'FTL',
  TL: 'FTL',
  FULL: 'FTL',
  LESS_THAN_TRUCKLOAD: 'LTL',
  LESS_TRUCKLOAD: 'LTL',
  PARTIAL_TRUCKLOAD: 'LTL',
  DRAY: 'DRAYAGE',
  SPOT_RATE: 'SPOT',
  CONTRACTED: 'CONTRACT',
  CONTRACT_RATE: 'CONTRACT',
  CANCELLED: 'CANCELED',
  CONFIRMED: 'CUSTOMER_CONFIRMED',
  INTRANSIT: 'IN_TRANSIT',
  POD: 'POD_COLLECTED',
  PICK_UP: 'PICKUP',
  PU: 'PICKUP',
  ORIGIN: 'PICKUP',
  SHIPPER: 'PICKUP',
  DELIVER: 'DELIVERY',
  DROP: 'DELIVERY',
  DROPOFF: 'DELIVERY',
  DROP_OFF: 'DELIVERY',
  DEL: 'DELIVERY',
  DESTINATION: 'DELIVERY',
  CONSIGNEE: 'DELIVERY',
  VAN: 'DRY_VAN',
  DRYVAN: 'DRY_VAN',
  DRY: 'DRY_VAN',
  '53_DRY_VAN': 'DRY_VAN',
  FLAT: 'FLATBED',
  FLAT_BED: 'FLATBED',
  FB: 'FLATBED',
  REFRIGERATED: 'REEFER',
  REEFER_VAN: 'REEFER',
  TEMP_CONTROLLED: 'REEFER',
  CONTAINER_CHASSIS: 'CONTAINER',
  INTERMODAL: 'CONTAINER',
  PRO: 'PRO_NUMBER',
  PO: 'PO_NUMBER',
  BOL: 'SHIPPER_NUMBER',
  HOT_SHOT: 'HOTSHOT',
  RUSH: 'TIME_CRITICAL',
  INFORMATION: 'INFO',
  DISPATCH: 'DISPATCHER',
  ADMIN: 'CARRIER_ADMIN',
  ADMINISTRATOR: 'CARRIER_ADMIN',
  CARRIER_ADMINISTRATOR: 'CARRIER_ADMIN',
  AM: 'ACCOUNT_MANAGER',
  OPS_REP: 'OPERATIONS_REP',
  PRIMARY: ['DISPATCHER', 'ACCOUNT_MANAGER'],
  MAIN: ['DISPATCHER', 'ACCOUNT_MANAGER'],
  DEFAULT: ['DISPATCHER', 'ACCOUNT_MANAGER'],
};

/** The cell in the spelling the API's enums use: upper case, spaces and hyphens as `_`. */
function spellLikeEnum(text: string): string {
  return text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/gu, '_');
}

/** The allowed value a cell means, or null when it means none of them. */
export function matchEnum(text: string, allowed: readonly string[]): string | null {
  if (allowed.includes(text)) return text;
  const spelled = spellLikeEnum(text);
  if (allowed.includes(spelled)) return spelled;
  const alias = Object.hasOwn(ALIASES, spelled) ? ALIASES[spelled] : undefined;
  if (alias === undefined) return null;
  if (typeof alias === 'string') return allowed.includes(alias) ? alias : null;
  return alias.find((value) => allowed.includes(value)) ?? null;
}
