/** Timing helpers shared by the bench workers and page. */

/** Sub-step durations of one run of a measured step, in ms; `total` is the step itself. */
export type Timings = Record<string, number>;

export interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export function stats(values: readonly number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length === 0
      ? NaN
      : sorted.length % 2
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    median: round(median),
    min: round(sorted[0] ?? NaN),
    max: round(sorted.at(-1) ?? NaN),
    runs: values.map(round),
  };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Collects the timings of many runs: name → sub-step → values. */
export class Collector {
  private readonly values = new Map<string, Map<string, number[]>>();

  add(step: string, timings: Timings): void {
    let perStep = this.values.get(step);
    if (!perStep) this.values.set(step, (perStep = new Map()));
    for (const [key, value] of Object.entries(timings)) {
      const list = perStep.get(key) ?? [];
      list.push(value);
      perStep.set(key, list);
    }
  }

  result(): Record<string, Record<string, Stats>> {
    const out: Record<string, Record<string, Stats>> = {};
    for (const [step, perStep] of this.values) {
      out[step] = {};
      for (const [key, list] of perStep) out[step][key] = stats(list);
    }
    return out;
  }
}

/** Marks the time between successive calls: `lap('parse')` records since the previous lap. */
export function stopwatch(): { lap(name: string): void; add(name: string, ms: number): void; done(): Timings } {
  const start = performance.now();
  let last = start;
  const timings: Timings = {};
  return {
    lap(name) {
      const now = performance.now();
      timings[name] = (timings[name] ?? 0) + (now - last);
      last = now;
    },
    add(name, ms) {
      timings[name] = (timings[name] ?? 0) + ms;
    },
    done() {
      timings.total = performance.now() - start;
      return timings;
    },
  };
}

/** Asks V8 for a full collection when the browser exposes gc() (--js-flags=--expose-gc). */
export function collectGarbage(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc === 'function') gc();
}
