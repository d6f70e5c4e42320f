import { corsGaps } from '../../core/team-store/cors-rule';
import type { S3Requester } from './s3-request';
import { parseCorsConfiguration } from './s3-xml';

/**
 * Outside a browser nothing enforces CORS, so the rule is read from the bucket (GetBucketCors)
 * and compared with what this app's page will need. A key that may not read it gets a warning:
 * the page itself will show whether the rule works.
 */
export async function checkCorsRule(
  requester: S3Requester,
  origin: string,
): Promise<{ status: 'ok' | 'warning' | 'failed'; message: string }> {
  const answer = await requester.send({ method: 'GET', query: { cors: '' } });
  if (!answer.ok) {
    if (answer.error.code === 'not-found') {
      return {
        status: 'failed',
        message: `The bucket has no CORS rule, so the app's page (${origin}) cannot use it. Add the rule below.`,
      };
    }
    return {
      status: 'warning',
      message: "This key may not read the bucket's CORS rule; the app's page will show whether it works.",
    };
  }
  const rules = parseCorsConfiguration(await answer.response.text());
  if (rules === null) return { status: 'warning', message: "The bucket's CORS rule could not be read." };
  const gaps = corsGaps(rules, origin);
  if (gaps.length === 0)
    return { status: 'ok', message: `The bucket's CORS rule lets the app's page (${origin}) call it.` };
  return {
    status: 'failed',
    message: `The bucket's CORS rule does not fit the app: ${gaps.join('; ')}. Replace it with the rule below.`,
  };
}
