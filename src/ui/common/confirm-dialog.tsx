import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

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
 * A modal confirmation for destructive actions, on the browser's own `<dialog>`: `showModal()`
 * makes the rest of the page inert and keeps Tab inside, Escape closes it, and focus goes back to
 * the trigger. Cancel has the initial focus, so Enter never deletes by accident. (A native dialog
 * instead of a dialog library saves about 15 kB of gzipped JavaScript.)
 */
export function ConfirmDialog({
  trigger,
  triggerLabel,
  title,
  description,
  confirmLabel,
  disabled,
  onConfirm,
}: ConfirmDialogProps) {
  const [isOpen, setOpen] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    triggerRef.current?.focus();
  };
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="danger-outline"
        aria-label={triggerLabel}
        disabled={disabled}
        onClick={() => setOpen(true)}
      >
        {trigger}
      </button>
      {isOpen ? (
        <ModalDialog title={title} description={description} onCancel={close}>
          <button type="button" autoFocus onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              close();
              onConfirm();
            }}
          >
            {confirmLabel}
          </button>
        </ModalDialog>
      ) : null}
    </>
  );
}

/** The open `<dialog>` itself, shown modally while mounted. */
function ModalDialog({
  title,
  description,
  onCancel,
  children,
}: {
  title: string;
  description: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-modal="true"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      className="dialog-content"
      onCancel={(event) => {
        // Escape: close through React state rather than letting the browser close it alone.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <p id={descriptionId} className="dialog-description">
        {description}
      </p>
      <div className="button-row dialog-buttons">{children}</div>
    </dialog>
  );
}
