import { useContext, useEffect, useState } from 'react';
import type { AuditEntry } from '../../core/audit/audit-entry';
import { useDatabase } from '../common/database-context';
import { DownloadContext } from '../common/download-context';
import { plural } from '../common/format';
import { Notice, type NoticeContent } from '../common/notice';
import { useApiRead } from '../common/use-api-read';
import { useDebounced } from '../common/use-debounced';
import { AuditFilterForm } from './audit-filter-form';
import { auditQueryOf, NO_AUDIT_FILTERS, type AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';

const PAGE = 50;

/**
 * `<section aria-label="Audit trail">`: every backup, restore, undo, snapshot, retention deletion,
 * check, drill, lock event and settings change, with who and when — filtered, a page at a time,
 * and `Export CSV` (ff2api_audit_YYYYMMDD_HHMMSS.csv). Read-only: nothing here changes an entry.
 */
export function AuditTrailSection() {
  const { api, revision } = useDatabase();
  const download = useContext(DownloadContext);
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  const query = auditQueryOf(useDebounced(filters, 250));
  const queryKey = JSON.stringify(query);
  const [pages, setPages] = useState<{ entries: AuditEntry[]; total: number; next: number | null } | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const { data: people } = useApiRead((db) => db.listAuditPeople(), []);

  useEffect(() => {
    let isCurrent = true;
    void api.listAuditTrail(JSON.parse(queryKey) as typeof query, { limit: PAGE }).then((page) => {
      if (isCurrent) setPages({ entries: page.entries, total: page.total, next: page.nextBeforeId });
    });
    return () => {
      isCurrent = false;
    };
    // The query is compared by its text: a new object with the same filters is the same query.
  }, [api, revision, queryKey]);

  async function showOlder() {
    if (!pages || pages.next === null) return;
    const page = await api.listAuditTrail(query, { limit: PAGE, beforeId: pages.next });
    setPages({ entries: [...pages.entries, ...page.entries], total: page.total, next: page.nextBeforeId });
  }

  async function exportCsv() {
    const exported = await api.exportAuditTrail(query);
    if (!exported.ok) return setNotice({ kind: 'error', text: exported.error.message });
    const { blob, fileName, count } = exported.value;
    const handed = await download(blob, fileName);
    if (!handed.ok) return setNotice({ kind: 'error', text: handed.error.message });
    setNotice({ kind: 'success', text: `Exported ${plural(count, 'entry', 'entries')} as ${fileName}.` });
  }

  return (
    <section aria-label="Audit trail" className="catalog-section backups-section">
      <h2>Audit trail</h2>
      <p className="caption">
        What was done to the data and its backups in this browser, by whom and when — and the entries restored files
        brought with them. Entries cannot be changed or deleted.
      </p>
      <AuditFilterForm filters={filters} people={people ?? []} onChange={setFilters} />
      <div className="button-row">
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </div>
      {notice ? <Notice notice={notice} takesFocus /> : null}
      {pages === null ? (
        <p role="status">Reading the audit trail…</p>
      ) : (
        <>
          <p className="caption" aria-live="polite">
            {pages.entries.length < pages.total
              ? `Showing the newest ${plural(pages.entries.length, 'entry', 'entries')} of ${pages.total}.`
              : `${plural(pages.total, 'entry', 'entries')}.`}
          </p>
          <AuditTable entries={pages.entries} />
          {pages.next !== null ? (
            <button type="button" onClick={() => void showOlder()}>
              Show older entries
            </button>
          ) : null}
        </>
      )}
    </section>
  );
}
