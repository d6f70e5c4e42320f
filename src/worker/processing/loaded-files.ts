/**
 * The files read in this worker, kept in memory (never in the database) so that validation,
 * sending and the CSV downloads read the rows once. Only the last few are kept.
 */
import type { Table } from '../../core/csv/parse-table';
import { validateTable, type TableValidation } from '../../core/csv/validate-table';

export interface LoadedFile extends Table {
  id: string;
  name: string;
  size: number;
  kind: 'csv' | 'xlsx';
  encoding: 'utf-8' | 'windows-1252' | 'xlsx';
  /** SHA-256 of the file's bytes, hex: a run continues only with the very same file. */
  fingerprint: string;
}

const KEEP = 3;

/** A small most-recent-first store of loaded files. */
export class LoadedFiles {
  private readonly files = new Map<string, LoadedFile>();
  private readonly validations = new Map<string, { key: string; result: TableValidation }>();

  /** Keeps a file (dropping the oldest beyond the limit). */
  add(file: LoadedFile): void {
    this.files.set(file.id, file);
    while (this.files.size > KEEP) {
      const oldest = this.files.keys().next().value;
      if (oldest === undefined) break;
      this.files.delete(oldest);
      this.validations.delete(oldest);
    }
  }

  /** A file by id. */
  get(id: string | null): LoadedFile | undefined {
    return id === null ? undefined : this.files.get(id);
  }

  /**
   * A file's validation against mappings, kept for the last mappings asked: validating, starting
   * the run and resending read 100k rows once, not three times.
   */
  validate(file: LoadedFile, mappings: Readonly<Record<string, string>>): TableValidation {
    const key = JSON.stringify(mappings);
    const cached = this.validations.get(file.id);
    if (cached?.key === key) return cached.result;
    const result = validateTable(file, mappings);
    this.validations.set(file.id, { key, result });
    return result;
  }

  /** The newest file with this fingerprint. */
  findByFingerprint(fingerprint: string): LoadedFile | undefined {
    return [...this.files.values()].reverse().find((file) => file.fingerprint === fingerprint);
  }
}
