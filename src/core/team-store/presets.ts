/**
 * Where the common S3-compatible providers are: the endpoint for a region (or account), the
 * region to sign for when none is given, and the addressing style each accepts. Path-style
 * (`endpoint/bucket/key`) works everywhere here except where noted; AWS prefers virtual-hosted.
 */

export type PresetId = 'aws' | 'r2' | 'b2' | 'wasabi' | 'minio';

export interface StorePreset {
  id: PresetId;
  label: string;
  /** `{region}` and `{account}` are filled in; an empty pattern means the user types the endpoint. */
  endpointPattern: string;
  defaultRegion: string;
  addressing: 'path' | 'virtual-host';
  /** What the endpoint field needs, in plain words. */
  hint: string;
}

export const STORE_PRESETS: readonly StorePreset[] = [
  {
    id: 'aws',
    label: 'AWS S3',
    endpointPattern: 'https://s3.{region}.amazonaws.com',
    defaultRegion: 'us-east-1',
    addressing: 'virtual-host',
    hint: "The bucket's region, e.g. us-east-2 (shown in the S3 console).",
  },
  {
    id: 'r2',
    label: 'Cloudflare R2',
    endpointPattern: 'https://{account}.r2.cloudflarestorage.com',
    defaultRegion: 'auto',
    addressing: 'path',
    hint: 'Your Cloudflare account ID (R2 → Overview → S3 API).',
  },
  {
    id: 'b2',
    label: 'Backblaze B2',
    endpointPattern: 'https://s3.{region}.backblazeb2.com',
    defaultRegion: 'us-west-004',
    addressing: 'path',
    hint: "The region in the bucket's S3 endpoint, e.g. us-west-004.",
  },
  {
    id: 'wasabi',
    label: 'Wasabi',
    endpointPattern: 'https://s3.{region}.wasabisys.com',
    defaultRegion: 'us-east-1',
    addressing: 'path',
    hint: "The bucket's region, e.g. eu-central-1.",
  },
  {
    id: 'minio',
    label: 'MinIO / Ceph',
    endpointPattern: '',
    defaultRegion: 'us-east-1',
    addressing: 'path',
    hint: 'The server address, e.g. https://s3.example.internal:9000.',
  },
];

export function presetById(id: PresetId): StorePreset {
  const preset = STORE_PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`unknown preset ${id}`);
  return preset;
}

/** The endpoint of a preset for a region (and account, for R2); '' for a typed-in endpoint. */
export function presetEndpoint(preset: StorePreset, region: string, account = ''): string {
  return preset.endpointPattern
    .replace('{region}', encodeURIComponent(region.trim() || preset.defaultRegion))
    .replace('{account}', encodeURIComponent(account.trim()));
}
