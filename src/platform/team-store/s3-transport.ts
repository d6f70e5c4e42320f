import type { StoreTransport } from '../../worker/team-store/store-transport';
import { checkConnection } from './connection-check';
import { describeProtection, readBucketProtection } from './s3-bucket-settings';
import { S3ObjectStore } from './s3-object-store';

/**
 * The team store over S3 for the worker (a chunk of its own: the S3 client, SigV4 and the XML
 * reader load only once a store is connected or tested). The check runs where the app runs — a
 * Web Worker in the browser, where CORS applies and hides why a request failed.
 */
export const s3Transport: StoreTransport = {
  open: (settings) => new S3ObjectStore(settings),
  check: (settings, { prefix, origin }) =>
    checkConnection(new S3ObjectStore(settings), { prefix, origin, inBrowser: isBrowser() }),
  async protection(settings) {
    const read = await readBucketProtection(new S3ObjectStore(settings).requester);
    return read.ok ? describeProtection(read.value) : null;
  },
};

/** A page or a Web Worker (where the browser enforces CORS), as opposed to Node. */
function isBrowser(): boolean {
  return 'document' in globalThis || 'WorkerGlobalScope' in globalThis;
}
