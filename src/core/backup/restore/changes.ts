/** How a restore treats the live database: become the file (replace) or add what is missing (merge). */
export type RestoreMode = 'replace' | 'merge';

/** Per table, what a restore does against the current database. */
export interface TableChange {
  add: number;
  update: number;
  remove: number;
  unchanged: number;
}
