import type { CorsRule } from '../../core/team-store/cors-rule';
import { childElement, childElements, childText, readXml, type XmlElement } from '../../core/team-store/xml-reader';

/**
 * The few S3 answer bodies the client reads, taken from XML with the strict reader (no DOMParser:
 * the client runs in a worker). Each returns null when the body is not the shape expected.
 */

export interface S3ErrorBody {
  code: string;
  message: string;
  /** Where a PermanentRedirect says the bucket lives. */
  endpoint?: string;
}

export interface S3ListEntry {
  key: string;
  size: number;
  lastModified: string;
  etag: string;
}

export interface S3ListResult {
  entries: S3ListEntry[];
  nextContinuationToken?: string;
}

export function parseErrorBody(text: string): S3ErrorBody | null {
  const root = readXml(text);
  if (root?.name !== 'Error') return null;
  const code = childText(root, 'Code');
  if (!code) return null;
  const endpoint = childText(root, 'Endpoint');
  return { code, message: childText(root, 'Message') ?? '', ...(endpoint ? { endpoint } : {}) };
}

export function parseListBody(text: string): S3ListResult | null {
  const root = readXml(text);
  if (root?.name !== 'ListBucketResult') return null;
  const entries: S3ListEntry[] = [];
  for (const item of childElements(root, 'Contents')) {
    const key = childText(item, 'Key');
    const size = Number(childText(item, 'Size'));
    const lastModified = Date.parse(childText(item, 'LastModified') ?? '');
    if (key === undefined || !Number.isSafeInteger(size) || size < 0 || Number.isNaN(lastModified)) return null;
    entries.push({
      key,
      size,
      lastModified: new Date(lastModified).toISOString(),
      etag: unquote(childText(item, 'ETag')),
    });
  }
  const truncated = childText(root, 'IsTruncated') === 'true';
  const token = childText(root, 'NextContinuationToken');
  if (truncated && !token) return null;
  return truncated && token ? { entries, nextContinuationToken: token } : { entries };
}

export function parseUploadId(text: string): string | null {
  const root = readXml(text);
  return root?.name === 'InitiateMultipartUploadResult' ? (childText(root, 'UploadId') ?? null) || null : null;
}

/** The ETag of a completed multipart upload; null when the 200 answer carried an error instead. */
export function parseCompletedEtag(text: string): string | null {
  const root = readXml(text);
  if (root?.name !== 'CompleteMultipartUploadResult') return null;
  return unquote(childText(root, 'ETag'));
}

export type VersioningState = 'enabled' | 'suspended' | 'off';

export function parseVersioning(text: string): VersioningState | null {
  const root = readXml(text);
  if (root?.name !== 'VersioningConfiguration') return null;
  const status = childText(root, 'Status');
  return status === 'Enabled' ? 'enabled' : status === 'Suspended' ? 'suspended' : 'off';
}

export interface ObjectLockSettings {
  enabled: boolean;
  /** The bucket's default retention, when it has one. */
  defaultRetention?: { mode: string; days?: number; years?: number };
}

export function parseObjectLock(text: string): ObjectLockSettings | null {
  const root = readXml(text);
  if (root?.name !== 'ObjectLockConfiguration') return null;
  const enabled = childText(root, 'ObjectLockEnabled') === 'Enabled';
  const retention = childElement(childElement(root, 'Rule'), 'DefaultRetention');
  if (!retention) return { enabled };
  const days = Number(childText(retention, 'Days'));
  const years = Number(childText(retention, 'Years'));
  return {
    enabled,
    defaultRetention: {
      mode: childText(retention, 'Mode') ?? 'unknown',
      ...(days > 0 ? { days } : {}),
      ...(years > 0 ? { years } : {}),
    },
  };
}

/** S3 quotes ETags; the rest of the app compares them bare. */
export function unquote(etag: string | null | undefined): string {
  return (etag ?? '').replace(/^W\//, '').replace(/^"|"$/g, '');
}

/** The part list that completes a multipart upload. */
export function completeMultipartBody(etags: readonly string[]): string {
  const parts = etags.map((etag, i) => `<Part><PartNumber>${i + 1}</PartNumber><ETag>"${etag}"</ETag></Part>`);
  return `<CompleteMultipartUpload>${parts.join('')}</CompleteMultipartUpload>`;
}

/** A bucket's CORS rules (GetBucketCors), or null when the body is not that. */
export function parseCorsConfiguration(text: string): CorsRule[] | null {
  const root = readXml(text);
  if (root?.name !== 'CORSConfiguration') return null;
  const texts = (rule: XmlElement, name: string) => childElements(rule, name).map((e) => e.text.trim());
  return childElements(root, 'CORSRule').map((rule) => ({
    origins: texts(rule, 'AllowedOrigin'),
    methods: texts(rule, 'AllowedMethod'),
    headers: texts(rule, 'AllowedHeader'),
    exposed: texts(rule, 'ExposeHeader'),
  }));
}
