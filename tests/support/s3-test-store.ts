import { inject } from 'vitest';
import { S3ObjectStore, type S3StoreOptions } from '../../src/platform/team-store/s3-object-store';
import type { S3Settings } from '../../src/platform/team-store/s3-request';

/** Settings for the test S3 server's buckets (started by the `store` project's global setup). */
export function s3Settings(overrides: Partial<S3Settings> = {}): S3Settings {
  const s3 = inject('s3');
  return {
    endpoint: s3.S3_ENDPOINT,
    region: s3.S3_REGION,
    bucket: s3.S3_BUCKET,
    accessKeyId: s3.S3_ACCESS_KEY,
    secretAccessKey: s3.S3_SECRET_KEY,
    addressing: 'path',
    ...overrides,
  };
}

/** A client for the test server (the CORS bucket unless told otherwise). */
export function testStore(overrides: Partial<S3Settings> = {}, options: S3StoreOptions = {}): S3ObjectStore {
  return new S3ObjectStore(s3Settings(overrides), options);
}

/** A prefix no other test run uses, so runs against a long-lived server never see each other. */
export function freshPrefix(label: string): string {
  return `test-${label}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}/`;
}

/** Deterministic pseudo-random bytes (xorshift), for large bodies without a CSPRNG's cost. */
export function patternBytes(length: number, seed = 1): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    bytes[i] = x & 0xff;
  }
  return bytes;
}
