import { lazy, Suspense } from 'react';

/** The view's code, fetched the first time the view is opened: it stays out of the main bundle. */
const ProcessFileView = lazy(() => import('./process-file-view').then((module) => ({ default: module.ProcessFileView })));

/** The `Process file` view: a brokerage's CSV or Excel file turned into loads on the load API. */
export function ProcessFilePage() {
  return (
    <Suspense fallback={<p className="caption">Loading Process file…</p>}>
      <ProcessFileView />
    </Suspense>
  );
}
