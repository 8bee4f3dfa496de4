/**
 * `pollHelpdeskMail`, time-driven every 10 minutes as the school account (SPEC R5.1/R6.1, R5.3): mail under
 * the helpdesk's Gmail label becomes requests, and a requester's reply reaches the request it answers.
 *
 * Safe to run twice or side by side: a message registers at most once (its source key `email:<message ID>`,
 * checked under the lock by registerRequest); a reply is recorded once (its audit entry carries the same
 * key); every mail has its mailer key; the label swap comes last, so a run that dies before it leaves the
 * thread to the next run, which finds everything already done and only swaps.
 * Bounded: at most MAX_MESSAGES_PER_RUN new messages and WORK_BUDGET_MS per run; the rest waits.
 */
import { isPlausibleEmail, normalizeEmail } from '../domain/contacts';
import {
  classifyMail,
  intakeLabelNames,
  intakeQuery,
  type MailFacts,
  type MailIntakeContext,
  type MailVerdict,
  type ReplySender,
  renderReplyNotice,
  replySender,
  statusAfterRequesterReply,
} from '../domain/email-intake';
import { isAbusive } from '../domain/etiquette';
import { mailKey, type OutgoingMessage } from '../domain/mail-queue';
import { type IncomingRequest, sourceKey, type Status } from '../domain/request';
import { CHOICE_LISTS } from '../domain/schema';
import { type AuditEntry, appendAudit } from '../gas/audit-log';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import {
  findThreads,
  type IntakeLabels,
  isDraftMessage,
  markThreadProcessed,
  messageIdOf,
  messagesOfThreads,
  openIntakeLabels,
  ownAddresses,
  readMailFacts,
  threadIdOf,
  threadLink,
} from '../gas/mail-intake';
import { enqueueMail, runMailQueue } from '../gas/mailer';
import { recordHeartbeat } from '../gas/properties';
import { findRowByCell, readRow, replaceCellIfUnchanged } from '../gas/record-lookup';
import { markNotified } from '../gas/state-repo';
import { text } from '../gas/table';
import { emailIntakeTexts } from '../locale/email-intake';
import type { LocaleCode } from '../locale/index';
import { registrationMail } from './notify-registration';
import { registerRequest } from './register-request';

export const POLL_MAIL_JOB = 'pollHelpdeskMail';
/** New messages (registrations and replies) handled per run; a backlog drains over the next runs. */
const MAX_MESSAGES_PER_RUN = 20;
/** Threads looked at per run: one search page. */
const MAX_THREADS_PER_RUN = 50;
/** No new message is started after this; what is started finishes (a registration takes seconds). */
const WORK_BUDGET_MS = 3 * 60_000;
/** The acknowledgements go out in the same run within this, far inside Apps Script's 6 minutes. */
const RUN_BUDGET_MS = 4.5 * 60_000;
const LOCK_WAIT_MS = 30_000;

type Thread = GoogleAppsScript.Gmail.GmailThread;
type Message = GoogleAppsScript.Gmail.GmailMessage;

export interface MailPollReport {
  /** Requests registered by this run. */
  registered: string[];
  /** Requests a reply was recorded on by this run. */
  replies: string[];
  /** Auto-replies, bounces and other machine mail passed over (they are labelled processed too). */
  ignored: number;
  /** Threads whose labels were swapped to processed. */
  threadsDone: number;
  /** The run's bounds were reached: the rest waits for the next run. */
  stoppedEarly: boolean;
  /** Gmail failures; the threads concerned stay under the intake label for the next run. */
  problems: string[];
}

interface PollRun {
  hd: Helpdesk;
  locale: LocaleCode;
  labels: IntakeLabels;
  ctx: MailIntakeContext;
  startedAt: number;
  handled: number;
  enqueued: boolean;
  /** Source key → request ID of what this run registered (the state table was opened before it). */
  registered: Map<string, string>;
  report: MailPollReport;
}

interface RegisteredSource {
  id: string;
  row?: number;
  notified: boolean;
}

export function pollHelpdeskMail(event: unknown): MailPollReport {
  requireTriggerEvent(event);
  const startedAt = Date.now();
  recordHeartbeat(POLL_MAIL_JOB, new Date(startedAt));
  const report: MailPollReport = {
    registered: [],
    replies: [],
    ignored: 0,
    threadsDone: 0,
    stoppedEarly: false,
    problems: [],
  };
  const hd = new Helpdesk();
  const locale: LocaleCode = hd.locale === 'en' ? 'en' : 'ru';
  const names = intakeLabelNames(hd.setting('mail.label'), locale);
  const labels = openIntakeLabels(names);
  const threads = findThreads(intakeQuery(names), MAX_THREADS_PER_RUN);
  if (threads.length === 0) return report;

  const own = ownAddresses();
  const run: PollRun = {
    hd,
    locale,
    labels,
    ctx: { ownAddresses: own, forwarderAddresses: [hd.setting('school.email')], locale },
    startedAt,
    handled: 0,
    enqueued: false,
    registered: new Map(),
    report,
  };
  const messages = messagesOfThreads(threads);
  for (let i = 0; i < threads.length && !report.stoppedEarly; i++) {
    if (processThread(run, threads[i], messages[i])) swapLabels(run, threads[i]);
  }
  if (run.enqueued) runMailQueue(new Date(), Math.max(0, RUN_BUDGET_MS - (Date.now() - startedAt)));
  return report;
}

/** Whether another new message may be started in this run. */
function hasRoom(run: PollRun): boolean {
  const room = run.handled < MAX_MESSAGES_PER_RUN && Date.now() - run.startedAt < WORK_BUDGET_MS;
  if (!room) run.report.stoppedEarly = true;
  return room;
}

/** Works one thread's messages in order; true when every one is done (then its labels are swapped). */
function processThread(run: PollRun, thread: Thread, messages: readonly Message[]): boolean {
  const threadId = threadIdOf(thread);
  // The request this conversation belongs to: of its first registered message, or named by the helpdesk's own mail.
  let threadRequest: string | undefined;
  for (const message of messages) {
    const key = sourceKey({ kind: 'email', messageId: messageIdOf(message), threadId });
    const registered = registeredSource(run, key);
    if (registered?.notified) {
      threadRequest ??= registered.id;
      continue;
    }
    if (isDraftMessage(message)) continue;
    if (!hasRoom(run)) return false;
    const facts = readFacts(run, message, threadId);
    if (!facts) return false;
    const verdict = classifyMail(facts, run.ctx);
    if (verdict.kind === 'own') threadRequest ??= verdict.requestIds[0];
    else if (verdict.kind === 'ignore') run.report.ignored++;
    else if (registered) {
      // Registered by a run that died before its mail: registered again in repair mode, which only notifies.
      threadRequest ??= register(run, verdict.incoming, key, true);
    } else threadRequest = handlePersonMessage(run, { thread, key, verdict, threadRequest });
  }
  return true;
}

interface PersonMessage {
  thread: Thread;
  key: string;
  verdict: Extract<MailVerdict, { kind: 'person' }>;
  threadRequest: string | undefined;
}

/** A reply to the first candidate request that exists, else a new request; returns the thread's request. */
function handlePersonMessage(run: PollRun, m: PersonMessage): string | undefined {
  const recorded = recordedReplyOf(run, m.key);
  if (recorded) return m.threadRequest ?? recorded;
  run.handled++;
  const target = firstExistingRequest(run, [m.threadRequest, ...m.verdict.referencedIds]);
  if (!target) {
    // The thread's request, if it named one, is not in the log: the new request takes its place.
    return register(run, m.verdict.incoming, m.key, false);
  }
  recordReply(run, { requestId: target, key: m.key, thread: m.thread, senderAddress: m.verdict.incoming.email });
  return m.threadRequest ?? target;
}

function readFacts(run: PollRun, message: Message, threadId: string): MailFacts | undefined {
  try {
    return readMailFacts(message, threadId);
  } catch (e) {
    // The thread waits for the next run; its later messages are not taken out of order.
    run.report.problems.push(`${threadId}: ${errorText(e)}`);
    return undefined;
  }
}

function swapLabels(run: PollRun, thread: Thread): void {
  try {
    markThreadProcessed(thread, run.labels);
    run.report.threadsDone++;
  } catch (e) {
    // Everything in it is recorded under its key: the next run finds the thread again and only swaps.
    run.report.problems.push(`${threadIdOf(thread)}: ${errorText(e)}`);
  }
}

function errorText(e: unknown): string {
  return String((e as Error)?.message ?? e);
}

// ---- lookups ----------------------------------------------------------------------------------------------

/** The request a message was registered as, from this run or the bookkeeping; undefined when none. */
function registeredSource(run: PollRun, key: string): RegisteredSource | undefined {
  const mine = run.registered.get(key);
  if (mine) return { id: mine, notified: true };
  const state = run.hd.table('state');
  const row = findRowByCell(state, 'sourceKey', key);
  if (row === undefined) return undefined;
  const cells = readRow(state, row);
  return { id: text(cells.requestId), row, notified: text(cells.notifiedAt) !== '' };
}

/** The request a message was recorded on as a reply by an earlier run (its audit entry's note is the key). */
function recordedReplyOf(run: PollRun, key: string): string | undefined {
  const audit = run.hd.table('audit');
  const row = findRowByCell(audit, 'note', key);
  return row === undefined ? undefined : text(readRow(audit, row).requestId) || undefined;
}

/** The first of the candidate IDs that has a row in the log (a mistyped or foreign ID is no reply). */
function firstExistingRequest(run: PollRun, candidates: ReadonlyArray<string | undefined>): string | undefined {
  const ids = candidates.filter((id, i): id is string => !!id && candidates.indexOf(id) === i);
  if (ids.length === 0) return undefined;
  // Fresh: a request registered earlier in this run is in the log but not in a table opened before it.
  const requests = run.hd.table('requests', true);
  return ids.find((id) => findRowByCell(requests, 'id', id) !== undefined);
}

// ---- a new request ------------------------------------------------------------------------------------------

function register(run: PollRun, incoming: IncomingRequest, key: string, repair: boolean): string {
  const { hd } = run;
  const registration = registerRequest(hd, incoming, { actor: '', asOwner: true, detectAbuse: isAbusive, repair });
  run.registered.set(key, registration.id);
  if (registration.record && !registration.notified) {
    // The acknowledgement continues the requester's own conversation, so their answer threads back here.
    const threadId = incoming.source.kind === 'email' ? incoming.source.threadId : undefined;
    const mail = registrationMail(hd, registration.record).map((m) => (m.kind === 'ack' ? { ...m, threadId } : m));
    if (mail.length > 0) {
      enqueueMail(mail);
      run.enqueued = true;
    }
    if (registration.stateRow) markNotified(hd.table('state'), registration.stateRow, new Date());
  }
  if (registration.created) run.report.registered.push(registration.id);
  return registration.id;
}

// ---- a reply to a known request ----------------------------------------------------------------------------

interface ReplyInput {
  requestId: string;
  /** The message's source key, kept in the audit entry's note: the mark that the reply is recorded. */
  key: string;
  thread: Thread;
  senderAddress: string;
}

interface StatusChange {
  before: string;
  after: string;
}

/**
 * Records a message that reached a known request, without copying its text: the assignee's notice first (its
 * mail key makes a second enqueue a no-op), then, under the lock, the status change (the requester's answer
 * only) and the audit entry that marks the message done — so a run that dies in between redoes only what is
 * missing.
 */
function recordReply(run: PollRun, input: ReplyInput): void {
  const { hd } = run;
  const requests = hd.table('requests', true);
  const row = findRowByCell(requests, 'id', input.requestId);
  if (row === undefined) return;
  const cells = readRow(requests, row);
  const from = replySender(input.senderAddress, text(cells.email));
  const before = text(cells.status);
  const resumed = from === 'requester' ? statusAfterRequesterReply(statusKeyOf(hd, before)) : undefined;
  const change = resumed ? { before, after: hd.msgs.choices.status[resumed] } : undefined;
  const notice = replyNotice(run, { ...input, row, from, assignee: text(cells.assignee), change });
  if (notice) {
    enqueueMail(notice);
    run.enqueued = true;
  }
  if (recordUnderLock(run, input, from, change)) run.report.replies.push(input.requestId);
}

/** The status change and the audit entry; false when a concurrent run recorded the message first. */
function recordUnderLock(run: PollRun, input: ReplyInput, from: ReplySender, change?: StatusChange): boolean {
  const { hd } = run;
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const audit = hd.table('audit', true);
    if (findRowByCell(audit, 'note', input.key) !== undefined) return false;
    const requests = hd.table('requests', true);
    const row = change ? findRowByCell(requests, 'id', input.requestId) : undefined;
    // A person who changed the status meanwhile wins.
    const changed =
      row !== undefined && change && replaceCellIfUnchanged(requests, row, 'status', change.before, change.after);
    const texts = emailIntakeTexts(run.locale).audit;
    const entry: AuditEntry = {
      at: new Date(),
      requestId: input.requestId,
      action: from === 'requester' ? texts.replyReceived : texts.mailReceived,
      actor: '',
      note: input.key,
    };
    if (changed && change) Object.assign(entry, { columnKey: 'status', before: change.before, after: change.after });
    appendAudit(audit, [entry], hd.labels());
    SpreadsheetApp.flush();
    return true;
  } finally {
    lock.releaseLock();
  }
}

function statusKeyOf(hd: Helpdesk, label: string): Status | undefined {
  return CHOICE_LISTS.status.find((k) => hd.msgs.choices.status[k] === label.trim());
}

interface ReplyNoticeInput extends ReplyInput {
  row: number;
  from: ReplySender;
  assignee: string;
  change?: StatusChange;
}

/** To the assignee, or the consultant when nobody is assigned; none when neither has an address. */
function replyNotice(run: PollRun, input: ReplyNoticeInput): OutgoingMessage | undefined {
  const { hd } = run;
  const to = [input.assignee, hd.setting('consultant.email')].find((a) => isPlausibleEmail(a));
  // Nobody to tell, or the message is the assignee's own (a colleague answering in the conversation).
  if (!to || normalizeEmail(to) === normalizeEmail(input.senderAddress)) return undefined;
  const messageId = input.key.slice(input.key.indexOf(':') + 1);
  const key = mailKey(input.requestId, 'assignee', `reply-${messageId}`);
  const requestLink = `${hd.ss.getUrl()}#gid=${hd.sheet('requests').getSheetId()}&range=A${input.row}`;
  const body = renderReplyNotice(run.locale, {
    key,
    requestId: input.requestId,
    from: input.from,
    statusChange: input.change,
    requestLink,
    mailLink: threadLink(input.thread),
  });
  const senderName = hd.setting('school.name') || hd.msgs.appName;
  return { key, requestId: input.requestId, kind: 'assignee', to, ...body, senderName };
}
