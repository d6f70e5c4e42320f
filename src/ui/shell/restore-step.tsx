import { lazyPanel } from '../common/lazy-panel';

/**
 * The restore feature's step for already previewed snapshots and folder files, loaded when first
 * shown (it brings the restore form, which opening the app does not need).
 */
export const RestoreStep = lazyPanel(() => import('../restore/restore-step').then((m) => m.RestoreStep));
