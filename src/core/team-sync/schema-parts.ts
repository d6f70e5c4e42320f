import * as z from 'zod/mini';
import { stringKeyed } from '../team-store/schema-parts';

export { describeIssues, isoUtcTime } from '../team-store/schema-parts';

/*
 * Schema parts of the team database's objects (logs, states, snapshot headers), made of the zod
 * parts the worker's start already holds (core/team-store/schema-parts.ts says why: whatever part of
 * zod a lazily loaded feature uses is loaded at start). No z.record, z.iso or z.prettifyError.
 */

/** A JSON object read as a map whose every key matches `key`. */
export const keyedBy = <V extends z.ZodMiniType>(key: RegExp, value: V) =>
  stringKeyed(value).check(
    z.refine((record) => Object.keys(record).every((name) => key.test(name)), `every key should match ${String(key)}`),
  );

/** A map from device ids (32 hex) to `value`. */
export const byDevice = <V extends z.ZodMiniType>(value: V) => keyedBy(/^[0-9a-f]{32}$/, value);

const count = z.int().check(z.gte(0));

/** A row count for each data table. */
export const tableCounts = () =>
  z.object({
    brokerages: count,
    brokerage_configurations: count,
    upload_history: count,
    processing_errors: count,
    configuration_changes: count,
  });
