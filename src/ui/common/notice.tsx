import { useEffect, useRef, type ReactNode } from 'react';

/** A result message: success is a polite status, failure an assertive alert (docs/design.md UI contract). */
export interface NoticeContent {
  kind: 'success' | 'error' | 'info';
  text: string;
  detail?: string;
}

export interface NoticeProps {
  notice: NoticeContent;
  /** Move keyboard focus here when the notice appears (the result of what the user just did). */
  takesFocus?: boolean;
  children?: ReactNode;
}

/** Renders a notice with the right live-region role and the Streamlit alert look. */
export function Notice({ notice, takesFocus = false, children }: NoticeProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new result takes focus, so keyboard users land on it instead of on <body>.
    if (takesFocus) focusAndReveal(ref.current);
  }, [notice, takesFocus]);
  return (
    <div
      ref={ref}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      className={`notice notice-${notice.kind}`}
      tabIndex={takesFocus ? -1 : undefined}
    >
      <p>{notice.text}</p>
      {notice.detail ? (
        <details>
          <summary>Technical details</summary>
          <code>{notice.detail}</code>
        </details>
      ) : null}
      {children}
    </div>
  );
}

/**
 * Focuses an element and scrolls it into view: only as far as needed for a message, to the top
 * (`block: 'start'`) for the heading of what follows it, such as a restore preview.
 */
export function focusAndReveal(element: HTMLElement | null, block: ScrollLogicalPosition = 'nearest'): void {
  if (!element) return;
  element.focus({ preventScroll: true });
  element.scrollIntoView?.({ block, behavior: 'smooth' });
}
