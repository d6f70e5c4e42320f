import type { RestoreStepProps } from '../common/restore-step';
import { describeRestored, RestoreConfirmForm } from './restore-confirm-form';

/** The usual restore form for an already previewed snapshot or folder file (ui/common/restore-step.ts). */
export function RestoreStep({ preview, name, onCancel, onDone }: RestoreStepProps) {
  return (
    <RestoreConfirmForm
      preview={preview}
      onCancel={onCancel}
      onDone={(outcome) => onDone(describeRestored(outcome, name))}
    />
  );
}
