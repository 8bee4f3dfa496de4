/**
 * `anonymiseExpired`, daily at night as the school account (152-FZ: personal data is kept no longer than
 * its purpose needs). Requests whose retention period has run out (domain/retention.ts says which) lose
 * their personal cells; the request ID, dates, topic, status and channel stay for the statistics. The
 * mail queue's recipient and body of those requests and their bookkeeping overflow are cleared too.
 *
 * A request that came through the form also has raw copies: its row in the form's responses sheet and
 * the response in the form's own store. They are deleted with it (the request stays in the log, so the
 * statistics lose nothing). The school's mailbox is left alone: see the report for why.
 *
 * One read of the log finds the rows. Each window of rows is read again under the script lock just before
 * its write, and a row someone changed meanwhile (reopened, edited) is left alone: the next run decides
 * again. The copies go first and the log's cells last, all under the lock, so a run that fails half-way
 * leaves the row due and the next run finishes it. Only the personal cells are written, in blocks of
 * consecutive rows and adjacent columns. The run stops inside its time budget; the rest is found again the
 * next night, since the state is in the cells.
 */
import { contactKeys } from '../domain/contacts';
import { holdsPersonalData, isDueForAnonymisation, personalColumns, retentionMonths } from '../domain/retention';
import { appendAudit, type AuditEntry } from '../gas/audit-log';
import { readFormsRecord } from '../gas/forms';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import {
  cellTexts,
  clearedCells,
  clearOverflow,
  clearQueueRows,
  deleteFormResponses,
  deleteResponseRows,
  formResponseIdOf,
  formResponseSheets,
  itemTitle,
  millisOf,
  openFormById,
  readRowsAt,
  sourceKeysByRequest,
  statusOfLabel,
  withScriptLock,
  writeRowCells,
} from '../gas/personal-data';
import { recordHeartbeat } from '../gas/properties';
import { type RecordOf, readRecords, type Table, text } from '../gas/table';
import { format } from '../locale/index';
import { PRIVACY_MARKERS, type PrivacyTexts, privacyTexts } from '../locale/privacy';

export const ANONYMISE_JOB = 'anonymiseExpired';
/** Apps Script stops a run at 6 minutes; this one stops well before. */
const RUN_BUDGET_MS = 4 * 60_000;
/** Kept after the last window for the queue, the bookkeeping and the audit entry. */
const TAIL_RESERVE_MS = 45_000;
/** Rows re-read at once under the lock: short enough that form submissions do not wait long. */
const WINDOW_ROWS = 200;
const LOCK_WAIT_MS = 10_000;
/** Request IDs per audit entry: a cell holds 50 000 characters. */
const IDS_PER_ENTRY = 1_000;
const PERSONAL = personalColumns('requests');

export interface AnonymiseReport {
  /** IDs whose personal cells this run cleared. */
  anonymised: string[];
  /** IDs a person changed during the run: left for the next run, which decides again. */
  changedMeanwhile: string[];
  /** Due rows this run did not reach (time budget, or the lock held by others). */
  left: number;
  /** Raw copies of the form requests anonymised now: responses in the form's store, rows of its responses sheet. */
  formResponses: number;
  responseRows: number;
  /** Queue rows and bookkeeping rows cleared of those requests' data. */
  queueRows: number;
  bookkeeping: number;
}

interface LogRow {
  row: number;
  values: RecordOf;
}

interface Policy {
  months: number;
  zone: string;
  now: number;
}

function isDue(values: RecordOf, policy: Policy): boolean {
  const facts = {
    status: statusOfLabel(values.status),
    createdAt: millisOf(values.createdAt),
    resolvedAt: millisOf(values.resolvedAt),
  };
  return isDueForAnonymisation(facts, policy.now, policy.months, policy.zone);
}

/** Still due, still the same request, and no personal cell touched since the first read. */
function unchangedSince(before: RecordOf, after: RecordOf, policy: Policy): boolean {
  return (
    isDue(after, policy) &&
    text(after.id) === text(before.id) &&
    PERSONAL.every((key) => text(after[key]) === text(before[key]))
  );
}

/** Rows whose row numbers span at most WINDOW_ROWS, in log order. */
function windowsOf(rows: readonly LogRow[]): LogRow[][] {
  const windows: LogRow[][] = [];
  for (const row of rows) {
    const current = windows[windows.length - 1];
    if (current && row.row - current[0].row < WINDOW_ROWS) current.push(row);
    else windows.push([row]);
  }
  return windows;
}

interface Progress {
  done: LogRow[];
  changed: LogRow[];
  left: LogRow[];
  formResponses: number;
  responseRows: number;
}

/** The raw copies of form requests: the form's own store and its responses sheets, opened once per run. */
interface FormCopies {
  form: GoogleAppsScript.Forms.Form | undefined;
  sheets: GoogleAppsScript.Spreadsheet.Sheet[];
  contactTitle: string;
  /** Request ID → the form response it came from. */
  responseIds: Map<string, string>;
}

function openCopies(hd: Helpdesk): FormCopies {
  const record = readFormsRecord().requests;
  const form = openFormById(record?.formId);
  const responseIds = new Map<string, string>();
  for (const [id, key] of sourceKeysByRequest(hd.table('state', true))) {
    const responseId = formResponseIdOf(key);
    if (responseId) responseIds.set(id, responseId);
  }
  const contactTitle = form ? itemTitle(form, record?.items.contact) : '';
  return { form, sheets: formResponseSheets(hd.ss), contactTitle, responseIds };
}

/** Deletes the copies of the rows' form responses; a response already gone counts as done. */
function clearCopies(copies: FormCopies, rows: readonly LogRow[], progress: Progress): void {
  const fromForm = rows.filter((r) => copies.responseIds.has(idOf(r)));
  if (fromForm.length === 0) return;
  const submitted = fromForm.map((r) => ({
    second: Math.floor((millisOf(r.values.createdAt) ?? 0) / 1000),
    keys: contactKeys(text(r.values.email), text(r.values.phone)),
  }));
  for (const sheet of copies.sheets) progress.responseRows += deleteResponseRows(sheet, copies.contactTitle, submitted);
  if (copies.form) {
    const ids = fromForm.map((r) => copies.responseIds.get(idOf(r)) as string);
    progress.formResponses += deleteFormResponses(copies.form, ids);
  }
}

interface Clearing {
  table: Table;
  policy: Policy;
  marker: string;
  copies: FormCopies;
}

/** One window under the lock: re-read, keep the unchanged rows, delete their copies, write their personal cells. */
function clearWindow(c: Clearing, window: readonly LogRow[], progress: Progress): boolean {
  const first = window[0].row;
  const outcome = withScriptLock(LOCK_WAIT_MS, () => {
    const fresh = readRowsAt(c.table, first, window[window.length - 1].row - first + 1);
    const done = window.filter((r) => unchangedSince(r.values, fresh[r.row - first], c.policy));
    clearCopies(c.copies, done, progress);
    writeRowCells(
      c.table,
      done.map((r) => ({ row: r.row, values: clearedCells(r.values, PERSONAL, c.marker) })),
      PERSONAL,
    );
    return done;
  });
  if (!outcome.done) return false;
  const done = new Set(outcome.value);
  for (const r of window) (done.has(r) ? progress.done : progress.changed).push(r);
  return true;
}

function clearLog(c: Clearing, dirty: readonly LogRow[], deadline: number): Progress {
  const progress: Progress = { done: [], changed: [], left: [], formResponses: 0, responseRows: 0 };
  const windows = windowsOf(dirty);
  for (let i = 0; i < windows.length; i++) {
    if (Date.now() >= deadline || !clearWindow(c, windows[i], progress)) {
      for (const rest of windows.slice(i)) progress.left.push(...rest);
      break;
    }
  }
  return progress;
}

const idOf = (r: LogRow): string => text(r.values.id).trim();

export function anonymiseExpiredJob(event: unknown): AnonymiseReport {
  requireTriggerEvent(event);
  const started = Date.now();
  recordHeartbeat(ANONYMISE_JOB, new Date(started));
  const hd = new Helpdesk();
  const texts = privacyTexts(hd.locale);
  const policy: Policy = { months: retentionMonths(hd.setting('retention.months')), zone: hd.zone, now: started };
  const table = hd.table('requests', true);
  const due = readRecords(table).filter((r) => isDue(r.values, policy));
  const dirty = due.filter((r) => holdsPersonalData(cellTexts(r.values, PERSONAL), PERSONAL, PRIVACY_MARKERS));
  const deadline = started + RUN_BUDGET_MS - TAIL_RESERVE_MS;
  const progress =
    dirty.length === 0
      ? { done: [], changed: [], left: [], formResponses: 0, responseRows: 0 }
      : clearLog({ table, policy, marker: texts.anonymisedMarker, copies: openCopies(hd) }, dirty, deadline);

  const open = new Set([...progress.changed, ...progress.left]);
  const clearedIds = new Set(
    due
      .filter((r) => !open.has(r))
      .map(idOf)
      .filter((id) => id !== ''),
  );
  const report: AnonymiseReport = {
    anonymised: progress.done.map(idOf),
    changedMeanwhile: progress.changed.map(idOf),
    left: progress.left.length,
    formResponses: progress.formResponses,
    responseRows: progress.responseRows,
    queueRows: 0,
    bookkeeping: 0,
  };
  withScriptLock(LOCK_WAIT_MS, () => clearOwnerCopies(hd, clearedIds, report, policy, texts));
  return report;
}

/**
 * The owner-only sheets, under the lock: the queue's copies and the bookkeeping's overflow of every request
 * whose log row is clear (so a run that stopped before this step is caught up), then the audit entry.
 */
function clearOwnerCopies(
  hd: Helpdesk,
  ids: ReadonlySet<string>,
  report: AnonymiseReport,
  policy: Policy,
  texts: PrivacyTexts,
): void {
  report.queueRows = clearQueueRows(hd.table('mailQueue', true), (id) => ids.has(id), texts.queueCleared).rows;
  report.bookkeeping = clearOverflow(hd.table('state', true), ids);
  appendAudit(hd.table('audit', true), auditEntries(report, policy, texts), hd.labels());
}

/** One entry per run (split only when the IDs would not fit a cell); IDs and counts, never the data. */
function auditEntries(report: AnonymiseReport, policy: Policy, texts: PrivacyTexts): AuditEntry[] {
  const changedAnything = report.anonymised.length + report.queueRows + report.bookkeeping > 0;
  if (!changedAnything && report.changedMeanwhile.length === 0 && report.left === 0) return [];
  const at = new Date();
  const deferred =
    report.changedMeanwhile.length + report.left > 0
      ? format(texts.audit.deferred, { changed: report.changedMeanwhile.join(', ') || '—', left: report.left })
      : '';
  const chunks: string[][] = [];
  for (let i = 0; i < Math.max(1, report.anonymised.length); i += IDS_PER_ENTRY) {
    chunks.push(report.anonymised.slice(i, i + IDS_PER_ENTRY));
  }
  return chunks.map((ids, i) => ({
    at,
    requestId: ids.length === 1 ? ids[0] : '',
    action: format(texts.audit.anonymised, { count: ids.length }),
    actor: '',
    note:
      format(texts.audit.anonymisedNote, {
        months: policy.months,
        ids: ids.join(', ') || '—',
        responses: i === 0 ? report.formResponses : 0,
        rows: i === 0 ? report.responseRows : 0,
        queue: i === 0 ? report.queueRows : 0,
        bookkeeping: i === 0 ? report.bookkeeping : 0,
      }) + (i === 0 ? deferred : ''),
  }));
}
