/**
 * Writing records into a table sheet by column key: one row is written in one call, cells of columns the
 * script does not know (people's own) are left untouched, and the sheet grows in blocks that get their
 * columns' formats and dropdowns as setup gives them.
 */
import { type ColumnDef, FIRST_DATA_ROW, type SheetDef } from '../domain/schema';
import { formatColumnBlock, type SheetSetupContext } from './sheet-setup';
import type { CellValue, Table } from './table';

/** Rows added at once when the log is full: one formatting pass per block, not per request. */
export const GROWTH_BLOCK = 500;

/** Makes room for `count` more records after the last one; returns the first free row. */
export function ensureRoom(
  table: Table,
  def: SheetDef,
  count: number,
  labels: Pick<SheetSetupContext, 'choiceLabels'>,
): number {
  const first = Math.max(table.lastRow, FIRST_DATA_ROW - 1) + 1;
  const sheet = table.sheet;
  const maxRows = sheet.getMaxRows();
  const needed = first + count - 1 - maxRows;
  if (needed > 0) {
    const added = Math.max(needed, GROWTH_BLOCK);
    sheet.insertRowsAfter(maxRows, added);
    for (const col of def.columns) {
      const column = table.columns.get(col.key);
      if (column) formatColumnBlock(labels, sheet, col, column, maxRows + 1, added);
    }
  }
  return first;
}

/**
 * Writes records as consecutive rows from `firstRow`, touching only the span of the script's columns
 * (people's columns inside that span keep their values: they are read back and written unchanged).
 */
export function writeRecords(
  table: Table,
  firstRow: number,
  records: ReadonlyArray<Record<string, CellValue>>,
  columns: readonly ColumnDef[],
): void {
  if (records.length === 0) return;
  const positions = columns.map((c) => table.columns.get(c.key)).filter((p): p is number => p !== undefined);
  const left = Math.min(...positions);
  const right = Math.max(...positions);
  const width = right - left + 1;
  const range = table.sheet.getRange(firstRow, left, records.length, width);
  const current = width === positions.length ? null : (range.getValues() as CellValue[][]);
  const rows = records.map((record, i) => {
    const line: CellValue[] = current ? current[i].slice() : new Array<CellValue>(width).fill('');
    for (const col of columns) {
      const at = table.columns.get(col.key);
      if (at !== undefined && record[col.key] !== undefined) line[at - left] = record[col.key];
    }
    return line;
  });
  range.setValues(rows);
}
