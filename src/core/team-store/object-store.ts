import type { StoreError } from './store-errors';

/**
 * The team store's transport: put, get, head, list and delete of named objects. The S3 client
 * (src/platform/team-store/s3-object-store.ts) is one implementation; a shared folder can be
 * another. Names are keys inside the store's root (the bucket), prefix included; everything above
 * this layer (envelope, layout, retention) works only through this interface.
 *
 * Every failure is a value with a code the UI treats differently (see store-errors.ts); nothing
 * here throws for a refusal, a network error or a missing object.
 */

export type StoreResult<T> = { ok: true; value: T } | { ok: false; error: StoreError };

/** What a listing or a head tells about one object. */
export interface ObjectInfo {
  name: string;
  size: number;
  /** ISO 8601 UTC, as the store reports it. */
  lastModified: string;
  /** The store's entity tag, without quotes. */
  etag: string;
}

/** Bytes to store: a known-length body (bytes or a Blob) or a stream read to its end. */
export type PutBody = Uint8Array | Blob | ReadableStream<Uint8Array>;

export interface PutOptions {
  /** Create only: refused with `precondition-failed` when the name exists (where honoured). */
  ifNoneMatch?: '*';
  contentType?: string;
}

export interface PutOutcome {
  etag: string;
  /** Set when the bucket keeps versions. */
  versionId?: string;
  size: number;
}

/** An inclusive byte range, as HTTP's Range header counts. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StoredObject {
  /** The bytes asked for (the whole object, or the range), as they arrive. */
  body: ReadableStream<Uint8Array>;
  /** The whole object's size, even for a range. */
  size: number;
  etag: string;
}

export interface ListPage {
  objects: ObjectInfo[];
  /** Pass to the next `list` call; absent on the last page. */
  continuation?: string;
}

export interface ListOptions {
  continuation?: string;
  /** At most this many per page (the store may send fewer). */
  pageSize?: number;
}

export interface ObjectStore {
  put(name: string, body: PutBody, options?: PutOptions): Promise<StoreResult<PutOutcome>>;
  get(name: string, range?: ByteRange): Promise<StoreResult<StoredObject>>;
  head(name: string): Promise<StoreResult<ObjectInfo>>;
  list(prefix: string, options?: ListOptions): Promise<StoreResult<ListPage>>;
  /** Deleting a name that does not exist succeeds (as S3 does). */
  delete(name: string, options?: { versionId?: string }): Promise<StoreResult<void>>;
}

/** Every object under a prefix, page by page, stopping at the first failure. */
export async function listAll(store: ObjectStore, prefix: string): Promise<StoreResult<ObjectInfo[]>> {
  const objects: ObjectInfo[] = [];
  let continuation: string | undefined;
  do {
    const page = await store.list(prefix, continuation === undefined ? {} : { continuation });
    if (!page.ok) return page;
    objects.push(...page.value.objects);
    continuation = page.value.continuation;
  } while (continuation !== undefined);
  return { ok: true, value: objects };
}

/** A stored object's bytes in one array (for small objects: headers, manifests, probes). */
export async function readAllBytes(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}
