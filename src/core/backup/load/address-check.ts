import { describeAddressProblem } from '../../api-address';
import { readCredentials } from '../../db/configuration-view';
import type { Database } from '../../db/sql-types';
import { selectRows } from '../../db/transaction';
import type { RestoreWarning } from '../read/problems';
import { REPAIRS } from '../read/repairs';

/**
 * The restore's check of API addresses: a file may hold any base URL text (a user name in it,
 * plain http to another computer). Such configurations are restored as they are — the file's
 * checksum covers them — and the preview says how many there are; the app marks them and sends
 * nothing to them (core/api-address.ts) until the address is corrected.
 */
export function findRefusedAddresses(db: Database): RestoreWarning[] {
  const rows = selectRows<{ api_credentials: string }>(db, 'SELECT api_credentials FROM brokerage_configurations');
  const refused = rows.filter((row) => describeAddressProblem(readCredentials(row.api_credentials).baseUrl) !== null);
  return refused.length === 0 ? [] : [{ ...REPAIRS.addressRefused, count: refused.length }];
}
