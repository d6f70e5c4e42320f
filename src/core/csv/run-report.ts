/**
 * The processing report (`processing_report_YYYYMMDD_HHMMSS.json`): what a run sent, what failed
 * and why, row by row. Built from the database's records, so it says what really happened; it
 * never contains credentials (they are not in the records).
 */
export interface ReportInput {
  createdAt: string;
  appVersion: string;
  run: {
    id: number;
    brokerage: string;
    configuration: string | null;
    file: string;
    state: string;
    stopReason: string | null;
    startedAt: string;
    sessionId: string | null;
    processingSeconds: number;
    total: number;
    sent: number;
    failed: number;
    invalid: number;
    uncertain: number;
    notSent: number;
  };
  loads: { row: number; loadNumber: string | null; state: string; statusCode: number | null; message: string | null }[];
  validation: {
    row: number;
    field: string | null;
    value: string | null;
    expected: string | null;
    message: string | null;
  }[];
}

/** The report's JSON text. */
export function writeRunReport(input: ReportInput): string {
  const report = {
    report_info: {
      format: 'ff2api-processing-report',
      version: 1,
      created_at: input.createdAt,
      app_version: input.appVersion,
    },
    summary: {
      ...input.run,
      success_rate: input.run.total === 0 ? 0 : Math.round((input.run.sent / input.run.total) * 1000) / 10,
    },
    successes: input.loads
      .filter((load) => load.state === 'sent')
      .map((load) => ({ row: load.row, load_number: load.loadNumber, status_code: load.statusCode })),
    failures: [
      ...input.validation.map((problem) => ({
        row: problem.row,
        kind: 'validation',
        field: problem.field,
        value: problem.value,
        expected: problem.expected,
        error: problem.message,
      })),
      ...input.loads
        .filter((load) => load.state === 'failed')
        .map((load) => ({
          row: load.row,
          kind: 'api',
          load_number: load.loadNumber,
          status_code: load.statusCode,
          error: load.message,
        })),
    ].sort((a, b) => a.row - b.row),
    uncertain: input.loads
      .filter((load) => load.state === 'claimed')
      .map((load) => ({ row: load.row, load_number: load.loadNumber })),
  };
  return JSON.stringify(report, null, 2);
}
