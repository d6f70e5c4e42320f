import { useCallback, useEffect, useRef, useState } from 'react';

/** How long the mapping waits after the last change before it is saved. */
export const SAVE_DELAY_MS = 800;

/**
 * Saves a value a moment after its last change (one save, one change-log row, per pause — not per
 * keystroke); `flush` saves at once what is pending (before validating, when leaving).
 */
export function useDebouncedSave<T>(save: (value: T) => Promise<boolean>) {
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<number | null>(null);
  const running = useRef<Promise<boolean>>(Promise.resolve(true));
  const [isSaving, setSaving] = useState(false);
  const saveRef = useRef(save);
  saveRef.current = save;

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    const next = pending.current;
    pending.current = null;
    const previous = await running.current;
    if (!next) return previous;
    setSaving(true);
    running.current = saveRef.current(next.value).finally(() => setSaving(false));
    return running.current;
  }, []);

  const schedule = useCallback(
    (value: T) => {
      pending.current = { value };
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  // Leaving the step saves what was typed.
  useEffect(() => () => void flush(), [flush]);

  return { schedule, flush, isSaving, hasPending: () => pending.current !== null };
}
