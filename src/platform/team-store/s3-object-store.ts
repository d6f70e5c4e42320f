import type {
  ByteRange,
  ListOptions,
  ListPage,
  ObjectInfo,
  ObjectStore,
  PutBody,
  PutOptions,
  PutOutcome,
  StoredObject,
  StoreResult,
} from '../../core/team-store/object-store';
import { describeThrown } from '../../core/result';
import { storeError } from '../../core/team-store/store-errors';
import { uploadInParts } from './s3-multipart';
import { joinParts, partSize, partsOf, type Part } from './part-source';
import { S3Requester, type S3RequestOptions, type S3Settings } from './s3-request';
import { parseListBody, unquote } from './s3-xml';

/**
 * The team store over S3's REST API: one request per operation, a multipart upload only for
 * bodies above `multipartThreshold` (parts of `partSize`, at least 5 MiB by S3's rules).
 */

const MiB = 1024 * 1024;

export interface S3StoreOptions extends S3RequestOptions {
  multipartThreshold?: number;
  partSize?: number;
}

export class S3ObjectStore implements ObjectStore {
  readonly requester: S3Requester;
  private readonly threshold: number;
  private readonly partBytes: number;

  constructor(settings: S3Settings, options: S3StoreOptions = {}) {
    this.requester = new S3Requester({ addressing: 'path', ...settings }, options);
    this.partBytes = Math.max(5 * MiB, options.partSize ?? 8 * MiB);
    this.threshold = Math.max(this.partBytes, options.multipartThreshold ?? 32 * MiB);
  }

  async put(name: string, body: PutBody, options: PutOptions = {}): Promise<StoreResult<PutOutcome>> {
    // Read parts until the body is known to be small (one PUT) or large (multipart).
    const parts = partsOf(body, this.partBytes);
    const head: Part[] = [];
    let headBytes = 0;
    let exhausted = false;
    while (headBytes <= this.threshold) {
      let next: IteratorResult<Part>;
      try {
        next = await parts.next();
      } catch (thrown) {
        return { ok: false, error: storeError('server', `reading the body of ${name}: ${describeThrown(thrown)}`) };
      }
      if (next.done) {
        exhausted = true;
        break;
      }
      head.push(next.value);
      headBytes += partSize(next.value);
    }
    if (!exhausted) return uploadInParts(this.requester, name, head, parts, options);
    return this.putOnce(name, head.length === 1 && head[0] instanceof Uint8Array ? head[0] : joinParts(head), options);
  }

  private async putOnce(name: string, body: Part, options: PutOptions): Promise<StoreResult<PutOutcome>> {
    const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/octet-stream' };
    if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
    // Up to 32 MiB in one request: minutes on a slow uplink, so a long limit.
    const call = { method: 'PUT' as const, key: name, headers, body: body as BodyInit, timeoutMs: 10 * 60_000 };
    const answer = await this.requester.send(call);
    if (!answer.ok) return answer;
    const versionId = answer.response.headers.get('x-amz-version-id');
    return {
      ok: true,
      value: {
        etag: unquote(answer.response.headers.get('etag')),
        size: partSize(body),
        ...(versionId && versionId !== 'null' ? { versionId } : {}),
      },
    };
  }

  async get(name: string, range?: ByteRange): Promise<StoreResult<StoredObject>> {
    const headers: Record<string, string> = range ? { range: `bytes=${range.start}-${range.end}` } : {};
    const answer = await this.requester.send({ method: 'GET', key: name, headers, timeoutMs: 30 * 60_000 });
    if (!answer.ok) return answer;
    const { response } = answer;
    const total = /\/(\d+)$/.exec(response.headers.get('content-range') ?? '')?.[1];
    const size = Number(total ?? response.headers.get('content-length') ?? NaN);
    if (!response.body || !Number.isFinite(size)) {
      return { ok: false, error: storeError('server', `GET ${name}: an answer without a body or a size`) };
    }
    return { ok: true, value: { body: response.body, size, etag: unquote(response.headers.get('etag')) } };
  }

  async head(name: string): Promise<StoreResult<ObjectInfo>> {
    const answer = await this.requester.send({ method: 'HEAD', key: name });
    if (!answer.ok) return answer;
    const headers = answer.response.headers;
    const modified = Date.parse(headers.get('last-modified') ?? '');
    return {
      ok: true,
      value: {
        name,
        size: Number(headers.get('content-length') ?? 0),
        lastModified: Number.isNaN(modified) ? '' : new Date(modified).toISOString(),
        etag: unquote(headers.get('etag')),
      },
    };
  }

  async list(prefix: string, options: ListOptions = {}): Promise<StoreResult<ListPage>> {
    const query: Record<string, string> = { 'list-type': '2', prefix };
    if (options.pageSize !== undefined) query['max-keys'] = String(options.pageSize);
    if (options.continuation !== undefined) query['continuation-token'] = options.continuation;
    const answer = await this.requester.send({ method: 'GET', query });
    if (!answer.ok) return answer;
    const text = await answer.response.text();
    const parsed = parseListBody(text);
    if (!parsed) {
      return { ok: false, error: storeError('server', `list ${prefix}: unreadable answer ${text.slice(0, 200)}`) };
    }
    const objects = parsed.entries.map((e) => ({
      name: e.key,
      size: e.size,
      lastModified: e.lastModified,
      etag: e.etag,
    }));
    const token = parsed.nextContinuationToken;
    return { ok: true, value: token === undefined ? { objects } : { objects, continuation: token } };
  }

  async delete(name: string, options: { versionId?: string } = {}): Promise<StoreResult<void>> {
    const query: Record<string, string> = options.versionId ? { versionId: options.versionId } : {};
    const answer = await this.requester.send({ method: 'DELETE', key: name, query });
    if (!answer.ok && answer.error.code !== 'not-found') return answer;
    return { ok: true, value: undefined };
  }
}
