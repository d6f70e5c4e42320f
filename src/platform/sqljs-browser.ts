/** Loads sql.js in the browser, with the wasm file Vite bundles (served from our own origin). */
import initSqlJs from 'sql.js';
import wasmUrl from 'sql.js/dist/sql-wasm.wasm?url';
import type { SqlJsStatic } from '../core/db/sql-types';

/** Starts the sql.js engine. */
export function loadBrowserSqlJs(): Promise<SqlJsStatic> {
  return initSqlJs({ locateFile: () => wasmUrl });
}
