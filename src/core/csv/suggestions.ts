/**
 * Mapping suggestions from a file's column names and sample values, each with a confidence
 * (shown to the user; only ≥ 0.7 are offered, the original's threshold). Column names are
 * matched against the API path itself (`load.route[0].address.city`), against words brokerages
 * use ("Load #", "Dest City", "Weight (lbs)"), and checked against the sample values: a column
 * whose samples cannot be the field's type is not suggested for it.
 */
import { API_FIELDS, findApiField, type ApiField } from '../api-fields';
import { Refusal, typerFor } from './value-typers';

/** The least confidence a suggestion needs to be offered. */
export const SUGGESTION_THRESHOLD = 0.7;

export interface MappingSuggestion {
  path: string;
  column: string;
  /** 0–1. */
  confidence: number;
}

/** Column words (canonical: lowercase, `_` between words) → API path. */
const ALIASES: Readonly<Record<string, readonly string[]>> = {
  'load.loadNumber': [
    'load_number',
    'load_#',
    'load_no',
    'load_id',
    'load',
    'reference_number',
    'ref_number',
    'shipment_number',
    'shipment_id',
    'order_number',
  ],
  'load.mode': ['mode', 'load_mode', 'shipment_type', 'transport_mode'],
  'load.rateType': ['rate_type', 'rate_category', 'pricing_type'],
  'load.status': ['status', 'load_status', 'shipment_status'],
  'customer.name': ['customer_name', 'customer', 'client', 'client_name', 'bill_to'],
  'customer.customerId': ['customer_id', 'customer_number', 'customer_#', 'client_id'],
  'load.items.0.quantity': ['qty', 'quantity', 'item_quantity', 'pieces', 'piece_count'],
  'load.items.0.totalWeightLbs': ['weight', 'total_weight', 'weight_lbs', 'gross_weight', 'item_weight'],
  'load.items.0.description': ['commodity', 'description', 'item_description'],
  'load.equipment.equipmentType': ['equipment_type', 'equipment', 'trailer_type'],
  'bidCriteria.targetCostUsd': ['target_cost', 'rate', 'target_rate', 'linehaul_rate'],
  'bidCriteria.maxBidAmountUsd': ['max_bid', 'max_rate', 'max_bid_amount'],
  'bidCriteria.service': ['service', 'service_level'],
  'carrier.name': ['carrier_name', 'carrier'],
  'carrier.dotNumber': ['dot_number', 'dot', 'usdot', 'dot_#'],
  'carrier.mcNumber': ['mc_number', 'mc', 'mc_#'],
  'carrier.scac': ['scac', 'carrier_scac'],
  'carrier.drivers.0.name': ['driver_name', 'driver'],
  'carrier.drivers.0.phone': ['driver_phone'],
  'brokerage.contacts.0.name': ['broker_name', 'account_manager', 'rep_name'],
  'brokerage.contacts.0.email': ['broker_email', 'rep_email'],
  'brokerage.contacts.0.phone': ['broker_phone', 'rep_phone'],
  'load.referenceNumbers.0.value': ['po_number', 'po', 'bol', 'bol_number'],
};

/**
 * Column words that name a stop's window without saying which stop: an appointment is the
 * pickup's, a due date the delivery's. Less sure than a name that says the stop.
 */
const UNNAMED_STOP_ALIASES: Readonly<Record<string, string>> = {
  appt_start: 'load.route.0.expectedArrivalWindowStart',
  appointment_start: 'load.route.0.expectedArrivalWindowStart',
  appt_end: 'load.route.0.expectedArrivalWindowEnd',
  appointment_end: 'load.route.0.expectedArrivalWindowEnd',
  due_date: 'load.route.1.expectedArrivalWindowStart',
};

/** Words that open a column about a stop: index 0 = pickup, 1 = delivery. */
const STOP_PREFIXES: readonly (readonly string[])[] = [
  ['pickup', 'pick_up', 'origin', 'orig', 'shipper', 'pu', 'from'],
  ['delivery', 'dest', 'destination', 'consignee', 'drop', 'del', 'to'],
];

/** The rest of a stop column's name → the field within the stop. */
const STOP_FIELDS: Readonly<Record<string, string>> = {
  street: 'address.street1',
  street1: 'address.street1',
  address: 'address.street1',
  address1: 'address.street1',
  addr: 'address.street1',
  city: 'address.city',
  state: 'address.stateOrProvince',
  st: 'address.stateOrProvince',
  province: 'address.stateOrProvince',
  zip: 'address.postalCode',
  zip_code: 'address.postalCode',
  postal_code: 'address.postalCode',
  postal: 'address.postalCode',
  postcode: 'address.postalCode',
  country: 'address.country',
  date: 'expectedArrivalWindowStart',
  date_start: 'expectedArrivalWindowStart',
  start: 'expectedArrivalWindowStart',
  appt_start: 'expectedArrivalWindowStart',
  start_date: 'expectedArrivalWindowStart',
  appointment: 'expectedArrivalWindowStart',
  date_end: 'expectedArrivalWindowEnd',
  end: 'expectedArrivalWindowEnd',
  appt_end: 'expectedArrivalWindowEnd',
  end_date: 'expectedArrivalWindowEnd',
  activity: 'stopActivity',
  type: 'stopActivity',
  sequence: 'sequence',
};

/**
 * Suggests a column for each field not already mapped. Each column is suggested once, to the
 * field it fits best; `samples[i]` are a few values of column `i`.
 */
export function suggestMappings(
  headers: readonly string[],
  samples: readonly (readonly string[])[],
  alreadyMapped: ReadonlySet<string> = new Set(),
): MappingSuggestion[] {
  const candidates: MappingSuggestion[] = [];
  headers.forEach((header, i) => {
    for (const { path, confidence } of namesFor(header)) {
      const field = findApiField(path);
      if (!field || alreadyMapped.has(path)) continue;
      const adjusted = confidence + sampleFit(field, samples[i] ?? []);
      if (adjusted >= SUGGESTION_THRESHOLD)
        candidates.push({ path, column: header, confidence: Math.min(1, adjusted) });
    }
  });
  candidates.sort((a, b) => b.confidence - a.confidence);
  const usedPaths = new Set<string>();
  const usedColumns = new Set<string>();
  const chosen: MappingSuggestion[] = [];
  for (const candidate of candidates) {
    if (usedPaths.has(candidate.path) || usedColumns.has(candidate.column)) continue;
    usedPaths.add(candidate.path);
    usedColumns.add(candidate.column);
    chosen.push({ ...candidate, confidence: Math.round(candidate.confidence * 100) / 100 });
  }
  return chosen;
}

/** The paths a column name may mean, with how sure the name alone makes us. */
function namesFor(header: string): { path: string; confidence: number }[] {
  const dotted = header.replace(/\[(\d+)\]/gu, '.$1');
  const byPath = API_FIELDS.find((field) => field.path.toLowerCase() === dotted);
  if (byPath) return [{ path: byPath.path, confidence: 1 }];
  const words = canonical(header);
  const found: { path: string; confidence: number }[] = [];
  for (const [path, aliases] of Object.entries(ALIASES)) {
    if (aliases.includes(words)) found.push({ path, confidence: 0.9 });
  }
  const unnamedStop = Object.hasOwn(UNNAMED_STOP_ALIASES, words) ? UNNAMED_STOP_ALIASES[words] : undefined;
  if (unnamedStop) found.push({ path: unnamedStop, confidence: 0.8 });
  STOP_PREFIXES.forEach((prefixes, stop) => {
    for (const prefix of prefixes) {
      if (!words.startsWith(`${prefix}_`)) continue;
      const rest = words.slice(prefix.length + 1);
      const within = Object.hasOwn(STOP_FIELDS, rest) ? STOP_FIELDS[rest] : undefined;
      if (within) found.push({ path: `load.route.${stop}.${within}`, confidence: 0.85 });
    }
  });
  return found;
}

/**
 * How the samples change confidence: +0.05 when all fit the field's type, nothing when at least
 * half do (a bad value in a sample is what validation is for), −0.4 when most do not.
 */
function sampleFit(field: ApiField, samples: readonly string[]): number {
  const present = samples.map((sample) => sample.trim()).filter(Boolean);
  if (present.length === 0) return 0;
  // The very reader validation uses: a sample that would be sent is a fitting one (`MC456789` too).
  const type = typerFor(field);
  const fits = (text: string): boolean => !(type(text) instanceof Refusal);
  const fitting = present.filter(fits).length;
  if (fitting === present.length) return 0.05;
  return fitting * 2 >= present.length ? 0 : -0.4;
}

/** A column name as words: lowercase, punctuation between words turned into one `_`. */
function canonical(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9#]+/gu, '_')
    .replace(/^_+|_+$/gu, '');
}
