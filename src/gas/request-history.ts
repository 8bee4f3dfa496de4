/**
 * One request's history from «Журнал»: a TextFinder over the request-ID column finds its entries, and only those
 * rows are read (neighbouring rows in one read), so the cost follows the request's entries, not the journal's
 * 50 000 rows. The journal is the owning account's to write; every helpdesk role may read it.
 */
import { FIRST_DATA_ROW } from '../domain/schema';
import { type CellValue, isDateCell, type Table, text } from './table';

export interface HistoryEntry {
  row: number;
  at: Date | null;
  action: string;
  columnKey: string;
  actor: string;
  before: string;
  after: string;
  note: string;
}

export interface RequestHistory {
  /** The latest entries, oldest first. */
  entries: HistoryEntry[];
  /** How many entries the request has in all. */
  total: number;
}

/** The sidebar shows this many entries at most; the journal keeps them all. */
export const HISTORY_LIMIT = 40;

export function readRequestHistory(table: Table, requestId: string, limit = HISTORY_LIMIT): RequestHistory {
  const col = table.columns.get('requestId');
  if (col === undefined || requestId === '' || table.lastRow < FIRST_DATA_ROW || table.lastColumn === 0) {
    return { entries: [], total: 0 };
  }
  const matches = table.sheet
    .getRange(FIRST_DATA_ROW, col, table.lastRow - FIRST_DATA_ROW + 1, 1)
    .createTextFinder(requestId)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  // The journal is appended in time order: the last rows are the latest entries.
  const rows = matches.map((m) => m.getRow()).sort((a, b) => a - b);
  const wanted = rows.slice(Math.max(0, rows.length - limit));
  const entries: HistoryEntry[] = [];
  for (const [first, count] of runsOf(wanted)) {
    const grid = table.sheet.getRange(first, 1, count, table.lastColumn).getValues() as CellValue[][];
    grid.forEach((line, i) => {
      entries.push(entryOf(table, line, first + i));
    });
  }
  return { entries, total: rows.length };
}

/** Sorted row numbers as [first, count] runs of neighbours: one read per run. */
export function runsOf(rows: readonly number[]): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const row of rows) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === row) last[1] += 1;
    else if (!last || last[0] + last[1] <= row) out.push([row, 1]);
  }
  return out;
}

function entryOf(table: Table, line: CellValue[], row: number): HistoryEntry {
  const cell = (key: string): CellValue | undefined => {
    const col = table.columns.get(key);
    return col === undefined ? undefined : line[col - 1];
  };
  const at = cell('at');
  return {
    row,
    at: isDateCell(at) ? at : null,
    action: text(cell('action')),
    columnKey: text(cell('columnKey')),
    actor: text(cell('actor')),
    before: text(cell('before')),
    after: text(cell('after')),
    note: text(cell('note')),
  };
}
