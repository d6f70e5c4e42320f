import initSqlJs from 'sql.js';
import type { SqlJsStatic } from '../../src/core/db/sql-types';

let loading: Promise<SqlJsStatic> | undefined;

/** Real sql.js for Node tests (no wasm URL: Node finds the wasm next to the script). */
export function loadSqlJs(): Promise<SqlJsStatic> {
  loading ??= initSqlJs();
  return loading;
}
