/**
 * One record found by the exact text of one of its cells (a request ID, a source key, an audit note) with a
 * TextFinder over that column, so the cost does not grow with the log: the sheet's cells stay where they are
 * and only the match comes back. Then that row alone is read, or one of its cells written.
 */
import { FIRST_DATA_ROW } from '../domain/schema';
import { type CellValue, type RecordOf, type Table, text } from './table';

/** The row whose `key` cell is exactly `value` (the first one, top down); undefined when none is. */
export function findRowByCell(table: Table, key: string, value: string): number | undefined {
  const col = table.columns.get(key);
  if (col === undefined || value === '' || table.lastRow < FIRST_DATA_ROW) return undefined;
  const match = table.sheet
    .getRange(FIRST_DATA_ROW, col, table.lastRow - FIRST_DATA_ROW + 1, 1)
    .createTextFinder(value)
    .matchEntireCell(true)
    .matchCase(true)
    .findNext();
  return match ? match.getRow() : undefined;
}

/** One row's cells by key, in one read. */
export function readRow(table: Table, row: number): RecordOf {
  const line = table.sheet.getRange(row, 1, 1, table.lastColumn).getValues()[0] as CellValue[];
  const out: RecordOf = {};
  for (const [key, col] of table.columns) out[key] = line[col - 1];
  return out;
}

/**
 * Writes one cell only if it still holds `expected`: a person's edit between the read and the write wins
 * (people do not take the script lock). Returns whether it wrote.
 */
export function replaceCellIfUnchanged(
  table: Table,
  row: number,
  key: string,
  expected: string,
  next: string,
): boolean {
  const col = table.columns.get(key);
  if (col === undefined) return false;
  const cell = table.sheet.getRange(row, col);
  if (text(cell.getValue() as CellValue) !== expected) return false;
  cell.setValue(next);
  return true;
}
