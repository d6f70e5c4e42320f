import type { HealthAction } from '../../core/snapshots/health';
import { useBackups } from '../common/backups-context';
import { focusAndReveal } from '../common/notice';
import { openRestoreInput } from './open-restore-input';

/** The label of the control each action leads to (the same words the control itself carries). */
const LABELS: Record<HealthAction, string> = {
  'download-backup': 'Download backup',
  'run-drill': 'Run a drill',
  'take-snapshot': 'Take snapshot now',
  'reconnect-folder': 'Reconnect backup folder',
  'restore-from-backup': 'Restore from backup',
  'free-storage': 'Open snapshots',
};

/**
 * The button next to a health finding: it does what clears the finding, or takes the user to the
 * control that does (the sidebar's `Download backup`, the Drills section's `Run a drill` …), with
 * the focus on it — one flow for each action, never a second copy of it.
 */
export function HealthActionButton({ action }: { action: HealthAction }) {
  const { folder, refresh } = useBackups();
  const onClick = () => {
    if (action === 'reconnect-folder') return void folder.reconnect().then(() => refresh());
    if (action === 'restore-from-backup') return openRestoreInput();
    const target = action === 'free-storage' ? 'Take snapshot now' : LABELS[action];
    focusAndReveal(findButton(target), 'center');
  };
  return (
    <button type="button" className="health-action" onClick={onClick}>
      {LABELS[action]}
    </button>
  );
}

/** The page's button named `name` other than the finding's own (the sidebar's, or a section's). */
function findButton(name: string): HTMLElement | null {
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('button:not(.health-action)'));
  return buttons.find((button) => button.textContent?.trim() === name) ?? null;
}
