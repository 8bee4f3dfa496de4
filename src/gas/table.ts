/**
 * A table sheet read by column key: row 1 (hidden) holds each script-known column's stable key, row 2 the
 * header people see, records start at row 3. People may move, relabel or add columns; keys find them.
 */
import { FIRST_DATA_ROW, KEY_ROW } from '../domain/schema';

export type CellValue = string | number | boolean | Date;
export type RecordOf = Record<string, CellValue>;

export interface Table {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  /** 1-based column of each key. */
  readonly columns: ReadonlyMap<string, number>;
  readonly lastRow: number;
  readonly lastColumn: number;
}

export function openTable(sheet: GoogleAppsScript.Spreadsheet.Sheet): Table {
  const lastColumn = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  const columns = new Map<string, number>();
  if (lastColumn > 0) {
    const keys = sheet.getRange(KEY_ROW, 1, 1, lastColumn).getValues()[0];
    keys.forEach((k, i) => {
      const key = String(k).trim();
      if (key && !columns.has(key)) columns.set(key, i + 1);
    });
  }
  return { sheet, columns, lastRow, lastColumn };
}

/**
 * Records in one read — all of them, or only the last `last` rows (a bounded read whatever the sheet's size);
 * each record maps the keys asked for (or all known keys) to cell values.
 */
export function readRecords(
  table: Table,
  keys?: readonly string[],
  last?: number,
): Array<{ row: number; values: RecordOf }> {
  const first = last === undefined ? FIRST_DATA_ROW : Math.max(FIRST_DATA_ROW, table.lastRow - last + 1);
  const count = table.lastRow - first + 1;
  if (count <= 0 || table.lastColumn === 0) return [];
  const grid = table.sheet.getRange(first, 1, count, table.lastColumn).getValues() as CellValue[][];
  const wanted = (keys ?? [...table.columns.keys()]).filter((k) => table.columns.has(k));
  const out: Array<{ row: number; values: RecordOf }> = [];
  for (let i = 0; i < grid.length; i++) {
    const line = grid[i];
    const values: RecordOf = {};
    let blank = true;
    for (const key of wanted) {
      const v = line[(table.columns.get(key) as number) - 1];
      values[key] = v;
      if (v !== '') blank = false;
    }
    if (!blank) out.push({ row: first + i, values });
  }
  return out;
}

export function text(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (isDateCell(value)) return value.toISOString();
  return String(value);
}

/** A date cell (a Date of the script's realm: `instanceof Date` is not used across realms). */
export function isDateCell(cell: unknown): cell is Date {
  return Object.prototype.toString.call(cell) === '[object Date]';
}

/** The instant of a date cell, or undefined for anything else. */
export function instantOfCell(cell: unknown): number | undefined {
  return isDateCell(cell) ? cell.getTime() : undefined;
}
