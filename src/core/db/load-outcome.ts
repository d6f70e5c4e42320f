/** The final outcome of one load, as recorded. */
export interface LoadOutcome {
  row: number;
  loadNumber: string | null;
  state: 'sent' | 'failed';
  statusCode: number | null;
  message: string | null;
  /** For failures: the POST may have reached the API (timeout, 5xx, network), so a resend reuses its key. */
  mayHaveArrived: boolean;
  /** The body sent (for the API error record); never holds credentials. */
  body?: string;
}
