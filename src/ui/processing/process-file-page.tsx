import { lazyPanel } from '../common/lazy-panel';

/** The view's code, fetched the first time the view is opened: it stays out of the main bundle. */
const ProcessFileView = lazyPanel(() => import('./process-file-view').then((module) => module.ProcessFileView));

/** The `Process file` view: a brokerage's CSV or Excel file turned into loads on the load API. */
export function ProcessFilePage() {
  return <ProcessFileView />;
}
