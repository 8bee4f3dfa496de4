/**
 * Assigning a request (regulation cl. 7, SPEC R7): from the sidebar (`assignRequest`, google.script.run) or from
 * an edit of the «Исполнитель» cell (`assignRequestAs`, called by the sheet's edit handler). Writes the cell,
 * records the journal row, and tells the new assignee:
 * - someone of the circle that works the log (consultant, deputy, director, the school account) gets the usual
 *   notice with a link to the spreadsheet;
 * - anyone else (a teacher or staff member in «Сотрудники», or an address the school has not listed) is a helper
 *   who works by e-mail: they get the question without the requester's identity (domain/helper-mail.ts says what
 *   and why) and answer by replying; `pollHelpdeskMail` turns the reply into the consultant's answer draft.
 * Only the circle may assign: a hand edit by anyone else (or by an unknown identity) is undone, since an address
 * typed into the cell is where the question would go.
 */
import { isPlausibleEmail, normalizeEmail } from '../domain/contacts';
import { helperQuestion, renderHelperRequest } from '../domain/helper-mail';
import { mailKey, type OutgoingMessage } from '../domain/mail-queue';
import { mailContextOf, renderAssigneeNotice } from '../domain/mail-templates';
import { FINAL_STATUSES } from '../domain/retention';
import { HELPDESK_ROLES, type Role } from '../domain/roles';
import type { AuditEntry } from '../gas/audit-log';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { isInHelpdeskCircle } from '../gas/helpdesk-circle';
import { enqueueMail } from '../gas/mailer';
import { statusOfLabel, withScriptLock } from '../gas/personal-data';
import { recordAudit } from '../gas/posted-audit';
import { replaceCellIfUnchanged } from '../gas/record-lookup';
import { findRequest } from '../gas/request-actions';
import { choiceOf, instantOfCell } from '../gas/sla-repo';
import { type CellValue, type RecordOf, text } from '../gas/table';
import { helpersTexts } from '../locale/helpers';
import { format } from '../locale/index';
import { type Actor, workflowTexts } from '../locale/workflow';

const LOCK_WAIT_MS = 15_000;

export interface AssignInput {
  requestId: string;
  assignee: string;
}

export type AssignResult =
  | {
      ok: true;
      requestId: string;
      assignee: string;
      /** The assignee works by e-mail (outside the circle). */
      helper: boolean;
      /** False when the request already had this assignee: nothing written, nothing sent. */
      changed: boolean;
      mailKeys: string[];
      message: string;
    }
  | { ok: false; message: string };

export interface AssignAs extends AssignInput {
  actor: { email: string; role: Actor | undefined };
  via: 'sidebar' | 'sheet';
  /** The sheet path: the cell's value before the edit (the edit event's oldValue). */
  previous?: string;
  now?: Date;
}

/** The sidebar's «Назначить исполнителя». */
export function assignRequest(input: unknown): AssignResult {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const t = helpersTexts(hd.locale).assignment;
  const raw = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  if (typeof raw.requestId !== 'string' || typeof raw.assignee !== 'string') return { ok: false, message: t.badInput };
  if (raw.requestId.trim() === '' || raw.assignee.trim() === '') return { ok: false, message: t.badInput };
  return assignRequestAs(hd, {
    requestId: raw.requestId,
    assignee: raw.assignee,
    actor: { email: caller.email, role: caller.role },
    via: 'sidebar',
  });
}

function isCircleRole(role: Actor | undefined): boolean {
  return role !== undefined && (HELPDESK_ROLES as readonly string[]).indexOf(role) >= 0;
}

/**
 * An address as typed, or the address of the one active person in «Сотрудники» whose name is exactly what was
 * typed; undefined when it is neither.
 */
function resolveAssignee(hd: Helpdesk, typed: string): string | undefined {
  const value = typed.trim();
  if (isPlausibleEmail(value)) return value;
  const name = value.toLowerCase().replace(/\s+/g, ' ');
  const matches = hd.staff().filter((m) => m.active && m.name.toLowerCase().replace(/\s+/g, ' ') === name);
  return matches.length === 1 && isPlausibleEmail(matches[0].email) ? matches[0].email : undefined;
}

export function assignRequestAs(hd: Helpdesk, a: AssignAs): AssignResult {
  const locale = hd.locale;
  const t = helpersTexts(locale).assignment;
  const requestId = a.requestId.trim();
  const found = findRequest(hd, requestId);
  if (!found) return { ok: false, message: format(t.notFound, { id: requestId }) };
  const refuse = (message: string): AssignResult => {
    if (a.via === 'sheet') undoEdit(hd, found.row, a, message);
    return { ok: false, message };
  };
  if (!isCircleRole(a.actor.role)) {
    return refuse(a.actor.email.trim() ? t.notAllowed : t.blankIdentity);
  }
  const status = statusOfLabel(found.cells.status);
  const finished = status !== undefined && FINAL_STATUSES.indexOf(status) >= 0;
  const statusLabel = status ? hd.msgs.choices.status[status] : text(found.cells.status);
  if (finished && a.via === 'sidebar') return refuse(format(t.finished, { id: requestId, status: statusLabel }));

  const typed = a.assignee.trim();
  const before = a.via === 'sheet' ? (a.previous ?? '').trim() : text(found.cells.assignee).trim();
  const now = a.now ?? new Date();
  if (typed === '' && a.via === 'sheet') {
    // The cell was cleared: nobody to tell; the journal says so.
    recordAudit(hd, [auditEntry(hd, requestId, a, before, '', false, now)]);
    return done(requestId, '', false, before !== '', [], format(t.done, { id: requestId, assignee: '—' }));
  }
  const assignee = resolveAssignee(hd, typed);
  if (!assignee) return refuse(format(t.invalidAssignee, { value: typed }));

  const written = withScriptLock(LOCK_WAIT_MS, () => writeAssignee(hd, found.row, a, assignee));
  if (!written.done) return refuse(t.busy);
  if (!written.value) return { ok: false, message: t.changedMeanwhile };
  if (normalizeEmail(before) === normalizeEmail(assignee)) {
    return done(requestId, assignee, false, false, [], format(t.unchanged, { id: requestId, assignee }));
  }

  const helper = !isInHelpdeskCircle(hd, assignee);
  // A finished request keeps the edit and its journal row; nobody is asked to work on it.
  const mail = finished ? [] : [assignmentMail(hd, found.cells, requestId, assignee, helper, now)];
  if (mail.length > 0) enqueueMail(mail);
  recordAudit(hd, [auditEntry(hd, requestId, a, before, assignee, helper && !finished, now)]);
  const message = format(helper && !finished ? t.doneHelper : t.done, { id: requestId, assignee });
  return done(
    requestId,
    assignee,
    helper,
    true,
    mail.map((m) => m.key),
    message,
  );
}

function done(
  requestId: string,
  assignee: string,
  helper: boolean,
  changed: boolean,
  mailKeys: string[],
  message: string,
): AssignResult {
  return { ok: true, requestId, assignee, helper, changed, mailKeys, message };
}

/**
 * The cell gets the address: from the sidebar only if it still holds what the person saw (else false); from a
 * hand edit only when a name was typed (the address replaces it), never over a later edit.
 */
function writeAssignee(hd: Helpdesk, row: number, a: AssignAs, assignee: string): boolean {
  const table = hd.table('requests', true);
  const col = table.columns.get('assignee');
  if (col === undefined) return false;
  const current = text(table.sheet.getRange(row, col).getValue() as CellValue);
  if (normalizeEmail(current) === normalizeEmail(assignee)) return true;
  if (a.via === 'sheet') {
    if (current.trim() !== a.assignee.trim()) return false;
    return replaceCellIfUnchanged(table, row, 'assignee', current, assignee);
  }
  return replaceCellIfUnchanged(table, row, 'assignee', current, assignee);
}

/** A refused hand edit: the cell gets its value back (unless someone changed it since) and says why. */
function undoEdit(hd: Helpdesk, row: number, a: AssignAs, reason: string): void {
  const table = hd.table('requests', true);
  const col = table.columns.get('assignee');
  if (col === undefined) return;
  const restored = replaceCellIfUnchanged(table, row, 'assignee', a.assignee, a.previous ?? '');
  if (restored) table.sheet.getRange(row, col).setNote(format(helpersTexts(hd.locale).assignment.reverted, { reason }));
}

function assignmentMail(
  hd: Helpdesk,
  cells: RecordOf,
  requestId: string,
  assignee: string,
  helper: boolean,
  now: Date,
): OutgoingMessage {
  const locale = hd.locale;
  const ctx = mailContextOf(hd.settings(), { locale, timeZone: hd.zone, spreadsheetUrl: hd.ss.getUrl() });
  const sender = { senderName: hd.setting('school.name') || hd.msgs.appName };
  const requesterType = choiceOf('requesterType', cells.requesterType) ?? '';
  const due = instantOfCell(cells.dueAt);
  const dueAt = due === undefined ? null : due;
  const topic = text(cells.topic).trim();
  if (helper) {
    // Its own kind: a question a person must answer is never folded into a digest.
    const key = mailKey(requestId, 'helper', `helper-${now.getTime()}`);
    const question = helperQuestion(
      text(cells.description),
      { name: text(cells.name), email: text(cells.email), phone: text(cells.phone) },
      locale,
    );
    const body = renderHelperRequest(ctx, { key, requestId, topic, requesterType, dueAt, question });
    return { key, requestId, kind: 'helper', to: assignee, ...body, ...sender };
  }
  const key = mailKey(requestId, 'assignee', `assigned-${now.getTime()}`);
  const body = renderAssigneeNotice(ctx, {
    key,
    requestId,
    topic,
    requesterType,
    channel: choiceOf('channel', cells.channel) ?? 'form',
    dueAt,
    description: text(cells.description),
  });
  return { key, requestId, kind: 'assignee', to: assignee, ...body, ...sender };
}

function auditEntry(
  hd: Helpdesk,
  requestId: string,
  a: AssignAs,
  before: string,
  after: string,
  helper: boolean,
  at: Date,
): AuditEntry {
  const locale = hd.locale;
  const t = helpersTexts(locale).audit;
  const w = workflowTexts[locale];
  return {
    at,
    requestId,
    action: helper ? t.sentToHelper : t.assigned,
    columnKey: 'assignee',
    actor: a.actor.email || w.actors[(a.actor.role ?? 'requester') as Role | 'requester'],
    before,
    after,
    note: w.via[a.via],
  };
}
