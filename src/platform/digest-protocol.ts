/** The messages between a digest helper worker and the thread that feeds it (platform/digest-worker.ts). */
export type DigestRequest =
  | { job: number; kind: 'update'; piece: Uint8Array }
  | { job: number; kind: 'digest' }
  | { job: number; kind: 'cancel' };

export interface DigestReply {
  job: number;
  digest: Uint8Array;
}
