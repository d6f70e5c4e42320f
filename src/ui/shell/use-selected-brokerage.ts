import { useCallback, useState } from 'react';

/** The chosen brokerage's id, remembered in this browser (localStorage: a preference) so a reload keeps it. */
const STORAGE_KEY = 'ff2api-web.selected-brokerage';

/** The selected brokerage id and its setter; the id (not the name) follows a rename. */
export function useSelectedBrokerage(): [number | null, (id: number | null) => void] {
  const [selectedId, setSelectedId] = useState<number | null>(readStored);
  const select = useCallback((id: number | null) => {
    setSelectedId(id);
    try {
      if (id === null) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, String(id));
    } catch {
      // Storage blocked: the choice holds for this tab.
    }
  }, []);
  return [selectedId, select];
}

function readStored(): number | null {
  try {
    const value = Number(localStorage.getItem(STORAGE_KEY));
    return Number.isInteger(value) && value > 0 ? value : null;
  } catch {
    return null;
  }
}
