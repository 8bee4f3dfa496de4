/**
 * The request life cycle as a pure state machine (regulation cl. 5.3, 6.3, 8, 9.4.3, 10; SPEC R5.2–R6.4,
 * R5.3/R6.3, R7, R8, R9, R10). `decideTransition` says whether a status change may happen and what it
 * implies as data; the use cases (sidebar, sheet edit handler, SLA sweep, satisfaction page) apply it.
 *
 * Rules chosen:
 * - Staff who change statuses: owner, consultant, deputy, director. A teacher helps by e-mail (R7) and
 *   never changes a status; neither does a plain staff member. A blank identity is refused.
 * - The requester moves a request only by replying to a clarifying question (resumes it), or by the
 *   satisfaction links: «Помогло» closes an answered request, «Не помогло» reopens an answered or closed one.
 * - The script («system») only auto-closes an unanswered clarification as a rejection (cl. 9.4.3, sla-sweep).
 * - Requirements: «Дан ответ» needs the answer text; «Отклонено» a reason from the cl. 9.4.3 list;
 *   «Прекращено (нарушение этикета)» a reason text (cl. 10). «Нужно уточнение» needs nothing: the use case
 *   sends the templated question (R5.3). Escalation needs no ticket: the support service gives its number
 *   after registering the packet (R8 "when known"); the use case composes the packet from the row and
 *   settings and warns when the support e-mail is blank.
 * - First response (R5.2): recorded when a person's change sends the requester a message (answer,
 *   clarifying question, escalation notice, rejection, etiquette notice) and none was recorded yet. Taking
 *   a request into work is a bare status change; the script's and the requester's changes never count.
 * - Resolution: answered, rejected and etiquette-ended set the resolved time; closing keeps it (the answer
 *   was the resolution); reopening clears it and restarts the resolution clock from now.
 * - Pauses: «Нужно уточнение» waits on the requester, «Передано в Службу поддержки» on the support service
 *   (as sla-sweep reads them); entering one starts a pause at `now`, leaving one ends it.
 * - Final statuses: closed and rejected reopen only by a person (or the requester's «Не помогло» after a
 *   close); an etiquette end reopens only by the director, who was told of it (cl. 10).
 * - Setting the status a request already has is no change: ok, with nothing to do.
 */
import type { Actor, TransitionProblemCode } from '../locale/workflow';
import { workflowTexts } from '../locale/workflow';
import { format, type LocaleCode, messages } from '../locale/index';
import type { RejectReason, Status } from './request';
import { CHOICE_LISTS } from './schema';

export type { Actor, TransitionProblemCode };

/** The staff who work the log (cl. 7: consultant, deputy director, director; and the school account). */
const STAFF: readonly Actor[] = ['owner', 'consultant', 'deputy', 'director'];
const STAFF_OR_REQUESTER: readonly Actor[] = [...STAFF, 'requester'];

/** Who may move a request from one status (row) to another (column); a missing cell is no way at all. */
export const TRANSITIONS: Readonly<Record<Status, Readonly<Partial<Record<Status, readonly Actor[]>>>>> = {
  new: {
    inProgress: STAFF,
    clarification: STAFF,
    escalated: STAFF,
    answered: STAFF,
    rejected: STAFF,
    etiquetteEnded: STAFF,
  },
  inProgress: { clarification: STAFF, escalated: STAFF, answered: STAFF, rejected: STAFF, etiquetteEnded: STAFF },
  clarification: {
    inProgress: STAFF_OR_REQUESTER, // the requester's reply, or the consultant's note of a call
    escalated: STAFF,
    answered: STAFF,
    rejected: [...STAFF, 'system'], // the sweep's auto-close (cl. 9.4.3)
    etiquetteEnded: STAFF,
  },
  escalated: {
    inProgress: STAFF, // support answered or rejected the packet: the consultant works on
    clarification: STAFF, // support needs more from the requester
    answered: STAFF,
    rejected: STAFF,
    etiquetteEnded: STAFF,
  },
  answered: {
    inProgress: STAFF_OR_REQUESTER, // «Не помогло»
    closed: STAFF_OR_REQUESTER, // «Помогло»
    etiquetteEnded: STAFF, // a rude reply to the answer
  },
  closed: { inProgress: STAFF_OR_REQUESTER },
  rejected: { inProgress: STAFF }, // e.g. the requester's late reply after an auto-close
  etiquetteEnded: { inProgress: ['director'] },
};

export type TransitionAction =
  | 'none'
  | 'take'
  | 'askClarification'
  | 'resume'
  | 'escalate'
  | 'supportReturned'
  | 'answer'
  | 'close'
  | 'reopen'
  | 'reject'
  | 'endForEtiquette';

/** The e-mail the requester is owed by a change. */
export type RequesterMailKind = 'clarification' | 'escalationNotice' | 'answer' | 'rejection' | 'etiquetteEnded';
export type WaitKind = 'requester' | 'support';

/** What a change implies as data; the use case writes it (times are `at`). */
export interface TransitionOutcome {
  from: Status;
  to: Status;
  action: TransitionAction;
  at: Date;
  /** Write `at` as the first-response time. */
  recordFirstResponse: boolean;
  /** set: `at` is the resolved time; clear: blank it (reopened); keep: leave it. */
  resolvedAt: 'set' | 'clear' | 'keep';
  /** Count the resolution target anew from `at` (reopened). */
  restartResolutionClock: boolean;
  /** The pause that ends at `at` (leaving a waiting status). */
  pauseEnds?: WaitKind;
  /** The pause that begins at `at` (the sweep's `pausedSince`). */
  pauseBegins?: WaitKind;
  /** Cells to write: the answer, the rejection reason ('' clears it on reopening), the etiquette reason. */
  record: { answer?: string; rejectReason?: RejectReason | ''; etiquetteReason?: string };
  requesterMail?: RequesterMailKind;
  /** cl. 10: the director is told of an ended consultation. */
  directorAlert?: 'etiquetteEnded';
  /** The assignee hears that the requester moved the request. */
  assigneeAlert?: 'requesterReplied' | 'notHelped';
  /** Compose and send the cl. 9.4 packet to the support service. */
  sendSupportPacket: boolean;
}

export interface TransitionContext {
  /** undefined: a blank identity or a person without a role. */
  role: Actor | undefined;
  now: Date;
  /** The request's first-response time as recorded. */
  firstResponseAt: Date | null;
  /** The answer text («Дан ответ»). */
  answer?: string;
  /** A cl. 9.4.3 reason key for rejection; the reason text for an etiquette end. */
  reason?: string;
}

export type TransitionProblem =
  | { code: 'unknownStatus'; from: Status }
  | { code: 'blankIdentity'; from: Status }
  | { code: 'notAllowed'; from: Status; to: Status }
  | { code: 'roleNotAllowed'; from: Status; to: Status; role: Actor; allowed: readonly Actor[] }
  | { code: 'answerRequired' | 'rejectReasonRequired' | 'etiquetteReasonRequired'; from: Status; to: Status };

export type TransitionDecision = { ok: true; outcome: TransitionOutcome } | { ok: false; problem: TransitionProblem };

export function isStatus(value: string): value is Status {
  return (CHOICE_LISTS.status as readonly string[]).indexOf(value) >= 0;
}

export function isRejectReason(value: string): value is RejectReason {
  return (CHOICE_LISTS.rejectReason as readonly string[]).indexOf(value) >= 0;
}

/** The statuses a request in `from` may go to, in the list's order. */
export function nextStatuses(from: Status): Status[] {
  return CHOICE_LISTS.status.filter((to) => TRANSITIONS[from][to] !== undefined);
}

/** Whether `requested` (undefined: a label the helpdesk does not know) may follow `current`, and what it implies. */
export function decideTransition(
  current: Status,
  requested: Status | undefined,
  context: TransitionContext,
): TransitionDecision {
  if (requested === undefined) return refuse({ code: 'unknownStatus', from: current });
  if (requested === current) return { ok: true, outcome: unchanged(current, context.now) };
  const problem = checkTransition(current, requested, context);
  if (problem) return refuse(problem);
  return { ok: true, outcome: outcomeOf(current, requested, context) };
}

function refuse(problem: TransitionProblem): TransitionDecision {
  return { ok: false, problem };
}

function checkTransition(from: Status, to: Status, ctx: TransitionContext): TransitionProblem | undefined {
  const role = ctx.role;
  if (role === undefined) return { code: 'blankIdentity', from };
  const allowed = TRANSITIONS[from][to];
  if (!allowed) return { code: 'notAllowed', from, to };
  if (allowed.indexOf(role) < 0) return { code: 'roleNotAllowed', from, to, role, allowed };
  const missing = missingRequirement(to, ctx);
  return missing ? { code: missing, from, to } : undefined;
}

type RequirementCode = 'answerRequired' | 'rejectReasonRequired' | 'etiquetteReasonRequired';

function missingRequirement(to: Status, ctx: TransitionContext): RequirementCode | undefined {
  if (to === 'answered' && !isFilled(ctx.answer)) return 'answerRequired';
  if (to === 'rejected' && !isRejectReason((ctx.reason ?? '').trim())) return 'rejectReasonRequired';
  if (to === 'etiquetteEnded' && !isFilled(ctx.reason)) return 'etiquetteReasonRequired';
  return undefined;
}

function isFilled(text: string | undefined): boolean {
  return (text ?? '').trim() !== '';
}

function unchanged(status: Status, at: Date): TransitionOutcome {
  return {
    from: status,
    to: status,
    action: 'none',
    at,
    recordFirstResponse: false,
    resolvedAt: 'keep',
    restartResolutionClock: false,
    record: {},
    sendSupportPacket: false,
  };
}

function outcomeOf(from: Status, to: Status, ctx: TransitionContext): TransitionOutcome {
  const requesterMail = requesterMailOf(to);
  const reopened = to === 'inProgress' && isFinished(from);
  const byPerson = ctx.role !== undefined && STAFF.indexOf(ctx.role) >= 0;
  return {
    ...unchanged(from, ctx.now),
    to,
    action: actionOf(from, to),
    recordFirstResponse: byPerson && requesterMail !== undefined && ctx.firstResponseAt === null,
    resolvedAt: reopened ? 'clear' : resolvesOn(to) ? 'set' : 'keep',
    restartResolutionClock: reopened,
    pauseEnds: waitKindOf(from),
    pauseBegins: waitKindOf(to),
    record: recordOf(from, to, ctx),
    requesterMail,
    directorAlert: to === 'etiquetteEnded' ? 'etiquetteEnded' : undefined,
    assigneeAlert: ctx.role === 'requester' && to === 'inProgress' ? requesterAlertOf(from) : undefined,
    sendSupportPacket: to === 'escalated',
  };
}

function actionOf(from: Status, to: Status): TransitionAction {
  switch (to) {
    case 'inProgress':
      if (from === 'new') return 'take';
      if (from === 'clarification') return 'resume';
      if (from === 'escalated') return 'supportReturned';
      return 'reopen';
    case 'clarification':
      return 'askClarification';
    case 'escalated':
      return 'escalate';
    case 'answered':
      return 'answer';
    case 'closed':
      return 'close';
    case 'rejected':
      return 'reject';
    case 'etiquetteEnded':
      return 'endForEtiquette';
    case 'new':
      return 'none';
  }
}

function requesterMailOf(to: Status): RequesterMailKind | undefined {
  if (to === 'clarification') return 'clarification';
  if (to === 'escalated') return 'escalationNotice';
  if (to === 'answered') return 'answer';
  if (to === 'rejected') return 'rejection';
  if (to === 'etiquetteEnded') return 'etiquetteEnded';
  return undefined;
}

function requesterAlertOf(from: Status): TransitionOutcome['assigneeAlert'] {
  return from === 'clarification' ? 'requesterReplied' : 'notHelped';
}

/** The statuses after which the work is over until someone reopens it. */
function isFinished(status: Status): boolean {
  return status === 'answered' || status === 'closed' || status === 'rejected' || status === 'etiquetteEnded';
}

function resolvesOn(to: Status): boolean {
  return to === 'answered' || to === 'rejected' || to === 'etiquetteEnded';
}

function waitKindOf(status: Status): WaitKind | undefined {
  if (status === 'clarification') return 'requester';
  if (status === 'escalated') return 'support';
  return undefined;
}

function recordOf(from: Status, to: Status, ctx: TransitionContext): TransitionOutcome['record'] {
  if (to === 'answered') return { answer: (ctx.answer ?? '').trim() };
  if (to === 'rejected') return { rejectReason: (ctx.reason ?? '').trim() as RejectReason };
  if (to === 'etiquetteEnded') return { etiquetteReason: (ctx.reason ?? '').trim() };
  // A reopened rejection is no longer one: the reports count rejections by this cell.
  if (from === 'rejected') return { rejectReason: '' };
  return {};
}

// ---- the visible note ------------------------------------------------------------------------------------

/** The note shown on the status cell when the edit handler reverts an illegal hand edit. */
export function revertNote(problem: TransitionProblem, locale: LocaleCode): string {
  const texts = workflowTexts[locale];
  const label = (s: Status): string => `«${messages(locale).choices.status[s]}»`;
  const head = format(texts.reverted, { from: messages(locale).choices.status[problem.from] });
  return `${head}\n${problemText(problem, locale, label)}`;
}

/** Why a change was refused, for the sidebar's message (the same words as the note, without its first line). */
export function problemMessage(problem: TransitionProblem, locale: LocaleCode): string {
  return problemText(problem, locale, (s) => `«${messages(locale).choices.status[s]}»`);
}

function problemText(problem: TransitionProblem, locale: LocaleCode, label: (s: Status) => string): string {
  const texts = workflowTexts[locale];
  const plain = (s: Status): string => messages(locale).choices.status[s];
  switch (problem.code) {
    case 'unknownStatus':
    case 'blankIdentity':
    case 'answerRequired':
    case 'rejectReasonRequired':
    case 'etiquetteReasonRequired':
      return texts.problems[problem.code];
    case 'notAllowed': {
      // Every status has a way out (see TRANSITIONS), so the list is never empty.
      const allowed = nextStatuses(problem.from).map(label).join(', ');
      return format(texts.problems.notAllowed, { from: plain(problem.from), to: plain(problem.to), allowed });
    }
    case 'roleNotAllowed': {
      const who = problem.allowed.map((a) => texts.actors[a]).join(', ');
      return format(texts.problems.roleNotAllowed, { from: plain(problem.from), to: plain(problem.to), who });
    }
  }
}
