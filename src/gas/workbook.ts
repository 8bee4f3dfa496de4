/**
 * Finding the helpdesk's sheets: by the sheet ID recorded at setup (people may rename a tab), falling back
 * to the localized name. Opened by name, never as "the active sheet", which in triggers is just the first.
 */
import { messages } from '../locale/index';
import type { SheetKey } from '../domain/schema';
import { readLocale, readSheetIds } from './properties';

export function findSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  key: SheetKey,
  ids: Record<string, number> = readSheetIds(),
  locale = readLocale(),
): GoogleAppsScript.Spreadsheet.Sheet | undefined {
  const id = ids[key];
  const byName = ss.getSheetByName(messages(locale).sheets[key]);
  if (byName && (id === undefined || byName.getSheetId() === id)) return byName;
  if (id === undefined) return undefined;
  return ss.getSheets().find((s) => s.getSheetId() === id);
}
