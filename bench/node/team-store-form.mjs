// Team → Team store in the built app, as a person fills it: the MinIO / Ceph preset, the local S3
// server's details, this browser's and the person's names, the passphrase; creating the team
// (passphrase twice, the recovery key acknowledged) or joining it. Not measured by the benches.

export const BENCH_PASSPHRASE = 'bench team passphrase, not a real one';

/** Options: url (the built app), s3 (the server's details), prefix, who (the person), create (or join). */
export async function connectStore(page, { url, s3, prefix, who, create }) {
  await page.goto(`${url}#/team`);
  const form = page.getByRole('region', { name: 'Team store', exact: true });
  await form.getByLabel('Provider', { exact: true }).selectOption({ label: 'MinIO / Ceph' });
  await form.getByLabel('Endpoint', { exact: true }).fill(s3.S3_ENDPOINT);
  await form.getByLabel('Region', { exact: true }).fill(s3.S3_REGION);
  await form.getByLabel('Bucket', { exact: true }).fill(s3.S3_BUCKET);
  await form.getByLabel('Prefix', { exact: true }).fill(prefix);
  await form.getByLabel('Access key ID', { exact: true }).fill(s3.S3_ACCESS_KEY);
  await form.getByLabel('Secret access key', { exact: true }).fill(s3.S3_SECRET_KEY);
  await form.getByLabel("This browser's name", { exact: true }).fill(`${who}'s laptop`);
  await form.getByLabel('Your name', { exact: true }).fill(who);
  await form.getByLabel('Team passphrase', { exact: true }).fill(BENCH_PASSPHRASE);
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  if (!create) return;
  await form.getByLabel('Confirm team passphrase', { exact: true }).fill(BENCH_PASSPHRASE, { timeout: 60_000 });
  await form.getByRole('button', { name: 'Connect', exact: true }).click();
  await page.getByRole('button', { name: 'I have kept it safe' }).click({ timeout: 60_000 });
}
