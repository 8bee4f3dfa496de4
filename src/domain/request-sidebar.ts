/**
 * The request sidebar as plain data (issue 5): which steps a role may take from a status (the life cycle's
 * TRANSITIONS, nothing more), the shape a google.script.run call must have (a forged call may send anything),
 * and the view the page renders. The adapters read the cells; the page only prints what is here, as text.
 */
import type { Actor } from '../locale/workflow';
import type { SidebarActionKind, SidebarProblem } from '../locale/sidebar';
import type { Status } from './request';
import { CELL_LIMIT } from './text-safety';
import { isStatus, nextStatuses, TRANSITIONS } from './workflow';

export type { SidebarActionKind, SidebarProblem };

export interface SidebarAction {
  kind: SidebarActionKind;
  to: Status;
}

/** The steps `role` may take from `from`, in the status list's order; none for an unknown role. */
export function sidebarActions(from: Status, role: Actor | undefined): SidebarAction[] {
  if (role === undefined) return [];
  return nextStatuses(from)
    .filter((to) => (TRANSITIONS[from][to] ?? []).indexOf(role) >= 0)
    .map((to) => ({ kind: actionKindOf(from, to), to }));
}

function actionKindOf(from: Status, to: Status): SidebarActionKind {
  switch (to) {
    case 'inProgress':
      if (from === 'new') return 'take';
      if (from === 'clarification') return 'resume';
      if (from === 'escalated') return 'supportReturned';
      return 'reopen';
    case 'closed':
      return 'close';
    case 'answered':
      return 'answer';
    case 'clarification':
      return 'clarify';
    case 'escalated':
      return 'escalate';
    case 'rejected':
      return 'reject';
    default:
      return 'endForEtiquette';
  }
}

/** Statuses after which the work is over: nobody is assigned to a finished request. */
export function isOpenStatus(status: Status): boolean {
  return status === 'new' || status === 'inProgress' || status === 'clarification' || status === 'escalated';
}

// ---- the calls' input --------------------------------------------------------------------------------------

/** What every sidebar call carries: the request, and the status the sidebar showed when the person acted. */
export interface SidebarCall<K extends string> {
  requestId: string;
  /** The status shown; a change is refused when the row has moved on meanwhile. Absent: not checked. */
  expected?: Status;
  fields: Record<K, string>;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: SidebarProblem };

/** A request ID is one short line; anything else is not from the sidebar. */
const REQUEST_ID_MAX = 64;

/**
 * Whatever google.script.run delivered, checked against the call's shape: an object with a request ID, an
 * optional status key and the named text fields (each a string, or absent for empty). Text longer than a
 * cell holds is refused rather than cut, so nothing typed is lost without the person knowing.
 */
export function parseSidebarCall<K extends string>(raw: unknown, textFields: readonly K[]): Parsed<SidebarCall<K>> {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return bad('badInput');
  const r = raw as Record<string, unknown>;
  const requestId = typeof r.requestId === 'string' ? r.requestId.trim() : '';
  if (requestId === '' || requestId.length > REQUEST_ID_MAX || hasControlCharacter(requestId)) return bad('badInput');
  let expected: Status | undefined;
  if (r.expected !== undefined && r.expected !== null && r.expected !== '') {
    if (typeof r.expected !== 'string' || !isStatus(r.expected)) return bad('badInput');
    expected = r.expected;
  }
  const fields = {} as Record<K, string>;
  for (const key of textFields) {
    const value = r[key];
    if (value === undefined || value === null) fields[key] = '';
    else if (typeof value === 'string') fields[key] = value;
    else return bad('badInput');
    if (fields[key].length > CELL_LIMIT) return bad('tooLong');
  }
  return { ok: true, value: { requestId, expected, fields } };
}

function hasControlCharacter(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) < 0x20) return true;
  return false;
}

function bad(problem: SidebarProblem): { ok: false; problem: SidebarProblem } {
  return { ok: false, problem };
}

/** Only web links become links in the sidebar; anything else (javascript:, data:) is shown as text. */
export function isWebLink(url: string): boolean {
  return /^https?:\/\/[^\s"'<>]+$/i.test(url.trim());
}

// ---- the view --------------------------------------------------------------------------------------------

export interface SidebarField {
  key: string;
  label: string;
  value: string;
}

export interface SidebarHistoryLine {
  at: string;
  action: string;
  actor: string;
  /** «Column: before → after», or '' when the entry names no change. */
  change: string;
  note: string;
}

/** What the page shows and re-renders after each call; every value is text to print as text. */
export interface SidebarView {
  requestId: string;
  /** The status key, '' when the cell holds a label the helpdesk does not know. */
  status: Status | '';
  statusLabel: string;
  fields: SidebarField[];
  description: string;
  /** The row's «Ответ» cell: an answer typed in the sheet starts the answer box. */
  answerDraft: string;
  roleLabel: string;
  history: SidebarHistoryLine[];
  /** Set when older entries are not shown. */
  historyNote: string;
  actions: Array<SidebarAction & { label: string }>;
  /** Why no action is offered ('' when some are). */
  noActions: string;
  canAssign: boolean;
}

/** The answer a call returns to the page: a message in the school's language, and the request as it is now. */
export interface SidebarResult {
  ok: boolean;
  message: string;
  view?: SidebarView;
}

/** The e-mail the answer would become, for the page's preview. */
export interface AnswerPreview {
  ok: boolean;
  message: string;
  subject?: string;
  text?: string;
}
