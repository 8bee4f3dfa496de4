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
  ensureSheetLook(def, sheet);
  ensureSheetProtection(ctx, def, sheet);
  if (def.hidden && !sheet.isSheetHidden()) sheet.hideSheet();
  return { sheet, created, addedColumns };
}

/**
 * A column exists for the script once its key is written, so the key and header are written last: a run
 * that dies half-way leaves no half-made column, and the next run redoes the missing ones whole
 * (formats and dropdowns are idempotent; protections are found by their tag, never doubled).
 */
function ensureColumns(ctx: SheetSetupContext, def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  const lastColumn = sheet.getLastColumn();
  const keyRow = lastColumn > 0 ? sheet.getRange(KEY_ROW, 1, 1, lastColumn).getValues()[0] : [];
  const { missing } = planColumns(def, keyRow);
  refreshChoiceValidations(ctx, def, sheet, keyRow);
  if (missing.length === 0) return [];
  const first = lastColumn + 1;
  const needed = first + missing.length - 1 - sheet.getMaxColumns();
  if (needed > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), needed);
  const dataRows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  missing.forEach((col, i) => {
    const column = first + i;
    formatColumnBlock(ctx, sheet, col, column, FIRST_DATA_ROW, dataRows);
    if (col.width) sheet.setColumnWidth(column, col.width);
    if (def.access === 'people' && col.writer === 'script') {
      const range = sheet.getRange(KEY_ROW, column, sheet.getMaxRows(), 1);
      ensureWarningProtection(protections, range, `${PROTECTION_TAG}${def.key}.${col.key}`);
    }
  });
  sheet.getRange(HEADER_ROW, first, 1, missing.length).setFontWeight('bold').setBackground('#e8eaed').setWrap(true);
  const header = sheet.getRange(KEY_ROW, first, 2, missing.length);
  header.setNumberFormat('@');
  header.setValues([missing.map((c) => c.key), missing.map((c) => columnLabel(ctx.msgs, def, c))]);
  return missing.map((c) => c.key);
}

/** A column's number format and dropdown over a block of record rows (setup, and the log growing). */
export function formatColumnBlock(
  ctx: Pick<SheetSetupContext, 'choiceLabels'>,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  col: ColumnDef,
  column: number,
  fromRow: number,
  numRows: number,
): void {
  const body = sheet.getRange(fromRow, column, numRows, 1);
  body.setNumberFormat(numberFormatOf(col.type));
  const rule = validationFor(ctx, col);
  if (rule) body.setDataValidation(rule);
}

/** Dropdown values of each choice list in the school's language; topics are the school's own list. */
export function choiceLabelsFor(msgs: Messages, topics: readonly string[]): SheetSetupContext['choiceLabels'] {
  return (list) =>
    list === 'topic' ? [...topics] : CHOICE_LISTS[list].map((k) => (msgs.choices[list] as Record<string, string>)[k]);
}

/** Finds the range protection by its tag or makes it; either way it ends warning-only (a person may still edit). */
function ensureWarningProtection(
  protections: GoogleAppsScript.Spreadsheet.Protection[],
  range: GoogleAppsScript.Spreadsheet.Range,
  tag: string,
): void {
  const p = findTagged(protections, tag, range) ?? range.protect();
  if (p.getDescription() !== tag) p.setDescription(tag);
  if (!p.isWarningOnly()) p.setWarningOnly(true);
}

/**
 * The protection carrying `tag`, or one left untagged on the very same range by a run that died between
 * `protect()` and `setDescription()` (adopted rather than doubled).
 */
function findTagged(
  protections: GoogleAppsScript.Spreadsheet.Protection[],
  tag: string,
  range: GoogleAppsScript.Spreadsheet.Range,
): GoogleAppsScript.Spreadsheet.Protection | undefined {
  const tagged = protections.find((p) => p.getDescription() === tag);
  if (tagged) return tagged;
  const a1 = range.getA1Notation();
  return protections.find((p) => p.getDescription() === '' && p.getRange().getA1Notation() === a1);
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
    const index = keyRow.indexOf(col.key);
    const rule = validationFor(ctx, col);
    if (index >= 0 && rule) sheet.getRange(FIRST_DATA_ROW, index + 1, dataRows, 1).setDataValidation(rule);
  }
}

function validationFor(
  ctx: Pick<SheetSetupContext, 'choiceLabels'>,
  col: ColumnDef,
): GoogleAppsScript.Spreadsheet.DataValidation | null {
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

/** Frozen header, hidden key row (and the settings' key column): restored if someone undid them. */
function ensureSheetLook(def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (def.kind !== 'table') return;
  if (sheet.getFrozenRows() !== HEADER_ROW) sheet.setFrozenRows(HEADER_ROW);
  if (!sheet.isRowHiddenByUser(KEY_ROW)) sheet.hideRows(KEY_ROW);
  if (def.key === 'settings' && !sheet.isColumnHiddenByUser(1)) sheet.hideColumns(1);
}

function ensureSheetProtection(ctx: SheetSetupContext, def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  if (def.access === 'people') {
    // The key row tells the script where its columns are: people are warned before touching it.
    const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
    const keys = sheet.getRange(KEY_ROW, 1, 1, sheet.getMaxColumns());
    ensureWarningProtection(protections, keys, `${PROTECTION_TAG}${def.key}.keys`);
    return;
  }
  // A sheet has at most one sheet protection: ours, or one a dead run made before tagging it.
  const tag = `${PROTECTION_TAG}${def.key}`;
  const p = sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET)[0] ?? sheet.protect();
  if (p.getDescription() !== tag) p.setDescription(tag);
  if (def.access === 'warning') {
    if (!p.isWarningOnly()) p.setWarningOnly(true);
    return;
  }
  // Owner only: the script's own records (audit log, mail queue, bookkeeping) are written by the school account.
  const owner = ctx.owner.toLowerCase();
  const others = p.getEditors().filter((u) => u.getEmail().toLowerCase() !== owner);
  // Always set the list explicitly: a protection left to mirror the document's editors would let every
  // editor added later in (reference/spreadsheet/protection, the sample's removeEditors(getEditors())).
  p.removeEditors(others.map((u) => u.getEmail()));
  if (p.canDomainEdit()) p.setDomainEdit(false);
}
