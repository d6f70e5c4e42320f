/** The `Process file` view: a brokerage's CSV or Excel file turned into loads on the load API. */
export function ProcessFilePage() {
  return (
    <section className="catalog-section" aria-labelledby="process-heading">
      <h2 id="process-heading">Process file</h2>
      <p className="empty-state">Processing CSV and Excel files is not available in this version yet.</p>
    </section>
  );
}
