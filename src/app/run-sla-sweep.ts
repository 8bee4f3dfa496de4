/**
 * `runSlaSweep`, hourly as the school account: pauses and resumes the clocks, moves due times, sends each
 * reminder and escalation once, closes requests left without an answer to a clarifying question (cl. 9.4.3),
 * and keeps the new staff's training tasks (cl. 3.1, track-training.ts). The decisions are domain/sla-sweep.ts's.
 *
 * Reads: the log's status column and the span of its open rows, the bookkeeping's ID column and the span of
 * their rows — the same number of calls at any log size. Writes: only the cells that change, in blocks.
 * Each window of rows is re-read under the script lock just before its write, and a request a person changed
 * meanwhile is left for the next sweep, which decides again. Alerts are queued before their level is
 * recorded, so a run that dies between loses none (the mail key keeps a second enqueue a no-op). The run
 * stops inside its time budget and the next one starts where it stopped.
 */
import { formatDue, mailContextOf, type MailContext } from '../domain/mail-templates';
import { checkMessage, type OutgoingMessage } from '../domain/mail-queue';
import {
  type Addresses,
  type AlertSubject,
  alertMessages,
  autoCloseMessage,
  type Sender,
} from '../domain/sla-messages';
import { decideRequest, type RequestDecision, type SweepContext, sweepRulesFromMap } from '../domain/sla-sweep';
import { HOUR_MS } from '../domain/zoned-time';
import { appendAudit, type AuditEntry } from '../gas/audit-log';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { enqueueMail } from '../gas/mailer';
import { withScriptLock } from '../gas/personal-data';
import { recordHeartbeat } from '../gas/properties';
import {
  type CellChange,
  choiceOf,
  instantOfCell,
  bookOf,
  isOpenStatusCell,
  logFactsOf,
  numberOfCell,
  readBookkeepingRows,
  readRowsByStatus,
  readRowsFrom,
  readSweepCursor,
  recordSweepCursor,
  rowWindows,
  sameCell,
  writeChangedCells,
} from '../gas/sla-repo';
import { type CellValue, type RecordOf, text } from '../gas/table';
import { format } from '../locale/index';
import { type SlaTexts, slaTexts } from '../locale/sla';
import { refreshDashboardAfterSweep, type SweepDashboardOutcome } from './refresh-dashboard';
import { trackTraining } from './track-training';
import { consultantOnDuty, isInHelpdeskCircle } from '../gas/helpdesk-circle';

export const SLA_SWEEP_JOB = 'runSlaSweep';
/** Apps Script stops a run at 6 minutes; the sweep stops well before. */
const RUN_BUDGET_MS = 4 * 60_000;
/** Kept after the last window for the training tasks. */
const TAIL_RESERVE_MS = 45_000;
/** Rows re-read at once under the lock: short, so form submissions do not wait long. */
const WINDOW_ROWS = 200;
const LOCK_WAIT_MS = 10_000;

const LOG_KEYS = [
  'id',
  'createdAt',
  'requesterType',
  'email',
  'topic',
  'status',
  'assignee',
  'dueAt',
  'firstResponseAt',
  'resolvedAt',
  'rejectReason',
  'supportTicket',
];
/** The cells a decision rests on: if a person changed any of them meanwhile, the request waits an hour. */
const BASIS_KEYS = ['id', 'createdAt', 'requesterType', 'status', 'assignee', 'dueAt', 'firstResponseAt', 'resolvedAt'];
const BOOK_KEYS = ['requestId', 'firstResponseDueAt', 'resolutionDueAt', 'pausedSince', 'pausedMs', 'alertLevel'];

export interface SweepReport {
  /** Open requests looked at. */
  open: number;
  /** Requests with something to write or send. */
  decided: number;
  /** Of those, written now. */
  committed: number;
  /** IDs a person changed while the sweep ran: decided again next hour. */
  changedMeanwhile: string[];
  autoClosed: string[];
  /** Messages handed to the mail queue (a key queued before adds nothing there). */
  messages: number;
  /** Requests not reached: the time budget or the lock. The next sweep starts with them. */
  left: number;
  /** Open requests whose bookkeeping row the owner's runQueue has not written yet. */
  withoutBookkeeping: number;
  training: { tasks: number; messages: number };
  /** «Панель» redrawn at the end, when the sweep left enough of its run (refresh-dashboard.ts). */
  dashboard?: SweepDashboardOutcome;
}

interface Plan {
  row: number;
  stateRow: number;
  values: RecordOf;
  decision: RequestDecision;
}

interface Sweep {
  hd: Helpdesk;
  ctx: SweepContext;
  texts: SlaTexts;
  mail: MailContext;
  sender: Sender;
  people: Addresses;
  now: number;
  deadline: number;
}

export function runSlaSweepJob(event: unknown): SweepReport {
  requireTriggerEvent(event);
  const started = Date.now();
  recordHeartbeat(SLA_SWEEP_JOB, new Date(started));
  const sweep = prepare(new Helpdesk(), started);
  const report = emptyReport();
  commitWindows(sweep, planRequests(sweep, report), report);
  report.training = trackTraining({ ...sweep, policy: sweep.ctx.policy, lockWaitMs: LOCK_WAIT_MS });
  report.dashboard = refreshDashboardAfterSweep(sweep.hd, started);
  return report;
}

function prepare(hd: Helpdesk, now: number): Sweep {
  const settings = hd.settings();
  const locale = hd.locale;
  return {
    hd,
    ctx: { policy: hd.sla(), rules: sweepRulesFromMap(settings).rules },
    texts: slaTexts(locale),
    mail: mailContextOf(settings, { locale, timeZone: hd.zone, spreadsheetUrl: hd.ss.getUrl() }),
    sender: { senderName: hd.setting('school.name') || hd.msgs.appName },
    people: {
      consultant: hd.setting('consultant.email'),
      deputy: hd.staff().find((m) => m.active && m.role === 'deputy')?.email ?? '',
      director: hd.setting('director.email'),
    },
    now,
    deadline: now + RUN_BUDGET_MS - TAIL_RESERVE_MS,
  };
}

function emptyReport(): SweepReport {
  return {
    open: 0,
    decided: 0,
    committed: 0,
    changedMeanwhile: [],
    autoClosed: [],
    messages: 0,
    left: 0,
    withoutBookkeeping: 0,
    training: { tasks: 0, messages: 0 },
  };
}

// ---- deciding ---------------------------------------------------------------------------------------------

function hasWork(d: RequestDecision): boolean {
  return d.bookChanged || d.levelChanged || d.shownDue !== undefined || d.autoClose || d.alerts.length > 0;
}

function planRequests(sweep: Sweep, report: SweepReport): Plan[] {
  const rows = readRowsByStatus(sweep.hd.table('requests', true), LOG_KEYS, isOpenStatusCell).filter(
    (r) => text(r.values.id).trim() !== '',
  );
  report.open = rows.length;
  const ids = new Set(rows.map((r) => text(r.values.id).trim()));
  const books = readBookkeepingRows(sweep.hd.table('state', true), ids, BOOK_KEYS);
  const plans: Plan[] = [];
  for (const r of rows) {
    const facts = logFactsOf(r.values);
    const book = books.get(facts.id);
    if (!book) {
      report.withoutBookkeeping++;
      continue;
    }
    const decision = decideRequest(facts, bookOf(book.values), sweep.ctx, sweep.now);
    if (decision && hasWork(decision)) plans.push({ row: r.row, stateRow: book.row, values: r.values, decision });
  }
  report.decided = plans.length;
  return plans;
}

// ---- writing, window by window under the lock -------------------------------------------------------------

/** Windows in row order, starting where a sweep that ran out of time stopped. */
function windowsFrom(plans: readonly Plan[], cursor: number): Plan[][] {
  const byRow = new Map(plans.map((p) => [p.row, p]));
  const windows = rowWindows([...byRow.keys()], WINDOW_ROWS).map((rows) => rows.map((r) => byRow.get(r) as Plan));
  const at = windows.findIndex((w) => w[0].row >= cursor);
  return at > 0 ? [...windows.slice(at), ...windows.slice(0, at)] : windows;
}

function commitWindows(sweep: Sweep, plans: readonly Plan[], report: SweepReport): void {
  const cursor = readSweepCursor();
  const windows = windowsFrom(plans, cursor);
  let stoppedAt = 0;
  for (let i = 0; i < windows.length; i++) {
    const done = Date.now() < sweep.deadline ? commitWindow(sweep, windows[i]) : undefined;
    if (!done) {
      stoppedAt = windows[i][0].row;
      report.left = windows.slice(i).reduce((n, w) => n + w.length, 0);
      break;
    }
    report.committed += done.kept.length;
    report.changedMeanwhile.push(...done.changed.map((p) => p.decision.id));
    report.autoClosed.push(...done.kept.filter((p) => p.decision.autoClose).map((p) => p.decision.id));
    report.messages += sendAndRecord(sweep, done.kept);
  }
  if (stoppedAt > 0 || cursor > 0) recordSweepCursor(stoppedAt);
}

function unchanged(before: RecordOf, after: RecordOf | undefined): boolean {
  return after !== undefined && BASIS_KEYS.every((k) => sameCell(before[k], after[k]));
}

/**
 * Under the lock: re-read the window; for the requests nobody touched, write the log's and the bookkeeping's
 * cells and the audit entries.
 */
function commitWindow(sweep: Sweep, window: readonly Plan[]): { kept: Plan[]; changed: Plan[] } | undefined {
  const log = sweep.hd.table('requests');
  const first = window[0].row;
  const outcome = withScriptLock(LOCK_WAIT_MS, () => {
    const fresh = readRowsFrom(log, first, window[window.length - 1].row - first + 1);
    const kept = window.filter((p) => unchanged(p.values, fresh[p.row - first]));
    writeChangedCells(
      log,
      kept.map((p) => ({ row: p.row, values: logChanges(sweep, p) })),
    );
    writeChangedCells(
      sweep.hd.table('state'),
      kept.map((p) => ({ row: p.stateRow, values: bookChanges(sweep, p) })),
    );
    const audit = kept.flatMap((p) => auditOf(sweep, p));
    if (audit.length > 0) appendAudit(sweep.hd.table('audit', true), audit, sweep.hd.labels());
    return kept;
  });
  if (!outcome.done) return undefined;
  const kept = new Set(outcome.value);
  return { kept: outcome.value, changed: window.filter((p) => !kept.has(p)) };
}

function logChanges(sweep: Sweep, plan: Plan): Record<string, CellValue> {
  const d = plan.decision;
  const out: Record<string, CellValue> = {};
  if (d.shownDue !== undefined) out.dueAt = new Date(d.shownDue);
  if (d.autoClose) {
    out.status = sweep.hd.msgs.choices.status.rejected;
    out.rejectReason = sweep.hd.msgs.choices.rejectReason.insufficientInfo;
    out.resolvedAt = new Date(sweep.now);
  }
  return out;
}

const dateOrBlank = (ms: number | undefined): CellValue => (ms === undefined ? '' : new Date(ms));

/** Due times and the pause now; the alert level too when no alert waits on it (else after the mail is queued). */
function bookChanges(sweep: Sweep, plan: Plan): Record<string, CellValue> {
  const d = plan.decision;
  const out: Record<string, CellValue> = {};
  if (d.bookChanged) {
    out.firstResponseDueAt = dateOrBlank(d.book.firstResponseDueAt);
    out.resolutionDueAt = dateOrBlank(d.book.resolutionDueAt);
    out.pausedSince = dateOrBlank(d.book.pausedSince);
    out.pausedMs = d.book.pausedMs;
    out.updatedAt = new Date(sweep.now);
  }
  if (d.levelChanged && d.alerts.length === 0) out.alertLevel = d.book.alertLevel;
  return out;
}

// ---- each window's mail, then its alert levels ------------------------------------------------------------

/**
 * Queues the window's mail right after its cells are written, then records the alert levels: a run that
 * dies between leaves the levels unwritten, and the next sweep queues the same keys again (a no-op). A
 * message the queue would refuse (an ID typed by hand with a space) is left out rather than block the rest.
 */
function sendAndRecord(sweep: Sweep, kept: readonly Plan[]): number {
  const messages = kept.flatMap((p) => requestMessages(sweep, p)).filter((m) => checkMessage(m).length === 0);
  if (messages.length > 0) enqueueMail(messages);
  const levels: CellChange[] = kept
    .filter((p) => p.decision.levelChanged && p.decision.alerts.length > 0)
    .map((p) => ({ row: p.stateRow, values: { alertLevel: p.decision.book.alertLevel } }));
  if (levels.length > 0) withScriptLock(LOCK_WAIT_MS, () => writeChangedCells(sweep.hd.table('state'), levels));
  return messages.length;
}

function requestMessages(sweep: Sweep, plan: Plan): OutgoingMessage[] {
  const d = plan.decision;
  const v = plan.values;
  const subject: AlertSubject = {
    id: d.id,
    topic: text(v.topic),
    requesterType: choiceOf('requesterType', v.requesterType) ?? '',
    statusLabel: text(v.status),
    assignee: staffAssignee(sweep.hd, text(v.assignee)),
    supportTicket: text(v.supportTicket),
  };
  const out = alertMessages(sweep.mail, sweep.sender, sweep.people, subject, d.alerts, sweep.ctx.rules.directorAfterMs);
  if (d.autoClose) {
    const reason = sweep.hd.msgs.choices.rejectReason.insufficientInfo;
    const days = sweep.ctx.rules.autoCloseDays;
    const notice = autoCloseMessage(sweep.mail, sweep.sender, d.id, text(v.email), days, reason);
    if (notice) out.push(notice);
  }
  return out;
}

function auditOf(sweep: Sweep, plan: Plan): AuditEntry[] {
  const { texts, hd, now } = sweep;
  const d = plan.decision;
  const at = new Date(now);
  const base = { at, requestId: d.id, actor: texts.actor };
  const when = (ms: number | undefined) => (ms === undefined ? '' : formatDue(ms, hd.zone, sweep.mail.locale));
  const out: AuditEntry[] = [];
  if (d.pause === 'ended' || d.pause === 'restarted') {
    const waited = d.book.pausedMs - numberOfCell(plan.values.pausedMs);
    out.push({ ...base, action: format(texts.audit.pauseEnded, { hours: hoursText(waited) }) });
  }
  if (d.pause === 'started' || d.pause === 'restarted') {
    const support = choiceOf('status', plan.values.status) === 'escalated';
    out.push({ ...base, action: support ? texts.audit.pauseSupport : texts.audit.pauseRequester });
  }
  if (d.shownDue !== undefined) {
    const note =
      d.pause === 'ended' ? texts.audit.dueAfterPause : plan.values.firstResponseAt ? texts.audit.dueNextTarget : '';
    const before = when(instantOfCell(plan.values.dueAt));
    out.push({ ...base, action: texts.audit.dueChanged, columnKey: 'dueAt', before, after: when(d.shownDue), note });
  }
  if (d.autoClose) {
    out.push({
      ...base,
      action: texts.audit.autoClosed,
      columnKey: 'status',
      before: text(plan.values.status),
      after: hd.msgs.choices.status.rejected,
      note: format(texts.audit.autoClosedNote, { days: sweep.ctx.rules.autoCloseDays }),
    });
  }
  return out;
}

function hoursText(ms: number): string {
  return String(Math.round((Math.max(0, ms) / HOUR_MS) * 10) / 10);
}

/**
 * A helper outside the consultant–deputy–director circle works by e-mail and cannot open the log (cl. 7): the
 * reminders about their request go to the consultant on duty instead, who holds it.
 */
function staffAssignee(hd: Helpdesk, assignee: string): string {
  return !assignee.trim() || isInHelpdeskCircle(hd, assignee) ? assignee : consultantOnDuty(hd);
}
