/** «Настройки»: one row per setting, found by its key in the (hidden) key column. */
import { SETTINGS } from '../domain/settings-catalog';
import type { Messages } from '../locale/index';
import { openTable, readRecords, text } from './table';

export function readSettings(sheet: GoogleAppsScript.Spreadsheet.Sheet): Map<string, string> {
  const table = openTable(sheet);
  const out = new Map<string, string>();
  for (const { values } of readRecords(table, ['key', 'value'])) {
    const key = text(values.key).trim();
    if (key && !out.has(key)) out.set(key, text(values.value));
  }
  return out;
}

/** Adds the rows of settings the sheet lacks, with their defaults; values the school set are never touched. */
export function ensureSettingRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  msgs: Messages,
  defaults: (key: string) => string,
): string[] {
  const table = openTable(sheet);
  const present = new Set(readRecords(table, ['key']).map((r) => text(r.values.key).trim()));
  const missing = SETTINGS.filter((s) => !present.has(s.key));
  if (missing.length === 0) return [];
  const order = ['key', 'label', 'value', 'description'];
  const rows = missing.map((s) => {
    const [label, description] = msgs.settings[s.key] ?? [s.key, ''];
    const record: Record<string, string> = { key: s.key, label, value: defaults(s.key), description };
    const line: string[] = new Array(table.lastColumn).fill('');
    for (const k of order) line[(table.columns.get(k) as number) - 1] = record[k];
    return line;
  });
  const start = Math.max(table.lastRow, 2) + 1;
  if (start + rows.length - 1 > sheet.getMaxRows())
    sheet.insertRowsAfter(sheet.getMaxRows(), start + rows.length - 1 - sheet.getMaxRows());
  const target = sheet.getRange(start, 1, rows.length, table.lastColumn);
  target.setNumberFormat('@');
  target.setValues(rows);
  return missing.map((s) => s.key);
}
