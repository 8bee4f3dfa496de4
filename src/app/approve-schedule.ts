/**
 * The director approves the consultation schedule (R3, cl. 3: «утверждает его совместно с директором»): a
 * period in one menu action, or one event from the sidebar. The action runs as the director, so the
 * approval records who approved (the approval columns are protected for the director and the owner) and
 * covers a fingerprint of the event as the director saw it: an event changed meanwhile is left unapproved.
 * The audit entries are posted for the owner's runQueue.
 */
import { normalizeEmail } from '../domain/contacts';
import {
  approvalOf,
  clashesOf,
  eventFingerprint,
  eventProblems,
  isApproved,
  newEventId,
  type Period,
  planApproval,
  type RowEvent,
} from '../domain/schedule';
import { eventSummary, kindLabel, russianDate, timesOf } from '../domain/schedule-mail';
import { OPEN_END, parsePeriodInput, periodOfMonth } from '../domain/schedule-period';
import { dateOf } from '../domain/zoned-time';
import { AccessDenied, type Caller } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { activeUserEmail } from '../gas/identity';
import { withScriptLock } from '../gas/personal-data';
import { askText, askYesNo } from '../gas/prompts';
import { readOwner } from '../gas/properties';
import { eventOfRecord, isDirector, readScheduleRows, writeScheduleCells } from '../gas/schedule-repo';
import { PROTECTION_TAG } from '../gas/sheet-setup';
import { type CellChange, readRowsFrom } from '../gas/sla-repo';
import { tellUser } from '../gas/ui';
import { format, messages } from '../locale/index';
import { type ScheduleTexts, scheduleTexts } from '../locale/schedule';
import { recordScheduleAudit } from './schedule-notify';

const LOCK_WAIT_MS = 20_000;

/** The approval could not be written (the caller is not an editor of the protected columns); nothing changed. */
export class ApprovalRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApprovalRefused';
  }
}

/**
 * Only a director (the setting «Почта директора», or «Сотрудники» with the role director) or the owning
 * account approves; a blank identity is refused.
 */
export function requireApprover(hd: Helpdesk): Caller {
  const email = activeUserEmail();
  if (!email) throw new AccessDenied(messages(hd.locale).access.blankIdentity);
  if (normalizeEmail(email) === normalizeEmail(readOwner())) return { email, role: 'owner' };
  if (isDirector(hd, email)) return { email, role: 'director' };
  throw new AccessDenied(scheduleTexts(hd.locale).common.onlyApprovers);
}

export interface ApprovalResult {
  /** Rows approved now. */
  approved: number[];
  /** Rows that changed between what the director saw and the write: left unapproved. */
  changed: number[];
}

/**
 * Writes the approval of each event as the caller saw it, under the lock: each row is read again and
 * approved only if it still matches. Throws ApprovalRefused (nothing written) when the caller may not write
 * the protected approval columns.
 */
export function applyApprovals(hd: Helpdesk, caller: Caller, seen: readonly RowEvent[], now: Date): ApprovalResult {
  const t = scheduleTexts(hd.locale);
  const zone = hd.zone;
  const outcome = withScriptLock(LOCK_WAIT_MS, () => {
    const table = hd.table('schedule', true);
    const rows = seen.map((s) => s.row);
    const first = Math.min(...rows);
    const fresh = readRowsFrom(table, first, Math.max(...rows) - first + 1);
    const changes: CellChange[] = [];
    const result: ApprovalResult = { approved: [], changed: [] };
    const stamped: RowEvent[] = [];
    for (const s of seen) {
      const values = fresh[s.row - first];
      const event = values ? eventOfRecord(values, zone) : undefined;
      if (!event || isApproved(event) || eventFingerprint(event) !== eventFingerprint(s.event)) {
        result.changed.push(s.row);
        continue;
      }
      const eventId = event.eventId || newEventId(event.date, Utilities.getUuid());
      const approval = approvalOf(event, caller.email, now.getTime());
      const cells: Record<string, string | Date> = {
        approvedBy: approval.approvedBy,
        approvedAt: new Date(approval.approvedAt),
        approvedFingerprint: approval.approvedFingerprint,
      };
      if (!event.eventId) cells.eventId = eventId;
      changes.push({ row: s.row, values: cells });
      result.approved.push(s.row);
      stamped.push({ row: s.row, event: { ...event, eventId, ...approval } });
    }
    try {
      writeScheduleCells(table, changes);
      SpreadsheetApp.flush();
    } catch (e) {
      const message = String((e as Error)?.message ?? e);
      if (/protected/i.test(message)) throw new ApprovalRefused(format(t.approve.notEditor, { owner: readOwner() }));
      throw e;
    }
    return { result, stamped };
  });
  if (!outcome.done) throw new ApprovalRefused(t.common.busy);
  recordScheduleAudit(
    hd,
    outcome.value.stamped.map((s) => ({
      at: now,
      requestId: s.event.eventId,
      action: t.audit.approved,
      columnKey: 'approvedFingerprint',
      actor: caller.email,
      after: s.event.approvedFingerprint,
      note: eventSummary(hd.locale, s.event),
    })),
  );
  return outcome.value.result;
}

/** Whether the caller may edit the approval columns (their protection lists them), asked before any prompt. */
function mayWriteApprovals(hd: Helpdesk): boolean {
  const tag = `${PROTECTION_TAG}schedule.approvedBy`;
  const p = hd
    .sheet('schedule')
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .find((x) => x.getDescription() === tag);
  return !p || p.canEdit();
}

export interface PeriodApprovalReport {
  ok: boolean;
  message: string;
  period?: Period;
  approved: number[];
  changed: number[];
  blocked: number[];
}

function periodText(t: ScheduleTexts, period: Period, all: boolean): string {
  if (all || period.to === OPEN_END) return format(t.approve.periodFrom, { from: russianDate(period.from) });
  const [y, m] = period.from.split('-').map(Number);
  const month = periodOfMonth({ year: y, month: m });
  if (month.from === period.from && month.to === period.to) return `${t.months[m - 1]} ${y}`;
  if (period.from === period.to) return russianDate(period.from);
  return format(t.approve.periodRange, { from: russianDate(period.from), to: russianDate(period.to) });
}

/** Why an event cannot be approved, as the director reads it. */
export function blockedLine(
  hd: Helpdesk,
  t: ScheduleTexts,
  b: RowEvent & { problems: readonly string[]; clashWith: readonly number[] },
): string {
  const why = [
    ...b.problems.map((p) => t.approve.problems[p as keyof ScheduleTexts['approve']['problems']]),
    ...(b.clashWith.length > 0 ? [format(t.approve.problems.clash, { rows: b.clashWith.join(', ') })] : []),
  ].join('; ');
  const { start, end } = timesOf(b.event);
  return format(t.approve.eventLine, {
    row: b.row,
    date: russianDate(b.event.date) || '?',
    start,
    end,
    kind: kindLabel(hd.locale, b.event.kind) || '?',
    why,
  });
}

const MAX_BLOCKED_LINES = 15;

/** Menu: asks for the period, shows what will be approved and what cannot be, asks to confirm, approves. */
export function approveScheduleFromMenu(): PeriodApprovalReport {
  const hd = new Helpdesk();
  const caller = requireApprover(hd);
  const t = scheduleTexts(hd.locale);
  const empty = { approved: [], changed: [], blocked: [] };
  const done = (ok: boolean, message: string, rest: Partial<PeriodApprovalReport> = {}): PeriodApprovalReport => {
    tellUser(t.approve.title, message);
    return { ok, message, ...empty, ...rest };
  };
  if (!mayWriteApprovals(hd)) return done(false, format(t.approve.notEditor, { owner: readOwner() }));
  const answer = askText(t.approve.title, t.approve.prompt);
  if (answer === undefined) return done(false, t.approve.cancelled);
  const today = dateOf(Date.now(), hd.zone);
  const parsed = parsePeriodInput(answer, today);
  if (!parsed) return done(false, format(t.approve.badPeriod, { input: answer.trim() }));
  const { period, all } = parsed;
  const shown = periodText(t, period, all);
  const plan = planApproval(readScheduleRows(hd.table('schedule', true), hd.zone), period);
  const blocked = plan.blocked.map((b) => b.row);
  const blockedText =
    plan.blocked.length > 0
      ? format(t.approve.blocked, {
          list: [
            ...plan.blocked.slice(0, MAX_BLOCKED_LINES).map((b) => blockedLine(hd, t, b)),
            ...(plan.blocked.length > MAX_BLOCKED_LINES ? [`… +${plan.blocked.length - MAX_BLOCKED_LINES}`] : []),
          ].join('\n'),
        })
      : '';
  if (plan.approve.length === 0) {
    return done(false, [format(t.approve.none, { period: shown }), blockedText].filter(Boolean).join('\n\n'), {
      period,
      blocked,
    });
  }
  const question = [format(t.approve.confirm, { count: plan.approve.length, period: shown }), blockedText]
    .filter(Boolean)
    .join('\n\n');
  if (!askYesNo(t.approve.title, question)) return done(false, t.approve.cancelled, { period, blocked });
  let result: ApprovalResult;
  try {
    result = applyApprovals(hd, caller, plan.approve, new Date());
  } catch (e) {
    if (e instanceof ApprovalRefused) return done(false, e.message, { period, blocked });
    throw e;
  }
  const lines = [format(t.approve.done, { count: result.approved.length, period: shown })];
  if (result.changed.length > 0) lines.push(format(t.approve.changedMeanwhile, { count: result.changed.length }));
  if (blockedText) lines.push(blockedText);
  return done(result.approved.length > 0, lines.join('\n\n'), { period, blocked, ...result });
}

export interface EventApprovalResult {
  ok: boolean;
  message: string;
}

/** What the sidebar sends: the row and the fingerprint of the event as it showed it. */
function eventInputOf(raw: unknown): { row: number; fingerprint: string } | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const { row, fingerprint } = raw as { row?: unknown; fingerprint?: unknown };
  if (typeof row !== 'number' || !Number.isInteger(row) || row < 3) return undefined;
  if (typeof fingerprint !== 'string' || !/^v1:[0-9a-f]{16}$/.test(fingerprint)) return undefined;
  return { row, fingerprint };
}

/** The sidebar's button (google.script.run): approves one event, exactly as the sidebar showed it. */
export function approveScheduleEventFromSidebar(raw: unknown): EventApprovalResult {
  const hd = new Helpdesk();
  const caller = requireApprover(hd);
  const t = scheduleTexts(hd.locale);
  const input = eventInputOf(raw);
  if (!input) return { ok: false, message: t.sidebar.badInput };
  const rows = readScheduleRows(hd.table('schedule', true), hd.zone);
  const target = rows.find((r) => r.row === input.row);
  if (!target || eventFingerprint(target.event) !== input.fingerprint) {
    return { ok: false, message: format(t.sidebar.changed, { row: input.row }) };
  }
  if (isApproved(target.event)) return { ok: false, message: t.sidebar.alreadyApproved };
  const problems = eventProblems(target.event);
  const clashWith = clashesOf(rows, target.row);
  if (problems.length > 0 || clashWith.length > 0) {
    return { ok: false, message: blockedLine(hd, t, { ...target, problems, clashWith }) };
  }
  try {
    const result = applyApprovals(hd, caller, [target], new Date());
    if (result.approved.length === 0) return { ok: false, message: format(t.sidebar.changed, { row: input.row }) };
  } catch (e) {
    if (e instanceof ApprovalRefused) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, message: format(t.sidebar.approvedNow, { row: input.row }) };
}

/** Whether `email` may approve (for the sidebar, which shows the button only to approvers). */
export function canApprove(hd: Helpdesk, email: string): boolean {
  const who = normalizeEmail(email);
  if (!who) return false;
  return who === normalizeEmail(readOwner()) || isDirector(hd, email);
}
