/**
 * Creating and upgrading one helpdesk sheet, idempotently: missing columns are appended with their key,
 * header, number format, dropdown and protection; what exists is left as people arranged it.
 */
import {
  CHOICE_LISTS,
  type ColumnDef,
  FIRST_DATA_ROW,
  HEADER_ROW,
  KEY_ROW,
  numberFormatOf,
  planColumns,
  type SheetDef,
} from '../domain/schema';
import type { Messages } from '../locale/index';

/** Protections the script made carry this prefix in their description, so re-runs find instead of duplicating. */
export const PROTECTION_TAG = 'helpdesk:';

export interface SheetSetupResult {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  created: boolean;
  addedColumns: string[];
}

export interface SheetSetupContext {
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  msgs: Messages;
  owner: string;
  /** Dropdown values of each choice list, in the school's language (topics come from the settings). */
  choiceLabels: (list: keyof typeof CHOICE_LISTS) => string[];
}

function columnLabel(msgs: Messages, def: SheetDef, col: ColumnDef): string {
  const labels = (msgs.columns as Record<string, Record<string, string>>)[def.key] ?? {};
  return labels[col.key] ?? col.key;
}

export function ensureSheet(
  ctx: SheetSetupContext,
  def: SheetDef,
  existing: GoogleAppsScript.Spreadsheet.Sheet | undefined,
): SheetSetupResult {
  const created = !existing;
  const sheet = existing ?? ctx.ss.insertSheet(ctx.msgs.sheets[def.key]);
  const addedColumns = def.kind === 'table' ? ensureColumns(ctx, def, sheet) : [];
  if (created) applySheetLook(def, sheet);
  ensureSheetProtection(ctx, def, sheet);
  if (def.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  return { sheet, created, addedColumns };
}

function ensureColumns(ctx: SheetSetupContext, def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  const keyRow = lastColumn > 0 ? sheet.getRange(KEY_ROW, 1, 1, lastColumn).getValues()[0] : [];
  const { missing } = planColumns(def, keyRow);
  if (missing.length === 0) {
    refreshChoiceValidations(ctx, def, sheet, keyRow);
    return [];
  }
  const first = lastColumn + 1;
  const needed = first + missing.length - 1 - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  const header = sheet.getRange(KEY_ROW, first, 2, missing.length);
  header.setNumberFormat('@');
  header.setValues([missing.map((c) => c.key), missing.map((c) => columnLabel(ctx.msgs, def, c))]);
  sheet.getRange(HEADER_ROW, first, 1, missing.length).setFontWeight('bold').setBackground('#e8eaed').setWrap(true);
  const dataRows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  missing.forEach((col, i) => {
    const column = first + i;
    const body = sheet.getRange(FIRST_DATA_ROW, column, dataRows, 1);
    body.setNumberFormat(numberFormatOf(col.type));
    const rule = validationFor(ctx, col);
    if (rule) body.setDataValidation(rule);
    if (col.width) sheet.setColumnWidth(column, col.width);
    if (def.access === 'people' && col.writer === 'script') {
      const p = sheet.getRange(KEY_ROW, column, sheet.getMaxRows(), 1).protect();
      p.setDescription(`${PROTECTION_TAG}${def.key}.${col.key}`);
      p.setWarningOnly(true);
    }
  });
  return missing.map((c) => c.key);
}

/** Choice lists can change (the school edits its topics): re-apply dropdowns of existing choice columns. */
function refreshChoiceValidations(
  ctx: SheetSetupContext,
  def: SheetDef,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  keyRow: unknown[],
): void {
  const dataRows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  for (const col of def.columns) {
    if (col.choices !== 'topic') continue;
    const index = keyRow.findIndex((k) => k === col.key);
    const rule = validationFor(ctx, col);
    if (index >= 0 && rule) sheet.getRange(FIRST_DATA_ROW, index + 1, dataRows, 1).setDataValidation(rule);
  }
}

function validationFor(ctx: SheetSetupContext, col: ColumnDef): GoogleAppsScript.Spreadsheet.DataValidation | null {
  if (col.type === 'choice' && col.choices) {
    return SpreadsheetApp.newDataValidation()
      .requireValueInList(ctx.choiceLabels(col.choices), true)
      .setAllowInvalid(false)
      .build();
  }
  if (col.type === 'bool') return SpreadsheetApp.newDataValidation().requireCheckbox().build();
  if (col.type === 'date' || col.type === 'datetime') {
    return col.writer === 'people'
      ? SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(false).build()
      : null;
  }
  return null;
}

function applySheetLook(def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (def.kind !== 'table') return;
  sheet.setFrozenRows(HEADER_ROW);
  sheet.hideRows(KEY_ROW);
  if (def.key === 'settings') sheet.hideColumns(1);
}

function ensureSheetProtection(ctx: SheetSetupContext, def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (def.access === 'people') {
    // The key row tells the script where its columns are: people are warned before touching it.
    ensureProtection(sheet.getRange(KEY_ROW, 1, 1, sheet.getMaxColumns()), `${PROTECTION_TAG}${def.key}.keys`, true);
    return;
  }
  const tag = `${PROTECTION_TAG}${def.key}`;
  const have = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).some((p) => p.getDescription() === tag);
  if (have) return;
  const p = sheet.protect().setDescription(tag);
  if (def.access === 'warning') {
    p.setWarningOnly(true);
    return;
  }
  // Owner only: the script's own records (audit log, mail queue, bookkeeping) are written by the school account.
  p.removeEditors(p.getEditors());
  if (ctx.owner) p.addEditor(ctx.owner);
  if (p.canDomainEdit()) p.setDomainEdit(false);
}

function ensureProtection(range: GoogleAppsScript.Spreadsheet.Range, tag: string, warningOnly: boolean): void {
  const sheet = range.getSheet();
  const have = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE).some((p) => p.getDescription() === tag);
  if (have) return;
  const p = range.protect().setDescription(tag);
  p.setWarningOnly(warningOnly);
}
