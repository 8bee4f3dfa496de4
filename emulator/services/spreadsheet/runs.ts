/**
 * Run-length storage for per-cell attributes (number formats, backgrounds, notes, validations...): a
 * product formats whole columns, so one run per column stands for 50 000 cells. Indices are 1-based and
 * runs inclusive, sorted and non-overlapping; adjacent runs with the same value (===) are merged.
 */

export interface Run<T> {
  start: number;
  end: number;
  value: T;
}

export class Runs<T> {
  runs: Run<T>[] = [];

  get isEmpty(): boolean {
    return this.runs.length === 0;
  }

  /** Index of the first run whose end >= i. */
  private firstEndingAtOrAfter(i: number): number {
    let lo = 0;
    let hi = this.runs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.runs[mid].end < i) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  get(i: number): T | undefined {
    const k = this.firstEndingAtOrAfter(i);
    const run = this.runs[k];
    return run && run.start <= i ? run.value : undefined;
  }

  /** Sets [start, end] to value (undefined clears). */
  set(start: number, end: number, value: T | undefined): void {
    this.replace(start, end, value === undefined ? [] : [{ start, end, value }]);
  }

  /** Replaces [start, end] with the given runs (which must lie inside it, sorted). */
  replace(start: number, end: number, inner: Run<T>[]): void {
    const k = this.firstEndingAtOrAfter(start);
    let j = k;
    const pieces: Run<T>[] = [];
    while (j < this.runs.length && this.runs[j].start <= end) {
      const run = this.runs[j];
      if (run.start < start) pieces.push({ start: run.start, end: start - 1, value: run.value });
      j++;
    }
    const head = pieces;
    const tailRun = j > k ? this.runs[j - 1] : undefined;
    const tail: Run<T>[] =
      tailRun && tailRun.end > end ? [{ start: end + 1, end: tailRun.end, value: tailRun.value }] : [];
    const merged = [...head, ...inner.map((r) => ({ ...r })), ...tail];
    this.runs.splice(k, j - k, ...merged);
    this.mergeAround(Math.max(0, k - 1), k + merged.length + 1);
  }

  private mergeAround(from: number, to: number): void {
    const out: Run<T>[] = [];
    const lo = Math.max(0, from);
    const hi = Math.min(this.runs.length, to);
    for (let i = lo; i < hi; i++) {
      const run = this.runs[i];
      const last = out[out.length - 1];
      if (last && last.end + 1 === run.start && last.value === run.value) last.end = run.end;
      else out.push(run);
    }
    this.runs.splice(lo, hi - lo, ...out);
  }

  /** Runs overlapping [start, end], clipped to it. */
  segments(start: number, end: number): Run<T>[] {
    const out: Run<T>[] = [];
    for (let k = this.firstEndingAtOrAfter(start); k < this.runs.length && this.runs[k].start <= end; k++) {
      const run = this.runs[k];
      out.push({ start: Math.max(start, run.start), end: Math.min(end, run.end), value: run.value });
    }
    return out;
  }

  /** Values for [start, end] as a dense array (undefined where unset). */
  slice(start: number, end: number): Array<T | undefined> {
    const out = new Array<T | undefined>(end - start + 1).fill(undefined);
    for (const seg of this.segments(start, end)) {
      for (let i = seg.start; i <= seg.end; i++) out[i - start] = seg.value;
    }
    return out;
  }

  /** Writes a dense array of values from `start` (undefined clears), compressing into runs. */
  write(start: number, values: ArrayLike<T | undefined>): void {
    const inner: Run<T>[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === undefined) continue;
      const last = inner[inner.length - 1];
      if (last && last.end === start + i - 1 && last.value === v) last.end = start + i;
      else inner.push({ start: start + i, end: start + i, value: v });
    }
    this.replace(start, start + values.length - 1, inner);
  }

  /** Opens n slots before index `at`; with `inherit`, they take the value at `at - 1` (Sheets copies the formatting of the row above). */
  insert(at: number, n: number, inherit: boolean): void {
    const inheritFrom = inherit && at > 1 ? this.get(at - 1) : undefined;
    for (const run of this.runs) {
      if (run.start >= at) {
        run.start += n;
        run.end += n;
      } else if (run.end >= at) {
        run.end += n;
      }
    }
    // A run that spanned the gap already covers it; otherwise fill it from the row above, or leave it empty.
    const covering = this.get(at);
    if (covering === undefined || !inherit) {
      if (!inherit) this.set(at, at + n - 1, undefined);
      else if (inheritFrom !== undefined) this.set(at, at + n - 1, inheritFrom);
    } else if (covering !== inheritFrom) {
      this.set(at, at + n - 1, inheritFrom);
    }
  }

  /** Removes n slots from index `at`, shifting later ones back. */
  delete(at: number, n: number): void {
    this.set(at, at + n - 1, undefined);
    for (const run of this.runs) {
      if (run.start > at) {
        run.start -= n;
        run.end -= n;
      }
    }
    this.mergeAround(0, this.runs.length);
  }

  clone(): Runs<T> {
    const r = new Runs<T>();
    r.runs = this.runs.map((x) => ({ ...x }));
    return r;
  }
}

/** A 2-D attribute layer: runs over rows, one run list per column. */
export class Layer<T> {
  cols = new Map<number, Runs<T>>();

  private col(c: number, create: true): Runs<T>;
  private col(c: number, create: false): Runs<T> | undefined;
  private col(c: number, create: boolean): Runs<T> | undefined {
    let r = this.cols.get(c);
    if (!r && create) {
      r = new Runs<T>();
      this.cols.set(c, r);
    }
    return r;
  }

  get(r: number, c: number): T | undefined {
    return this.cols.get(c)?.get(r);
  }

  column(c: number): Runs<T> | undefined {
    return this.cols.get(c);
  }

  set(r1: number, r2: number, c1: number, c2: number, value: T | undefined): void {
    for (let c = c1; c <= c2; c++) {
      if (value === undefined && !this.cols.has(c)) continue;
      this.col(c, true).set(r1, r2, value);
      this.prune(c);
    }
  }

  /** Writes one column's values from row r1 (values[i] for row r1 + i). */
  writeColumn(c: number, r1: number, values: ArrayLike<T | undefined>): void {
    this.col(c, true).write(r1, values);
    this.prune(c);
  }

  private prune(c: number): void {
    if (this.cols.get(c)?.isEmpty) this.cols.delete(c);
  }

  /** values[i][j] for the block; undefined where unset. */
  block(r1: number, r2: number, c1: number, c2: number): Array<Array<T | undefined>> {
    const out: Array<Array<T | undefined>> = [];
    for (let r = r1; r <= r2; r++) out.push(new Array<T | undefined>(c2 - c1 + 1).fill(undefined));
    for (let c = c1; c <= c2; c++) {
      const runs = this.cols.get(c);
      if (!runs) continue;
      for (const seg of runs.segments(r1, r2)) {
        for (let r = seg.start; r <= seg.end; r++) out[r - r1][c - c1] = seg.value;
      }
    }
    return out;
  }

  insertRows(at: number, n: number): void {
    for (const runs of this.cols.values()) runs.insert(at, n, true);
  }

  deleteRows(at: number, n: number): void {
    for (const [c, runs] of this.cols) {
      runs.delete(at, n);
      if (runs.isEmpty) this.cols.delete(c);
    }
  }

  /** New columns at `at` take the formatting of the column to their left, as Sheets does. */
  insertCols(at: number, n: number): void {
    const next = new Map<number, Runs<T>>();
    for (const [c, runs] of this.cols) next.set(c >= at ? c + n : c, runs);
    const left = this.cols.get(at - 1);
    if (left) for (let i = 0; i < n; i++) next.set(at + i, left.clone());
    this.cols = next;
  }

  deleteCols(at: number, n: number): void {
    const next = new Map<number, Runs<T>>();
    for (const [c, runs] of this.cols) {
      if (c >= at && c < at + n) continue;
      next.set(c >= at + n ? c - n : c, runs);
    }
    this.cols = next;
  }

  clear(): void {
    this.cols.clear();
  }

  /** Every (rect, value) run, for export. */
  *entries(): Generator<{ c: number; start: number; end: number; value: T }> {
    for (const [c, runs] of this.cols) for (const run of runs.runs) yield { c, ...run };
  }
}
