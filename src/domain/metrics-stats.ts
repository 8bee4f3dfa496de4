/** Small counting helpers of the dashboard's figures (metrics.ts): compliance tallies and nearest-rank percentiles. */

/** Met, missed and pending of one target; `pct` is filled in by `finishCompliance`. */
export interface Tally {
  met: number;
  missed: number;
  pending: number;
  pct: number | null;
}

export const emptyTally = (): Tally => ({ met: 0, missed: 0, pending: 0, pct: null });

/** How one request stands against one target. */
export const MET = 0;
export const MISSED = 1;
export const PENDING = 2;
/** Done, but with no time recorded: cannot be judged. */
export const UNJUDGED = 3;
export type Verdict = typeof MET | typeof MISSED | typeof PENDING | typeof UNJUDGED;

/**
 * `doneAt` the event's time (first response / resolution), `due` the due time as kept (moved by past pauses),
 * `pausedSince` a pause still running; `open` the request is not finished.
 */
export function judge(
  doneAt: number | undefined,
  due: number,
  open: boolean,
  pausedSince: number | undefined,
  now: number,
): Verdict {
  if (doneAt !== undefined) return doneAt <= due ? MET : MISSED;
  if (!open) return UNJUDGED;
  // A running pause keeps the time that was left when it began; the due time moves when it ends.
  const clockAt = pausedSince !== undefined && pausedSince < now ? pausedSince : now;
  return due < clockAt ? MISSED : PENDING;
}

export function count(t: Tally, v: Verdict): void {
  if (v === MET) t.met++;
  else if (v === MISSED) t.missed++;
  else if (v === PENDING) t.pending++;
}

/** Share of `part` in `whole`, in percent; null for an empty whole. */
export function percent(part: number, whole: number): number | null {
  return whole > 0 ? (part / whole) * 100 : null;
}

export function finishTally(t: Tally): Tally {
  t.pct = percent(t.met, t.met + t.missed);
  return t;
}

/**
 * The p-th percentile (0 < p ≤ 100) of values sorted ascending, by the nearest-rank method: the value at rank
 * ⌈p/100 × n⌉ (1-based). null for no values.
 */
export function nearestRank(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * n));
  return sorted[Math.min(n, rank) - 1];
}

/** Count, median and 90th percentile of durations (sorts its argument). */
export function distribution(values: number[]): { count: number; medianMs: number | null; p90Ms: number | null } {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, medianMs: nearestRank(sorted, 50), p90Ms: nearestRank(sorted, 90) };
}

/** Index of the last boundary ≤ t (boundaries ascending, boundaries[0] ≤ t). */
export function bucketOf(boundaries: readonly number[], t: number): number {
  let lo = 0;
  let hi = boundaries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (boundaries[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
