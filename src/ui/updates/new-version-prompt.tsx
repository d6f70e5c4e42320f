import { useState } from 'react';
import { useDatabase } from '../common/database-context';
import { useAppUpdates } from './app-updates';

const MESSAGE =
  'A new version of FF2API Web is installed. Reload when you are ready: everything saved stays in this browser.';

/** "A new version is installed" with `Reload`; the page never reloads by itself. */
export function NewVersionPrompt() {
  const { api } = useDatabase();
  const { state, reload } = useAppUpdates();
  const [isReloading, setReloading] = useState(false);
  if (state !== 'ready') return null;
  return (
    <section className="update-banner" aria-label="New version">
      <p role="status">{MESSAGE}</p>
      <button
        type="button"
        className="primary"
        disabled={isReloading}
        onClick={() => {
          setReloading(true);
          // Whatever is pending reaches IndexedDB before the page goes.
          void api.flush().finally(() => void reload());
        }}
      >
        Reload
      </button>
    </section>
  );
}
