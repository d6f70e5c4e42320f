/**
 * The CORS rule a bucket needs so this app's page may call it: the methods the client uses (POST
 * starts and completes multipart uploads), any request header (SigV4 signs several), and ETag
 * exposed (the read-back check and multipart completion need it; x-amz-version-id tells a
 * versioned bucket's copies apart). Given as JSON for the AWS and Cloudflare R2 consoles and as
 * XML for PutBucketCors (MinIO, Ceph, Backblaze B2 and Wasabi tools).
 */

export const CORS_METHODS = ['GET', 'PUT', 'HEAD', 'DELETE', 'POST'] as const;
export const CORS_EXPOSED_HEADERS = ['ETag', 'x-amz-version-id'] as const;
const MAX_AGE_SECONDS = 3600;

/** The origin of an app address (scheme, host and port), or null when it is not http(s). */
export function appOrigin(address: string): string | null {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/** The rule as the AWS S3 and Cloudflare R2 consoles take it (a JSON list of rules). */
export function corsRuleJson(origin: string): string {
  const rule = {
    AllowedOrigins: [origin],
    AllowedMethods: [...CORS_METHODS],
    AllowedHeaders: ['*'],
    ExposeHeaders: [...CORS_EXPOSED_HEADERS],
    MaxAgeSeconds: MAX_AGE_SECONDS,
  };
  return JSON.stringify([rule], null, 2);
}

/** The rule as S3's PutBucketCors takes it. */
export function corsRuleXml(origin: string): string {
  const lines = [
    '<CORSConfiguration>',
    '  <CORSRule>',
    `    <AllowedOrigin>${escapeXml(origin)}</AllowedOrigin>`,
    ...CORS_METHODS.map((m) => `    <AllowedMethod>${m}</AllowedMethod>`),
    '    <AllowedHeader>*</AllowedHeader>',
    ...CORS_EXPOSED_HEADERS.map((h) => `    <ExposeHeader>${h}</ExposeHeader>`),
    `    <MaxAgeSeconds>${MAX_AGE_SECONDS}</MaxAgeSeconds>`,
    '  </CORSRule>',
    '</CORSConfiguration>',
  ];
  return lines.join('\n');
}

/** One rule of a bucket's CORS configuration, as read back. */
export interface CorsRule {
  origins: string[];
  methods: string[];
  headers: string[];
  exposed: string[];
}

/**
 * What a bucket's rules still lack for this origin: an empty list means a rule allows it all.
 * Checked rule by rule — the browser uses the first rule that matches the origin.
 */
export function corsGaps(rules: readonly CorsRule[], origin: string): string[] {
  const rule = rules.find((r) => r.origins.some((o) => originMatches(o, origin)));
  if (!rule) return [`no rule allows the origin ${origin}`];
  const gaps: string[] = [];
  const methods = new Set(rule.methods.map((m) => m.toUpperCase()));
  const missing = CORS_METHODS.filter((m) => !methods.has(m));
  if (missing.length > 0) gaps.push(`methods not allowed: ${missing.join(', ')}`);
  if (!rule.headers.includes('*')) gaps.push('not every request header is allowed (use *)');
  if (!rule.exposed.some((h) => h.toLowerCase() === 'etag')) gaps.push('ETag is not exposed');
  return gaps;
}

// S3 allows one "*" wildcard in an AllowedOrigin.
function originMatches(pattern: string, origin: string): boolean {
  if (!pattern.includes('*')) return pattern === origin;
  const [before = '', after = ''] = pattern.split('*', 2);
  return origin.length >= before.length + after.length && origin.startsWith(before) && origin.endsWith(after);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
