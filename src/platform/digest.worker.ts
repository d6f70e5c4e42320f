/// <reference lib="webworker" />
/**
 * The digest helper (platform/digest-worker.ts): incremental SHA-256 of text pieces that a
 * backup or a restore hands over as it produces them, one job per checksum, on a core of its own.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import type { DigestReply, DigestRequest } from './digest-protocol';

const jobs = new Map<number, ReturnType<typeof sha256.create>>();

self.onmessage = (event: MessageEvent<DigestRequest>) => {
  const request = event.data;
  if (request.kind === 'cancel') {
    jobs.delete(request.job);
    return;
  }
  let hash = jobs.get(request.job);
  if (!hash) {
    hash = sha256.create();
    jobs.set(request.job, hash);
  }
  if (request.kind === 'update') {
    hash.update(request.piece);
    return;
  }
  jobs.delete(request.job);
  const reply: DigestReply = { job: request.job, digest: hash.digest() };
  self.postMessage(reply);
};
