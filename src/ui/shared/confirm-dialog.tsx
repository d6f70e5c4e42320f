import * as AlertDialog from '@radix-ui/react-alert-dialog';
import type { ReactNode } from 'react';

export interface ConfirmDialogProps {
  /** Visible text of the button that opens the dialog. */
  trigger: ReactNode;
  /** Accessible name of that button when its text alone is ambiguous (e.g. "Delete “X”…"). */
  triggerLabel?: string;
  title: string;
  /** What will happen, in plain words. */
  description: string;
  confirmLabel: string;
  disabled?: boolean;
  onConfirm: () => void;
}

/**
 * A modal confirmation for destructive actions (Radix alert dialog: focus moves into it, Tab
 * stays inside, Escape or Cancel closes it, focus returns to the trigger). Cancel has the
 * initial focus, so Enter never deletes by accident.
 */
export function ConfirmDialog({ trigger, triggerLabel, title, description, confirmLabel, disabled, onConfirm }: ConfirmDialogProps) {
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <button type="button" className="danger-outline" aria-label={triggerLabel} disabled={disabled}>
          {trigger}
        </button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="dialog-overlay" />
        <AlertDialog.Content className="dialog-content">
          <AlertDialog.Title className="dialog-title">{title}</AlertDialog.Title>
          <AlertDialog.Description className="dialog-description">{description}</AlertDialog.Description>
          <div className="button-row dialog-buttons">
            <AlertDialog.Cancel asChild>
              <button type="button">Cancel</button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <button type="button" className="danger" onClick={onConfirm}>
                {confirmLabel}
              </button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
