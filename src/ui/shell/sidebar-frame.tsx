import { useId, useState, type ReactNode } from 'react';
import { useMediaQuery } from '../common/use-media-query';

/** Where the sidebar folds away (app.css uses the same width), and where it starts folded. */
const COLLAPSIBLE_QUERY = '(max-width: 899px)';
const FOLDED_AT_START_QUERY = '(max-width: 599px)';

/**
 * The sidebar's frame: `<aside aria-label="Database management">`, its heading and, under 900 px,
 * a toggle (`aria-expanded`) that folds the sections away, as Streamlit's sidebar does. On a phone
 * it starts folded so the page comes first; folded, a one-line summary keeps the levels in sight
 * (a health that is not Good included). Folded sections stay mounted (hidden by CSS), so a
 * restore in progress keeps its state.
 */
export function SidebarFrame({
  summary,
  summaryTone = 'Good',
  children,
}: {
  summary?: string;
  /** A health that is not Good shows in the folded summary's colour too. */
  summaryTone?: 'Good' | 'Warning' | 'Critical';
  children: ReactNode;
}) {
  const isCollapsible = useMediaQuery(COLLAPSIBLE_QUERY);
  const isPhone = useMediaQuery(FOLDED_AT_START_QUERY);
  const [choice, setChoice] = useState<boolean | null>(null);
  const bodyId = useId();
  const isExpanded = !isCollapsible || (choice ?? !isPhone);
  return (
    <aside aria-label="Database management" className={`sidebar${isExpanded ? '' : ' is-collapsed'}`}>
      {isCollapsible ? (
        // The accordion pattern: the heading holds the toggle, whose name stays "Database Management".
        <h2 className="sidebar-head">
          <button
            type="button"
            className="sidebar-toggle"
            aria-expanded={isExpanded}
            aria-controls={bodyId}
            onClick={() => setChoice(!isExpanded)}
          >
            <span aria-hidden="true" className="sidebar-toggle-icon">
              {isExpanded ? '▾' : '▸'}
            </span>{' '}
            Database Management
          </button>
        </h2>
      ) : (
        <h2 className="sidebar-head">Database Management</h2>
      )}
      {/* Folded, the levels stay in sight: a dispatcher on a phone still sees "Critical risk". */}
      {!isExpanded && summary ? <p className={`sidebar-summary health-${summaryTone}`}>{summary}</p> : null}
      <div className="sidebar-body" id={bodyId}>
        {children}
      </div>
    </aside>
  );
}
