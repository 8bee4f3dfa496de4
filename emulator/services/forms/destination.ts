/**
 * A form's response destination: the responses sheet Google creates in the linked spreadsheet, its header
 * row (the timestamp, the respondent's e-mail when collected, then one column per question), and the row
 * each submission appends. Columns are followed by their header text, so a column a person moves keeps
 * receiving its question's answers; a question added later gets a new column at the right; a renamed
 * question renames its header; a deleted question's column stays.
 *
 * Written through the spreadsheet module's host API (appendRowHost, writeCells, linkFormToSheet): answers
 * are parsed as typed input, as Google writes them (a plain-text `@` column keeps "007" as text, an
 * automatic one turns it into 7); an answer beginning with "=" stays text, never a formula.
 */
import type { Runtime } from '../../runtime';
import {
  appendRowHost,
  columnToLetters,
  linkFormToSheet,
  readDisplayValues,
  type SheetModel,
  type SpreadsheetModel,
  spreadsheetStore,
  writeCells,
} from '../spreadsheet/index';
import {
  type Answer,
  EMAIL_KEY,
  FORM_MSG,
  type FormModel,
  QUESTION_TYPES,
  type ResponseModel,
  TIMESTAMP_KEY,
} from './model';

interface Labels {
  timestamp: string;
  email: string;
  sheet: (n: number) => string;
}

// The responses sheet and its first headers follow the spreadsheet's locale: «Ответы на форму (1)» and
// «Отметка времени» in a Russian spreadsheet, "Form Responses 1" and "Timestamp" in an English one.
const RU: Labels = {
  timestamp: 'Отметка времени',
  email: 'Адрес электронной почты',
  sheet: (n) => `Ответы на форму (${n})`,
};
const EN: Labels = { timestamp: 'Timestamp', email: 'Email Address', sheet: (n) => `Form Responses ${n}` };

export function labelsFor(locale: string): Labels {
  return locale.toLowerCase().startsWith('ru') ? RU : EN;
}

function spreadsheetOf(rt: Runtime, id: string): SpreadsheetModel | undefined {
  return spreadsheetStore(rt).get(id);
}

/** The linked responses sheet, if the form has a destination and the sheet still exists. */
export function responsesSheet(rt: Runtime, form: FormModel): SheetModel | undefined {
  const d = form.destination;
  if (!d) return undefined;
  const sheet = spreadsheetOf(rt, d.spreadsheetId)?.sheetById(d.sheetId);
  return sheet && !sheet.deleted ? sheet : undefined;
}

/** Links the form to a new responses sheet in the spreadsheet (Form.setDestination). */
export function linkDestination(rt: Runtime, form: FormModel, spreadsheetId: string, user: string): void {
  const ss = spreadsheetOf(rt, spreadsheetId);
  if (!ss) throw new Error(FORM_MSG.noItem);
  if (!ss.canEditDocument(user)) throw new Error(FORM_MSG.noAccess);
  const current = form.destination;
  if (current && current.spreadsheetId === spreadsheetId && responsesSheet(rt, form)) return;
  unlinkDestination(rt, form);
  const labels = labelsFor(ss.locale);
  let n = 1;
  while (ss.nameTaken(labels.sheet(n))) n++;
  // Google puts the new responses sheet first, with the header row frozen.
  const sheet = ss.insertSheet(labels.sheet(n), 0);
  sheet.frozenRows = 1;
  form.destination = { spreadsheetId, sheetId: sheet.id, headers: new Map() };
  syncHeaders(rt, form);
  linkFormToSheet(rt, spreadsheetId, sheet.name, form.linkUrl);
  // The responses the form already holds are copied into the new sheet.
  for (const r of form.responses) if (r.id !== null) writeResponseRow(rt, form, r);
}

/** Form.removeDestination: the sheet and its rows stay; it is no longer linked (getFormUrl() is null). */
export function unlinkDestination(rt: Runtime, form: FormModel): void {
  const d = form.destination;
  if (!d) return;
  form.destination = null;
  const sheet = spreadsheetOf(rt, d.spreadsheetId)?.sheetById(d.sheetId);
  if (sheet && !sheet.deleted) linkFormToSheet(rt, d.spreadsheetId, sheet.name, null);
}

/** The header keys the form writes, in column order for a new sheet, with their texts. */
function wantedHeaders(form: FormModel, labels: Labels): Array<[number, string]> {
  const out: Array<[number, string]> = [[TIMESTAMP_KEY, labels.timestamp]];
  if (form.collectEmail) out.push([EMAIL_KEY, labels.email]);
  for (const item of form.items) if (QUESTION_TYPES.has(item.type)) out.push([item.id, item.title]);
  return out;
}

function headerText(sheet: SheetModel, col: number): string {
  const v = sheet.cell(1, col);
  return typeof v === 'string' ? v : String(v);
}

/**
 * Where each of the form's columns is now: at the column it was written to if its header is still there,
 * else wherever a person moved it (found by its header text); missing when neither.
 */
function locateColumns(form: FormModel, sheet: SheetModel): Map<number, number> {
  const found = new Map<number, number>();
  const d = form.destination;
  if (!d) return found;
  const claimed = new Set<number>();
  const pending: Array<[number, string]> = [];
  for (const [key, h] of d.headers) {
    if (headerText(sheet, h.col) === h.text && !claimed.has(h.col)) {
      found.set(key, h.col);
      claimed.add(h.col);
    } else pending.push([key, h.text]);
  }
  const last = sheet.lastColumn();
  for (const [key, text] of pending) {
    for (let c = 1; c <= last; c++) {
      if (text !== '' && !claimed.has(c) && headerText(sheet, c) === text) {
        found.set(key, c);
        claimed.add(c);
        break;
      }
    }
  }
  return found;
}

function ensureColumns(sheet: SheetModel, col: number): void {
  if (col > sheet.maxCols) sheet.insertCols(sheet.maxCols + 1, col - sheet.maxCols);
}

/** Brings the header row up to date with the form: new questions get columns, renamed ones new headers. */
export function syncHeaders(rt: Runtime, form: FormModel): void {
  const d = form.destination;
  const sheet = responsesSheet(rt, form);
  if (!d || !sheet) return;
  const located = locateColumns(form, sheet);
  let next = Math.max(sheet.lastColumn(), ...located.values(), 0) + 1;
  for (const [key, text] of wantedHeaders(form, labelsFor(sheet.parent.locale))) {
    let col = located.get(key);
    if (col === undefined) {
      col = next;
      next += 1;
    }
    if (headerText(sheet, col) !== text || !d.headers.has(key)) {
      ensureColumns(sheet, col);
      writeCells(rt, sheet.name, 1, col, [[text]], { spreadsheetId: d.spreadsheetId });
    }
    d.headers.set(key, { text, col });
  }
}

/** How an answer is shown in the responses sheet: checkbox answers joined with ", ". */
export function answerText(answer: Answer): string {
  return Array.isArray(answer) ? answer.join(', ') : answer;
}

/** Typed-input text that Sheets stores as the answer's own text where it would become a formula. */
function typedAnswer(text: string): string {
  return text.startsWith('=') || text.startsWith("'") ? `'${text}` : text;
}

export interface WrittenRow {
  spreadsheetId: string;
  sheetName: string;
  row: number;
  /** The last column the form wrote (the row's range runs from A to it). */
  lastColumn: number;
}

/** Appends a response's row to the responses sheet; undefined when the form has no (existing) destination. */
export function writeResponseRow(rt: Runtime, form: FormModel, response: ResponseModel): WrittenRow | undefined {
  const d = form.destination;
  const sheet = responsesSheet(rt, form);
  if (!d || !sheet || response.timestamp === null) return undefined;
  syncHeaders(rt, form);
  const cols = locateColumns(form, sheet);
  const opts = { spreadsheetId: d.spreadsheetId };
  const tsCol = cols.get(TIMESTAMP_KEY) ?? 1;
  const leading: unknown[] = new Array(tsCol).fill('');
  leading[tsCol - 1] = new Date(response.timestamp);
  const row = appendRowHost(rt, sheet.name, leading, opts);
  let lastColumn = Math.max(...cols.values(), tsCol);
  const emailCol = cols.get(EMAIL_KEY);
  if (emailCol !== undefined && form.collectEmail && response.respondentEmail) {
    writeCells(rt, sheet.name, row, emailCol, [[typedAnswer(response.respondentEmail)]], { ...opts, typed: true });
  }
  for (const [item, answer] of form.answersInItemOrder(response)) {
    const col = cols.get(item.id);
    if (col === undefined) continue;
    const text = answerText(answer);
    if (text !== '') writeCells(rt, sheet.name, row, col, [[typedAnswer(text)]], { ...opts, typed: true });
    lastColumn = Math.max(lastColumn, col);
  }
  return { spreadsheetId: d.spreadsheetId, sheetName: sheet.name, row, lastColumn };
}

/** The spreadsheet form-submit event's data for a written row: display strings, as the sheet shows them. */
export function rowEventData(
  rt: Runtime,
  w: WrittenRow,
): { a1: string; values: string[]; namedValues: Record<string, string[]> } {
  const a1 = `A${w.row}:${columnToLetters(w.lastColumn)}${w.row}`;
  const values = readDisplayValues(rt, w.sheetName, { spreadsheetId: w.spreadsheetId, a1 })[0] ?? [];
  const headers =
    readDisplayValues(rt, w.sheetName, {
      spreadsheetId: w.spreadsheetId,
      a1: `A1:${columnToLetters(w.lastColumn)}1`,
    })[0] ?? [];
  const namedValues: Record<string, string[]> = {};
  headers.forEach((h, i) => {
    // Questions sharing a title share one entry, each answer in it.
    const list = namedValues[h] ?? [];
    list.push(values[i] ?? '');
    namedValues[h] = list;
  });
  return { a1, values, namedValues };
}
