import { useId, useState } from 'react';
import type { DrillOrigin } from '../../core/drills/drill-types';
import { useBackups } from '../common/backups-context';
import { Notice } from '../common/notice';
import { PastDrills } from './past-drills';
import { RecoveryTargetField } from './recovery-target-field';
import { useDrill } from './use-drill';

/**
 * `<section aria-label="Drills">`: the monthly test restore and the quarterly drill as one
 * procedure — `Run a drill` picks a recent backup at random, restores it apart from the data,
 * compares and times it against the recovery-time target, and records the result; the result
 * appears here and takes the focus; past drills are listed below.
 */
export function DrillsSection() {
  const { folder, overview } = useBackups();
  const { run, running, result } = useDrill();
  const [from, setFrom] = useState<DrillOrigin | 'any'>('any');
  const fromId = useId();
  return (
    <section aria-label="Drills" className="catalog-section backups-section">
      <h2>Drills</h2>
      <p className="caption">
        Once a month (backup health reminds you): a recent backup is picked at random, restored apart from your data,
        compared with it and timed against the recovery-time target. Your data is not touched.
      </p>
      <div className="drill-controls">
        <RecoveryTargetField />
        <div className="field">
          <label htmlFor={fromId}>Pick from</label>
          <select id={fromId} value={from} onChange={(e) => setFrom(e.target.value as DrillOrigin | 'any')}>
            <option value="any">Every location (at random)</option>
            <option value="snapshot">The snapshots in this browser</option>
            {folder.handle ? <option value="folder">The backup folder</option> : null}
            {overview?.store ? <option value="store">The team store</option> : null}
          </select>
        </div>
        <button
          type="button"
          className="primary"
          aria-disabled={running !== null}
          onClick={() => void (running ? null : run(from))}
        >
          Run a drill
        </button>
      </div>
      {running ? <p role="status">{running}</p> : null}
      {result ? (
        <Notice notice={result.notice} takesFocus>
          {result.outcome && result.outcome.notes.length > 1 ? (
            <ul className="drill-notes">
              {result.outcome.notes.slice(1).map((note) => (
                <li key={note}>{note}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      ) : null}
      <PastDrills />
    </section>
  );
}
