import { useState } from 'react';
import type { ConfigurationDraft } from './configuration-draft';
import { useDatabase } from '../common/database-context';

/**
 * `Test connection` on a configuration's form: checks the typed credentials (or the stored ones
 * when the field is left blank, only while the base URL keeps the origin they were saved with)
 * against the API base URL, in the worker. Nothing of the form is saved; what it finds out about
 * the Idempotency-Key header is remembered for a saved configuration.
 */
export function TestConnection({
  draft,
  brokerageName,
  configurationId,
}: {
  draft: ConfigurationDraft;
  brokerageName: string;
  configurationId: number | null;
}) {
  const { api, notifyChanged } = useDatabase();
  const [result, setResult] = useState<{ ok: boolean; message: string } | null>(null);
  const [isTesting, setTesting] = useState(false);
  const test = async () => {
    setTesting(true);
    setResult(null);
    try {
      const checked = await api.testConnection({
        configurationId,
        brokerageName,
        authType: draft.authType,
        baseUrl: draft.baseUrl,
        apiKey: draft.apiKey,
        bearerToken: draft.bearerToken,
      });
      setResult(checked);
      // What it found out about the Idempotency-Key header is remembered: the configuration shows it.
      if (checked.idempotencyKey) await notifyChanged();
    } finally {
      setTesting(false);
    }
  };
  return (
    <div className="test-connection">
      <button type="button" disabled={isTesting} onClick={() => void test()}>
        {isTesting ? 'Testing…' : 'Test connection'}
      </button>
      {result ? (
        <p role={result.ok ? 'status' : 'alert'} className={`notice ${result.ok ? 'notice-success' : 'notice-error'}`}>
          {result.message}
        </p>
      ) : null}
    </div>
  );
}
