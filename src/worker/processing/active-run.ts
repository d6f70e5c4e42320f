/**
 * A run being sent from this tab, in memory: the file's rows, the plan they are read with, the
 * load API session, the rows still to claim, and the outcomes not yet recorded (they are written
 * with the next claim or at the end of the pass: one save per batch, not one per load).
 */
import { createPayloadSerializer } from '../../core/csv/payload';
import { createRowReader } from '../../core/csv/row-reader';
import { valueAt } from '../../core/csv/row-layout';
import type { MappingPlan } from '../../core/csv/mapping-plan';
import type { IdempotencyKeySupport } from '../../core/db/load-api-facts';
import type { LoadOutcome } from '../../core/db/load-outcome';
import type { LoadApiSession } from '../../platform/load-api';
import type { LoadedFile } from './loaded-files';

export class ActiveRun {
  /** Rows still to claim, in order. */
  private readonly toClaim: number[];
  private cursor = 0;
  /** Idempotency-key generation of each claimed row. */
  readonly generations = new Map<number, number>();
  /** Outcomes known here but not yet in the database. */
  pending: LoadOutcome[] = [];
  private readonly read: ReturnType<typeof createRowReader>;
  private readonly serialize: ReturnType<typeof createPayloadSerializer>;

  constructor(
    readonly runId: number,
    readonly file: LoadedFile,
    private readonly plan: MappingPlan,
    readonly session: LoadApiSession,
    readonly sessionId: string,
    rows: number[],
    /** Processing seconds recorded before this pass, and when this pass started (ms). */
    readonly secondsBefore: number,
    readonly passStartedMs: number,
    /** The configuration's API, and what is recorded of it and the Idempotency-Key header. */
    readonly api: { configurationId: number; baseUrl: string; keySupport: IdempotencyKeySupport },
  ) {
    this.toClaim = rows;
    this.read = createRowReader(plan, file.headers.length);
    this.serialize = createPayloadSerializer(plan);
  }

  /** How many rows this pass sends. */
  get total(): number {
    return this.toClaim.length;
  }

  /** The next rows to claim (not yet taken: see `commitClaim`). */
  peekClaim(max: number): number[] {
    return this.toClaim.slice(this.cursor, this.cursor + max);
  }

  /** Marks rows as claimed once the claim is durable. */
  commitClaim(count: number): void {
    this.cursor += count;
  }

  /** The body of a row exactly as it is sent. */
  bodyOf(row: number): string {
    return this.serialize(this.valuesOf(row));
  }

  /** The load number a row carries, or null. */
  loadNumberOf(row: number): string | null {
    const value = valueAt(this.plan, this.valuesOf(row), 'load.loadNumber');
    return typeof value === 'string' ? value : null;
  }

  /** The Idempotency-Key of a row's current generation: the same for every retry of it. */
  keyOf(row: number): string {
    return `${this.sessionId}:${row}:${this.generations.get(row) ?? 1}`;
  }

  /** Moves the unrecorded outcomes out (put them back with `restore` if the write fails). */
  takePending(): LoadOutcome[] {
    const taken = this.pending;
    this.pending = [];
    return taken;
  }

  /** Puts outcomes back after a failed write. */
  restore(outcomes: LoadOutcome[]): void {
    this.pending = [...outcomes, ...this.pending];
  }

  /** Processing time so far, this pass included. */
  secondsAt(nowMs: number): number {
    return this.secondsBefore + Math.max(0, nowMs - this.passStartedMs) / 1000;
  }

  private valuesOf(row: number): unknown[] {
    return this.read(this.file.rows[row - 1] ?? [], row).values;
  }
}
