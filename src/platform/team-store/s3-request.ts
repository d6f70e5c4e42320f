import { AwsClient } from 'aws4fetch';
import { describeThrown } from '../../core/result';
import { storeError, type StoreError } from '../../core/team-store/store-errors';
import { parseErrorBody } from './s3-xml';

/**
 * One signed S3 request: the URL (path-style or virtual-hosted), SigV4 with aws4fetch (no retries
 * of its own: the upload queue retries with back-off), redirects never followed (credentials
 * must not travel to an address nobody configured), and every failure turned into a StoreError.
 */

export type Addressing = 'path' | 'virtual-host';

export interface S3Settings {
  /** e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:17480 */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Path-style by default: Ceph and MinIO on an IP need it; R2, B2, Wasabi and AWS accept it. */
  addressing?: Addressing;
}

export interface S3RequestOptions {
  /** The clock the signature uses (tests move it to provoke RequestTimeTooSkewed). */
  now?: () => Date;
  /** Per-request time limit in milliseconds. */
  timeoutMs?: number;
}

export interface S3Call {
  method: 'GET' | 'PUT' | 'HEAD' | 'DELETE' | 'POST';
  /** The object's name; none for a bucket-level request. */
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: BodyInit;
  timeoutMs?: number;
}

export type S3Answer = { ok: true; response: Response } | { ok: false; error: StoreError };

const MAX_ERROR_BODY = 64 * 1024;

export class S3Requester {
  private readonly client: AwsClient;

  constructor(
    readonly settings: S3Settings,
    private readonly options: S3RequestOptions = {},
  ) {
    this.client = new AwsClient({
      accessKeyId: settings.accessKeyId,
      secretAccessKey: settings.secretAccessKey,
      service: 's3',
      region: settings.region,
      retries: 0,
    });
  }

  /** The URL of a bucket-level or object request. */
  url(key: string | undefined, query: Record<string, string> = {}): string {
    const base = new URL(this.settings.endpoint);
    const path = key === undefined ? '' : key.split('/').map(encodeURIComponent).join('/');
    if (this.settings.addressing === 'virtual-host') {
      base.hostname = `${this.settings.bucket}.${base.hostname}`;
      base.pathname = `/${path}`;
    } else {
      base.pathname = `${base.pathname.replace(/\/$/, '')}/${encodeURIComponent(this.settings.bucket)}/${path}`;
    }
    // S3 sub-resources such as ?uploads and ?versioning are bare names; URLSearchParams would add "=".
    base.search = Object.entries(query)
      .map(([name, value]) => (value === '' ? name : `${name}=${encodeURIComponent(value)}`))
      .join('&');
    return base.toString();
  }

  /** Sends the call; a 2xx answer is ok, anything else a StoreError. */
  async send(call: S3Call): Promise<S3Answer> {
    const url = this.url(call.key, call.query);
    let response: Response;
    try {
      const now = this.options.now?.();
      const request = await this.client.sign(url, {
        method: call.method,
        headers: call.headers ?? {},
        ...(call.body === undefined ? {} : { body: call.body }),
        redirect: 'manual',
        signal: AbortSignal.timeout(call.timeoutMs ?? this.options.timeoutMs ?? 60_000),
        ...(now ? { aws: { datetime: now.toISOString().replace(/[:-]|\.\d{3}/g, '') } } : {}),
      });
      response = await fetch(request);
    } catch (thrown) {
      return { ok: false, error: storeError('unreachable', `${call.method} ${url}: ${describeThrown(thrown)}`) };
    }
    if (response.ok) return { ok: true, response };
    return { ok: false, error: await errorOfResponse(response, `${call.method} ${url}`) };
  }
}

/** The StoreError an unsuccessful answer means. */
export async function errorOfResponse(response: Response, what: string): Promise<StoreError> {
  if (response.type === 'opaqueredirect') {
    return storeError('redirected', `${what}: redirected (the page may not read where to)`);
  }
  const text = await readLimited(response);
  const body = parseErrorBody(text);
  const status = response.status;
  const said = body ? ` ${body.code}: ${body.message}` : text ? ` ${text.slice(0, 300)}` : '';
  const detail = `${what}: HTTP ${status}${said}`;
  const extra = { status, ...(body ? { s3Code: body.code } : {}) };
  if (body?.code === 'RequestTimeTooSkewed') return storeError('clock-skew', detail, extra);
  if (status >= 300 && status < 400) {
    const region = response.headers.get('x-amz-bucket-region');
    const location = response.headers.get('location') ?? body?.endpoint ?? (region ? `region ${region}` : undefined);
    return storeError('redirected', detail, location ? { ...extra, location } : extra);
  }
  if (status === 401 || status === 403) return storeError('denied', detail, extra);
  if (status === 404) return storeError('not-found', detail, extra);
  if (status === 412 || body?.code === 'ConditionalRequestConflict') {
    return storeError('precondition-failed', detail, extra);
  }
  if (status === 429 || status === 503) {
    const wait = retryAfterMs(response.headers.get('retry-after'));
    return storeError('throttled', detail, wait === undefined ? extra : { ...extra, retryAfterMs: wait });
  }
  return storeError('server', detail, extra);
}

/** Retry-After as milliseconds: seconds or an HTTP date. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

async function readLimited(response: Response): Promise<string> {
  try {
    const text = await response.text();
    return text.length > MAX_ERROR_BODY ? text.slice(0, MAX_ERROR_BODY) : text;
  } catch {
    return '';
  }
}
