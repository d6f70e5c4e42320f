import { startS3Server, stopS3Server } from '../../scripts/s3-server.mjs';

/**
 * Playwright global setup: the real S3 server (Ceph RGW) for the browser tests of the team store.
 * Its details land in process.env (S3_ENDPOINT, S3_BUCKET, …), which Playwright's workers inherit.
 * The returned function is the teardown: it stops the server only when this run started it.
 */
export default async function globalSetup(): Promise<() => void> {
  const { details, startedHere, seconds } = await startS3Server({ quiet: true });
  const how = startedHere ? `started in ${seconds.toFixed(1)} s` : 'already running';
  console.log(`Test S3 server (Ceph RGW) at ${details.S3_ENDPOINT}: ${how}`);
  return () => {
    stopS3Server();
  };
}
