/**
 * Deterministic bench data: a brokerage team's tables as the database stores them.
 * Same seed and size → byte-identical tables, on any machine.
 *
 * - 40 brokerages, 5 configurations each (200), each with a 30-entry field mapping, credentials
 *   and the CSV headers it was built from;
 * - `uploads` upload history rows, spread over two years, newest last (ids follow time);
 * - 20 % of uploads had processing errors: a short error log and 1–2 processing_errors rows;
 * - 40 % of uploads recorded the CSV headers they came with;
 * - 2 configuration_changes per configuration (created, then updated with the old/new mapping).
 */
import type {
  ActivityRow,
  BrokerageRow,
  ConfigurationChangeRow,
  ConfigurationRow,
  DataTables,
  ProcessingErrorRow,
  UploadRow,
} from '../../src/core/db/rows';

export const DEFAULT_SEED = 20251122;
export const BROKERAGE_COUNT = 40;
export const CONFIGURATIONS_PER_BROKERAGE = 5;
export const MAPPING_KEYS = 30;
export const ERROR_SHARE = 0.2;

/** mulberry32: small, fast, good enough for test data, and the same everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['Acme', 'Blue Line', 'Summit', 'Great Plains', 'Harbor & Rail', 'Northstar', 'Red River', 'Keystone'];
const SUFFIXES = ['Freight', 'Logistics, Inc.', 'Transport LLC', 'Brokerage Co.', 'Carriers (West)'];
const CONFIGURATION_NAMES = ['Daily loads', 'Weekly (bulk) loads', 'LTL imports', 'Reefer lanes', 'Spot quotes'];

const API_FIELDS = [
  'load.reference_number',
  'load.mode',
  'load.equipment_type',
  'load.weight.value',
  'load.weight.unit',
  'load.commodity',
  'load.piece_count',
  'load.rate.amount',
  'load.rate.currency',
  'load.notes',
  'pickup.facility_name',
  'pickup.address.line1',
  'pickup.address.city',
  'pickup.address.state',
  'pickup.address.postal_code',
  'pickup.window.start',
  'pickup.window.end',
  'pickup.contact.phone',
  'delivery.facility_name',
  'delivery.address.line1',
  'delivery.address.city',
  'delivery.address.state',
  'delivery.address.postal_code',
  'delivery.window.start',
  'delivery.window.end',
  'delivery.contact.phone',
  'carrier.name',
  'carrier.mc_number',
  'carrier.dot_number',
  'customer.account_id',
  'customer.name',
  'billing.terms',
  'billing.po_number',
  'tracking.enabled',
];

const CSV_COLUMNS = [
  'Load #',
  'Mode',
  'Equipment',
  'Weight',
  'Weight Unit',
  'Commodity',
  'Pieces',
  'Rate',
  'Currency',
  'Notes',
  'Shipper',
  'Origin Address',
  'Origin City',
  'Origin State',
  'Origin Zip',
  'Pickup Start',
  'Pickup End',
  'Shipper Phone',
  'Consignee',
  'Dest Address',
  'Dest City',
  'Dest State',
  'Dest Zip',
  'Delivery Start',
  'Delivery End',
  'Consignee Phone',
  'Carrier',
  'MC',
  'DOT',
  'Account',
  'Customer',
  'Terms',
  'PO',
  'Track',
];

const ERROR_KINDS = [
  {
    field: 'pickup.window.start',
    type: 'validation',
    message: 'Pickup start is not a date the API accepts',
    fix: 'Use YYYY-MM-DD HH:MM',
    expected: 'YYYY-MM-DD HH:MM',
  },
  {
    field: 'load.weight.value',
    type: 'validation',
    message: 'Weight must be a positive number',
    fix: 'Remove units from the weight column',
    expected: 'number',
  },
  {
    field: 'delivery.address.postal_code',
    type: 'mapping',
    message: 'Postal code column is empty',
    fix: null,
    expected: '5-digit ZIP',
  },
  {
    field: 'carrier.mc_number',
    type: 'api',
    message: 'The API rejected the carrier: MC number not found',
    fix: 'Check the MC number with the carrier',
    expected: null,
  },
];

const START_MS = Date.UTC(2024, 0, 2, 8, 0, 0);
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

function hex(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

interface ConfigurationInfo {
  row: ConfigurationRow;
  /** The CSV header list an upload with this configuration carries (JSON text, shared). */
  uploadHeaders: string;
  slug: string;
}

/** The five data tables plus a short activity log, deterministic for (uploads, seed). */
export function generateTables(uploads: number, seed = DEFAULT_SEED): { tables: DataTables; activity: ActivityRow[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const created = iso(START_MS - 30 * 24 * 3600 * 1000);

  const brokerages: BrokerageRow[] = [];
  for (let i = 0; i < BROKERAGE_COUNT; i++) {
    const name = `${PREFIXES[i % PREFIXES.length]} ${SUFFIXES[Math.floor(i / PREFIXES.length) % SUFFIXES.length]}`;
    brokerages.push({ id: i + 1, name, created_at: created, updated_at: created, is_active: 1 });
  }

  const configurations: ConfigurationInfo[] = [];
  const changes: ConfigurationChangeRow[] = [];
  for (const brokerage of brokerages) {
    for (let c = 0; c < CONFIGURATIONS_PER_BROKERAGE; c++) {
      const id = configurations.length + 1;
      const offset = Math.floor(random() * (API_FIELDS.length - MAPPING_KEYS + 1));
      const mapping: Record<string, string> = {};
      const headers: string[] = [];
      for (let k = 0; k < MAPPING_KEYS; k++) {
        const field = API_FIELDS[offset + k] as string;
        if (random() < 0.15) mapping[field] = `MANUAL_VALUE:${pick(['FTL', 'USD', 'lbs', 'NET30', 'true'])}`;
        else {
          const column = CSV_COLUMNS[offset + k] as string;
          mapping[field] = column;
          headers.push(column);
        }
      }
      const useBearer = random() < 0.3;
      const credentials = useBearer
        ? { base_url: 'https://api.prod.goaugment.com' }
        : {
            base_url: `https://api.${brokerage.name.split(' ')[0]?.toLowerCase() ?? 'x'}.example.com/v1`,
            api_key: `ak-${hex(random, 32)}`,
          };
      const updated = iso(START_MS + Math.floor(random() * SPAN_MS));
      const fieldMappings = JSON.stringify(mapping);
      const row: ConfigurationRow = {
        id,
        brokerage_name: brokerage.name,
        configuration_name: CONFIGURATION_NAMES[c] as string,
        field_mappings: fieldMappings,
        api_credentials: JSON.stringify(credentials),
        auth_type: useBearer ? 'bearer_token' : 'api_key',
        bearer_token: useBearer ? `bt-${hex(random, 48)}` : null,
        file_headers: JSON.stringify(headers),
        created_at: created,
        updated_at: updated,
        last_used_at: updated,
        version: 2,
        is_active: 1,
        description: random() < 0.5 ? `${CONFIGURATION_NAMES[c]} from the ${brokerage.name} TMS export` : null,
        needs_credentials: 0,
      };
      configurations.push({
        row,
        uploadHeaders: JSON.stringify(headers.slice(0, 4 + Math.floor(random() * 3))),
        slug: `${brokerage.name.split(' ')[0]?.toLowerCase() ?? 'loads'}_${c + 1}`,
      });
      changes.push(
        {
          id: changes.length + 1,
          configuration_id: id,
          change_type: 'created',
          change_description: `Created configuration ${row.configuration_name}`,
          old_value: null,
          new_value: fieldMappings,
          changed_by: 'web',
          changed_at: created,
        },
        {
          id: changes.length + 2,
          configuration_id: id,
          change_type: 'updated',
          change_description: 'Changed 2 mappings',
          old_value: fieldMappings.replace('Load #', 'Load Number'),
          new_value: fieldMappings,
          changed_by: 'web',
          changed_at: updated,
        },
      );
    }
  }

  const history: UploadRow[] = new Array<UploadRow>(uploads);
  const errors: ProcessingErrorRow[] = [];
  const gap = SPAN_MS / Math.max(1, uploads);
  let session = `s-${hex(random, 8)}`;
  for (let i = 0; i < uploads; i++) {
    // Skewed towards the first brokerages, as real traffic is.
    const brokerageIndex = Math.floor(random() * random() * BROKERAGE_COUNT);
    const configuration = configurations[
      brokerageIndex * CONFIGURATIONS_PER_BROKERAGE + Math.floor(random() * CONFIGURATIONS_PER_BROKERAGE)
    ] as ConfigurationInfo;
    const at = Math.floor(START_MS + i * gap + random() * gap * 0.9);
    const stamp = iso(at);
    const total = 1 + Math.floor(random() * 400);
    const hasErrors = random() < ERROR_SHARE;
    const failed = hasErrors ? 1 + Math.floor(random() * Math.min(total, 12)) : 0;
    if (random() < 0.25) session = `s-${hex(random, 8)}`;
    const id = i + 1;
    let errorLog: string | null = null;
    if (hasErrors) {
      const kind = pick(ERROR_KINDS);
      const rowNumber = 2 + Math.floor(random() * total);
      errorLog = JSON.stringify([{ row: rowNumber, field: kind.field, error: kind.message }]);
      const errorRows = random() < 0.75 ? 1 : 2;
      for (let e = 0; e < errorRows; e++) {
        const k = e === 0 ? kind : pick(ERROR_KINDS);
        errors.push({
          id: errors.length + 1,
          upload_history_id: id,
          row_number: rowNumber + e,
          field_name: k.field,
          error_type: k.type,
          error_message: k.message,
          suggested_fix: k.fix,
          original_value: k.type === 'validation' ? `${Math.floor(random() * 100000)}` : null,
          expected_format: k.expected,
          created_at: stamp,
        });
      }
    }
    history[i] = {
      id,
      brokerage_name: configuration.row.brokerage_name,
      configuration_name: random() < 0.05 ? null : configuration.row.configuration_name,
      filename: `${configuration.slug}_${stamp.slice(0, 10).replaceAll('-', '')}_${stamp.slice(11, 16).replace(':', '')}.csv`,
      total_records: total,
      successful_records: total - failed,
      failed_records: failed,
      error_log: errorLog,
      processing_time_seconds: Math.round(random() * 30000) / 1000,
      // The original recorded the CSV headers only for some uploads.
      file_headers: random() < 0.4 ? configuration.uploadHeaders : null,
      upload_timestamp: stamp,
      session_id: session,
      timestamp_unknown: 0,
    };
  }

  const activity: ActivityRow[] = [
    {
      id: 1,
      at: created,
      kind: 'database-created',
      summary: 'New empty database created in this browser',
      details: null,
    },
  ];
  return {
    tables: {
      brokerages,
      brokerage_configurations: configurations.map((c) => c.row),
      upload_history: history,
      processing_errors: errors,
      configuration_changes: changes,
    },
    activity,
  };
}
