import { useEffect, useState } from 'react';

/**
 * The main area's views and the hash route of each (`#/history`), so a reload, a bookmark and
 * the browser's Back button keep the view a user chose. Plain links: no router library needed
 * for a few fixed views.
 */
export const MAIN_VIEWS = [
  { id: 'brokerages', label: 'Brokerages', hash: '#/brokerages' },
  { id: 'history', label: 'Upload history', hash: '#/history' },
  { id: 'process', label: 'Process file', hash: '#/process' },
  { id: 'backups', label: 'Backups', hash: '#/backups' },
  { id: 'team', label: 'Team', hash: '#/team' },
] as const;

export type MainViewId = (typeof MAIN_VIEWS)[number]['id'];

const DEFAULT_VIEW: MainViewId = 'brokerages';

/** The view named by a location hash; the default view for anything else. */
export function viewFromHash(hash: string): MainViewId {
  return MAIN_VIEWS.find((view) => view.hash === hash)?.id ?? DEFAULT_VIEW;
}

/** The current view, following the location hash (links, Back, another part of the app). */
export function useMainView(): MainViewId {
  const [view, setView] = useState<MainViewId>(() => viewFromHash(window.location.hash));
  useEffect(() => {
    const follow = () => setView(viewFromHash(window.location.hash));
    window.addEventListener('hashchange', follow);
    return () => window.removeEventListener('hashchange', follow);
  }, []);
  return view;
}

/** Shows another view, as a click on its link would (for buttons such as "Open Backups"). */
export function goToView(id: MainViewId): void {
  const target = MAIN_VIEWS.find((view) => view.id === id);
  if (target) window.location.hash = target.hash;
}
