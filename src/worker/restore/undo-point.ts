import * as z from 'zod/mini';
import { fact, type Fact, type FactStore } from '../engine/fact-store';

/** What the undo of the last restore (or of the last undo) goes back to. */
export interface UndoPoint {
  /** The snapshot taken just before that restore or undo. */
  snapshotId: string;
  /** What was done: a restore (replace or merge) or an undo. */
  kind: 'restore' | 'merge' | 'undo';
  /** The file or snapshot restored, for "Undo the restore of …". */
  sourceName: string;
  /** When it was done. */
  at: string;
  /** The live data's last change right after it (later changes are lost by undoing). */
  changeMarkAfter: string | null;
  /** Set when it was a team restore (or its undo): undoing it is then a team restore too, naming this one. */
  teamRestoreId?: string;
}

const UndoPointSchema = z.object({
  snapshotId: z.string(),
  kind: z.enum(['restore', 'merge', 'undo']),
  sourceName: z.string(),
  at: z.string(),
  changeMarkAfter: z.nullable(z.string()),
  teamRestoreId: z.optional(z.string()),
});

/** The undo point, kept beside the database so that a reload can still undo. */
export function undoPointFact(store: FactStore): Fact<UndoPoint> {
  return fact(store, 'undoPoint', UndoPointSchema);
}
