import { useEffect, useState } from 'react';
import { useDatabase } from '../shared/database-context';
import { readOperatorName, storeOperatorName } from '../shared/operator-name';

/** "Your name", remembered in this browser, so the activity log says who backed up or restored. */
export function OperatorNameField() {
  const { api } = useDatabase();
  const [name, setName] = useState(readOperatorName);
  useEffect(() => {
    void api.setOperatorName(name);
    storeOperatorName(name);
  }, [api, name]);
  return (
    <div className="field">
      <label htmlFor="operator-name">Your name (for the activity log)</label>
      <input
        id="operator-name"
        value={name}
        maxLength={60}
        autoComplete="name"
        onChange={(e) => setName(e.target.value)}
      />
    </div>
  );
}
