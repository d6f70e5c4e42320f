/** The sql.js types the core uses, in one place, so the core never imports the sql.js runtime. */
import type { Database, SqlJsStatic, SqlValue, BindParams, Statement } from 'sql.js';

export type { Database, SqlJsStatic, SqlValue, BindParams, Statement };
