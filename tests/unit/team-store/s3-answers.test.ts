import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { partsOf } from '../../../src/platform/team-store/part-source';
import { errorOfResponse, retryAfterMs } from '../../../src/platform/team-store/s3-request';

/**
 * How S3's answers become error values (including the ones a local Ceph cannot be made to give:
 * throttling, a region redirect, a 500), and how bodies are cut into upload parts.
 */

const xmlError = (code: string, message = '', extra = '') =>
  `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${message}</Message>${extra}</Error>`;

async function codeOf(status: number, body = '', headers: Record<string, string> = {}) {
  return errorOfResponse(new Response(body || null, { status, headers }), 'GET /bucket/key');
}

describe('S3 answers as error values', () => {
  it.each<[string, number, string, Record<string, string>, object]>([
    [
      'a skewed clock',
      403,
      xmlError('RequestTimeTooSkewed', 'too skewed'),
      {},
      { code: 'clock-skew', s3Code: 'RequestTimeTooSkewed' },
    ],
    ['a wrong secret', 403, xmlError('SignatureDoesNotMatch'), {}, { code: 'denied', status: 403 }],
    ['a HEAD refused (no body)', 403, '', {}, { code: 'denied' }],
    ['no such bucket', 404, xmlError('NoSuchBucket'), {}, { code: 'not-found', s3Code: 'NoSuchBucket' }],
    ['a taken name', 412, xmlError('PreconditionFailed'), {}, { code: 'precondition-failed' }],
    ['a lost conditional race', 409, xmlError('ConditionalRequestConflict'), {}, { code: 'precondition-failed' }],
    [
      'slow down, with Retry-After',
      503,
      xmlError('SlowDown'),
      { 'retry-after': '7' },
      { code: 'throttled', retryAfterMs: 7000 },
    ],
    ['too many requests', 429, '', {}, { code: 'throttled' }],
    ['an internal error', 500, xmlError('InternalError'), {}, { code: 'server', status: 500 }],
    ['an HTML error page', 502, '<html>Bad gateway</html>', {}, { code: 'server', status: 502 }],
  ])('%s', async (_, status, body, headers, expected) => {
    expect(await codeOf(status, body, headers)).toMatchObject(expected);
  });

  it('a region redirect names where the bucket is, never followed', async () => {
    const body = xmlError('PermanentRedirect', 'use the endpoint', '<Endpoint>b.s3.eu-west-1.amazonaws.com</Endpoint>');
    const error = await codeOf(301, body, { 'x-amz-bucket-region': 'eu-west-1' });
    expect(error).toMatchObject({ code: 'redirected', location: 'b.s3.eu-west-1.amazonaws.com' });
    expect(error.message).toMatch(/It pointed to b\.s3\.eu-west-1\.amazonaws\.com/);
    expect(await codeOf(307, '', { location: 'https://elsewhere.example/' })).toMatchObject({
      location: 'https://elsewhere.example/',
    });
  });

  it('the detail keeps what the store said; the message stays plain', async () => {
    const error = await codeOf(403, xmlError('AccessDenied', 'Access Denied'));
    expect(error.detail).toBe('GET /bucket/key: HTTP 403 AccessDenied: Access Denied');
    expect(error.message).not.toMatch(/HTTP|403|AccessDenied/);
  });

  it('Retry-After in seconds or as a date', () => {
    expect(retryAfterMs('120')).toBe(120_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 10:01:00 GMT', Date.parse('2026-12-07T10:00:00Z'))).toBe(60_000);
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});

describe('upload parts', () => {
  async function collect(parts: AsyncGenerator<Uint8Array | Blob>): Promise<Uint8Array[]> {
    const out: Uint8Array[] = [];
    for await (const part of parts) out.push(part instanceof Blob ? new Uint8Array(await part.arrayBuffer()) : part);
    return out;
  }

  it('any body, in any chunking, is cut into full parts and one last part, bytes unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 64 }),
        fc.constantFrom('bytes', 'blob', 'stream'),
        async (bytes, cuts, size, form) => {
          let at = 0;
          const stream = new ReadableStream<Uint8Array>({
            pull(controller) {
              if (at >= bytes.byteLength) return controller.close();
              const take = cuts[at % cuts.length] ?? 1;
              controller.enqueue(bytes.slice(at, at + take));
              at += take;
            },
          });
          const body = form === 'bytes' ? bytes : form === 'blob' ? new Blob([bytes]) : stream;
          const parts = await collect(partsOf(body, size));
          expect(Buffer.concat(parts).equals(Buffer.from(bytes))).toBe(true);
          expect(parts.slice(0, -1).every((p) => p.byteLength === size)).toBe(true);
          expect(parts.length).toBe(Math.max(1, Math.ceil(bytes.byteLength / size)));
        },
      ),
      { numRuns: 300, seed: 20261207 },
    );
  });
});
