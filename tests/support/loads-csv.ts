/**
 * A brokerage export of loads as the team's CSVs look (spaces and capitals in the headers, US
 * dates, `$` amounts), with chosen rows made invalid — for unit and browser tests alike.
 */

export const LOADS_HEADER = [
  'Load Number',
  'Mode',
  'Rate Type',
  'Status',
  'Pickup Street',
  'Pickup City',
  'Pickup State',
  'Pickup ZIP',
  'Pickup Date',
  'Delivery Street',
  'Delivery City',
  'Delivery State',
  'Delivery ZIP',
  'Delivery Date',
  'Customer Name',
  'Notes',
] as const;

/** The mapping of LOADS_HEADER's normalised names that makes every valid row a complete load. */
export const LOADS_MAPPING: Readonly<Record<string, string>> = {
  'load.loadNumber': 'load_number',
  'load.mode': 'mode',
  'load.rateType': 'rate_type',
  'load.status': 'status',
  'load.route.0.address.street1': 'pickup_street',
  'load.route.0.address.city': 'pickup_city',
  'load.route.0.address.stateOrProvince': 'pickup_state',
  'load.route.0.address.postalCode': 'pickup_zip',
  'load.route.0.expectedArrivalWindowStart': 'pickup_date',
  'load.route.1.address.street1': 'delivery_street',
  'load.route.1.address.city': 'delivery_city',
  'load.route.1.address.stateOrProvince': 'delivery_state',
  'load.route.1.address.postalCode': 'delivery_zip',
  'load.route.1.expectedArrivalWindowStart': 'delivery_date',
  'customer.name': 'customer_name',
};

/** How an invalid row is broken: a bad enum, a date that is not one, a missing required value. */
const BREAKS = [
  (cells: string[]) => {
    cells[1] = 'BOAT';
  },
  (cells: string[]) => {
    cells[8] = 'next tuesday';
  },
  (cells: string[]) => {
    cells[14] = '';
  },
];

/** The load number of data row `row` (1-based). */
export function loadNumberOf(row: number): string {
  return `LD-${String(1000 + row)}`;
}

/** Rows of the export (text cells); `invalid` lists the 1-based rows to break. */
export function loadRows(count: number, invalid: readonly number[] = []): string[][] {
  return Array.from({ length: count }, (_, i) => {
    const row = i + 1;
    const day = String((row % 27) + 1);
    const cells = [
      loadNumberOf(row),
      row % 3 === 0 ? 'ltl' : 'FTL',
      'Spot',
      'Draft',
      `${100 + row} Main St`,
      'Chicago',
      'IL',
      '60601',
      `11/${day}/2026 8:00 AM`,
      `${200 + row} Harbor Rd`,
      row % 2 ? 'Dallas' : 'Memphis',
      row % 2 ? 'TX' : 'TN',
      row % 2 ? '75201' : '38103',
      `11/${day}/2026 5:30 PM`,
      `Customer ${row % 7}`,
      row % 10 === 0 ? '=HYPERLINK("http://example.invalid","x")' : `note ${row}`,
    ];
    const breakIndex = invalid.indexOf(row);
    if (breakIndex >= 0) BREAKS[breakIndex % BREAKS.length]?.(cells);
    return cells;
  });
}

/** The export as CSV text (RFC 4180 quoting), header first. */
export function loadsCsv(count: number, invalid: readonly number[] = []): string {
  const quote = (cell: string) => (/[",\r\n]/u.test(cell) ? `"${cell.replace(/"/gu, '""')}"` : cell);
  return [[...LOADS_HEADER], ...loadRows(count, invalid)].map((row) => row.map(quote).join(',')).join('\r\n') + '\r\n';
}
