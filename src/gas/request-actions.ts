/**
 * The request life cycle applied (issue 5): `changeStatus` decides with the pure state machine
 * (domain/workflow.ts) and carries the outcome out, under the script lock:
 * - the request row's own cells (status, first-response and resolved times, answer, rejection reason, the
 *   etiquette reason in «Заметки», the due time shown);
 * - «Служебное» at the exact moment of the change: the pause starts and ends now, not at the next sweep
 *   (domain/sla-sweep.ts bookAfterChange), the resolution clock restarts on reopening, the counters move;
 * - «Журнал» rows (who, when, before → after; personal columns say only that they changed);
 * - the requester's e-mail, the director's alert (cl. 10), the assignee's notice when the requester moved it.
 * «Служебное» and «Журнал» are the owning account's: a person's run (the sidebar) posts that part to the work
 * inbox and the owner's runQueue applies it with the change's own time. Mail goes through the queue either way.
 * The cl. 9.4 support packet is not sent here: the escalation use case does that after a successful change.
 */
import { isPlausibleEmail } from '../domain/contacts';
import { mailKey, type MailKind, type OutgoingMessage } from '../domain/mail-queue';
import {
  formatDue,
  type MailContext,
  mailContextOf,
  type RenderedMail,
  renderEtiquetteAlert,
} from '../domain/mail-templates';
import type { RejectReason, Status } from '../domain/request';
import { CHOICE_LISTS, FIRST_DATA_ROW } from '../domain/schema';
import {
  type BookAfterChange,
  type Bookkeeping,
  bookAfterChange,
  type ChangeEffects,
  type LogFacts,
  sweepRulesFromMap,
} from '../domain/sla-sweep';
import {
  decideTransition,
  isRejectReason,
  problemMessage,
  type TransitionOutcome,
  type TransitionProblem,
} from '../domain/workflow';
import {
  renderAnswerMail,
  renderClarificationMail,
  renderEscalationNotice,
  renderEtiquetteEndedMail,
  renderRejectionMail,
  renderRequesterMoved,
} from '../domain/workflow-mail';
import { format } from '../locale/index';
import { type Actor, workflowTexts } from '../locale/workflow';
import { type AuditEntry, appendAudit } from './audit-log';
import type { Helpdesk } from './helpdesk';
import { effectiveUserEmail } from './identity';
import { enqueueMail } from './mailer';
import { postWork } from './pending-work';
import { statusOfLabel, withScriptLock } from './personal-data';
import { readOwner } from './properties';
import { findRowByCell, readRow } from './record-lookup';
import { satisfactionLinks } from './satisfaction-links';
import { bookOf, logFactsOf, numberOfCell } from './sla-repo';
import { type CellValue, instantOfCell, type RecordOf, text } from './table';

export type ChangeVia = 'sidebar' | 'sheet' | 'mail' | 'satisfaction' | 'sweep' | 'staged';

export interface StatusChange {
  requestId: string;
  to: Status;
  actor: { email: string; role: Actor | undefined };
  /** For «Дан ответ»; default: the row's «Ответ» cell. */
  answer?: string;
  /** A cl. 9.4.3 reason key for a rejection (default: the row's cell); the reason text for an etiquette end. */
  reason?: string;
  /** The clarifying question; default: the templated R5.3 question. */
  question?: string;
  via: ChangeVia;
  /** A hand edit already in the cell: the status before it. The status cell is then left as it is. */
  from?: Status;
  now?: Date;
}

export type StatusChangeResult =
  | { ok: true; outcome: TransitionOutcome; row: number; mailKeys: string[]; message: string }
  | { ok: false; message: string; problem?: TransitionProblem };

/** The work-inbox kind of the owner-only part of a change made in a person's run. */
export const TRANSITION_WORK = 'transition';
const LOCK_WAIT_MS = 15_000;

/** What the owner's run applies to «Служебное» and «Журнал» for one change (no personal data). */
export interface TransitionWork {
  requestId: string;
  at: number;
  facts: LogFacts;
  effects: ChangeEffects;
  audit: Array<Omit<AuditEntry, 'at'> & { at: number }>;
}

/** The request's row by its ID: one TextFinder over the ID column and one row read. */
export function findRequest(hd: Helpdesk, requestId: string): { row: number; cells: RecordOf } | undefined {
  const table = hd.table('requests', true);
  const row = findRowByCell(table, 'id', requestId.trim());
  return row === undefined ? undefined : { row, cells: readRow(table, row) };
}

export function changeStatus(hd: Helpdesk, change: StatusChange): StatusChangeResult {
  const t = workflowTexts[hd.locale];
  const locked = withScriptLock(LOCK_WAIT_MS, () => changeUnderLock(hd, change));
  return locked.done ? locked.value : { ok: false, message: t.busy };
}

function changeUnderLock(hd: Helpdesk, change: StatusChange): StatusChangeResult {
  const locale = hd.locale;
  const t = workflowTexts[locale];
  const now = change.now ?? new Date();
  const found = findRequest(hd, change.requestId);
  if (!found) return { ok: false, message: format(t.notFound, { id: change.requestId }) };
  const { row, cells } = found;
  const current = change.from ?? statusOfLabel(cells.status) ?? 'new';
  const answer = change.answer ?? text(cells.answer);
  const reason =
    change.to === 'rejected' ? (change.reason ?? rejectReasonOfCell(hd, cells.rejectReason)) : change.reason;
  const firstResponse = instantOfCell(cells.firstResponseAt);
  const decision = decideTransition(current, change.to, {
    role: change.actor.role,
    now,
    firstResponseAt: firstResponse === undefined ? null : new Date(firstResponse),
    answer,
    reason,
  });
  if (!decision.ok) return { ok: false, problem: decision.problem, message: problemMessage(decision.problem, locale) };
  const outcome = decision.outcome;
  const id = text(cells.id);
  const done = format(t.done, { id, status: hd.msgs.choices.status[outcome.to] });
  if (outcome.action === 'none') return { ok: true, outcome, row, mailKeys: [], message: done };

  const after = writeRequestCells(hd, row, cells, change, outcome);
  const work: TransitionWork = {
    requestId: id,
    at: now.getTime(),
    facts: logFactsOf(after),
    effects: {
      restartResolution: outcome.restartResolutionClock,
      counts: outcome.to === 'clarification' ? 'clarification' : outcome.to === 'escalated' ? 'escalation' : undefined,
    },
    audit: auditOf(hd, id, cells, after, change, now),
  };
  if (isOwnerRun()) applyTransitionWork(hd, work);
  else postWork(TRANSITION_WORK, work, now);

  const mail = mailOf(hd, after, change, outcome);
  if (mail.length > 0) enqueueMail(mail);
  const toRequester = outcome.requesterMail !== undefined;
  const unreachable = toRequester && !isPlausibleEmail(text(after.email));
  const message = unreachable ? `${done}\n${format(t.noEmail, { id, phone: text(after.phone) || '—' })}` : done;
  return { ok: true, outcome, row, mailKeys: mail.map((m) => m.key), message };
}

function isOwnerRun(): boolean {
  const owner = readOwner().toLowerCase();
  return owner !== '' && effectiveUserEmail().toLowerCase() === owner;
}

function rejectReasonOfCell(hd: Helpdesk, cell: CellValue | undefined): string {
  const label = text(cell).trim();
  if (isRejectReason(label)) return label;
  return CHOICE_LISTS.rejectReason.find((key) => hd.msgs.choices.rejectReason[key] === label) ?? '';
}

// ---- the row ---------------------------------------------------------------------------------------------

/** Writes the changed cells of the row, one by one (people may be editing its other cells); returns the row after. */
function writeRequestCells(
  hd: Helpdesk,
  row: number,
  cells: RecordOf,
  change: StatusChange,
  outcome: TransitionOutcome,
): RecordOf {
  const table = hd.table('requests');
  const after: RecordOf = { ...cells };
  const at = outcome.at;
  const put = (key: string, value: CellValue) => {
    const col = table.columns.get(key);
    if (col === undefined || sameValue(cells[key], value)) return;
    table.sheet.getRange(row, col).setValue(value);
    after[key] = value;
  };
  if (change.from === undefined) put('status', hd.msgs.choices.status[outcome.to]);
  else after.status = hd.msgs.choices.status[outcome.to];
  if (outcome.recordFirstResponse) put('firstResponseAt', at);
  if (outcome.resolvedAt === 'set') put('resolvedAt', at);
  if (outcome.resolvedAt === 'clear') put('resolvedAt', '');
  const record = outcome.record;
  if (record.answer !== undefined) put('answer', record.answer);
  if (record.rejectReason !== undefined) {
    put('rejectReason', record.rejectReason === '' ? '' : hd.msgs.choices.rejectReason[record.rejectReason]);
  }
  if (record.etiquetteReason !== undefined) {
    const line = format(workflowTexts[hd.locale].etiquetteNote, {
      date: formatDue(at, hd.zone, hd.locale),
      reason: record.etiquetteReason,
    });
    const notes = text(cells.notes).trim();
    put('notes', notes ? `${notes}\n${line}` : line);
  }
  return after;
}

function sameValue(a: CellValue | undefined, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) return instantOfCell(a) === instantOfCell(b);
  return text(a) === text(b);
}

// ---- the owner's part: «Служебное» and «Журнал» -----------------------------------------------------------

const BOOK_KEYS = [
  'firstResponseDueAt',
  'resolutionDueAt',
  'pausedSince',
  'pausedMs',
  'alertLevel',
  'clarifications',
  'escalations',
  'lastEscalatedAt',
  'supportWaitMs',
] as const;

/** Applies one change's bookkeeping and audit rows; runs as the owning account. */
export function applyTransitionWork(hd: Helpdesk, work: TransitionWork): void {
  const state = hd.table('state', true);
  const row = findRowByCell(state, 'requestId', work.requestId);
  if (row !== undefined) {
    const values = readRow(state, row);
    const next = bookAfterChange(
      work.facts,
      bookOf(values),
      countersOf(values),
      sweepContext(hd),
      work.at,
      work.effects,
    );
    if (next) {
      writeBook(state, row, values, next);
      showDue(hd, work, next.book);
    }
  }
  appendAudit(
    hd.table('audit', true),
    work.audit.map((e) => ({ ...e, at: new Date(e.at) })),
    hd.labels(),
  );
}

/**
 * The log's «Срок ответа» follows a due time the change moved (a pause that ended) at once, rather than at the
 * next sweep; only while the row still has the status the change gave it.
 */
function showDue(hd: Helpdesk, work: TransitionWork, book: Bookkeeping): void {
  if (book.pausedSince !== undefined || work.facts.resolvedAt !== undefined) return;
  const due = work.facts.firstResponseAt === undefined ? book.firstResponseDueAt : book.resolutionDueAt;
  if (due === undefined || due === work.facts.dueShown) return;
  const requests = hd.table('requests', true);
  const row = findRowByCell(requests, 'id', work.requestId);
  const dueCol = requests.columns.get('dueAt');
  const statusCol = requests.columns.get('status');
  if (row === undefined || dueCol === undefined || statusCol === undefined) return;
  const status = statusOfLabel(requests.sheet.getRange(row, statusCol).getValue() as CellValue);
  if (status !== work.facts.status) return;
  requests.sheet.getRange(row, dueCol).setValue(new Date(due));
}

function sweepContext(hd: Helpdesk) {
  return { policy: hd.sla(), rules: sweepRulesFromMap(hd.settings()).rules };
}

function countersOf(values: RecordOf): Omit<BookAfterChange, 'book'> {
  return {
    clarifications: numberOfCell(values.clarifications),
    escalations: numberOfCell(values.escalations),
    lastEscalatedAt: instantOfCell(values.lastEscalatedAt),
    supportWaitMs: numberOfCell(values.supportWaitMs),
  };
}

function writeBook(state: ReturnType<Helpdesk['table']>, row: number, before: RecordOf, next: BookAfterChange): void {
  const date = (t: number | undefined): CellValue => (t === undefined ? '' : new Date(t));
  const values: Record<(typeof BOOK_KEYS)[number], CellValue> = {
    firstResponseDueAt: date(next.book.firstResponseDueAt),
    resolutionDueAt: date(next.book.resolutionDueAt),
    pausedSince: date(next.book.pausedSince),
    pausedMs: next.book.pausedMs,
    alertLevel: next.book.alertLevel,
    clarifications: next.clarifications,
    escalations: next.escalations,
    lastEscalatedAt: date(next.lastEscalatedAt),
    supportWaitMs: next.supportWaitMs,
  };
  let changed = false;
  for (const key of BOOK_KEYS) {
    const col = state.columns.get(key);
    if (col === undefined || sameValue(before[key], values[key])) continue;
    state.sheet.getRange(row, col).setValue(values[key]);
    changed = true;
  }
  const updated = state.columns.get('updatedAt');
  if (changed && updated !== undefined) state.sheet.getRange(row, updated).setValue(new Date());
}

// ---- the journal -----------------------------------------------------------------------------------------

/** Columns whose values are a requester's personal data or their words: the journal says only that they changed. */
const QUIET = new Set(['answer', 'notes']);

function auditOf(
  hd: Helpdesk,
  id: string,
  before: RecordOf,
  after: RecordOf,
  change: StatusChange,
  at: Date,
): TransitionWork['audit'] {
  const t = workflowTexts[hd.locale];
  // A requester's address is personal data: the journal names them by their part only.
  const role = change.actor.role;
  const actor =
    role === 'requester' || role === 'system' || !change.actor.email
      ? t.actors[role ?? 'requester']
      : change.actor.email;
  const note = t.via[change.via];
  const entry = (action: string, columnKey: string, b?: string, a?: string) => ({
    at: at.getTime(),
    requestId: id,
    action,
    columnKey,
    actor,
    before: b,
    after: a,
    note,
  });
  const statusBefore = change.from ? hd.msgs.choices.status[change.from] : text(before.status);
  const entries = [entry(t.audit.status, 'status', statusBefore, text(after.status))];
  const changed = (key: string) => text(before[key]) !== text(after[key]) || differentTime(before[key], after[key]);
  const zone = hd.zone;
  const time = (cell: CellValue | undefined) => {
    const ms = instantOfCell(cell);
    return ms === undefined ? '' : formatDue(ms, zone, hd.locale);
  };
  if (changed('firstResponseAt'))
    entries.push(entry(t.audit.firstResponse, 'firstResponseAt', '', time(after.firstResponseAt)));
  if (changed('resolvedAt')) {
    const cleared = text(after.resolvedAt) === '';
    entries.push(
      entry(
        cleared ? t.audit.reopened : t.audit.resolved,
        'resolvedAt',
        time(before.resolvedAt),
        time(after.resolvedAt),
      ),
    );
  }
  if (changed('answer')) entries.push(entry(t.audit.answer, 'answer'));
  if (changed('rejectReason')) {
    entries.push(entry(t.audit.rejectReason, 'rejectReason', text(before.rejectReason), text(after.rejectReason)));
  }
  if (changed('notes')) entries.push(entry(t.audit.etiquetteReason, 'notes'));
  for (const e of entries) {
    if (QUIET.has(e.columnKey)) {
      e.before = undefined;
      e.after = undefined;
    }
  }
  return entries;
}

function differentTime(a: CellValue | undefined, b: CellValue | undefined): boolean {
  return instantOfCell(a) !== instantOfCell(b);
}

// ---- the mail --------------------------------------------------------------------------------------------

const REQUESTER_KIND: Record<NonNullable<TransitionOutcome['requesterMail']>, MailKind> = {
  clarification: 'clarification',
  escalationNotice: 'notice',
  answer: 'answer',
  rejection: 'notice',
  etiquetteEnded: 'notice',
};

function mailOf(hd: Helpdesk, row: RecordOf, change: StatusChange, outcome: TransitionOutcome): OutgoingMessage[] {
  const ctx = mailContextOf(hd.settings(), {
    locale: hd.locale,
    timeZone: hd.zone,
    spreadsheetUrl: hd.ss.getUrl(),
  });
  const id = text(row.id);
  const stamp = outcome.at.getTime();
  const sender = { senderName: hd.setting('school.name') || hd.msgs.appName };
  const out: OutgoingMessage[] = [];
  const email = text(row.email).trim();
  if (outcome.requesterMail && isPlausibleEmail(email)) {
    const kind = REQUESTER_KIND[outcome.requesterMail];
    const key = mailKey(id, kind, `${outcome.requesterMail}-${stamp}`);
    const body = requesterMail(hd, ctx, key, id, row, change, outcome);
    const threadId = requestThread(hd, id);
    out.push({ key, requestId: id, kind, to: email, ...body, ...sender, ...(threadId ? { threadId } : {}) });
  }
  const director = hd.setting('director.email');
  if (outcome.directorAlert && isPlausibleEmail(director)) {
    const key = mailKey(id, 'etiquette', `ended-${stamp}`);
    const body = renderEtiquetteAlert(ctx, { key, requestId: id, event: 'ended' });
    out.push({ key, requestId: id, kind: 'etiquette', to: director, ...body, ...sender });
  }
  const assignee = text(row.assignee).trim();
  // A reply by e-mail is announced by the mail poll itself (with the mailbox link): one notice, not two.
  if (outcome.assigneeAlert && change.via !== 'mail' && isPlausibleEmail(assignee)) {
    const key = mailKey(id, 'assignee', `${outcome.assigneeAlert}-${stamp}`);
    const body = renderRequesterMoved(ctx, { key, requestId: id, event: outcome.assigneeAlert });
    out.push({ key, requestId: id, kind: 'assignee', to: assignee, ...body, ...sender });
  }
  return out;
}

function requesterMail(
  hd: Helpdesk,
  ctx: MailContext,
  key: string,
  id: string,
  row: RecordOf,
  change: StatusChange,
  outcome: TransitionOutcome,
): RenderedMail {
  switch (outcome.requesterMail) {
    case 'clarification':
      return renderClarificationMail(ctx, {
        key,
        requestId: id,
        question: change.question ?? '',
        autoCloseDays: sweepRulesFromMap(hd.settings()).rules.autoCloseDays,
      });
    case 'escalationNotice':
      return renderEscalationNotice(ctx, { key, requestId: id });
    case 'answer':
      return renderAnswerMail(ctx, {
        key,
        requestId: id,
        answer: outcome.record.answer ?? text(row.answer),
        links: satisfactionLinks(id),
      });
    case 'rejection':
      return renderRejectionMail(ctx, {
        key,
        requestId: id,
        reason: hd.msgs.choices.rejectReason[outcome.record.rejectReason as RejectReason] ?? '',
      });
    default:
      return renderEtiquetteEndedMail(ctx, { key, requestId: id, reason: outcome.record.etiquetteReason ?? '' });
  }
}

/**
 * The Gmail thread the requester's conversation lives in: the thread of a message already sent to them about
 * this request (the acknowledgement, an earlier reply), found in the queue by the request ID.
 */
export function requestThread(hd: Helpdesk, requestId: string): string | undefined {
  const queue = hd.table('mailQueue', true);
  const idCol = queue.columns.get('requestId');
  const threadCol = queue.columns.get('threadId');
  const kindCol = queue.columns.get('kind');
  if (idCol === undefined || threadCol === undefined || kindCol === undefined || queue.lastRow < FIRST_DATA_ROW)
    return undefined;
  const matches = queue.sheet
    .getRange(FIRST_DATA_ROW, idCol, queue.lastRow - FIRST_DATA_ROW + 1, 1)
    .createTextFinder(requestId)
    .matchEntireCell(true)
    .matchCase(true)
    .findAll();
  for (const cell of matches) {
    const r = cell.getRow();
    const kind = text(queue.sheet.getRange(r, kindCol).getValue() as CellValue);
    if (kind !== 'ack' && kind !== 'answer' && kind !== 'clarification' && kind !== 'notice') continue;
    const thread = text(queue.sheet.getRange(r, threadCol).getValue() as CellValue);
    if (thread) return thread;
  }
  return undefined;
}
