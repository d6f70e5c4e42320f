import { useEffect, useRef, useState } from 'react';
import { Notice, type NoticeProps } from './notice';

/** How long a success stays in the sidebar before it folds into Recent activity. */
export const FOLD_AFTER_MS = 45_000;

/**
 * A result shown where the user acted (and taking the focus, when asked): a success folds away
 * after a while — what it said is an entry under Recent activity and in the audit trail — so the
 * sidebar does not pile up a day's worth of green boxes. A failure stays until the next try.
 * `keeps`: a success that must stay in sight (it lists repairs made to a file, for instance).
 */
export function FoldingNotice({ keeps = false, ...props }: NoticeProps & { keeps?: boolean }) {
  const [isFolded, setFolded] = useState(false);
  const holder = useRef<HTMLDivElement>(null);
  const { notice } = props;
  useEffect(() => {
    setFolded(false);
    if (notice.kind !== 'success' || keeps) return;
    const timer = setTimeout(() => {
      handFocusOn(holder.current);
      setFolded(true);
    }, FOLD_AFTER_MS);
    return () => clearTimeout(timer);
  }, [notice, keeps]);
  if (isFolded) return null;
  return (
    <div ref={holder} className="folding-notice">
      <Notice {...props} />
    </div>
  );
}

/** A keyboard user reading the notice keeps their place: the focus moves to its section's heading. */
function handFocusOn(holder: HTMLElement | null): void {
  if (!holder || !holder.contains(document.activeElement)) return;
  const heading = holder.closest('section')?.querySelector<HTMLElement>('h2, h3, h4');
  if (!heading) return;
  heading.tabIndex = -1;
  heading.focus({ preventScroll: true });
}
