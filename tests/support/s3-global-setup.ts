import type { TestProject } from 'vitest/node';
import { startS3Server, stopS3Server, type S3ServerDetails } from '../../scripts/s3-server.mjs';

/**
 * Vitest global setup of the `store` project: the real S3 server (Ceph RGW) for the tests that
 * talk to one, started once for the run and stopped after only when this run started it.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const { details, startedHere, seconds } = await startS3Server({ quiet: true });
  project.provide('s3', details);
  const how = startedHere ? `started in ${seconds.toFixed(1)} s` : 'already running';
  console.log(`Test S3 server (Ceph RGW) at ${details.S3_ENDPOINT}: ${how}`);
  return () => {
    stopS3Server();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    s3: S3ServerDetails;
  }
}
