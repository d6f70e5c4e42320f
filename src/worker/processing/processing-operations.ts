/**
 * The worker side of the Process file view: reading files, the header check,
 * suggestions, mappings, validation, connection tests, and runs (delegated to RunOperations).
 */
import { describeConversions } from '../../core/csv/conversions';
import { assessConfigurationFit, type ConfigurationFit } from '../../core/csv/configuration-fit';
import { checkHeaders } from '../../core/csv/header-check';
import { listConfigurationColumns } from '../../core/db/configuration-columns';
import { createPayloadBuilder } from '../../core/csv/payload';
import { createRowReader } from '../../core/csv/row-reader';
import { suggestMappings } from '../../core/csv/suggestions';
import { canContinueWith } from '../../core/csv/validate-table';
import { saveConfiguration } from '../../core/db/configuration-save';
import { readConfigurationSecrets, saveConfigurationHeaders } from '../../core/db/configuration-secrets';
import { listConfigurations } from '../../core/db/configurations';
import { listRunErrors } from '../../core/db/processing-errors';
import { listFailures } from '../../core/db/processing-loads';
import { runWrite } from '../../core/db/write';
import { isMetadataKey } from '../../core/field-mappings';
import { fail, ok, type Result } from '../../core/result';
import type { ConfigurationView } from '../../core/db/configuration-view';
import type { ConnectionCheck } from '../../platform/load-api';
import { LoadedFiles, type LoadedFile } from './loaded-files';
import { createLoadApiSession, REQUEST_TIMEOUT_MS } from '../../platform/load-api';
import { rememberKeySupport } from '../../core/db/load-api-facts';
import { readFirstSheet } from '../../platform/xlsx-reader';
import type { ConnectionRequest, FileSummary, ValidationSummary } from './processing-types';
import { authForTest } from './connection-auth';
import { readTableFile, type ReadWorkbook } from './read-file';
import { buildReport, buildRowsCsv } from './run-downloads';
import { RunOperations, type RunDeps } from './run-operations';

const MESSAGES = {
  noFile: 'That file is no longer loaded. Choose it again.',
  noConfiguration: 'That configuration no longer exists. Choose another configuration.',
} as const;

const PROBLEMS_SHOWN = 200;
const CELL_SHOWN = 200;

export interface ProcessingDeps extends RunDeps {
  files: LoadedFiles;
  readWorkbook: ReadWorkbook;
  appVersion: string;
}

/** The platform parts processing uses, replaceable by tests (the load API session, the workbook reader). */
export type ProcessingOverrides = Partial<Pick<ProcessingDeps, 'createSession' | 'readWorkbook' | 'beforeRun'>>;

/** The worker's processing operations, with the browser's platform parts unless overridden. */
export function createProcessingOperations(
  base: { live: ProcessingDeps['live']; clock: ProcessingDeps['clock']; appVersion: string },
  overrides: ProcessingOverrides,
): ProcessingOperations {
  return new ProcessingOperations({
    ...base,
    files: new LoadedFiles(),
    owner: crypto.randomUUID(),
    createSession:
      overrides.createSession ??
      ((auth, keySupport) => createLoadApiSession(auth, fetch, REQUEST_TIMEOUT_MS, keySupport)),
    readWorkbook: overrides.readWorkbook ?? readFirstSheet,
    // The `Before processing` snapshot (the worker's composition passes the snapshots').
    beforeRun: overrides.beforeRun ?? (async () => undefined),
  });
}

/** Processing over the live database (worker/processing/processing-calls.ts hands the page's calls to it). */
export class ProcessingOperations {
  /** The runs: started, claimed, sent, ended, listed (run-operations.ts). */
  readonly runs: RunOperations;

  constructor(private readonly deps: ProcessingDeps) {
    this.runs = new RunOperations(deps);
  }

  async readProcessingFile(file: Blob, name: string, configurationId: number | null): Promise<Result<FileSummary>> {
    const read = await readTableFile(file, name, this.deps.readWorkbook);
    if (!read.ok) return read;
    this.deps.files.add(read.value);
    return ok(this.summarize(read.value, configurationId));
  }

  summarizeLoadedFile(fileId: string, configurationId: number): Promise<Result<FileSummary>> {
    const file = this.deps.files.get(fileId);
    return Promise.resolve(file ? ok(this.summarize(file, configurationId)) : fail('file-missing', MESSAGES.noFile));
  }

  async saveMappings(configurationId: number, mappings: Record<string, string>): Promise<Result<ConfigurationView>> {
    const view = this.findView(configurationId);
    if (!view) return fail('configuration-missing', MESSAGES.noConfiguration);
    return this.deps.live.write((db, now) =>
      saveConfiguration(
        db,
        {
          id: view.id,
          brokerage_name: view.brokerage_name,
          configuration_name: view.configuration_name,
          description: view.description ?? '',
          auth_type: view.auth_type,
          base_url: view.base_url,
          api_key: '',
          bearer_token: '',
          field_mappings: mappings,
        },
        now,
      ),
    );
  }

  async saveFileHeaders(configurationId: number, fileId: string): Promise<Result<ConfigurationView>> {
    const file = this.deps.files.get(fileId);
    if (!file) return fail('file-missing', MESSAGES.noFile);
    const written = await this.deps.live.write((db, now) =>
      runWrite(db, now, () => {
        saveConfigurationHeaders(db, configurationId, file.headers, now);
        return ok(undefined);
      }),
    );
    if (!written.ok) return written;
    const view = this.findView(configurationId);
    return view ? ok(view) : fail('configuration-missing', MESSAGES.noConfiguration);
  }

  async validateProcessingFile(fileId: string, configurationId: number): Promise<Result<ValidationSummary>> {
    const file = this.deps.files.get(fileId);
    if (!file) return fail('file-missing', MESSAGES.noFile);
    const config = this.deps.live.read((db) => readConfigurationSecrets(db, configurationId));
    if (!config) return fail('configuration-missing', MESSAGES.noConfiguration);
    const validation = this.deps.files.validate(file, config.mappings);
    const { plan } = validation;
    const first = validation.validRows[0];
    let preview: ValidationSummary['preview'] = null;
    if (first !== undefined) {
      const cells = file.rows[first - 1] ?? [];
      const read = createRowReader(plan, file.headers.length)(cells, first);
      preview = {
        row: first,
        body: JSON.stringify(createPayloadBuilder(plan)(read.values), null, 2),
        defaulted: read.defaulted,
        conversions: describeConversions(plan, cells, read.values),
      };
    }
    const mappedPaths = new Set(plan.fields.map((planned) => planned.field.path));
    return ok({
      total: file.rows.length,
      valid: validation.validRows.length,
      invalid: validation.invalidCount,
      problems: validation.problems.slice(0, PROBLEMS_SHOWN),
      problemCount: validation.problems.length,
      canContinue: canContinueWith(validation.validRows.length, file.rows.length),
      missingColumns: plan.missingColumns,
      requiredTotal: plan.required.length,
      requiredMapped: plan.required.filter((path) => mappedPaths.has(path)).length,
      preview,
    });
  }

  async listRunFailures(runId: number, limit: number) {
    return this.deps.live.read((db) => listFailures(db, runId, Math.min(1000, Math.max(1, limit))));
  }
  async listRunErrors(runId: number, limit: number, offset: number) {
    return this.deps.live.read((db) =>
      listRunErrors(db, runId, Math.min(500, Math.max(1, limit)), Math.max(0, offset)),
    );
  }
  async buildRunReport(runId: number) {
    return this.deps.live.read((db) => buildReport(db, runId, this.deps.clock.now(), this.deps.appVersion));
  }
  async buildRunRowsCsv(runId: number, fileId: string, which: 'failed' | 'successful') {
    return this.deps.live.read((db) =>
      buildRowsCsv(db, runId, this.deps.files.get(fileId), which, this.deps.clock.now()),
    );
  }

  async testConnection(request: ConnectionRequest): Promise<ConnectionCheck> {
    const id = request.configurationId;
    const stored = id === null ? null : this.deps.live.read((db) => readConfigurationSecrets(db, id));
    const auth = authForTest(request, stored);
    if (!auth.ok) return { ok: false, message: auth.error.message };
    const checked = await this.deps.createSession(auth.value).testConnection(request.brokerageName);
    // Remembered for the configuration (with the API it was found on); a new one finds out on its first run.
    const support = checked.idempotencyKey;
    if (support && id !== null && this.deps.live.isWriter) {
      await this.deps.live.write((db, now) => {
        rememberKeySupport(db, id, auth.value.baseUrl, support, now);
        return ok(undefined);
      });
    }
    return checked;
  }

  /**
   * What the view shows of a read file for a configuration: the first rows, samples, the header
   * check, suggestions, how well the file fits the configuration, and earlier runs of this very file.
   */
  private summarize(table: LoadedFile, configurationId: number | null): FileSummary {
    const config =
      configurationId === null ? null : this.deps.live.read((db) => readConfigurationSecrets(db, configurationId));
    const saved = configurationId === null ? null : this.savedHeaders(configurationId);
    const samples = table.headers.map((_, column) => sampleColumn(table.rows, column));
    const mapped = new Set(
      Object.entries(config?.mappings ?? {})
        .filter(([path, source]) => !isMetadataKey(path) && source.trim() !== '')
        .map(([path]) => path),
    );
    return {
      fileId: table.id,
      name: table.name,
      size: table.size,
      kind: table.kind,
      encoding: table.encoding,
      rowCount: table.rows.length,
      rawHeaders: table.rawHeaders,
      headers: table.headers,
      firstRows: table.rows
        .slice(0, 10)
        .map((row) => row.map((cell) => (cell.length > CELL_SHOWN ? `${cell.slice(0, CELL_SHOWN - 1)}…` : cell))),
      samples,
      headerCheck: config ? checkHeaders(saved, table.headers) : null,
      suggestions: suggestMappings(table.headers, samples, mapped),
      fit: configurationId === null ? null : this.fitOf(table.headers, configurationId),
      earlierRuns: configurationId === null ? [] : this.runs.earlierRunsOf(configurationId, table.fingerprint),
    };
  }

  /** How the file's columns fit the configuration, against every other one. */
  private fitOf(headers: readonly string[], configurationId: number): ConfigurationFit | null {
    const all = this.deps.live.read((db) => listConfigurationColumns(db));
    const chosen = all.find((candidate) => candidate.id === configurationId);
    return chosen ? assessConfigurationFit(headers, chosen, all) : null;
  }

  private savedHeaders(configurationId: number): string[] | null {
    return this.findView(configurationId)?.file_headers ?? null;
  }

  private findView(configurationId: number): ConfigurationView | undefined {
    return this.deps.live.read((db) => {
      const secrets = readConfigurationSecrets(db, configurationId);
      return secrets
        ? listConfigurations(db, secrets.brokerageName).find((view) => view.id === configurationId)
        : undefined;
    });
  }
}

/** Up to 3 distinct non-empty values of a column, from the first rows that have one. */
function sampleColumn(rows: readonly string[][], column: number): string[] {
  const found: string[] = [];
  for (let i = 0; i < rows.length && i < 500 && found.length < 3; i++) {
    const value = (rows[i]?.[column] ?? '').trim();
    if (value !== '' && !found.includes(value)) found.push(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  }
  return found;
}
