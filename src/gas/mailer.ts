/**
 * The mailer: the only way the product sends e-mail. At most once per key, and never silently dropped.
 *
 * - `enqueueMail` writes the «Очередь писем» sheet when the school's account runs it; anyone else's run
 *   posts the message to the work inbox (script properties), which the owner's run moves to the queue.
 * - `runMailQueue` (the owner's `runQueue`) sends in priority order within the day's recipient quota. Each
 *   entry is written `pending` and flushed before its send and `sent` with the message's IDs after it; a
 *   `pending` entry left by a run that died is looked up in the sent mail by the key in its footer before
 *   anything is resent.
 */
import {
  asFailed,
  asPending,
  asRetry,
  asSent,
  checkMessage,
  classifySendError,
  entriesToAdd,
  hasTimeFor,
  isMailKind,
  MAIL_STATUSES,
  type MailBody,
  type MailStatus,
  type MessageProblem,
  type OutgoingMessage,
  payloadOf,
  pendingToResolve,
  planSends,
  priorityOf,
  type QueueEntry,
  type SendStep,
  type SentReceipt,
  sameRecipients,
} from '../domain/mail-queue';
import { renderDigest } from '../domain/mail-templates';
import { FIRST_DATA_ROW, KEY_ROW, numberFormatOf, sheetDef } from '../domain/schema';
import { format, type LocaleCode } from '../locale/index';
import { type MailTexts, mailTexts } from '../locale/mail';
import { effectiveUserEmail } from './identity';
import { drainWork, postWork, type WorkItem } from './pending-work';
import { readLocale, readOwner, readSheetIds } from './properties';
import { type CellValue, isDateCell } from './table';
import { findSheet } from './workbook';

/** The work-inbox kind of a message posted by someone other than the owner. */
export const MAIL_WORK = 'mail';
const LOCK_WAIT_MS = 10_000;
/** Room kept for one more send (a draft, the send, the records) before the budget ends. */
const STEP_RESERVE_MS = 5_000;
const QUEUE_DEF = sheetDef('mailQueue');
/** The cells a send changes; the others are written once, when the entry is queued. */
const CHANGING_KEYS = ['status', 'sentAt', 'messageId', 'threadId', 'attempts', 'error'] as const;

/** A message the queue will not take; the message says what is wrong. Nothing was queued. */
export class MailRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailRejected';
  }
}

// ---- the queue sheet ----------------------------------------------------------------------------------------

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Row = QueueEntry & { row: number; readable: boolean };

/** What the mailer knows of the sheet: where each key is, how far it goes, which keys are queued. */
interface QueueIndex {
  sheet: Sheet;
  columns: Map<string, number>;
  width: number;
  lastRow: number;
  keys: Set<string>;
}

/** The whole queue, read in one call, with each row's cells as last read or written. */
interface Queue extends QueueIndex {
  entries: Row[];
  cells: Map<number, CellValue[]>;
}

/** Where each column key stands (1-based); undefined when setup has not made every column yet. */
function columnsOf(keyRow: readonly CellValue[]): Map<string, number> | undefined {
  const columns = new Map<string, number>();
  keyRow.forEach((cell, i) => {
    const key = String(cell).trim();
    if (key && !columns.has(key)) columns.set(key, i + 1);
  });
  return QUEUE_DEF.columns.every((c) => columns.has(c.key)) ? columns : undefined;
}

function queueSheet(locale: LocaleCode): Sheet | undefined {
  return findSheet(SpreadsheetApp.getActiveSpreadsheet(), 'mailQueue', readSheetIds(), locale);
}

/** Only the key column is read to enqueue: the payloads of a long queue stay where they are. */
function readIndex(sheet: Sheet): QueueIndex | undefined {
  const width = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  const columns = columnsOf(width > 0 ? (sheet.getRange(KEY_ROW, 1, 1, width).getValues()[0] as CellValue[]) : []);
  if (!columns) return undefined;
  const keys = new Set<string>();
  if (lastRow >= FIRST_DATA_ROW) {
    const column = sheet.getRange(FIRST_DATA_ROW, columns.get('key') as number, lastRow - FIRST_DATA_ROW + 1, 1);
    for (const [key] of column.getValues()) if (String(key).trim()) keys.add(String(key).trim());
  }
  return { sheet, columns, width, lastRow, keys };
}

function readQueue(sheet: Sheet): Queue | undefined {
  const grid = sheet.getDataRange().getValues() as CellValue[][];
  const columns = columnsOf(grid[KEY_ROW - 1] ?? []);
  if (!columns) return undefined;
  const queue: Queue = {
    sheet,
    columns,
    width: grid[0]?.length ?? 0,
    lastRow: grid.length,
    keys: new Set(),
    entries: [],
    cells: new Map(),
  };
  for (let i = FIRST_DATA_ROW - 1; i < grid.length; i++) {
    const entry = entryOf(grid[i], columns, i + 1);
    if (!entry) continue;
    queue.keys.add(entry.key);
    queue.cells.set(entry.row, grid[i]);
    queue.entries.push(entry);
  }
  return queue;
}

function millisOf(v: CellValue | undefined): number | undefined {
  if (isDateCell(v)) return v.getTime();
  return typeof v === 'number' ? v : undefined;
}

function bodyOf(payload: string): MailBody | undefined {
  try {
    const parsed = JSON.parse(payload) as Partial<MailBody>;
    if (typeof parsed?.text !== 'string' || typeof parsed.html !== 'string') return undefined;
    return { text: parsed.text, html: parsed.html, replyTo: parsed.replyTo, senderName: parsed.senderName };
  } catch {
    return undefined;
  }
}

/** A row as an entry; rows without a key or with a status the mailer does not know are left alone. */
function entryOf(cells: readonly CellValue[], columns: Map<string, number>, row: number): Row | undefined {
  const get = (key: string) => cells[(columns.get(key) as number) - 1];
  const str = (key: string) => {
    const v = get(key);
    return v === undefined || v === null ? '' : String(v).trim();
  };
  const status = str('status');
  if (!str('key') || (MAIL_STATUSES as readonly string[]).indexOf(status) < 0) return undefined;
  const body = bodyOf(str('payload'));
  return {
    row,
    readable: body !== undefined,
    key: str('key'),
    requestId: str('requestId'),
    kind: str('kind'),
    to: str('to'),
    subject: str('subject'),
    status: status as MailStatus,
    createdAt: millisOf(get('createdAt')) ?? 0,
    sentAt: millisOf(get('sentAt')),
    messageId: str('messageId'),
    threadId: str('threadId'),
    attempts: Number(get('attempts')) || 0,
    error: str('error'),
    body: body ?? { text: '', html: '' },
  };
}

function cellsOf(entry: QueueEntry): Record<string, CellValue> {
  return {
    key: entry.key,
    requestId: entry.requestId,
    kind: entry.kind,
    priority: priorityOf(entry.kind),
    to: entry.to,
    subject: entry.subject,
    status: entry.status,
    createdAt: new Date(entry.createdAt),
    sentAt: entry.sentAt === undefined ? '' : new Date(entry.sentAt),
    messageId: entry.messageId,
    threadId: entry.threadId,
    attempts: entry.attempts,
    error: entry.error,
    payload: payloadOf(entry.body),
  };
}

function sameCell(a: CellValue | undefined, b: CellValue): boolean {
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.getTime() === b.getTime();
  return String(a ?? '') === String(b);
}

/** Writes what changed in an entry's row as one block (first to last changed cell) and keeps it in memory. */
function save(queue: Queue, next: Row): Row {
  const current = queue.cells.get(next.row) as CellValue[];
  const wanted = cellsOf(next);
  const changed = CHANGING_KEYS.filter((k) => !sameCell(current[(queue.columns.get(k) as number) - 1], wanted[k]));
  if (changed.length > 0) {
    const positions = changed.map((k) => queue.columns.get(k) as number);
    const first = Math.min(...positions);
    const last = Math.max(...positions);
    for (const k of changed) current[(queue.columns.get(k) as number) - 1] = wanted[k];
    queue.sheet.getRange(next.row, first, 1, last - first + 1).setValues([current.slice(first - 1, last)]);
  }
  queue.entries = queue.entries.map((e) => (e.row === next.row ? next : e));
  return next;
}

/** An entry's cells across the sheet's width; columns the mailer does not know stay blank. */
function lineOf(index: QueueIndex, entry: QueueEntry): CellValue[] {
  const line: CellValue[] = new Array(index.width).fill('');
  const cells = cellsOf(entry);
  for (const key of Object.keys(cells)) line[(index.columns.get(key) as number) - 1] = cells[key];
  return line;
}

/** Appends new entries in one block below the last row, with each column's number format (text stays text). */
function append(index: QueueIndex, entries: readonly QueueEntry[]): Row[] {
  if (entries.length === 0) return [];
  const start = Math.max(index.lastRow, FIRST_DATA_ROW - 1) + 1;
  const end = start + entries.length - 1;
  const maxRows = index.sheet.getMaxRows();
  if (end > maxRows) index.sheet.insertRowsAfter(maxRows, end - maxRows);
  const formats: string[] = new Array(index.width).fill('General');
  for (const col of QUEUE_DEF.columns) formats[(index.columns.get(col.key) as number) - 1] = numberFormatOf(col.type);
  const lines = entries.map((entry) => lineOf(index, entry));
  const block = index.sheet.getRange(start, 1, entries.length, index.width);
  block.setNumberFormats(lines.map(() => formats));
  block.setValues(lines);
  index.lastRow = end;
  for (const entry of entries) index.keys.add(entry.key);
  return entries.map((entry, i) => ({ ...entry, row: start + i, readable: true }));
}

function withScriptLock<T>(run: () => T): { done: true; value: T } | { done: false } {
  const lock = LockService.getScriptLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) return { done: false };
  try {
    return { done: true, value: run() };
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

// ---- enqueueing -------------------------------------------------------------------------------------------

function problemText(t: MailTexts, p: MessageProblem): string {
  return format(t.errors[p.code], p);
}

function rejectBad(messages: readonly OutgoingMessage[], t: MailTexts): void {
  const problems = messages.flatMap((m) => checkMessage(m));
  if (problems.length > 0) throw new MailRejected(problems.map((p) => problemText(t, p)).join('\n'));
}

function schoolLocale(): LocaleCode {
  return readLocale() === 'en' ? 'en' : 'ru';
}

function isOwnerRun(): boolean {
  const owner = readOwner().trim().toLowerCase();
  return owner !== '' && effectiveUserEmail().trim().toLowerCase() === owner;
}

export interface EnqueueResult {
  /** Added to the queue sheet now. */
  queued: number;
  /** Already in the queue under the same key: nothing added. */
  duplicates: number;
  /** Handed to the owner's run through the work inbox. */
  posted: number;
}

/**
 * Queues messages to send. Checks each first and refuses the whole batch with a clear message when one
 * is malformed. Written straight to the queue by the owner's runs; posted to the work inbox otherwise
 * (or when the queue is busy or not set up yet), so nothing is lost and no one waits.
 */
export function enqueueMail(messages: OutgoingMessage | readonly OutgoingMessage[]): EnqueueResult {
  const list: readonly OutgoingMessage[] = isList(messages) ? messages : [messages];
  const locale = schoolLocale();
  const t = mailTexts(locale);
  rejectBad(list, t);
  if (list.length === 0) return { queued: 0, duplicates: 0, posted: 0 };
  const sheet = isOwnerRun() ? queueSheet(locale) : undefined;
  if (sheet) {
    const outcome = withScriptLock(() => {
      const index = readIndex(sheet);
      return index ? append(index, entriesToAdd(index.keys, list, Date.now())).length : undefined;
    });
    if (outcome.done && outcome.value !== undefined) {
      return { queued: outcome.value, duplicates: list.length - outcome.value, posted: 0 };
    }
  }
  for (const message of list) postWork(MAIL_WORK, message);
  return { queued: 0, duplicates: 0, posted: list.length };
}

function isList(v: OutgoingMessage | readonly OutgoingMessage[]): v is readonly OutgoingMessage[] {
  return Array.isArray(v);
}

/** A posted item's payload as a message, or undefined when it is not one (it then stays in the inbox). */
function messageOf(item: WorkItem): OutgoingMessage | undefined {
  const p = item.payload as Partial<OutgoingMessage> | null;
  if (!p || typeof p !== 'object') return undefined;
  const fields = ['key', 'requestId', 'to', 'subject', 'text', 'html'] as const;
  if (fields.some((f) => typeof p[f] !== 'string') || typeof p.kind !== 'string' || !isMailKind(p.kind))
    return undefined;
  const message = p as OutgoingMessage;
  return checkMessage(message).length === 0 ? message : undefined;
}

/** Moves the messages people's runs posted into the queue (one write), then lets the inbox forget them. */
function drainInto(index: QueueIndex): { moved: number; left: number; rows: Row[] } {
  let rows: Row[] = [];
  const report = drainWork((items) => {
    const valid = items.map((item) => ({ item, message: messageOf(item) })).filter((x) => x.message !== undefined);
    const seen = new Set(index.keys);
    const fresh = valid.flatMap(({ item, message }) => {
      const added = entriesToAdd(seen, [message as OutgoingMessage], item.postedAt);
      for (const e of added) seen.add(e.key);
      return added;
    });
    rows = append(index, fresh);
    SpreadsheetApp.flush(); // the rows are durable before the inbox forgets the items
    return valid.map((x) => x.item.key);
  }, MAIL_WORK);
  return { moved: report.done, left: report.left, rows };
}

export interface DrainSummary {
  moved: number;
  left: number;
  busy: boolean;
  error?: string;
}

/** The owner's run: moves posted messages into the queue without sending. */
export function drainMailWork(): DrainSummary {
  const locale = schoolLocale();
  const missing = { moved: 0, left: 0, busy: false, error: mailTexts(locale).errors.noQueueSheet };
  const sheet = queueSheet(locale);
  if (!sheet) return missing;
  const outcome = withScriptLock(() => {
    const index = readIndex(sheet);
    return index ? drainInto(index) : undefined;
  });
  if (!outcome.done) return { moved: 0, left: 0, busy: true };
  return outcome.value ? { moved: outcome.value.moved, left: outcome.value.left, busy: false } : missing;
}

// ---- sending ----------------------------------------------------------------------------------------------

/** An error from a send, and whether the message may already have left (then it stays pending). */
class SendFailed extends Error {
  constructor(
    readonly stage: 'before' | 'send',
    message: string,
  ) {
    super(message);
  }
}

interface Delivery {
  to: string;
  subject: string;
  body: MailBody;
  threadId: string;
}

function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

function optionsFor(body: MailBody): GoogleAppsScript.Gmail.GmailAdvancedOptions {
  const options: GoogleAppsScript.Gmail.GmailAdvancedOptions = { htmlBody: body.html };
  if (body.senderName) options.name = body.senderName;
  if (body.replyTo) options.replyTo = body.replyTo;
  return options;
}

function discard(draft: GoogleAppsScript.Gmail.GmailDraft): void {
  try {
    draft.deleteDraft();
  } catch {
    // already sent or gone: nothing to tidy
  }
}

/** The conversation to continue; a thread deleted since (or an ID Gmail no longer knows) starts a new one. */
function threadById(id: string): GoogleAppsScript.Gmail.GmailThread | null {
  try {
    return GmailApp.getThreadById(id);
  } catch {
    return null;
  }
}

/**
 * A reply in the request's thread when it goes to the intended recipient; Gmail picks a reply's recipient
 * itself (the last message's sender), so a thread where a helper wrote last gets a new message instead.
 */
function draftFor(mail: Delivery): GoogleAppsScript.Gmail.GmailDraft {
  const options = optionsFor(mail.body);
  const thread = mail.threadId ? threadById(mail.threadId) : null;
  if (thread) {
    const reply = thread.createDraftReply(mail.body.text, options);
    if (sameRecipients(reply.getMessage().getTo(), mail.to)) return reply;
    discard(reply);
  }
  return GmailApp.createDraft(mail.to, mail.subject, mail.body.text, options);
}

/** createDraft().send() rather than sendEmail: it returns the message, so its IDs can be recorded. */
function deliver(mail: Delivery): SentReceipt {
  let draft: GoogleAppsScript.Gmail.GmailDraft;
  try {
    draft = draftFor(mail);
  } catch (e) {
    throw new SendFailed('before', errorText(e));
  }
  try {
    const message = draft.send();
    return { messageId: message.getId(), threadId: message.getThread().getId(), sentAt: Date.now() };
  } catch (e) {
    discard(draft);
    throw new SendFailed('send', errorText(e));
  }
}

/** Finds a message sent with `key` in its footer: the oldest sent message of a matching thread that has it. */
function findSent(key: string): SentReceipt | undefined {
  for (const thread of GmailApp.search(`in:sent "${key}"`, 0, 3)) {
    for (const message of thread.getMessages()) {
      if (message.isDraft() || message.getPlainBody().indexOf(key) < 0) continue;
      return { messageId: message.getId(), threadId: thread.getId(), sentAt: message.getDate().getTime() };
    }
  }
  return undefined;
}

export interface MailFailure {
  key: string;
  requestId: string;
  kind: string;
  error: string;
}

export interface MailRunSummary {
  /** Entries recorded sent by this run's sends (folded alerts counted one by one). */
  sent: number;
  /** Pending entries found in the sent mail: sent by a run that died before recording it. */
  resolved: number;
  /** Entries that failed for good in this run: the caller flags their requests (an invalid address: call back). */
  failed: MailFailure[];
  /** Entries still queued or pending after the run. */
  left: number;
  /** Messages moved from the work inbox to the queue. */
  drained: number;
  /** Messages that left (a digest is one). */
  messages: number;
  digests: number;
  /** Another run holds the queue: nothing was done. */
  busy: boolean;
  /** The day's quota ran out during the run. */
  quotaSpent: boolean;
  /** The time budget ran low: the rest waits for the next run. */
  stoppedEarly: boolean;
  error?: string;
}

interface MailRun {
  queue: Queue;
  t: MailTexts;
  locale: LocaleCode;
  startedAt: number;
  budgetMs: number;
  summary: MailRunSummary;
}

function emptySummary(): MailRunSummary {
  return {
    sent: 0,
    resolved: 0,
    failed: [],
    left: 0,
    drained: 0,
    messages: 0,
    digests: 0,
    busy: false,
    quotaSpent: false,
    stoppedEarly: false,
  };
}

function timeLeft(run: MailRun): boolean {
  if (hasTimeFor(run.startedAt, Date.now(), run.budgetMs, STEP_RESERVE_MS)) return true;
  run.summary.stoppedEarly = true;
  return false;
}

function settle(run: MailRun, next: Row): void {
  save(run.queue, next);
  if (next.status === 'failed') {
    run.summary.failed.push({ key: next.key, requestId: next.requestId, kind: next.kind, error: next.error });
  }
}

/** Pending entries left by a run that died: sent (found by key) or queued again; never resent blindly. */
function resolvePending(run: MailRun, now: number): void {
  for (const entry of pendingToResolve(run.queue.entries, now)) {
    if (!timeLeft(run)) return;
    const found = findSent(entry.key);
    if (found) run.summary.resolved++;
    settle(run, found ? asSent(entry, found) : asRetry(entry, run.t.errors.interrupted));
  }
}

/** Rows whose payload cannot be read can never be sent: failed, with a reason, instead of retried forever. */
function failUnreadable(run: MailRun): void {
  for (const entry of run.queue.entries) {
    if (entry.status === 'queued' && !entry.readable) settle(run, asFailed(entry, run.t.errors.unreadablePayload));
  }
}

type StepOutcome = 'sent' | 'failed' | 'quota';

/**
 * One send: its entries written pending and flushed, the message sent, the entries recorded sent. On an
 * error the entries go back to queued (the quota, or a failure before the send), to failed (an address or
 * a limit that will never work), or stay pending when the message may have left (found by key later).
 */
function sendStep(run: MailRun, entries: readonly Row[], mail: Delivery): StepOutcome {
  const at = Date.now();
  const pending = entries.map((e) => save(run.queue, asPending(e, at)));
  SpreadsheetApp.flush();
  let receipt: SentReceipt;
  try {
    receipt = deliver(mail);
  } catch (e) {
    const failure = e instanceof SendFailed ? e : new SendFailed('send', errorText(e));
    const kind = classifySendError(failure.message);
    entries.forEach((entry, i) => {
      if (kind === 'quota') settle(run, entry);
      else if (kind === 'permanent') settle(run, asFailed(entry, failure.message));
      else if (failure.stage === 'before') settle(run, asRetry(entry, failure.message));
      else settle(run, { ...pending[i], error: failure.message });
    });
    return kind === 'quota' ? 'quota' : 'failed';
  }
  for (const p of pending) save(run.queue, asSent(p, receipt));
  run.summary.sent += entries.length;
  run.summary.messages++;
  return 'sent';
}

function runStep(run: MailRun, step: SendStep<Row>): StepOutcome {
  if (step.type === 'single') {
    const e = step.entry;
    return sendStep(run, [e], { to: e.to, subject: e.subject, body: e.body, threadId: e.threadId });
  }
  const digest = renderDigest(
    { locale: run.locale },
    step.entries.map((e) => ({ key: e.key, subject: e.subject, text: e.body.text })),
  );
  const first = step.entries[0].body;
  const body: MailBody = { text: digest.text, html: digest.html, replyTo: first.replyTo, senderName: first.senderName };
  const outcome = sendStep(run, step.entries, { to: step.to, subject: digest.subject, body, threadId: '' });
  if (outcome === 'sent') run.summary.digests++;
  return outcome;
}

function sendWhatFits(run: MailRun): void {
  if (!run.queue.entries.some((e) => e.status === 'queued')) return;
  const plan = planSends(run.queue.entries, MailApp.getRemainingDailyQuota());
  if (plan.deferred.length > 0) run.summary.quotaSpent = true;
  for (const step of plan.steps) {
    if (!timeLeft(run)) return;
    if (runStep(run, step) === 'quota') {
      run.summary.quotaSpent = true;
      return;
    }
  }
}

/**
 * The owner's run over the queue: moves posted messages in, resolves what a dead run left pending, then
 * sends what today's quota allows, in priority order, until done or `budgetMs` (counted from `now`) runs low.
 * What does not fit stays queued for a later run — after the quota's 24-hour reset.
 */
export function runMailQueue(now: Date = new Date(), budgetMs = 4 * 60_000): MailRunSummary {
  const summary = emptySummary();
  const locale = schoolLocale();
  const t = mailTexts(locale);
  const sheet = queueSheet(locale);
  if (!sheet) return { ...summary, error: t.errors.noQueueSheet };
  const outcome = withScriptLock(() => {
    const queue = readQueue(sheet);
    if (queue) work({ queue, t, locale, startedAt: now.getTime(), budgetMs, summary });
    return queue !== undefined;
  });
  if (!outcome.done) return { ...summary, busy: true };
  return outcome.value ? summary : { ...summary, error: t.errors.noQueueSheet };
}

/** The run's steps, under the lock: drain the inbox, fail the unreadable, resolve pending, send. */
function work(run: MailRun): void {
  const { queue, summary } = run;
  const drained = drainInto(queue);
  summary.drained = drained.moved;
  queue.entries.push(...drained.rows);
  for (const row of drained.rows) queue.cells.set(row.row, lineOf(queue, row));
  failUnreadable(run);
  resolvePending(run, run.startedAt);
  sendWhatFits(run);
  summary.left = queue.entries.filter((e) => e.status === 'queued' || e.status === 'pending').length;
}
