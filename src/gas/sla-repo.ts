/**
 * What the service-level jobs read and write, in a number of calls that does not grow with the log: the
 * log's status column, then the span of its open rows; the bookkeeping's request-ID column, then the span of
 * the rows wanted; writes of the changed cells only, grouped into blocks. Plus the small records the jobs
 * keep in the document properties (training alert levels, where a sweep that ran out of time stopped).
 */
import { FINAL_STATUSES } from '../domain/retention';
import { CHOICE_LISTS, type ChoiceListKey, FIRST_DATA_ROW } from '../domain/schema';
import type { Bookkeeping, LogFacts } from '../domain/sla-sweep';
import { parseDayMonthYear } from '../domain/settings-catalog';
import { dateOf } from '../domain/zoned-time';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import { type CellValue, instantOfCell, isDateCell, type RecordOf, type Table, text } from './table';

export interface SheetRow {
  row: number;
  values: RecordOf;
}

function columnSpan(table: Table, keys: readonly string[]): { left: number; width: number } | undefined {
  const positions = keys.map((k) => table.columns.get(k)).filter((p): p is number => p !== undefined);
  if (positions.length === 0) return undefined;
  const left = Math.min(...positions);
  return { left, width: Math.max(...positions) - left + 1 };
}

function pick(line: readonly CellValue[], table: Table, keys: readonly string[], left: number): RecordOf {
  const values: RecordOf = {};
  for (const key of keys) {
    const col = table.columns.get(key);
    if (col !== undefined) values[key] = line[col - left];
  }
  return values;
}

/**
 * Rows far apart are read as separate blocks when the rows between would cost more than a call: one
 * forgotten request from last year must not make the sweep move every cell of the year since.
 */
const SPLIT_GAP_ROWS = 500;
const MAX_BLOCKS = 8;

/**
 * Sorted row offsets as blocks [first, last]: split only at the widest gaps, each wider than
 * SPLIT_GAP_ROWS, at most MAX_BLOCKS blocks. Recent open requests sit together: usually one block.
 */
export function readBlocks(offsets: readonly number[]): Array<[number, number]> {
  if (offsets.length === 0) return [];
  const gaps = offsets
    .slice(1)
    .map((o, i) => ({ at: i + 1, size: o - offsets[i] }))
    .filter((g) => g.size > SPLIT_GAP_ROWS)
    .sort((a, b) => b.size - a.size)
    .slice(0, MAX_BLOCKS - 1)
    .map((g) => g.at)
    .sort((a, b) => a - b);
  const blocks: Array<[number, number]> = [];
  let start = 0;
  for (const at of [...gaps, offsets.length]) {
    blocks.push([offsets[start], offsets[at - 1]]);
    start = at;
  }
  return blocks;
}

/** The lines at `offsets` (sorted, from FIRST_DATA_ROW) across a column span, block by block. */
function readLines(table: Table, offsets: readonly number[], left: number, width: number): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  for (const [lo, hi] of readBlocks(offsets)) {
    const grid = table.sheet.getRange(FIRST_DATA_ROW + lo, left, hi - lo + 1, width).getValues() as CellValue[][];
    for (const o of offsets) if (o >= lo && o <= hi) out.set(o, grid[o - lo]);
  }
  return out;
}

/**
 * The rows whose status `wanted` accepts, with the cells of `keys`: the status column in one read, then the
 * wanted rows' span across the columns of `keys` (open requests are the recent ones, so it is short; rows
 * far apart are read in separate blocks, see readBlocks).
 */
export function readRowsByStatus(
  table: Table,
  keys: readonly string[],
  wanted: (status: CellValue) => boolean,
): SheetRow[] {
  const statusCol = table.columns.get('status');
  const span = columnSpan(table, keys);
  const count = table.lastRow - FIRST_DATA_ROW + 1;
  if (statusCol === undefined || !span || count <= 0) return [];
  const statuses = table.sheet.getRange(FIRST_DATA_ROW, statusCol, count, 1).getValues() as CellValue[][];
  const hits: number[] = [];
  statuses.forEach(([status], i) => {
    if (wanted(status)) hits.push(i);
  });
  const lines = readLines(table, hits, span.left, span.width);
  return hits.map((i) => ({
    row: FIRST_DATA_ROW + i,
    values: pick(lines.get(i) as CellValue[], table, keys, span.left),
  }));
}

/** The bookkeeping rows of `ids` (the first row of each), with the cells of `keys`: the ID column, then their span. */
export function readBookkeepingRows(
  table: Table,
  ids: ReadonlySet<string>,
  keys: readonly string[],
): Map<string, SheetRow> {
  const out = new Map<string, SheetRow>();
  const idCol = table.columns.get('requestId');
  const span = columnSpan(table, keys);
  const count = table.lastRow - FIRST_DATA_ROW + 1;
  if (idCol === undefined || !span || count <= 0 || ids.size === 0) return out;
  const column = table.sheet.getRange(FIRST_DATA_ROW, idCol, count, 1).getValues() as CellValue[][];
  const found = new Map<string, number>();
  column.forEach(([cell], i) => {
    const id = text(cell).trim();
    if (ids.has(id) && !found.has(id)) found.set(id, i);
  });
  const lines = readLines(
    table,
    [...found.values()].sort((a, b) => a - b),
    span.left,
    span.width,
  );
  for (const [id, i] of found) {
    out.set(id, { row: FIRST_DATA_ROW + i, values: pick(lines.get(i) as CellValue[], table, keys, span.left) });
  }
  return out;
}

/** Rows [first, first + count) by key, across the table's width: what a re-check under the lock compares. */
export function readRowsFrom(table: Table, first: number, count: number): RecordOf[] {
  const grid = table.sheet.getRange(first, 1, count, table.lastColumn).getValues() as CellValue[][];
  return grid.map((line) => pick(line, table, [...table.columns.keys()], 1));
}

export interface CellChange {
  row: number;
  /** Only the cells to write, by column key. */
  values: Readonly<Record<string, CellValue>>;
}

/**
 * Writes exactly the cells given: consecutive rows that change the same keys share a call per run of
 * adjacent columns, so nothing between (people's cells, unchanged ones) is rewritten. Returns the calls made.
 */
export function writeChangedCells(table: Table, changes: readonly CellChange[]): number {
  const sorted = changes
    .map((c) => ({ row: c.row, values: c.values, cols: columnsOf(table, c.values) }))
    .filter((c) => c.cols.length > 0)
    .sort((a, b) => a.row - b.row);
  let calls = 0;
  for (let i = 0; i < sorted.length; ) {
    const signature = sorted[i].cols.join(',');
    let j = i + 1;
    while (j < sorted.length && sorted[j].row === sorted[j - 1].row + 1 && sorted[j].cols.join(',') === signature) j++;
    const run = sorted.slice(i, j);
    for (const cols of adjacentRuns(run[0].cols)) {
      const grid = run.map((c) => cols.map((col) => c.values[keyAt(table, col)]));
      table.sheet.getRange(run[0].row, cols[0], run.length, cols.length).setValues(grid);
      calls++;
    }
    i = j;
  }
  return calls;
}

function columnsOf(table: Table, values: Readonly<Record<string, CellValue>>): number[] {
  return Object.keys(values)
    .map((k) => table.columns.get(k))
    .filter((c): c is number => c !== undefined)
    .sort((a, b) => a - b);
}

function keyAt(table: Table, col: number): string {
  for (const [key, c] of table.columns) if (c === col) return key;
  return '';
}

function adjacentRuns(cols: readonly number[]): number[][] {
  const runs: number[][] = [];
  for (const c of cols) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === c - 1) last.push(c);
    else runs.push([c]);
  }
  return runs;
}

/** Groups sorted row numbers into windows spanning at most `span` rows: one re-read per window. */
export function rowWindows(rows: readonly number[], span: number): number[][] {
  const windows: number[][] = [];
  for (const row of [...rows].sort((a, b) => a - b)) {
    const current = windows[windows.length - 1];
    if (current && row - current[0] < span) current.push(row);
    else windows.push([row]);
  }
  return windows;
}

// ---- cells as values ------------------------------------------------------------------------------------

type ChoiceKey<K extends ChoiceListKey> = (typeof CHOICE_LISTS)[K][number];

/** A dropdown label in either language back to its key; a label nobody knows is undefined. */
export function choiceOf<K extends ChoiceListKey>(list: K, cell: CellValue | undefined): ChoiceKey<K> | undefined {
  const wanted = text(cell).trim().toLowerCase();
  if (!wanted) return undefined;
  const ruLabels = ru.choices[list] as Readonly<Record<string, string>>;
  const enLabels = en.choices[list] as Readonly<Record<string, string>>;
  const keys = CHOICE_LISTS[list] as readonly ChoiceKey<K>[];
  return keys.find(
    (k) => k === wanted || ruLabels[k]?.toLowerCase() === wanted || enLabels[k]?.toLowerCase() === wanted,
  );
}

export { instantOfCell, isDateCell };

/** A date cell, or a date typed as «дд.мм.гггг», as 'YYYY-MM-DD' in the school's zone. */
export function isoDateOfCell(cell: CellValue | undefined, zone: string): string | undefined {
  if (isDateCell(cell)) return dateOf(cell.getTime(), zone);
  return parseDayMonthYear(text(cell));
}

export function numberOfCell(cell: CellValue | undefined): number {
  const n = typeof cell === 'number' ? cell : Number(text(cell).trim() || '0');
  return Number.isFinite(n) ? n : 0;
}

/** Two cells as the script compares them: dates by instant, everything else by text. */
export function sameCell(a: CellValue | undefined, b: CellValue | undefined): boolean {
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.getTime() === b.getTime();
  return text(a) === text(b);
}

/** A status the service-level jobs look at: open, or a label nobody knows (a blank one is no request). */
export function isOpenStatusCell(cell: CellValue): boolean {
  if (text(cell).trim() === '') return false;
  const status = choiceOf('status', cell);
  return status === undefined || FINAL_STATUSES.indexOf(status) < 0;
}

/** A log row's cells as the decisions read them. */
export function logFactsOf(values: RecordOf): LogFacts {
  return {
    id: text(values.id).trim(),
    requesterType: choiceOf('requesterType', values.requesterType) ?? '',
    status: choiceOf('status', values.status),
    createdAt: instantOfCell(values.createdAt),
    firstResponseAt: instantOfCell(values.firstResponseAt),
    resolvedAt: instantOfCell(values.resolvedAt),
    dueShown: instantOfCell(values.dueAt),
  };
}

// ---- the jobs' records in the document properties ---------------------------------------------------------

const TRAINING_LEVELS = 'helpdesk.training.levels';
const SWEEP_CURSOR = 'helpdesk.sweep.cursor';

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

/** Alert levels of open training tasks by staff key (a few dozen entries at most: closed ones are dropped). */
export function readTrainingLevels(): Record<string, number> {
  try {
    const parsed = JSON.parse(props().getProperty(TRAINING_LEVELS) ?? '{}') as unknown;
    return parsed !== null && typeof parsed === 'object' ? (parsed as Record<string, number>) : {};
  } catch {
    return {};
  }
}

export function recordTrainingLevels(levels: Readonly<Record<string, number>>): void {
  if (Object.keys(levels).length === 0) props().deleteProperty(TRAINING_LEVELS);
  else props().setProperty(TRAINING_LEVELS, JSON.stringify(levels));
}

/** The log row a sweep that ran out of time stopped before: the next one starts there. */
export function readSweepCursor(): number {
  return Number(props().getProperty(SWEEP_CURSOR) ?? '0') || 0;
}

export function recordSweepCursor(row: number): void {
  if (row > 0) props().setProperty(SWEEP_CURSOR, String(row));
  else props().deleteProperty(SWEEP_CURSOR);
}

/** A request's row of «Служебное» as the sweep's bookkeeping. */
export function bookOf(values: RecordOf): Bookkeeping {
  return {
    firstResponseDueAt: instantOfCell(values.firstResponseDueAt),
    resolutionDueAt: instantOfCell(values.resolutionDueAt),
    pausedSince: instantOfCell(values.pausedSince),
    pausedMs: numberOfCell(values.pausedMs),
    alertLevel: numberOfCell(values.alertLevel),
  };
}
