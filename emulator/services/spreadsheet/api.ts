/**
 * Host-side helpers for tests and other emulator modules (forms, triggers, html): read what the script
 * stored, build Spreadsheet/Sheet/Range facades for an execution, play a person's edit and selection,
 * share spreadsheets, and read the recorded UI. None of these is visible to the script.
 */
import type { Execution, Runtime } from '../../runtime';
import { parseA1, type Rect } from './a1';
import { cellOf, displayOf, formulaOf, readValues, toCell, yearNow } from './cells';
import { ctxOf, DateMark } from './context';
import {
  MAX_CELL_CHARS,
  MSG,
  type MenuRecord,
  type SheetModel,
  type SpreadsheetModel,
  spreadsheetStore,
  type UiAnswer,
  type UiEvent,
  type UiEventKind,
} from './model';
import { userCanEditCell } from './protection';
import { RangeImpl } from './range';
import { SheetImpl } from './sheet';
import { SpreadsheetImpl } from './spreadsheet';
import { checkRule, type InputCheck } from './validation';
import { type Input, parseTyped } from './values';

export function containerSpreadsheet(rt: Runtime): SpreadsheetModel {
  return spreadsheetStore(rt).container();
}

/** A spreadsheet of the store by id (the container when omitted). */
export function spreadsheetModel(rt: Runtime, spreadsheetId?: string): SpreadsheetModel {
  if (spreadsheetId === undefined) return containerSpreadsheet(rt);
  const ss = spreadsheetStore(rt).get(spreadsheetId);
  if (!ss) throw new Error(`No spreadsheet with id ${spreadsheetId}`);
  return ss;
}

export function sheetModel(rt: Runtime, sheetName: string, spreadsheetId?: string): SheetModel {
  const sheet = spreadsheetModel(rt, spreadsheetId).sheetByName(sheetName);
  if (!sheet) throw new Error(`No sheet named "${sheetName}"`);
  return sheet;
}

export interface ReadOptions {
  spreadsheetId?: string;
  /** A block of the sheet; the data range (A1 to the last row and column with content) when omitted. */
  a1?: string;
}

function blockOf(sheet: SheetModel, a1: string | undefined): Rect {
  if (a1 === undefined) return { r1: 1, c1: 1, r2: Math.max(1, sheet.lastRow()), c2: Math.max(1, sheet.lastColumn()) };
  const rect = parseA1(a1, sheet.maxRows, sheet.maxCols);
  if (!rect) throw new Error(MSG.rangeNotFound);
  return rect;
}

/** A sheet's stored values as getValues would return them, with host Dates; [] for an empty sheet's data range. */
export function readSheetValues(rt: Runtime, sheetName: string, opts: ReadOptions = {}): unknown[][] {
  const sheet = sheetModel(rt, sheetName, opts.spreadsheetId);
  if (opts.a1 === undefined && sheet.lastRow() === 0) return [];
  const r = blockOf(sheet, opts.a1);
  return readValues(sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1).map((row) =>
    row.map((v) => (v instanceof DateMark ? new Date(v.t) : v)),
  );
}

export function readDisplayValues(rt: Runtime, sheetName: string, opts: ReadOptions = {}): string[][] {
  const sheet = sheetModel(rt, sheetName, opts.spreadsheetId);
  if (opts.a1 === undefined && sheet.lastRow() === 0) return [];
  const r = blockOf(sheet, opts.a1);
  const out: string[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: string[] = [];
    for (let c = r.c1; c <= r.c2; c++)
      line.push(displayOf(sheet.cell(row, c), sheet.layers.numberFormat.get(row, c), sheet.parent.locale));
    out.push(line);
  }
  return out;
}

export function readFormulas(rt: Runtime, sheetName: string, opts: ReadOptions = {}): string[][] {
  const sheet = sheetModel(rt, sheetName, opts.spreadsheetId);
  const r = blockOf(sheet, opts.a1);
  const out: string[][] = [];
  for (let row = r.r1; row <= r.r2; row++) {
    const line: string[] = [];
    for (let c = r.c1; c <= r.c2; c++) line.push(sheet.formula(row, c) ?? '');
    out.push(line);
  }
  return out;
}

// ---- facades for other modules (already wrapped: put them straight into event objects) ----

export function spreadsheetFacade(exec: Execution, spreadsheetId?: string): SpreadsheetImpl {
  return new SpreadsheetImpl(exec, spreadsheetModel(exec.runtime, spreadsheetId))._wrapped();
}

export function sheetFacade(exec: Execution, sheetName: string, spreadsheetId?: string): SheetImpl {
  return new SheetImpl(exec, sheetModel(exec.runtime, sheetName, spreadsheetId))._wrapped();
}

export function rangeFacade(exec: Execution, sheetName: string, a1: string, spreadsheetId?: string): RangeImpl {
  const sheet = sheetModel(exec.runtime, sheetName, spreadsheetId);
  const r = blockOf(sheet, a1);
  return new RangeImpl(exec, sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1)._wrapped();
}

// ---- selections and UI context ----

/** What a person has selected: getActiveSheet/getActiveRange in that person's menu, sidebar and editor runs. */
export function setActiveSelection(
  rt: Runtime,
  user: string,
  sheetName: string,
  a1 = 'A1',
  spreadsheetId?: string,
): void {
  const ss = spreadsheetModel(rt, spreadsheetId);
  const sheet = sheetModel(rt, sheetName, spreadsheetId);
  const store = spreadsheetStore(rt);
  store.selections.set(store.selectionKey(ss.id, user), { sheetId: sheet.id, rect: blockOf(sheet, a1) });
}

/** The active sheet/range of one execution (the trigger module sets the edited range for onEdit). */
export function setExecutionSelection(exec: Execution, sheetName: string, a1 = 'A1', spreadsheetId?: string): void {
  const ss = spreadsheetModel(exec.runtime, spreadsheetId);
  const sheet = sheetModel(exec.runtime, sheetName, spreadsheetId);
  ctxOf(exec).selection = { ss, sel: { sheetId: sheet.id, rect: blockOf(sheet, a1) } };
}

/** Lets getUi() work in this execution (an installable on-open trigger). */
export function allowUi(exec: Execution): void {
  ctxOf(exec).uiAllowed = true;
}

export function uiEvents(rt: Runtime, kind?: UiEventKind): UiEvent[] {
  const events = spreadsheetStore(rt).ui.events;
  return kind ? events.filter((e) => e.kind === kind) : [...events];
}

/** The custom menus a person's last onOpen (or menu code) added. */
export function menusFor(rt: Runtime, user: string): MenuRecord[] {
  return spreadsheetStore(rt).ui.menus.get(user) ?? [];
}

/** The answer the next alert/prompt gets (first in, first out). */
export function queueUiAnswer(rt: Runtime, answer: UiAnswer): void {
  spreadsheetStore(rt).ui.answers.push(answer);
}

// ---- people and documents ----

export function shareSpreadsheet(rt: Runtime, spreadsheetId: string, email: string, role: 'editor' | 'viewer'): void {
  const ss = spreadsheetModel(rt, spreadsheetId);
  if (ss.access(email) === 'owner') return;
  ss.editors = ss.editors.filter((e) => e.toLowerCase() !== email.toLowerCase());
  ss.viewers = ss.viewers.filter((e) => e.toLowerCase() !== email.toLowerCase());
  (role === 'editor' ? ss.editors : ss.viewers).push(email);
}

export function createSpreadsheet(rt: Runtime, name: string, owner: string): SpreadsheetModel {
  const container = containerSpreadsheet(rt);
  return spreadsheetStore(rt).create(name, owner, { timeZone: container.timeZone, locale: container.locale });
}

/** Marks a sheet as a form's response destination (Sheet.getFormUrl / Spreadsheet.getFormUrl). */
export function linkFormToSheet(rt: Runtime, spreadsheetId: string, sheetName: string, formUrl: string | null): void {
  const ss = spreadsheetModel(rt, spreadsheetId);
  const sheet = sheetModel(rt, sheetName, spreadsheetId);
  sheet.formUrl = formUrl;
  ss.formUrl = formUrl ?? ss.sheets.find((s) => s.formUrl)?.formUrl ?? null;
}

export function canUserEdit(
  rt: Runtime,
  user: string,
  spreadsheetId: string,
  sheetName: string,
  row: number,
  col: number,
): boolean {
  const ss = spreadsheetModel(rt, spreadsheetId);
  return userCanEditCell(ss, user, sheetModel(rt, sheetName, spreadsheetId), row, col);
}

/** How a person's typed text would be stored in (row, col). */
function typedCell(sheet: SheetModel, row: number, col: number, value: unknown): Input {
  if (typeof value === 'string') {
    return parseTyped(value, {
      locale: sheet.parent.locale,
      year: yearNow(sheet),
      format: sheet.layers.numberFormat.get(row, col),
    });
  }
  return toCell(value, sheet, sheet.layers.numberFormat.get(row, col), yearNow(sheet));
}

/** The data-validation verdict on what a person types into (row, col). */
export function checkUserInput(
  rt: Runtime,
  spreadsheetId: string,
  sheetName: string,
  row: number,
  col: number,
  value: unknown,
): InputCheck {
  const sheet = sheetModel(rt, sheetName, spreadsheetId);
  return checkRule(sheet.layers.validation.get(row, col), cellOf(typedCell(sheet, row, col, value)), sheet);
}

export interface PersonEdit {
  /** Values before and after (getValues form, host Dates), for the onEdit event's oldValue/value. */
  oldValues: unknown[][];
  newValues: unknown[][];
  /** Cells whose validation flagged the input (allowed, shown with a warning). */
  invalid: Array<{ row: number; col: number; helpText: string }>;
}

/**
 * A person types values into a block (as in the Sheets UI): protections and rejecting validations refuse
 * the whole edit (throws, nothing changes); strings are parsed as typed input. Does not fire triggers.
 */
export function personEdit(
  rt: Runtime,
  user: string,
  sheetName: string,
  a1: string,
  values: unknown[][],
  spreadsheetId?: string,
): PersonEdit {
  const ss = spreadsheetModel(rt, spreadsheetId);
  const sheet = sheetModel(rt, sheetName, spreadsheetId);
  const r = blockOf(sheet, a1);
  const invalid: PersonEdit['invalid'] = [];
  const parsed: Input[][] = [];
  for (let i = 0; i <= r.r2 - r.r1; i++) {
    const line: Input[] = [];
    for (let j = 0; j <= r.c2 - r.c1; j++) {
      const row = r.r1 + i;
      const col = r.c1 + j;
      if (!userCanEditCell(ss, user, sheet, row, col)) throw new Error(MSG.protectedCell);
      const p = typedCell(sheet, row, col, values[i]?.[j] ?? '');
      const check = checkRule(sheet.layers.validation.get(row, col), cellOf(p), sheet);
      if (check.rejected)
        throw new Error(
          `Invalid input in ${sheetName}!${row}:${col}: ${check.helpText || 'the data violates the validation rule'}`,
        );
      if (!check.valid) invalid.push({ row, col, helpText: check.helpText });
      line.push(p);
    }
    parsed.push(line);
  }
  const nr = r.r2 - r.r1 + 1;
  const nc = r.c2 - r.c1 + 1;
  const host = () =>
    readValues(sheet, r.r1, r.c1, nr, nc).map((row) => row.map((v) => (v instanceof DateMark ? new Date(v.t) : v)));
  const oldValues = host();
  parsed.forEach((line, i) => {
    line.forEach((p, j) => {
      sheet.setCell(r.r1 + i, r.c1 + j, cellOf(p), formulaOf(p));
    });
  });
  return { oldValues, newValues: host(), invalid };
}

/**
 * Host-side write (forms, seeding test data): values as given (strings verbatim unless `typed`), host or
 * realm Dates stored as date-times of the spreadsheet's zone. No protection check.
 */
export function writeCells(
  rt: Runtime,
  sheetName: string,
  row: number,
  col: number,
  values: unknown[][],
  opts: { spreadsheetId?: string; typed?: boolean } = {},
): void {
  const sheet = sheetModel(rt, sheetName, opts.spreadsheetId);
  const year = yearNow(sheet);
  values.forEach((line, i) => {
    line.forEach((v, j) => {
      const p = hostCell(sheet, row + i, col + j, v, opts.typed === true, year);
      sheet.setCell(row + i, col + j, cellOf(p), formulaOf(p));
    });
  });
}

/** A host value as stored: strings verbatim unless typed; Dates follow the cell's date format when it has one. */
function hostCell(sheet: SheetModel, row: number, col: number, v: unknown, typed: boolean, year: number): Input {
  const format = sheet.layers.numberFormat.get(row, col);
  if (typed && typeof v === 'string') return parseTyped(v, { locale: sheet.parent.locale, year, format });
  if (typeof v === 'string') {
    if (v.length > MAX_CELL_CHARS) throw new Error(MSG.tooManyChars);
    return v;
  }
  return toCell(v, sheet, format, year);
}

/** Host-side appendRow (a form submission landing in its responses sheet); returns the row written. */
export function appendRowHost(
  rt: Runtime,
  sheetName: string,
  values: unknown[],
  opts: { spreadsheetId?: string; typed?: boolean } = {},
): number {
  const sheet = sheetModel(rt, sheetName, opts.spreadsheetId);
  const r = sheet.lastRow() + 1;
  const year = yearNow(sheet);
  const parsed = values.map((v, j) => hostCell(sheet, Math.min(r, sheet.maxRows), j + 1, v, opts.typed === true, year));
  return sheet.appendRow(parsed.map(cellOf), parsed.map(formulaOf));
}
