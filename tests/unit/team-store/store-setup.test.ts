import { describe, expect, it } from 'vitest';
import { appOrigin, corsGaps, corsRuleJson, corsRuleXml } from '../../../src/core/team-store/cors-rule';
import { presetById, presetEndpoint, STORE_PRESETS } from '../../../src/core/team-store/presets';
import { checkStoreAddress } from '../../../src/core/team-store/store-address';
import { readXml } from '../../../src/core/team-store/xml-reader';
import { parseCorsConfiguration } from '../../../src/platform/team-store/s3-xml';

/** What the setup screen builds on: presets, the address check, and the CORS rule to paste. */

const ORIGIN = 'https://ff2api.example.com';

describe('store presets', () => {
  it('give each provider its endpoint, region and addressing', () => {
    expect(STORE_PRESETS.map((p) => p.label)).toEqual([
      'AWS S3',
      'Cloudflare R2',
      'Backblaze B2',
      'Wasabi',
      'MinIO / Ceph',
    ]);
    expect(presetEndpoint(presetById('aws'), 'eu-west-1')).toBe('https://s3.eu-west-1.amazonaws.com');
    expect(presetEndpoint(presetById('r2'), '', 'abc123')).toBe('https://abc123.r2.cloudflarestorage.com');
    expect(presetEndpoint(presetById('b2'), '')).toBe('https://s3.us-west-004.backblazeb2.com');
    expect(presetEndpoint(presetById('wasabi'), 'eu-central-1')).toBe('https://s3.eu-central-1.wasabisys.com');
    expect(presetById('minio').addressing).toBe('path');
    expect(presetById('r2').defaultRegion).toBe('auto');
  });
});

describe('store address', () => {
  const base = {
    endpoint: 'https://s3.us-east-1.amazonaws.com/',
    region: 'us-east-1',
    bucket: 'team-backups',
    prefix: 'ff2api',
    addressing: 'path' as const,
  };

  it('accepts a good address and normalises it', () => {
    const checked = checkStoreAddress(base);
    expect(checked.ok && checked.value).toEqual({
      ...base,
      endpoint: 'https://s3.us-east-1.amazonaws.com',
      prefix: 'ff2api/',
    });
  });

  it.each([
    ['plain http to another computer', { endpoint: 'http://s3.example.com' }, 'store-endpoint'],
    ['a key in the address', { endpoint: 'https://key:secret@s3.example.com' }, 'store-endpoint'],
    ['not an address', { endpoint: 's3 amazon' }, 'store-endpoint'],
    ['an upper-case bucket', { bucket: 'Team-Backups' }, 'store-bucket'],
    ['a region with spaces', { region: 'us east' }, 'store-region'],
    ['a prefix climbing out', { prefix: '../x' }, 'store-prefix'],
  ])('refuses %s, naming the field', (_, change, code) => {
    const checked = checkStoreAddress({ ...base, ...change });
    expect(checked.ok ? 'ok' : checked.error.code).toBe(code);
  });

  it('allows plain http only on this computer (a local test server)', () => {
    expect(checkStoreAddress({ ...base, endpoint: 'http://127.0.0.1:17480' }).ok).toBe(true);
    expect(checkStoreAddress({ ...base, endpoint: 'http://localhost:9000' }).ok).toBe(true);
  });
});

describe('the CORS rule to paste', () => {
  it('as JSON for the AWS and R2 consoles: this origin, the methods, ETag exposed', () => {
    const rules = JSON.parse(corsRuleJson(ORIGIN)) as Record<string, unknown>[];
    expect(rules).toEqual([
      {
        AllowedOrigins: [ORIGIN],
        AllowedMethods: ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'],
        AllowedHeaders: ['*'],
        ExposeHeaders: ['ETag', 'x-amz-version-id'],
        MaxAgeSeconds: 3600,
      },
    ]);
  });

  it('as XML that S3 itself would read back as a rule with no gaps', () => {
    const xml = corsRuleXml(ORIGIN);
    expect(readXml(xml)?.name).toBe('CORSConfiguration');
    const rules = parseCorsConfiguration(xml);
    expect(rules && corsGaps(rules, ORIGIN)).toEqual([]);
  });

  it('names what an existing rule lacks', () => {
    const rule = {
      origins: ['https://*.example.com'],
      methods: ['GET', 'PUT'],
      headers: ['authorization'],
      exposed: [],
    };
    expect(corsGaps([rule], ORIGIN)).toEqual([
      'methods not allowed: HEAD, DELETE, POST',
      'not every request header is allowed (use *)',
      'ETag is not exposed',
    ]);
    expect(corsGaps([rule], 'https://other.org')).toEqual(['no rule allows the origin https://other.org']);
  });

  it('the origin of the app address is scheme, host and port', () => {
    expect(appOrigin('https://ff2api.example.com/app/?x=1#t')).toBe(ORIGIN);
    expect(appOrigin('http://127.0.0.1:4173/')).toBe('http://127.0.0.1:4173');
    expect(appOrigin('file:///tmp/index.html')).toBeNull();
  });
});
