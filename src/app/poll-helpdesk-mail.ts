/**
 * `pollHelpdeskMail`, time-driven every 10 minutes as the school account (SPEC R5.1/R6.1, R5.3): mail under
 * the helpdesk's Gmail label becomes requests, and a reply reaches the request it answers: the requester's
 * answer to a clarifying question resumes it (through the workflow core), a helper's reply (cl. 7) and the
 * regional support service's answer (cl. 8, 9) become the consultant's answer draft, and the support's ticket
 * number is recorded (cl. 9.4). The helper mail and the support packet are sent from this account, so the
 * replies land in the same threads; the README's Gmail filter labels them.
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
  type ReplyParty,
  renderReplyNotice,
  replyParty,
  statusAfterRequesterReply,
} from '../domain/email-intake';
import { type DraftPlacement, renderHelperReplyNotice } from '../domain/helper-mail';
import { mailContextOf, type RenderedMail } from '../domain/mail-templates';
import { FINAL_STATUSES } from '../domain/retention';
import { findSupportTicket, renderSupportNotice } from '../domain/support-packet';
import { isAbusive } from '../domain/etiquette';
import { mailKey, type OutgoingMessage } from '../domain/mail-queue';
import { type IncomingRequest, sourceKey, type Status } from '../domain/request';
import { placeAnswerDraft } from '../gas/answer-draft';
import { type AuditEntry, appendAudit } from '../gas/audit-log';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { consultantOnDuty, isInHelpdeskCircle } from '../gas/helpdesk-circle';
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
import { statusOfLabel } from '../gas/personal-data';
import { findRowByCell, readRow, replaceCellIfUnchanged } from '../gas/record-lookup';
import { changeStatus, findRequest } from '../gas/request-actions';
import { markNotified } from '../gas/state-repo';
import { text } from '../gas/table';
import { emailIntakeTexts } from '../locale/email-intake';
import { escalationTexts } from '../locale/escalation';
import { helpersTexts } from '../locale/helpers';
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
  const locale: LocaleCode = hd.locale;
  const names = intakeLabelNames(hd.setting('mail.label'), locale);
  const labels = openIntakeLabels(names);
  const threads = findThreads(intakeQuery(names), MAX_THREADS_PER_RUN);
  if (threads.length === 0) return report;

  const own = ownAddresses();
  const run: PollRun = {
    hd,
    locale,
    labels,
    ctx: {
      ownAddresses: own,
      forwarderAddresses: [hd.setting('school.email')],
      supportAddress: hd.setting('support.email'),
      locale,
    },
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
    } else threadRequest = handlePersonMessage(run, { thread, key, subject: facts.subject, verdict, threadRequest });
  }
  return true;
}

interface PersonMessage {
  thread: Thread;
  key: string;
  subject: string;
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
    // The support's automatic mail about nothing the log knows is no request.
    if (m.verdict.automated) {
      run.report.ignored++;
      return m.threadRequest;
    }
    // The thread's request, if it named one, is not in the log: the new request takes its place.
    return register(run, m.verdict.incoming, m.key, false);
  }
  recordReply(run, {
    requestId: target,
    key: m.key,
    thread: m.thread,
    senderAddress: m.verdict.incoming.email,
    subject: m.subject,
    replyText: m.verdict.replyText,
    fromSupport: m.verdict.fromSupport,
    automated: m.verdict.automated !== undefined,
  });
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
  subject: string;
  /** What the person wrote in this message (no quoted history, no signature). */
  replyText: string;
  fromSupport: boolean;
  /** Support mail that is automatic (a receipt): its ticket counts, its text is no answer. */
  automated: boolean;
}

interface StatusChange {
  before: string;
  after: string;
}

/** What a helper's or the support's message changed in the request's row. */
interface ReplyEffects {
  placement?: DraftPlacement;
  /** The ticket number found in the support's message, and whether it was written to the empty cell. */
  ticket?: string;
  ticketWritten: boolean;
  recordedTicket: string;
}

/**
 * Records a message that reached a known request. The requester's answer to a clarifying question resumes the
 * request through the workflow core (R5.3: the pause ends now); a helper's reply and the support's answer become
 * the consultant's answer draft, the support's ticket number goes into its column when that is empty (cl. 9.4);
 * then the notice (its mail key makes a second enqueue a no-op), and last, under the lock, the audit entry that
 * marks the message done — so a run that dies in between redoes only what is missing, each step idempotent.
 * The message's text reaches the sheet only as a draft for the consultant, never the journal or a notice.
 */
function recordReply(run: PollRun, input: ReplyInput): void {
  const { hd } = run;
  const found = findRequest(hd, input.requestId);
  if (!found) return;
  const { row, cells } = found;
  const assignee = text(cells.assignee).trim();
  const assigneeInCircle = isInHelpdeskCircle(hd, assignee);
  const party = replyParty({
    senderAddress: input.senderAddress,
    fromSupport: input.fromSupport,
    requestEmail: text(cells.email),
    assignee,
    assigneeInCircle,
  });
  const status = statusOfLabel(cells.status);
  const change = party === 'requester' ? resumeOnReply(run, input, status) : undefined;
  const effects =
    party === 'helper' || party === 'support' ? draftAndTicket(run, input, party, row, status) : undefined;
  const notice = replyNotice(run, { ...input, row, party, assignee, assigneeInCircle, change, effects });
  if (notice) {
    enqueueMail(notice);
    run.enqueued = true;
  }
  if (recordUnderLock(run, input, party, change, effects)) run.report.replies.push(input.requestId);
}

/** R5.3: the requester's e-mail answer to a clarifying question resumes the request (the core ends the pause). */
function resumeOnReply(run: PollRun, input: ReplyInput, status: Status | undefined): StatusChange | undefined {
  const { hd } = run;
  const resumed = statusAfterRequesterReply(status);
  if (!resumed || !status) return undefined;
  const result = changeStatus(hd, {
    requestId: input.requestId,
    to: resumed,
    actor: { email: input.senderAddress, role: 'requester' },
    via: 'mail',
  });
  // A person who changed the status meanwhile wins: the core refuses or finds nothing to do.
  if (!result.ok || result.outcome.action === 'none') return undefined;
  return { before: hd.msgs.choices.status[status], after: hd.msgs.choices.status[resumed] };
}

/** The draft in «Ответ» (or its note) and the support's ticket number, under the lock. */
function draftAndTicket(
  run: PollRun,
  input: ReplyInput,
  party: 'helper' | 'support',
  row: number,
  status: Status | undefined,
): ReplyEffects {
  const { hd } = run;
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const requests = hd.table('requests', true);
    const recordedTicket = text(readRow(requests, row).supportTicket).trim();
    const effects: ReplyEffects = { ticketWritten: false, recordedTicket };
    if (party === 'support') {
      effects.ticket = findSupportTicket(input.subject, input.replyText);
      // Never over a number a person typed: a different one is only reported.
      if (effects.ticket && recordedTicket === '') {
        effects.ticketWritten = replaceCellIfUnchanged(requests, row, 'supportTicket', '', effects.ticket);
      }
    }
    if (!input.automated) {
      const open = status === undefined || FINAL_STATUSES.indexOf(status) < 0;
      const who = party === 'helper' ? input.senderAddress : effects.ticket || recordedTicket || input.senderAddress;
      const source = { kind: party, who, at: new Date(), timeZone: hd.zone };
      effects.placement = placeAnswerDraft(hd, row, input.replyText, source, open);
    }
    SpreadsheetApp.flush();
    return effects;
  } finally {
    lock.releaseLock();
  }
}

/** The audit entry that marks the message recorded; false when a concurrent run recorded it first. */
function recordUnderLock(
  run: PollRun,
  input: ReplyInput,
  party: ReplyParty,
  change?: StatusChange,
  effects?: ReplyEffects,
): boolean {
  const { hd } = run;
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const audit = hd.table('audit', true);
    if (findRowByCell(audit, 'note', input.key) !== undefined) return false;
    const texts = emailIntakeTexts(run.locale).audit;
    const at = new Date();
    const action =
      party === 'requester'
        ? texts.replyReceived
        : party === 'helper'
          ? helpersTexts(run.locale).audit.helperReplied
          : party === 'support'
            ? escalationTexts(run.locale).audit.supportMail
            : texts.mailReceived;
    const entry: AuditEntry = { at, requestId: input.requestId, action, actor: '', note: input.key };
    if (change) Object.assign(entry, { columnKey: 'status', before: change.before, after: change.after });
    // The draft's text is the sender's words: the journal says only that the answer cell changed.
    else if (effects?.placement === 'cell') entry.columnKey = 'answer';
    const entries = [entry];
    if (effects?.ticketWritten && effects.ticket) {
      entries.push({
        at,
        requestId: input.requestId,
        action: escalationTexts(run.locale).audit.ticket,
        columnKey: 'supportTicket',
        actor: '',
        before: '',
        after: effects.ticket,
      });
    }
    appendAudit(audit, entries, hd.labels());
    SpreadsheetApp.flush();
    return true;
  } finally {
    lock.releaseLock();
  }
}

interface ReplyNoticeInput extends ReplyInput {
  row: number;
  party: ReplyParty;
  assignee: string;
  assigneeInCircle: boolean;
  change?: StatusChange;
  effects?: ReplyEffects;
}

/**
 * To the assignee when they work the log, else to the consultant on duty (a helper cannot open the sheet, and a
 * helper's own reply is what the notice is about); none when nobody has an address or the reader wrote it.
 */
function replyNotice(run: PollRun, input: ReplyNoticeInput): OutgoingMessage | undefined {
  const { hd } = run;
  const onDuty = consultantOnDuty(hd);
  const to = [input.assigneeInCircle && input.party !== 'helper' ? input.assignee : '', onDuty].find((a) =>
    isPlausibleEmail(a),
  );
  // Nobody to tell, or the message is the reader's own (a colleague answering in the conversation).
  if (!to || normalizeEmail(to) === normalizeEmail(input.senderAddress)) return undefined;
  const messageId = input.key.slice(input.key.indexOf(':') + 1);
  const key = mailKey(input.requestId, 'assignee', `reply-${messageId}`);
  const requestLink = `${hd.ss.getUrl()}#gid=${hd.sheet('requests').getSheetId()}&range=A${input.row}`;
  const mailLink = threadLink(input.thread);
  const senderName = hd.setting('school.name') || hd.msgs.appName;
  const ctx = mailContextOf(hd.settings(), { locale: run.locale, timeZone: hd.zone, spreadsheetUrl: hd.ss.getUrl() });
  const status = statusOfLabel(readRow(hd.table('requests', true), input.row).status);
  let body: RenderedMail;
  if (input.party === 'helper') {
    body = renderHelperReplyNotice(ctx, {
      key,
      requestId: input.requestId,
      helper: input.senderAddress,
      placement: input.effects?.placement ?? 'empty',
      finished: status !== undefined && FINAL_STATUSES.indexOf(status) >= 0,
      requestLink,
      mailLink,
    });
  } else if (input.party === 'support') {
    body = renderSupportNotice(ctx, {
      key,
      requestId: input.requestId,
      ticket: input.effects?.ticket,
      recordedTicket: input.effects?.recordedTicket ?? '',
      automated: input.automated,
      placement: input.effects?.placement,
      requestLink,
      mailLink,
    });
  } else {
    body = renderReplyNotice(run.locale, {
      key,
      requestId: input.requestId,
      from: input.party === 'requester' ? 'requester' : 'other',
      statusChange: input.change,
      requestLink,
      mailLink,
    });
  }
  return { key, requestId: input.requestId, kind: 'assignee', to, ...body, senderName };
}
