/** The snapshot checker for the bench worker's service: the app's own checker role. */
import { serveSnapshotChecker } from '../../src/worker/snapshots/checker-role';

serveSnapshotChecker();
