import { Component, useContext, useState, type ReactNode } from 'react';
import type { DatabaseApi } from '../../worker/api';
import { DownloadContext } from '../common/download-context';

const MESSAGES = {
  heading: 'Something went wrong on this screen',
  body: 'A part of the page failed to draw. Your data is not affected: it is kept in this browser’s storage, where the database engine runs apart from this screen. Download a backup of it now, then reload the page.',
  failed: 'The backup could not be made either. Reload the page; your saved data is still in this browser.',
};

/**
 * Catches an error anywhere in the page's React tree and shows an error screen instead of a
 * blank page — one that can still download the stored database as a normal backup file, since
 * the database lives in the worker, which a rendering error does not reach.
 */
export class AppErrorBoundary extends Component<{ api: DatabaseApi; children: ReactNode }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    return <ErrorScreen api={this.props.api} error={this.state.error} />;
  }
}

/** The error screen: what happened, that the data is safe, and `Download backup`. */
function ErrorScreen({ api, error }: { api: DatabaseApi; error: Error }) {
  const download = useContext(DownloadContext);
  const [state, setState] = useState<
    { kind: 'idle' | 'busy' } | { kind: 'done'; fileName: string } | { kind: 'failed'; detail: string }
  >({ kind: 'idle' });

  async function downloadBackup() {
    setState({ kind: 'busy' });
    try {
      const built = await api.createBackup({ trigger: 'emergency', secrets: 'plain' });
      if (!built.ok) return setState({ kind: 'failed', detail: built.error.message });
      const handed = await download(built.value.blob, built.value.fileName);
      if (!handed.ok) return setState({ kind: 'failed', detail: handed.error.message });
      await api.confirmBackupSaved(built.value.receipt);
      setState({ kind: 'done', fileName: built.value.fileName });
    } catch (thrown) {
      setState({ kind: 'failed', detail: String(thrown) });
    }
  }

  return (
    <main className="main error-screen">
      <h1>{MESSAGES.heading}</h1>
      <p role="alert">{MESSAGES.body}</p>
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={state.kind === 'busy'}
          onClick={() => void downloadBackup()}
        >
          Download backup
        </button>
        <button type="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
      {state.kind === 'done' ? (
        <p role="status">Backup ready: {state.fileName}. Keep it in the team’s folder, then reload the page.</p>
      ) : null}
      {state.kind === 'failed' ? (
        <p role="alert">
          {MESSAGES.failed} ({state.detail})
        </p>
      ) : null}
      <details>
        <summary>Details for a developer</summary>
        <pre>{error.message}</pre>
      </details>
    </main>
  );
}
