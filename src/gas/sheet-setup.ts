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
import { type Messages, messages } from '../locale/index';
import { scheduleTexts } from '../locale/schedule';
import { readLocale } from './properties';
import { APPROVAL_KEYS, directorsOf } from './schedule-repo';
import { readSettings } from './settings-repo';
import { readStaff } from './staff-repo';
import { findSheet } from './workbook';

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
  if (def.key === 'schedule' && def.kind === 'table') ensureScheduleRules(ctx, def, sheet);
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
  if (col.type === 'time' && col.writer === 'people') return timeValidation(readLocale());
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

// ---- «График»: times people type, and the approval columns only the director and the owner may edit ----------

/**
 * A time of day is a fraction of a day in Sheets, so «15:00» is 0.625 and «25:00» (a duration) or a date is
 * not in [0, 1): typed nonsense is refused with a hint (reference/spreadsheet/data-validation-builder
 * #requirenumberbetweenstart,-end). That the end comes after the start is checked by the edit handler.
 */
function timeValidation(locale: string): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireNumberBetween(0, 0.99999)
    .setAllowInvalid(false)
    .setHelpText(scheduleTexts(locale).notes.times)
    .build();
}

function ensureScheduleRules(ctx: SheetSetupContext, def: SheetDef, sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const lastColumn = sheet.getLastColumn();
  const keyRow = sheet
    .getRange(KEY_ROW, 1, 1, lastColumn)
    .getValues()[0]
    .map((k) => String(k).trim());
  const dataRows = sheet.getMaxRows() - FIRST_DATA_ROW + 1;
  // Re-applied on every run: the hint follows the school's language.
  const locale = ctx.msgs === messages('en') ? 'en' : 'ru';
  for (const col of def.columns) {
    const index = keyRow.indexOf(col.key);
    if (col.type === 'time' && index >= 0) {
      sheet.getRange(FIRST_DATA_ROW, index + 1, dataRows, 1).setDataValidation(timeValidation(locale));
    }
  }
  protectApprovalColumns(ctx.ss, sheet, ctx.owner, locale, keyRow);
}

/**
 * The approval columns protected for the owner and the directors («Почта директора» and «Сотрудники» with the
 * role director), as they are now. Setup calls it; so may the owner's edit trigger when «Настройки» or
 * «Сотрудники» change, so that a new director can approve without waiting for setup to run again.
 */
export function protectApprovalColumns(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  owner: string,
  locale: string,
  keyRow: readonly string[] = sheet
    .getRange(KEY_ROW, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((k) => String(k).trim()),
): void {
  const settingsSheet = findSheet(ss, 'settings', undefined, locale);
  const staffSheet = findSheet(ss, 'staff', undefined, locale);
  const directors = directorsOf(
    settingsSheet ? readSettings(settingsSheet) : new Map<string, string>(),
    staffSheet ? readStaff(staffSheet) : [],
  );
  const positions = APPROVAL_KEYS.map((key) => ({ key, column: keyRow.indexOf(key) + 1 })).filter((p) => p.column > 0);
  if (positions.length === 0) return;
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  for (const { key, column } of positions) {
    const range = sheet.getRange(KEY_ROW, column, sheet.getMaxRows(), 1);
    protectForEditors(protections, range, `${PROTECTION_TAG}schedule.${key}`, [owner, ...directors]);
  }
}

/**
 * The approval columns: a real protection (not a warning) whose editors are exactly the owner and the
 * directors, set explicitly on every run so that a new director is added and a former one removed
 * (reference/spreadsheet/protection: addEditors, removeEditors, setDomainEdit).
 */
export function protectForEditors(
  protections: GoogleAppsScript.Spreadsheet.Protection[],
  range: GoogleAppsScript.Spreadsheet.Range,
  tag: string,
  editors: readonly string[],
): GoogleAppsScript.Spreadsheet.Protection {
  const p = findTagged(protections, tag, range) ?? range.protect();
  if (p.getDescription() !== tag) p.setDescription(tag);
  if (p.getRange().getA1Notation() !== range.getA1Notation()) p.setRange(range);
  if (p.isWarningOnly()) p.setWarningOnly(false);
  const norm = (e: string) => e.trim().toLowerCase();
  const wanted = new Map(editors.filter((e) => e.trim() !== '').map((e) => [norm(e), e.trim()] as const));
  const current = p.getEditors().map((u) => u.getEmail());
  const currentSet = new Set(current.map(norm));
  const remove = current.filter((e) => !wanted.has(norm(e)));
  const add = [...wanted].filter(([k]) => !currentSet.has(k)).map(([, e]) => e);
  if (remove.length > 0) p.removeEditors(remove);
  if (add.length > 0) p.addEditors(add);
  if (p.canDomainEdit()) p.setDomainEdit(false);
  return p;
}
