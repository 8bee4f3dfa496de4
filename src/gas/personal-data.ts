/**
 * Where the helpdesk keeps requesters' personal data, and the calls that clear it (152-FZ): the log's
 * personal cells, the mail queue's recipient and body, the bookkeeping's overflow, the rows of the forms'
 * responses sheets, the forms' own responses and the school's mailbox. The decisions are the domain's
 * (domain/retention.ts); this file only reads and writes, in as few calls as the shapes allow.
 */
import { MAIL_STATUSES } from '../domain/mail-queue';
import type { Status } from '../domain/request';
import { clearedValue, consecutiveRuns, mentionsAny } from '../domain/retention';
import { CHOICE_LISTS, FIRST_DATA_ROW } from '../domain/schema';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import { type CellValue, instantOfCell, type RecordOf, type Table, text } from './table';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

// ---- cells of a table ------------------------------------------------------------------------------------

/** A status label in either language back to its key; a label typed by hand that matches none is undefined. */
export function statusOfLabel(cell: CellValue | undefined): Status | undefined {
  const wanted = text(cell).trim().toLowerCase();
  if (!wanted) return undefined;
  return CHOICE_LISTS.status.find(
    (key) => ru.choices.status[key].toLowerCase() === wanted || en.choices.status[key].toLowerCase() === wanted,
  );
}

export function millisOf(cell: CellValue | undefined): number | undefined {
  return instantOfCell(cell);
}

/** The cells of `keys` as text, for the domain's comparisons. */
export function cellTexts(values: RecordOf, keys: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = text(values[key]);
  return out;
}

/** What the personal cells of `keys` become (domain/retention.ts clearedValue). */
export function clearedCells(values: RecordOf, keys: readonly string[], marker: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of keys) out[key] = clearedValue(key, text(values[key]), marker);
  return out;
}

/** The rows [start, start + count) across the table's width, by key: what a re-check under the lock compares. */
export function readRowsAt(table: Table, start: number, count: number): RecordOf[] {
  const grid = table.sheet.getRange(start, 1, count, table.lastColumn).getValues() as CellValue[][];
  return grid.map((line) => {
    const values: RecordOf = {};
    for (const [key, column] of table.columns) values[key] = line[column - 1];
    return values;
  });
}

export interface RowCells {
  row: number;
  values: Readonly<Record<string, CellValue>>;
}

/**
 * Writes the cells of `keys` in each row given, and nothing else: one call per run of consecutive rows and
 * run of adjacent columns, so the cells between (people's columns, other rows) are never rewritten.
 */
export function writeRowCells(table: Table, rows: readonly RowCells[], keys: readonly string[]): void {
  if (rows.length === 0) return;
  const byRow = new Map(rows.map((r) => [r.row, r.values]));
  const keyAt = new Map<number, string>();
  for (const key of keys) {
    const column = table.columns.get(key);
    if (column !== undefined) keyAt.set(column, key);
  }
  const columnRuns = consecutiveRuns([...keyAt.keys()]);
  for (const rowRun of consecutiveRuns([...byRow.keys()])) {
    for (const colRun of columnRuns) {
      const grid: CellValue[][] = [];
      for (let r = rowRun.start; r < rowRun.start + rowRun.count; r++) {
        const values = byRow.get(r) as Readonly<Record<string, CellValue>>;
        const line: CellValue[] = [];
        for (let c = colRun.start; c < colRun.start + colRun.count; c++)
          line.push(values[keyAt.get(c) as string] ?? '');
        grid.push(line);
      }
      table.sheet.getRange(rowRun.start, colRun.start, rowRun.count, colRun.count).setValues(grid);
    }
  }
}

/** Single columns, each in one read: for long owner-only sheets where a few of many columns decide. */
function readColumns(table: Table, keys: readonly string[]): RecordOf[] {
  const count = table.lastRow - FIRST_DATA_ROW + 1;
  if (count <= 0) return [];
  const rows: RecordOf[] = Array.from({ length: count }, () => ({}));
  for (const key of keys) {
    const column = table.columns.get(key);
    if (column === undefined) continue;
    const cells = table.sheet.getRange(FIRST_DATA_ROW, column, count, 1).getValues() as CellValue[][];
    cells.forEach(([cell], i) => {
      rows[i][key] = cell;
    });
  }
  return rows;
}

// ---- the lock --------------------------------------------------------------------------------------------

export type Locked<T> = { done: true; value: T } | { done: false };

/** Runs under the script lock, flushing before release; `done: false` when another run held it too long. */
export function withScriptLock<T>(waitMs: number, run: () => T): Locked<T> {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(waitMs)) return { done: false };
  try {
    return { done: true, value: run() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

// ---- the mail queue and the bookkeeping ------------------------------------------------------------------

export interface QueueClearing {
  /** Rows whose recipient or body was cleared now. */
  rows: number;
  /** The conversations the chosen rows went out in (cleared now or before). */
  threadIds: string[];
}

const UNSENT: readonly string[] = MAIL_STATUSES.filter((s) => s === 'queued' || s === 'pending');

/**
 * Clears `to` and `payload` of the queue rows `wanted` picks. The key stays, so nothing is queued again; a
 * message not sent yet is failed with `error`, so it never goes out half-empty. Call under the script lock.
 */
export function clearQueueRows(
  table: Table,
  wanted: (requestId: string, to: string) => boolean,
  error: string,
): QueueClearing {
  const cells = readColumns(table, ['requestId', 'to', 'payload', 'status', 'threadId']);
  const cleared: RowCells[] = [];
  const failed: RowCells[] = [];
  const threadIds = new Set<string>();
  cells.forEach((values, i) => {
    if (!wanted(text(values.requestId).trim(), text(values.to))) return;
    const row = FIRST_DATA_ROW + i;
    const thread = text(values.threadId).trim();
    if (thread) threadIds.add(thread);
    if (text(values.to) !== '' || text(values.payload) !== '') cleared.push({ row, values: { to: '', payload: '' } });
    if (UNSENT.indexOf(text(values.status).trim()) >= 0) failed.push({ row, values: { status: 'failed', error } });
  });
  writeRowCells(table, cleared, ['to', 'payload']);
  writeRowCells(table, failed, ['status', 'error']);
  return { rows: cleared.length, threadIds: [...threadIds] };
}

/** Clears the overflow text kept for the requests `ids`; returns how many rows held some. Under the lock. */
export function clearOverflow(table: Table, ids: ReadonlySet<string>): number {
  const cells = readColumns(table, ['requestId', 'overflow']);
  const rows: RowCells[] = [];
  cells.forEach((values, i) => {
    if (ids.has(text(values.requestId).trim()) && text(values.overflow) !== '') {
      rows.push({ row: FIRST_DATA_ROW + i, values: { overflow: '' } });
    }
  });
  writeRowCells(table, rows, ['overflow']);
  return rows.length;
}

/** Each request's source key (`form:<responseId>`, `manual:…`, `email:…`) from the bookkeeping, in two column reads. */
export function sourceKeysByRequest(table: Table): Map<string, string> {
  const out = new Map<string, string>();
  for (const values of readColumns(table, ['requestId', 'sourceKey'])) {
    const id = text(values.requestId).trim();
    const key = text(values.sourceKey).trim();
    if (id && key) out.set(id, key);
  }
  return out;
}

/** The form response a request came from, if it came from the form. */
export function formResponseIdOf(sourceKey: string | undefined): string | undefined {
  return sourceKey !== undefined && sourceKey.indexOf('form:') === 0 ? sourceKey.slice('form:'.length) : undefined;
}

// ---- forms and their responses sheets ----------------------------------------------------------------------

/** The sheets that receive a form's responses, found by their link (their names are Google's, localised). */
export function formResponseSheets(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Sheet[] {
  return ss.getSheets().filter((sheet) => Boolean(sheet.getFormUrl()));
}

function cellText(cell: CellValue): string {
  return millisOf(cell) === undefined ? text(cell) : '';
}

/**
 * Deletes the response rows (below the header row) whose contact mentions one of `keys`: the column headed
 * `contactTitle`, or the whole row when no header has that title (someone renamed it). Bottom-up, so the
 * row numbers still to delete stay right. Returns how many rows went.
 */
export function deleteRowsMentioning(sheet: Sheet, keys: ReadonlySet<string>, contactTitle: string): number {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (lastRow < 2 || lastColumn === 0) return 0;
  const grid = sheet.getRange(1, 1, lastRow, lastColumn).getValues() as CellValue[][];
  const contactColumn = grid[0].findIndex((h) => text(h).trim() === contactTitle.trim());
  const rows: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    const cells = contactColumn >= 0 ? [grid[i][contactColumn]] : grid[i];
    if (cells.some((cell) => mentionsAny(cellText(cell), keys))) rows.push(i + 1);
  }
  return deleteRowList(sheet, rows);
}

/** Deletes the listed rows bottom-up, so the row numbers still to delete stay right; returns how many. */
function deleteRowList(sheet: Sheet, rows: readonly number[]): number {
  if (rows.length === 0) return 0;
  // Sheets refuses to delete every row below the frozen ones: keep one blank row.
  if (sheet.getMaxRows() - sheet.getFrozenRows() - rows.length <= 0) sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  for (const run of consecutiveRuns(rows).reverse()) sheet.deleteRows(run.start, run.count);
  return rows.length;
}

/** A registered response, as its responses-sheet row shows it: the second it was submitted and its contact. */
export interface SubmittedResponse {
  second: number;
  keys: readonly string[];
}

/**
 * Deletes the rows of a responses sheet that are these responses: the same submission second in the
 * timestamp column and the same contact in the column headed `contactTitle` — both, so someone else's
 * response of the same second stays. Reads the header, then just those two columns.
 */
export function deleteResponseRows(
  sheet: Sheet,
  contactTitle: string,
  responses: readonly SubmittedResponse[],
): number {
  const lastRow = sheet.getLastRow();
  const lastColumn = sheet.getLastColumn();
  if (responses.length === 0 || lastRow < 2 || lastColumn === 0) return 0;
  const [header, first] = sheet.getRange(1, 1, 2, lastColumn).getValues() as CellValue[][];
  const contactColumn = header.findIndex((h) => text(h).trim() === contactTitle.trim()) + 1;
  // Google writes the timestamp first; people may move it, so the column is the one that holds dates.
  const timeColumn = first.findIndex((cell) => millisOf(cell) !== undefined) + 1;
  if (contactColumn === 0 || timeColumn === 0) return 0;
  const times = sheet.getRange(2, timeColumn, lastRow - 1, 1).getValues() as CellValue[][];
  const contacts = sheet.getRange(2, contactColumn, lastRow - 1, 1).getValues() as CellValue[][];
  const bySecond = new Map<number, Set<string>>();
  for (const r of responses) {
    const keys = bySecond.get(r.second) ?? new Set<string>();
    for (const k of r.keys) keys.add(k);
    bySecond.set(r.second, keys);
  }
  const rows: number[] = [];
  times.forEach(([time], i) => {
    const ms = millisOf(time);
    const keys = ms === undefined ? undefined : bySecond.get(Math.floor(ms / 1000));
    if (keys && mentionsAny(cellText(contacts[i][0]), keys)) rows.push(i + 2);
  });
  return deleteRowList(sheet, rows);
}

export function openFormById(formId: string | undefined): GoogleAppsScript.Forms.Form | undefined {
  if (!formId) return undefined;
  try {
    return FormApp.openById(formId);
  } catch {
    return undefined;
  }
}

export function openSpreadsheetById(id: string | undefined): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
  if (!id) return undefined;
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return undefined;
  }
}

/** A question's title, which is also its responses-sheet header; '' when the question is gone. */
export function itemTitle(form: GoogleAppsScript.Forms.Form, itemId: number | undefined): string {
  const item = itemId === undefined ? null : form.getItemById(itemId);
  return item ? item.getTitle() : '';
}

function answerText(answer: unknown): string {
  return Array.isArray(answer) ? answer.join(', ') : String(answer ?? '');
}

/** IDs of the responses (since `since`, when given) whose answer to the contact question mentions one of `keys`. */
export function responsesMentioning(
  form: GoogleAppsScript.Forms.Form,
  contactItemId: number | undefined,
  keys: ReadonlySet<string>,
  since?: Date,
): string[] {
  const item = contactItemId === undefined ? null : form.getItemById(contactItemId);
  const responses = since ? form.getResponses(since) : form.getResponses();
  return responses
    .filter((response) => {
      const answers = item ? [response.getResponseForItem(item)] : response.getItemResponses();
      return answers.some((a) => a !== null && mentionsAny(answerText(a.getResponse()), keys));
    })
    .map((response) => response.getId());
}

/** Deletes responses from the form's own store; one already gone counts as done. Returns how many went now. */
export function deleteFormResponses(form: GoogleAppsScript.Forms.Form, responseIds: readonly string[]): number {
  let deleted = 0;
  for (const id of new Set(responseIds)) {
    try {
      form.deleteResponse(id);
      deleted++;
    } catch {
      // deleted before (an earlier run, or by hand)
    }
  }
  return deleted;
}

// ---- the school's mailbox ---------------------------------------------------------------------------------

const SEARCH_PAGE = 500;
/** GmailApp.moveThreadsToTrash takes at most 100 threads a call. */
const TRASH_BATCH = 100;

function threadById(id: string): GoogleAppsScript.Gmail.GmailThread | null {
  try {
    return GmailApp.getThreadById(id);
  } catch {
    return null;
  }
}

function searchAll(query: string, into: Map<string, GoogleAppsScript.Gmail.GmailThread>): void {
  for (let start = 0; ; start += SEARCH_PAGE) {
    const page = GmailApp.search(query, start, SEARCH_PAGE);
    for (const thread of page) into.set(thread.getId(), thread);
    if (page.length < SEARCH_PAGE) return;
  }
}

/**
 * Moves to the bin every conversation of the running account's mailbox that one of `queries` finds or one
 * of `threadIds` names (search leaves the bin out); returns how many were moved now. Gmail empties its bin
 * after 30 days.
 */
export function trashConversations(queries: readonly string[], threadIds: readonly string[]): number {
  const threads = new Map<string, GoogleAppsScript.Gmail.GmailThread>();
  for (const query of queries) searchAll(query, threads);
  for (const id of threadIds) {
    if (threads.has(id)) continue;
    const thread = threadById(id);
    if (thread && !thread.isInTrash()) threads.set(id, thread);
  }
  const list = [...threads.values()];
  for (let i = 0; i < list.length; i += TRASH_BATCH) GmailApp.moveThreadsToTrash(list.slice(i, i + TRASH_BATCH));
  return list.length;
}
