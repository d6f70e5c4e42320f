/** The `Backups` view: snapshots kept in this browser, the backup folder and backup health. */
export function BackupsPage() {
  return (
    <section className="catalog-section" aria-labelledby="backups-heading">
      <h2 id="backups-heading">Backups</h2>
      <p className="empty-state">Automatic snapshots are not available in this version yet. Use Download backup in the sidebar.</p>
    </section>
  );
}
