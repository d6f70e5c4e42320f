import type { ReactNode } from 'react';

/** A result message: success is a polite status, failure an assertive alert (DESIGN.md UI contract). */
export interface NoticeContent {
  kind: 'success' | 'error' | 'info';
  text: string;
  detail?: string;
}

/** Renders a notice with the right live-region role and the Streamlit alert look. */
export function Notice({ notice, children }: { notice: NoticeContent; children?: ReactNode }) {
  return (
    <div role={notice.kind === 'error' ? 'alert' : 'status'} className={`notice notice-${notice.kind}`}>
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
