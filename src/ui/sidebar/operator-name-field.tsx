import { useEffect, useState } from 'react';
import { useDatabase } from '../database-context';

const STORAGE_KEY = 'ff2api-web.operator-name';

/** "Your name", remembered in this browser, so the activity log says who backed up or restored. */
export function OperatorNameField() {
  const { api } = useDatabase();
  const [name, setName] = useState(readStoredName);
  useEffect(() => {
    void api.setOperatorName(name);
    try {
      localStorage.setItem(STORAGE_KEY, name);
    } catch {
      // Storage blocked: the name still applies to this tab.
    }
  }, [api, name]);
  return (
    <div className="field">
      <label htmlFor="operator-name">Your name (for the activity log)</label>
      <input id="operator-name" value={name} maxLength={60} autoComplete="name" onChange={(e) => setName(e.target.value)} />
    </div>
  );
}

function readStoredName(): string {
  try {
    return localStorage.getItem(STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}
