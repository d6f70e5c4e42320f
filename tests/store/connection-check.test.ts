import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { listAll } from '../../src/core/team-store/object-store';
import { checkConnection, type ConnectionReport } from '../../src/platform/team-store/connection-check';
import { freshPrefix, testStore } from '../support/s3-test-store';

/** `Test connection` against Ceph RGW: each step's outcome in plain words, and the rule to paste. */

const ORIGIN = 'http://127.0.0.1:4173';
const statuses = (report: ConnectionReport) => Object.fromEntries(report.steps.map((s) => [s.id, s.status]));
const messageOf = (report: ConnectionReport, id: string) => report.steps.find((s) => s.id === id)?.message ?? '';

describe('connection check against Ceph RGW', () => {
  it('a good bucket passes every step, and the probe object is gone after', async () => {
    const store = testStore();
    const prefix = freshPrefix('check');
    const report = await checkConnection(store, { prefix, origin: ORIGIN, inBrowser: false });
    expect(statuses(report)).toEqual({
      reach: 'ok',
      signature: 'ok',
      cors: 'ok',
      list: 'ok',
      write: 'ok',
      read: 'ok',
      conditional: 'ok',
      delete: 'ok',
      protection: 'ok',
    });
    expect(report.ok).toBe(true);
    expect(messageOf(report, 'conditional')).toMatch(/honoured/);
    const left = await listAll(store, prefix);
    expect(left.ok && left.value).toEqual([]);
  });

  it('a bucket without a CORS rule fails the CORS step and offers the exact rule for this origin', async () => {
    const store = testStore({ bucket: inject('s3').S3_BUCKET_NO_CORS });
    const report = await checkConnection(store, { prefix: freshPrefix('nocors'), origin: ORIGIN, inBrowser: false });
    expect(statuses(report).cors).toBe('failed');
    expect(messageOf(report, 'cors')).toMatch(/no CORS rule.*Add the rule below/);
    expect(report.ok).toBe(false);
    expect(JSON.parse(report.corsRule.json)).toEqual([expect.objectContaining({ AllowedOrigins: [ORIGIN] })]);
    expect(report.corsRule.xml).toContain(`<AllowedOrigin>${ORIGIN}</AllowedOrigin>`);
    expect(report.corsRule.xml).toContain('<ExposeHeader>ETag</ExposeHeader>');
  });

  it('a wrong secret fails at the signature, says what to do, and skips the rest', async () => {
    const store = testStore({ secretAccessKey: 'wrong-secret-wrong-secret' });
    const report = await checkConnection(store, { prefix: freshPrefix('secret'), origin: ORIGIN, inBrowser: false });
    expect(statuses(report)).toMatchObject({ reach: 'ok', signature: 'failed', list: 'skipped', write: 'skipped' });
    expect(messageOf(report, 'signature')).toMatch(/secret does not match/);
  });

  it('an unknown access key is named as such', async () => {
    const store = testStore({ accessKeyId: 'NOSUCHKEY' });
    const report = await checkConnection(store, { prefix: freshPrefix('key'), origin: ORIGIN, inBrowser: false });
    expect(messageOf(report, 'signature')).toMatch(/does not know this access key ID/);
  });

  it('nobody at the address fails "reach"; from a page it also says a missing CORS rule looks the same', async () => {
    const store = testStore({ endpoint: 'http://127.0.0.1:9' });
    const clockOffset = async () => 0; // this computer's clock is right
    const report = await checkConnection(store, { prefix: 'x/', origin: ORIGIN, inBrowser: true, clockOffset });
    expect(statuses(report)).toMatchObject({ reach: 'failed', cors: 'failed', signature: 'skipped' });
    expect(messageOf(report, 'cors')).toMatch(/looks exactly like an unreachable store/);
  });

  it("another user's key on this bucket: reach ok, refused at the signature step", async () => {
    const s3 = inject('s3');
    const store = testStore({ accessKeyId: s3.S3_OTHER_ACCESS_KEY, secretAccessKey: s3.S3_OTHER_SECRET_KEY });
    const report = await checkConnection(store, { prefix: freshPrefix('other'), origin: ORIGIN, inBrowser: false });
    expect(statuses(report)).toMatchObject({ reach: 'ok', signature: 'failed' });
    expect(messageOf(report, 'signature')).toMatch(/permission to list/);
  });

  it('a bucket with Object Lock says so in the protection step', async () => {
    const store = testStore({ bucket: inject('s3').S3_BUCKET_LOCKED });
    const report = await checkConnection(store, { prefix: freshPrefix('locked'), origin: ORIGIN, inBrowser: false });
    expect(messageOf(report, 'protection')).toMatch(/Object Lock is on/);
    expect(report.ok).toBe(true);
  });
});
