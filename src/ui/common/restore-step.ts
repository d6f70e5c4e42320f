import type { ComponentType } from 'react';
import type { RestorePreview } from '../../worker/restore/restore-types';

/**
 * The restore step for something already previewed (a snapshot, the latest file of the backup
 * folder): the restore feature provides it (restore/restore-step.tsx), and the views that find
 * what to restore receive it from the shell, so no feature reaches into another.
 */
export interface RestoreStepProps {
  preview: RestorePreview;
  /** How the restored thing is named in the success message ("the snapshot of …", "daily/…json"). */
  name: string;
  onCancel: () => void;
  /** Called after a restore, with the success words to show. */
  onDone: (successText: string) => void;
}

export type RestoreStep = ComponentType<RestoreStepProps>;
