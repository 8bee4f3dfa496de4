/**
 * Office hours for a month in one action (R3, cl. 5.1: every working day 15:00–16:00 by default): every
 * working day of the production calendar (with the school's own rows) gets an office-hours event at the
 * configured hours and place, unless the day already has one or the consultant is busy then; a second run
 * adds nothing. The new events await the director's approval, and the director is told by e-mail.
 * Runs as the person who clicks (the consultant drafts the schedule): it writes the schedule's own
 * cells only, never the protected approval columns.
 */
import { HELPDESK_ROLES } from '../domain/roles';
import { newEventId, type OfficeHoursPlan, planOfficeHours, type ScheduleEvent } from '../domain/schedule';
import { russianDate } from '../domain/schedule-mail';
import { nextMonth, parseMonthInput, type YearMonth } from '../domain/schedule-period';
import { sheetDef } from '../domain/schema';
import { parseTimeOfDay } from '../domain/settings-catalog';
import { dateOf } from '../domain/zoned-time';
import { type Caller, requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { withScriptLock } from '../gas/personal-data';
import { askText } from '../gas/prompts';
import { cellsOfNewEvent, readScheduleRows, writeScheduleCells } from '../gas/schedule-repo';
import { ensureRoom } from '../gas/table-writer';
import { tellUser } from '../gas/ui';
import { format } from '../locale/index';
import { type ScheduleTexts, scheduleTexts } from '../locale/schedule';
import { notifyAwaitingApproval, recordScheduleAudit } from './schedule-notify';

const LOCK_WAIT_MS = 20_000;
const SCHEDULE = sheetDef('schedule');
const DEFAULT_START = '15:00';
const DEFAULT_END = '16:00';

export interface FillReport {
  ok: boolean;
  message: string;
  month?: YearMonth;
  /** Rows written. */
  rows: number[];
  skipped: OfficeHoursPlan['skipped'];
  /** The director was e-mailed (an address was known). */
  directorTold: boolean;
}

export interface OfficeHoursSettings {
  startMin: number;
  endMin: number;
  place: string;
  /** As the settings hold them, for messages. */
  start: string;
  end: string;
}

/** office.start / office.end (default 15:00–16:00) and office.place; undefined when the hours are unreadable. */
export function officeHoursSettings(hd: Helpdesk): OfficeHoursSettings | { bad: { start: string; end: string } } {
  const start = hd.setting('office.start') || DEFAULT_START;
  const end = hd.setting('office.end') || DEFAULT_END;
  const startMin = parseTimeOfDay(start);
  const endMin = parseTimeOfDay(end);
  if (startMin === undefined || endMin === undefined || startMin >= endMin) return { bad: { start, end } };
  return { startMin, endMin, start, end, place: hd.setting('office.place') };
}

/** Who leads the events the caller plans: the consultant named in the settings, else the caller. */
export function consultantFor(hd: Helpdesk, caller: Caller): string {
  const named = hd.setting('consultant.name');
  if (named) return named;
  const me = hd.staff().find((m) => m.email.trim().toLowerCase() === caller.email.toLowerCase());
  return me?.name || caller.email;
}

export function monthText(t: ScheduleTexts, ym: YearMonth): string {
  return `${t.months[ym.month - 1]} ${ym.year}`;
}

/** Menu: asks which month (blank: the next one), fills it, says what it did. */
export function fillOfficeHoursFromMenu(): FillReport {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const t = scheduleTexts(hd.locale);
  const fail = (message: string): FillReport => {
    tellUser(t.fill.title, message);
    return { ok: false, message, rows: [], skipped: [], directorTold: false };
  };
  const hours = officeHoursSettings(hd);
  if ('bad' in hours) return fail(format(t.fill.badHours, hours.bad));
  const today = dateOf(Date.now(), hd.zone);
  const next = nextMonth(today);
  const example = `${String(next.month).padStart(2, '0')}.${next.year}`;
  const answer = askText(
    t.fill.title,
    format(t.fill.prompt, {
      start: hours.start,
      end: hours.end,
      place: hours.place || t.fill.placeNotSet,
      example,
      default: monthText(t, next),
    }),
  );
  if (answer === undefined) return fail(t.fill.cancelled);
  const month = parseMonthInput(answer, today);
  if (!month) return fail(format(t.fill.badMonth, { input: answer.trim() }));
  const report = fillOfficeHours(hd, caller, month, hours);
  tellUser(t.fill.title, report.message);
  return report;
}

/** Plans and writes one month under the lock (so two runs cannot both add the same days). */
export function fillOfficeHours(
  hd: Helpdesk,
  caller: Caller,
  month: YearMonth,
  hours: OfficeHoursSettings,
): FillReport {
  const t = scheduleTexts(hd.locale);
  const zone = hd.zone;
  const calendar = hd.sla().working;
  const consultant = consultantFor(hd, caller);
  const outcome = withScriptLock(LOCK_WAIT_MS, () => {
    const table = hd.table('schedule', true);
    const existing = readScheduleRows(table, zone).map((r) => r.event);
    const plan = planOfficeHours(calendar, existing, {
      year: month.year,
      month: month.month,
      startMin: hours.startMin,
      endMin: hours.endMin,
      consultant,
      place: hours.place,
    });
    const events: ScheduleEvent[] = plan.events.map((e) => ({
      ...e,
      eventId: newEventId(e.date, Utilities.getUuid()),
    }));
    if (events.length === 0) return { plan, events, rows: [] as number[] };
    const first = ensureRoom(table, SCHEDULE, events.length, hd.labels());
    const rows = events.map((_, i) => first + i);
    writeScheduleCells(
      table,
      events.map((e, i) => ({ row: rows[i], values: cellsOfNewEvent(e, hd.msgs, zone) })),
    );
    return { plan, events, rows };
  });
  if (!outcome.done) return { ok: false, message: t.common.busy, month, rows: [], skipped: [], directorTold: false };
  const { plan, events, rows } = outcome.value;
  const shownMonth = monthText(t, month);
  const lines: string[] = [];
  const count = (reason: string) => plan.skipped.filter((s) => s.reason === reason);
  lines.push(
    events.length > 0
      ? format(t.fill.done, { month: shownMonth, count: events.length })
      : format(t.fill.nothing, { month: shownMonth }),
  );
  lines.push(format(t.fill.skippedDayOff, { count: count('dayOff').length }));
  if (count('planned').length > 0) lines.push(format(t.fill.skippedPlanned, { count: count('planned').length }));
  if (count('clash').length > 0) {
    lines.push(
      format(t.fill.skippedClash, {
        list: count('clash')
          .map((s) => russianDate(s.date))
          .join(', '),
      }),
    );
  }
  let directorTold = false;
  if (events.length > 0) {
    recordScheduleAudit(hd, [
      {
        at: new Date(),
        requestId: '',
        action: format(t.audit.filled, { month: shownMonth, count: events.length }),
        actor: caller.email,
        note: `${russianDate(events[0].date)}–${russianDate(events[events.length - 1].date)}`,
      },
    ]);
    const key = `${month.year}-${String(month.month).padStart(2, '0')}`;
    directorTold = notifyAwaitingApproval(hd, `schedule-${key}`, events[0].eventId, shownMonth, events);
    lines.push(directorTold ? t.common.directorTold : t.common.noDirector);
  }
  return { ok: true, message: lines.join('\n'), month, rows, skipped: plan.skipped, directorTold };
}
