import type { CheckStatus, CheckStepId } from '../../platform/team-store/connection-check';
import type { ConnectionTest } from '../../worker/team-store/team-store-types';
import { CopyTextButton } from './copy-text-button';

const STEP_NAMES: Record<CheckStepId, string> = {
  reach: 'Reach the store',
  signature: 'Key and clock',
  cors: 'CORS rule for this app',
  list: 'List',
  write: 'Write a test object',
  read: 'Read it back',
  conditional: 'Create-only writes',
  delete: 'Delete it',
  protection: 'Versioning and Object Lock',
};

const STATUS_WORDS: Record<CheckStatus, string> = {
  ok: 'OK',
  warning: 'Note',
  failed: 'Failed',
  skipped: 'Not checked',
};

const TEAM_WORDS: Record<ConnectionTest['team'], string> = {
  exists: 'A team already uses this prefix: Connect joins it with the team passphrase (or the recovery key).',
  none: 'No team uses this prefix yet: Connect creates one, and you will type its passphrase twice.',
  unknown: '',
};

/**
 * What `Test connection` (or `Connect`) found, step by step in plain words with what to do, and
 * the exact CORS rule to paste for this app's origin — open when the rule is what failed.
 */
export function CheckReport({ test }: { test: ConnectionTest }) {
  const { report } = test;
  const corsStep = report.steps.find((step) => step.id === 'cors');
  const needsRule = corsStep !== undefined && corsStep.status !== 'ok';
  return (
    <div className="check-report">
      <h3>Connection check: {report.ok ? 'passed' : 'failed'}</h3>
      <ol className="check-steps">
        {report.steps.map((step) => (
          <li key={step.id} className={`check-${step.status}`}>
            <strong>
              {STATUS_WORDS[step.status]} — {STEP_NAMES[step.id]}:
            </strong>{' '}
            {step.message}
            {step.detail ? (
              <details>
                <summary>Technical details</summary>
                <code>{step.detail}</code>
              </details>
            ) : null}
          </li>
        ))}
      </ol>
      {report.ok && TEAM_WORDS[test.team] ? <p>{TEAM_WORDS[test.team]}</p> : null}
      {/* A shared folder has no CORS rule: its check leaves the rule empty. */}
      {report.corsRule.json === '' ? null : (
        <details className="cors-rule" open={needsRule}>
          <summary>The bucket’s CORS rule for this app ({window.location.origin})</summary>
          <p>For the AWS S3 console (Permissions → CORS) or Cloudflare R2 (Settings → CORS policy), as JSON:</p>
          <pre>{report.corsRule.json}</pre>
          <CopyTextButton text={report.corsRule.json} label="Copy the CORS rule (JSON)" />
          <p>For MinIO, Ceph, Backblaze B2 or Wasabi tools (PutBucketCors), as XML:</p>
          <pre>{report.corsRule.xml}</pre>
          <CopyTextButton text={report.corsRule.xml} label="Copy the CORS rule (XML)" />
        </details>
      )}
    </div>
  );
}
