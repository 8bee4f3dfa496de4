/**
 * What every google.script.run call of the request sidebar shares: the caller's role first (any page the script
 * serves can call any global with anything), then the input's shape, then the request as it is now, and an
 * answer the page can show — a message in the school's language and the request re-read. A failure never
 * throws past the page except a refused caller, and never clears what the person typed (the page keeps it).
 */
import {
  isOpenStatus,
  type Parsed,
  parseSidebarCall,
  type SidebarCall,
  type SidebarField,
  type SidebarHistoryLine,
  type SidebarProblem,
  type SidebarResult,
  type SidebarView,
  sidebarActions,
} from '../domain/request-sidebar';
import { formatDue } from '../domain/mail-templates';
import type { Status } from '../domain/request';
import { sheetDef } from '../domain/schema';
import { HELPDESK_ROLES } from '../domain/roles';
import { AccessDenied, type Caller, requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { statusOfLabel } from '../gas/personal-data';
import { changeStatus, findRequest, type StatusChange } from '../gas/request-actions';
import { type HistoryEntry, readRequestHistory } from '../gas/request-history';
import { instantOfCell, type RecordOf, text } from '../gas/table';
import { format, type LocaleCode } from '../locale/index';
import { type SidebarTexts, sidebarTexts } from '../locale/sidebar';
import { workflowTexts } from '../locale/workflow';

export interface SidebarContext {
  hd: Helpdesk;
  caller: Caller;
  t: SidebarTexts;
}

/**
 * Runs one sidebar call: the role check (a refusal throws, so the page's failure handler shows it), the input
 * check, then `act`. Anything else that goes wrong becomes a message; the page keeps the typed text.
 */
export function runSidebarCall<K extends string, R extends { ok: boolean; message: string } = SidebarResult>(
  raw: unknown,
  textFields: readonly K[],
  act: (ctx: SidebarContext, call: SidebarCall<K>) => R,
): R | { ok: false; message: string } {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const t = sidebarTexts(hd.locale);
  const parsed: Parsed<SidebarCall<K>> = parseSidebarCall(raw, textFields);
  if (!parsed.ok) return { ok: false, message: problemText(t, parsed.problem) };
  try {
    return act({ hd, caller, t }, parsed.value);
  } catch (e) {
    if (e instanceof AccessDenied) throw e;
    return { ok: false, message: format(t.problems.failed, { error: errorText(e) }) };
  }
}

export function problemText(t: SidebarTexts, problem: SidebarProblem, values: Record<string, string> = {}): string {
  return format(t.problems[problem], { max: '50 000', ...values });
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The request's row, or a refusal the page can show (not found, an unknown status, moved on since shown). */
export function requestAsShown(
  ctx: SidebarContext,
  call: SidebarCall<string>,
): { ok: true; row: number; cells: RecordOf; status: Status } | { ok: false; result: SidebarResult } {
  const { hd, t } = ctx;
  const found = findRequest(hd, call.requestId);
  if (!found) return { ok: false, result: { ok: false, message: problemText(t, 'notFound', { id: call.requestId }) } };
  const status = statusOf(found.cells);
  const refuse = (message: string) => ({
    ok: false as const,
    result: { ok: false, message, view: sidebarView(ctx, call.requestId, found.cells) },
  });
  if (status === undefined) return refuse(problemText(t, 'unknownStatus', { status: text(found.cells.status) }));
  if (call.expected !== undefined && call.expected !== status) {
    return refuse(problemText(t, 'staleStatus', { status: hd.msgs.choices.status[status] }));
  }
  return { ok: true, row: found.row, cells: found.cells, status };
}

/** A blank status cell is a new request (as the life cycle reads it); a label nobody knows is undefined. */
function statusOf(cells: RecordOf): Status | undefined {
  return text(cells.status).trim() === '' ? 'new' : statusOfLabel(cells.status);
}

/** One status change from the sidebar through the life cycle's core, as the caller. */
export function changeFromSidebar(
  ctx: SidebarContext,
  call: SidebarCall<string>,
  to: Status,
  extra: Pick<StatusChange, 'answer' | 'reason' | 'question'> = {},
): SidebarResult {
  const { hd, caller, t } = ctx;
  const shown = requestAsShown(ctx, call);
  if (!shown.ok) return shown.result;
  if (shown.status === to) {
    const message = problemText(t, 'alreadyThere', { id: call.requestId, status: hd.msgs.choices.status[to] });
    return { ok: false, message, view: sidebarView(ctx, call.requestId) };
  }
  const result = changeStatus(hd, {
    requestId: call.requestId,
    to,
    actor: { email: caller.email, role: caller.role },
    via: 'sidebar',
    ...extra,
  });
  if (!result.ok) return { ok: false, message: result.message, view: sidebarView(ctx, call.requestId) };
  const message = result.mailKeys.length > 0 ? `${result.message}\n${t.mailQueued}` : result.message;
  return { ok: true, message, view: sidebarView(ctx, call.requestId) };
}

// ---- the view --------------------------------------------------------------------------------------------

/** The request as the sidebar shows it to this caller; `cells` when the row was just read. */
export function sidebarView(ctx: SidebarContext, requestId: string, cells?: RecordOf): SidebarView | undefined {
  const { hd, caller, t } = ctx;
  const row = cells ?? findRequest(hd, requestId)?.cells;
  if (!row) return undefined;
  const locale: LocaleCode = hd.locale;
  const msgs = hd.msgs;
  const status = statusOf(row);
  const statusLabel = text(row.status).trim() || msgs.choices.status.new;
  const when = (key: string): string => {
    const ms = instantOfCell(row[key]);
    return ms === undefined ? '' : formatDue(ms, hd.zone, locale);
  };
  const field = (key: string, label: string, value: string): SidebarField => ({ key, label, value: value.trim() });
  const fields: SidebarField[] = [
    field('id', t.fields.id, text(row.id)),
    field('status', t.fields.status, statusLabel),
    field('topic', t.fields.topic, text(row.topic)),
    field('requesterType', t.fields.requesterType, text(row.requesterType)),
    field('channel', t.fields.channel, text(row.channel)),
    field('createdAt', t.fields.createdAt, when('createdAt')),
    field('dueAt', t.fields.due, when('dueAt')),
    field('assignee', t.fields.assignee, assigneeText(hd, text(row.assignee))),
    field('flags', t.fields.flags, text(row.flags)),
  ];
  const history = readRequestHistory(hd.table('audit', true), text(row.id).trim() || requestId);
  const actions =
    status === undefined
      ? []
      : sidebarActions(status, caller.role).map((a) => ({ ...a, label: t.actions.buttons[a.kind] }));
  const noActions =
    actions.length > 0
      ? ''
      : status === undefined
        ? problemText(t, 'unknownStatus', { status: statusLabel })
        : format(t.actions.none, { status: statusLabel });
  return {
    requestId: text(row.id).trim() || requestId,
    status: status ?? '',
    statusLabel,
    fields: fields.map((f) => (f.value === '' ? { ...f, value: t.none } : f)),
    description: text(row.description),
    answerDraft: text(row.answer),
    roleLabel: workflowTexts[locale].actors[caller.role],
    history: history.entries.map((e) => historyLine(hd, t, e, locale)),
    historyNote:
      history.total > history.entries.length
        ? format(t.history.truncated, { shown: history.entries.length, total: history.total, sheet: msgs.sheets.audit })
        : '',
    actions,
    noActions,
    canAssign: status !== undefined && isOpenStatus(status),
  };
}

/** A staff member's name next to their address, when «Сотрудники» knows them. */
function assigneeText(hd: Helpdesk, assignee: string): string {
  const who = assignee.trim();
  if (!who) return '';
  const member = hd.staff().find((m) => m.email.toLowerCase() === who.toLowerCase() && m.name !== '');
  return member ? `${member.name} (${who})` : who;
}

function historyLine(hd: Helpdesk, t: SidebarTexts, e: HistoryEntry, locale: LocaleCode): SidebarHistoryLine {
  const columns = hd.msgs.columns.requests as Record<string, string>;
  const column = columns[e.columnKey] ?? e.columnKey;
  const before = shownValue(hd, e.columnKey, e.before);
  const after = shownValue(hd, e.columnKey, e.after);
  const change =
    before === '' && after === ''
      ? ''
      : before === ''
        ? format(t.history.set, { column, after })
        : format(t.history.change, { column, before, after });
  return {
    at: e.at ? formatDue(e.at, hd.zone, locale) : '',
    action: e.action,
    actor: e.actor,
    change,
    note: shownFlags(hd, e.note),
  };
}

const REQUEST_COLUMNS = sheetDef('requests').columns;

/** Some entries name a choice by its key (the registration's channel): shown as its label. */
function shownValue(hd: Helpdesk, columnKey: string, value: string): string {
  const list = REQUEST_COLUMNS.find((c) => c.key === columnKey)?.choices;
  if (!list || list === 'topic') return value;
  const labels = hd.msgs.choices[list] as Readonly<Record<string, string>>;
  return Object.keys(labels).indexOf(value) >= 0 ? labels[value] : value;
}

/** The registration's note lists its flags by key: shown as their labels. */
function shownFlags(hd: Helpdesk, note: string): string {
  const parts = note.split(', ');
  const flags = hd.msgs.flags as Readonly<Record<string, string>>;
  return note !== '' && parts.every((p) => Object.keys(flags).indexOf(p) >= 0)
    ? parts.map((p) => flags[p]).join(', ')
    : note;
}
