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
} from '../../src/core/team-store/object-store';
import { storeError, type StoreError, type StoreErrorCode } from '../../src/core/team-store/store-errors';

/**
 * The object-store interface in memory, for unit tests of what sits above it. It behaves like the
 * weaker stores the app must survive: conditional writes can be ignored (B2, Wasabi, a synced
 * folder), new objects can show in listings only after a delay (eventual listing), chosen calls
 * can fail, and names can be locked against deletion (Object Lock).
 */

export type StoreOperation = 'put' | 'get' | 'head' | 'list' | 'delete';

export interface MemoryStoreOptions {
  /** When false, `ifNoneMatch: '*'` is ignored and an existing object is overwritten. */
  honoursConditionalWrites?: boolean;
  /** New objects appear in listings only this long after they were written. */
  listingLagMs?: number;
  /** The store's clock (lastModified, listing lag). */
  now?: () => number;
  pageSize?: number;
}

interface Entry {
  bytes: Uint8Array;
  etag: string;
  writtenAt: number;
}

export class MemoryObjectStore implements ObjectStore {
  readonly objects = new Map<string, Entry>();
  /** Every call made, in order: `put name`, `list prefix`, … */
  readonly calls: string[] = [];
  /** Names whose delete is refused as `denied` (as Object Lock refuses). */
  readonly locked = new Set<string>();
  private failures: { when: (op: StoreOperation, name: string) => boolean; code: StoreErrorCode; times: number }[] = [];
  private etagCounter = 0;
  private readonly options: Required<MemoryStoreOptions>;

  constructor(options: MemoryStoreOptions = {}) {
    this.options = {
      honoursConditionalWrites: true,
      listingLagMs: 0,
      now: () => Date.now(),
      pageSize: 1000,
      ...options,
    };
  }

  /** The next `times` calls matching `when` fail with `code` (Infinity: until cleared). */
  failNext(code: StoreErrorCode, when: (op: StoreOperation, name: string) => boolean = () => true, times = 1): void {
    this.failures.push({ when, code, times });
  }

  /** Stops every simulated failure (the store is "back"). */
  recover(): void {
    this.failures = [];
  }

  async put(name: string, body: PutBody, options: PutOptions = {}): Promise<StoreResult<PutOutcome>> {
    const failure = this.failure('put', name);
    if (failure) return { ok: false, error: failure };
    const bytes = await toBytes(body);
    if (options.ifNoneMatch === '*' && this.options.honoursConditionalWrites && this.objects.has(name)) {
      return { ok: false, error: storeError('precondition-failed', `put ${name}: exists`, { status: 412 }) };
    }
    const etag = `etag-${++this.etagCounter}`;
    this.objects.set(name, { bytes, etag, writtenAt: this.options.now() });
    return { ok: true, value: { etag, size: bytes.byteLength } };
  }

  async get(name: string, range?: ByteRange): Promise<StoreResult<StoredObject>> {
    const failure = this.failure('get', name);
    if (failure) return { ok: false, error: failure };
    const entry = this.objects.get(name);
    if (!entry) return { ok: false, error: storeError('not-found', `get ${name}`, { status: 404 }) };
    const bytes = range ? entry.bytes.slice(range.start, range.end + 1) : entry.bytes.slice();
    return {
      ok: true,
      value: {
        body: new Response(bytes).body as ReadableStream<Uint8Array>,
        size: entry.bytes.byteLength,
        etag: entry.etag,
      },
    };
  }

  async head(name: string): Promise<StoreResult<ObjectInfo>> {
    const failure = this.failure('head', name);
    if (failure) return { ok: false, error: failure };
    const entry = this.objects.get(name);
    if (!entry) return { ok: false, error: storeError('not-found', `head ${name}`, { status: 404 }) };
    return { ok: true, value: this.info(name, entry) };
  }

  async list(prefix: string, options: ListOptions = {}): Promise<StoreResult<ListPage>> {
    const failure = this.failure('list', prefix);
    if (failure) return { ok: false, error: failure };
    const visibleBefore = this.options.now() - this.options.listingLagMs;
    const names = [...this.objects.keys()]
      .filter((name) => name.startsWith(prefix) && (this.objects.get(name)?.writtenAt ?? 0) <= visibleBefore)
      .sort()
      .filter((name) => options.continuation === undefined || name > options.continuation);
    const size = Math.min(options.pageSize ?? this.options.pageSize, this.options.pageSize);
    const page = names.slice(0, size);
    const objects = page.map((name) => this.info(name, this.objects.get(name) as Entry));
    const last = page[page.length - 1];
    return { ok: true, value: names.length > size && last ? { objects, continuation: last } : { objects } };
  }

  async delete(name: string): Promise<StoreResult<void>> {
    const failure = this.failure('delete', name);
    if (failure) return { ok: false, error: failure };
    if (this.locked.has(name))
      return { ok: false, error: storeError('denied', `delete ${name}: locked`, { status: 403 }) };
    this.objects.delete(name);
    return { ok: true, value: undefined };
  }

  private info(name: string, entry: Entry): ObjectInfo {
    return {
      name,
      size: entry.bytes.byteLength,
      lastModified: new Date(entry.writtenAt).toISOString(),
      etag: entry.etag,
    };
  }

  private failure(op: StoreOperation, name: string): StoreError | undefined {
    this.calls.push(`${op} ${name}`);
    const match = this.failures.find((f) => f.times > 0 && f.when(op, name));
    if (!match) return undefined;
    match.times--;
    return storeError(match.code, `${op} ${name}: simulated ${match.code}`);
  }
}

async function toBytes(body: PutBody): Promise<Uint8Array> {
  if (body instanceof Uint8Array) return body.slice();
  return new Uint8Array(await new Response(body).arrayBuffer());
}
