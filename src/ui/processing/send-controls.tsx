import { useId } from 'react';

/** Concurrency (1–8, default 4) and `Process data`, or why it cannot be pressed yet. */
export function SendControls({
  concurrency,
  onConcurrency,
  onProcess,
  isBusy,
  count,
  blockedReason,
}: {
  concurrency: number;
  onConcurrency: (value: number) => void;
  onProcess: () => void;
  isBusy: boolean;
  count: number;
  /** Why nothing may be sent yet (already processed, another run going on), or null. */
  blockedReason: string | null;
}) {
  const id = useId();
  return (
    <div className="card send-controls">
      <div className="field">
        <label htmlFor={id}>Loads sent at once</label>
        <select id={id} value={concurrency} onChange={(event) => onConcurrency(Number(event.target.value))}>
          {[1, 2, 3, 4, 5, 6, 7, 8].map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="primary" disabled={isBusy || blockedReason !== null} onClick={onProcess}>
        Process data
      </button>
      <p className="caption">
        {blockedReason ?? `Sends ${count === 1 ? '1 load' : `${count.toLocaleString('en-US')} loads`} to the load API.`}
      </p>
    </div>
  );
}
