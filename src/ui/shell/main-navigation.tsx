import { MAIN_VIEWS, type MainViewId } from './main-views';

/** The main area's navigation: one link per view, the current one marked for assistive tech. */
export function MainNavigation({ current }: { current: MainViewId }) {
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {MAIN_VIEWS.map((view) => (
          <li key={view.id}>
            <a href={view.hash} aria-current={view.id === current ? 'page' : undefined}>
              {view.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
