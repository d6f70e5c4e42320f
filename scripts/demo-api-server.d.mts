/** Types of scripts/demo-api-server.mjs, for the TypeScript tests that start it. */
export declare const DEMO_API_KEY: string;
export declare const DEMO_BEARER_TOKEN: string;

export interface DemoFault {
  status: number;
  count?: number;
  retryAfter?: number;
  afterCreate?: boolean;
}

export interface DemoConfig {
  faults?: DemoFault[];
  slowMs?: number;
  rejectLoadNumbers?: string[];
  expireTokens?: boolean;
  /** Answer these paths (all API paths when omitted) with a redirect to the same path on `to`; null ends it. */
  redirect?: { status: 301 | 302 | 303 | 307 | 308; to: string; paths?: string[] } | null;
  /** Allow only Authorization and Content-Type in CORS preflights (a browser then refuses Idempotency-Key). */
  strictCors?: boolean;
}

export interface DemoLoad {
  id: string;
  loadNumber: string;
  idempotencyKey: string | null;
  body: Record<string, unknown>;
  at: string;
}

export interface DemoApi {
  baseUrl: string;
  port: number;
  readonly loads: DemoLoad[];
  readonly attempts: number;
  /** Every access token handed out by /token/refresh. */
  readonly issuedTokens: string[];
  /** CORS preflights answered, and how many asked for a header the server does not allow. */
  readonly preflights: { total: number; refused: number };
  configure(config: DemoConfig): { faultsQueued: number; slowMs: number; strictCors: boolean };
  reset(): void;
  close(): Promise<void>;
}

export declare function startDemoApi(options?: {
  port?: number;
  host?: string;
  apiKeys?: string[];
  bearerTokens?: string[];
  quiet?: boolean;
  strictCors?: boolean;
}): Promise<DemoApi>;
