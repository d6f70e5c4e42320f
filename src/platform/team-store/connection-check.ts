import { readAllBytes } from '../../core/team-store/object-store';
import { corsRuleJson, corsRuleXml } from '../../core/team-store/cors-rule';
import type { StoreError } from '../../core/team-store/store-errors';
import { probeName } from '../../core/team-store/object-names';
import { readBucketProtection, describeProtection } from './s3-bucket-settings';
import { clockOffsetFromOrigin, clockSkewWords } from './clock-check';
import { checkCorsRule } from './s3-cors-check';
import type { S3ObjectStore } from './s3-object-store';

/**
 * `Test connection`: each thing the team store needs, checked in order and said in plain words
 * with what to do — reach, signature and clock, the CORS rule, list, a probe object written, read
 * back and deleted, whether create-only writes are honoured, and the bucket's own protection.
 * A step that cannot run because an earlier one failed is "skipped", never guessed.
 */

export type CheckStatus = 'ok' | 'warning' | 'failed' | 'skipped';
export type CheckStepId =
  'reach' | 'signature' | 'cors' | 'list' | 'write' | 'read' | 'conditional' | 'delete' | 'protection';

export interface CheckStep {
  id: CheckStepId;
  status: CheckStatus;
  /** What was found, and what to do when it is not ok. */
  message: string;
  detail?: string;
}

export interface ConnectionReport {
  ok: boolean;
  steps: CheckStep[];
  /** The rule to paste into the bucket's CORS settings for this app's origin. */
  corsRule: { json: string; xml: string };
}

export interface CheckOptions {
  prefix: string;
  /** This app's origin, e.g. https://ff2api.example.com. */
  origin: string;
  /** True in a page or worker, where the browser enforces CORS (and hides why a request failed). */
  inBrowser: boolean;
  probeId?: string;
  /**
   * How far this computer's clock is off (ms), asked only when the store seems unreachable from a
   * page, where a refused signature looks the same. Default: the app's own server's Date header.
   */
  clockOffset?: () => Promise<number | null>;
}

export async function checkConnection(store: S3ObjectStore, options: CheckOptions): Promise<ConnectionReport> {
  const steps: CheckStep[] = [];
  const add = (id: CheckStepId, status: CheckStatus, message: string, error?: StoreError) =>
    steps.push({ id, status, message, ...(error?.detail ? { detail: error.detail } : {}) });
  const report = () => ({
    ok: steps.every((s) => s.status !== 'failed'),
    steps,
    corsRule: { json: corsRuleJson(options.origin), xml: corsRuleXml(options.origin) },
  });
  const skipRest = (after: CheckStepId[]) => {
    for (const id of after) add(id, 'skipped', 'Not checked: an earlier step failed.');
    return report();
  };

  const listed = await store.list(options.prefix, { pageSize: 1 });
  if (!listed.ok && (listed.error.code === 'unreachable' || listed.error.code === 'redirected')) {
    add('reach', 'failed', listed.error.message, listed.error);
    if (options.inBrowser && listed.error.code === 'unreachable') {
      const skew = clockSkewWords(await (options.clockOffset ?? (() => clockOffsetFromOrigin(options.origin)))());
      if (skew) add('signature', 'failed', skew);
      add('cors', 'failed', missingCorsWords(options.origin));
      const rest: CheckStepId[] = ['list', 'write', 'read', 'conditional', 'delete', 'protection'];
      return skipRest(skew ? rest : ['signature', ...rest]);
    }
    return skipRest(['signature', 'cors', 'list', 'write', 'read', 'conditional', 'delete', 'protection']);
  }
  add('reach', 'ok', 'The store answered.');
  if (!listed.ok && (listed.error.code === 'denied' || listed.error.code === 'clock-skew')) {
    add('signature', 'failed', signatureWords(listed.error), listed.error);
    return skipRest(['cors', 'list', 'write', 'read', 'conditional', 'delete', 'protection']);
  }
  add('signature', 'ok', "The store accepted this key's signature, and this computer's clock is right.");

  const cors = options.inBrowser
    ? { status: 'ok' as const, message: `The bucket's CORS rule lets this page (${options.origin}) call it.` }
    : await checkCorsRule(store.requester, options.origin);
  add('cors', cors.status, cors.message);

  if (!listed.ok) {
    add('list', 'failed', listed.error.message, listed.error);
    return skipRest(['write', 'read', 'conditional', 'delete', 'protection']);
  }
  add('list', 'ok', 'The app can list the objects under this prefix.');

  const name = probeName(options.prefix, options.probeId ?? randomProbeId());
  const probe = globalThis.crypto.getRandomValues(new Uint8Array(32));
  // Written plainly: a store that refuses the create-only header must still pass this step.
  const written = await store.put(name, probe);
  if (!written.ok) {
    add(
      'write',
      'failed',
      `${written.error.message} (This key may not write to the bucket: backups cannot be stored.)`,
      written.error,
    );
    return skipRest(['read', 'conditional', 'delete', 'protection']);
  }
  add('write', 'ok', 'A test object was written.');
  if (options.inBrowser && written.value.etag === '') {
    const cors = steps.find((s) => s.id === 'cors');
    if (cors) Object.assign(cors, { status: 'failed', message: etagHiddenWords(options.origin) });
  }

  const read = await store.get(name);
  const same = read.ok && equalBytes(await readAllBytes(read.value.body), probe);
  if (read.ok && same) add('read', 'ok', 'It read back exactly as written.');
  else if (read.ok)
    add('read', 'failed', 'It read back different from what was written: this store cannot be trusted with backups.');
  else add('read', 'failed', read.error.message, read.error);

  const again = await store.put(name, probe, { ifNoneMatch: '*' });
  if (!again.ok && again.error.code === 'precondition-failed') {
    add('conditional', 'ok', 'Create-only writes are honoured.');
  } else {
    const words = 'Create-only writes are not honoured by this store. The app does not need them; nothing to do.';
    add('conditional', 'warning', words, again.ok ? undefined : again.error);
  }

  const deleted = await store.delete(name);
  if (deleted.ok) add('delete', 'ok', 'The test object was deleted.');
  else add('delete', 'warning', deleteRefusedWords(), deleted.error);

  const protection = await readBucketProtection(store.requester);
  if (!protection.ok)
    add(
      'protection',
      'skipped',
      "This key may not read the bucket's versioning and Object Lock settings.",
      protection.error,
    );
  else {
    const words = describeProtection(protection.value);
    add(
      'protection',
      'ok',
      words.length > 0 ? words.join(' ') : 'The bucket keeps no old versions and has no Object Lock.',
    );
  }
  return report();
}

function signatureWords(error: StoreError): string {
  if (error.code === 'clock-skew') return error.message;
  if (error.s3Code === 'InvalidAccessKeyId')
    return 'The store does not know this access key ID. Check it, or create a new key.';
  if (error.s3Code === 'SignatureDoesNotMatch') {
    return (
      'The secret does not match this access key ID. ' +
      'Paste the secret again (it is shown only when the key is made).'
    );
  }
  return `${error.message} The key may lack permission to list this bucket: see the key policy in the setup guide.`;
}

function missingCorsWords(origin: string): string {
  return (
    'From a page, a bucket without a CORS rule for this app looks exactly like an unreachable store. ' +
    'If the address is ' +
    `right, add the rule below to the bucket's CORS settings (it allows ${origin}), then test again.`
  );
}

function etagHiddenWords(origin: string): string {
  return (
    `The bucket's CORS rule lets ${origin} call it but does not expose ETag, which the app needs to check uploads. ` +
    'Replace it with the rule below.'
  );
}

function deleteRefusedWords(): string {
  return (
    'The store refused to delete the test object. Backups still work, but retention cannot remove old ones: ' +
    'give the key ' +
    'permission to delete, or let the bucket’s own lifecycle rules remove old backups.'
  );
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((value, i) => value === b[i]);
}

function randomProbeId(): string {
  return [...globalThis.crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');
}
