import { describeThrown } from '../../core/result';
import type { PutOptions, PutOutcome, StoreResult } from '../../core/team-store/object-store';
import { storeError, type StoreError } from '../../core/team-store/store-errors';
import { partSize, type Part } from './part-source';
import type { S3Requester } from './s3-request';
import { completeMultipartBody, parseCompletedEtag, parseErrorBody, parseUploadId, unquote } from './s3-xml';

/**
 * A multipart upload: start, send each part as it is read, complete — and on any failure abort,
 * so no half-written upload keeps costing storage. The parts already read (`first`) go first,
 * then the rest of the body.
 */
export async function uploadInParts(
  requester: S3Requester,
  name: string,
  first: readonly Part[],
  rest: AsyncIterator<Part>,
  options: PutOptions,
): Promise<StoreResult<PutOutcome>> {
  const contentType = options.contentType ?? 'application/octet-stream';
  const started = await requester.send({
    method: 'POST',
    key: name,
    query: { uploads: '' },
    headers: { 'content-type': contentType },
  });
  if (!started.ok) return started;
  const startText = await started.response.text();
  const uploadId = parseUploadId(startText);
  if (!uploadId)
    return { ok: false, error: storeError('server', `start multipart ${name}: ${startText.slice(0, 200)}`) };

  const etags: string[] = [];
  let size = 0;
  const sendPart = async (part: Part): Promise<StoreResult<void>> => {
    const query = { partNumber: String(etags.length + 1), uploadId };
    const answer = await requester.send({
      method: 'PUT',
      key: name,
      query,
      body: part as BodyInit,
      timeoutMs: 10 * 60_000,
    });
    if (!answer.ok) return answer;
    const etag = unquote(answer.response.headers.get('etag'));
    if (!etag) {
      const why = 'the answer had no readable ETag (the bucket CORS rule must expose ETag)';
      return { ok: false, error: storeError('server', `part ${etags.length + 1} of ${name}: ${why}`) };
    }
    etags.push(etag);
    size += partSize(part);
    return { ok: true, value: undefined };
  };

  const giveUp = async (failure: { ok: false; error: StoreError }) => {
    await rest.return?.(undefined);
    return abort(requester, name, uploadId, failure);
  };
  try {
    for (const part of first) {
      const sent = await sendPart(part);
      if (!sent.ok) return await giveUp(sent);
    }
    for (let next = await rest.next(); !next.done; next = await rest.next()) {
      const sent = await sendPart(next.value);
      if (!sent.ok) return await giveUp(sent);
    }
  } catch (thrown) {
    // Reading the body failed (an encrypting stream upstream gave up): the upload is abandoned.
    const failed = {
      ok: false as const,
      error: storeError('server', `reading the body of ${name}: ${describeThrown(thrown)}`),
    };
    return giveUp(failed);
  }

  const headers: Record<string, string> = { 'content-type': 'application/xml' };
  if (options.ifNoneMatch) headers['if-none-match'] = options.ifNoneMatch;
  const body = completeMultipartBody(etags);
  const done = await requester.send({ method: 'POST', key: name, query: { uploadId }, headers, body });
  if (!done.ok) return abort(requester, name, uploadId, done);
  // S3 may answer 200 and still report a failure in the body.
  const text = await done.response.text();
  const etag = parseCompletedEtag(text);
  if (etag === null) {
    const error = parseErrorBody(text);
    const failed = storeError(
      'server',
      `complete ${name}: ${error ? `${error.code}: ${error.message}` : text.slice(0, 200)}`,
    );
    return abort(requester, name, uploadId, { ok: false, error: failed });
  }
  const versionId = done.response.headers.get('x-amz-version-id');
  const finalEtag = etag || unquote(done.response.headers.get('etag')) || (await etagOf(requester, name));
  return { ok: true, value: { etag: finalEtag, size, ...(versionId && versionId !== 'null' ? { versionId } : {}) } };
}

// Ceph RGW completes with an empty <ETag/>: ask for it instead.
async function etagOf(requester: S3Requester, name: string): Promise<string> {
  const head = await requester.send({ method: 'HEAD', key: name });
  return head.ok ? unquote(head.response.headers.get('etag')) : '';
}

async function abort<T>(
  requester: S3Requester,
  name: string,
  uploadId: string,
  failure: { ok: false; error: T },
): Promise<{ ok: false; error: T }> {
  await requester.send({ method: 'DELETE', key: name, query: { uploadId } });
  return failure;
}
