/**
 * When a time-driven trigger fires (reference/script/clock-trigger-builder). Apps Script only promises
 * approximate times; the emulator picks them deterministically from the trigger's id, so a run is
 * reproducible and tests can ask `nextRun()`:
 * - everyMinutes(n) / everyHours(n): every n minutes/hours at a fixed phase (a second of the minute for
 *   everyMinutes, "some minute of the hour" for everyHours), counted from the Unix epoch.
 * - daily/weekly/monthly (everyDays, everyWeeks, onWeekDay, onMonthDay, atDate): at atHour(h) (default:
 *   the hour the trigger was created in), at some minute of that hour, or within ±15 minutes of
 *   nearMinute(m); days are counted in the trigger's zone (inTimezone, else the script's).
 * - at(date) / after(ms): once, up to a minute late ("won't be less than your specified minimum").
 */
import { localToUtc, wallClock } from '../../timezone';
import { stableHash } from '../utilities';

export type WeekDayName = 'SUNDAY' | 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY';
export const WEEK_DAYS: readonly WeekDayName[] = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];

/** What a ClockTriggerBuilder collected. */
export interface ClockSpec {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  onWeekDay?: WeekDayName;
  onMonthDay?: number;
  atHour?: number;
  nearMinute?: number;
  atDate?: { year: number; month: number; day: number };
  at?: number;
  after?: number;
  timeZone?: string;
}

export type ClockSchedule =
  | { kind: 'interval'; periodMs: number; phaseMs: number }
  | {
      kind: 'calendar';
      /** 'daily' every n days, 'weekly' on a weekday every n weeks, 'monthly' on a day of the month, 'date' once. */
      repeat: 'daily' | 'weekly' | 'monthly' | 'date';
      every: number;
      weekDay: number;
      monthDay: number;
      date?: { year: number; month: number; day: number };
      hour: number;
      /** Minutes after the hour starts; may be negative or past 59 (±15 min around nearMinute). */
      minuteOffset: number;
      timeZone: string;
      /** Day or week number (in the zone) the count of every n days/weeks starts from. */
      anchor: number;
    }
  | { kind: 'once'; at: number };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Local day number (days since 1970-01-01 in `timeZone`) of an instant. */
function localDay(timeZone: string, ms: number): number {
  return Math.floor(wallClock(timeZone, ms).getTime() / DAY);
}

/** Weeks counted from a Monday. */
function weekOfDay(day: number): number {
  return Math.floor((day + 3) / 7);
}

/** Turns a builder's spec into a schedule; `createdAt` and `uid` fix the deterministic choices. */
export function buildSchedule(spec: ClockSpec, uid: string, createdAt: number, scriptZone: string): ClockSchedule {
  const h = stableHash(uid);
  if (spec.everyMinutes !== undefined) {
    const periodMs = spec.everyMinutes * MINUTE;
    return { kind: 'interval', periodMs, phaseMs: (h % (spec.everyMinutes * 60)) * 1000 };
  }
  if (spec.everyHours !== undefined) {
    const periodMs = spec.everyHours * HOUR;
    return { kind: 'interval', periodMs, phaseMs: (h % (spec.everyHours * 60)) * MINUTE };
  }
  if (spec.at !== undefined) return { kind: 'once', at: spec.at + (h % 60) * 1000 };
  if (spec.after !== undefined) return { kind: 'once', at: createdAt + spec.after + (h % 60) * 1000 };
  const timeZone = spec.timeZone ?? scriptZone;
  const created = wallClock(timeZone, createdAt);
  const hour = spec.atHour ?? (spec.atDate ? 0 : created.getUTCHours());
  const minuteOffset =
    spec.nearMinute !== undefined
      ? spec.nearMinute + ((h % 31) - 15)
      : spec.atDate && spec.atHour === undefined
        ? (h % 31) - 15
        : h % 60;
  const day = localDay(timeZone, createdAt);
  const base = {
    kind: 'calendar' as const,
    hour,
    minuteOffset,
    timeZone,
    every: 1,
    weekDay: 0,
    monthDay: 1,
    anchor: day,
  };
  if (spec.atDate) return { ...base, repeat: 'date', date: spec.atDate };
  if (spec.onMonthDay !== undefined) return { ...base, repeat: 'monthly', monthDay: spec.onMonthDay };
  if (spec.everyWeeks !== undefined || spec.onWeekDay !== undefined) {
    const weekDay = spec.onWeekDay ? WEEK_DAYS.indexOf(spec.onWeekDay) : created.getUTCDay();
    return { ...base, repeat: 'weekly', every: spec.everyWeeks ?? 1, weekDay, anchor: weekOfDay(day) };
  }
  return { ...base, repeat: 'daily', every: spec.everyDays ?? 1 };
}

/** The first firing strictly after `after`, or undefined when the schedule has no more. */
export function nextFiring(s: ClockSchedule, after: number): number | undefined {
  if (s.kind === 'once') return s.at > after ? s.at : undefined;
  if (s.kind === 'interval') {
    const k = Math.floor((after - s.phaseMs) / s.periodMs) + 1;
    return k * s.periodMs + s.phaseMs;
  }
  if (s.repeat === 'date') {
    if (!s.date) return undefined;
    const at =
      localToUtc(s.timeZone, Date.UTC(s.date.year, s.date.month - 1, s.date.day, s.hour)) + s.minuteOffset * MINUTE;
    return at > after ? at : undefined;
  }
  // Walk local days from a day before `after` (the ±15-minute offset can cross midnight).
  const firstDay = localDay(s.timeZone, after) - 1;
  const horizon = s.repeat === 'monthly' ? 400 : 7 * Math.max(1, s.every) + 2;
  for (let day = firstDay; day <= firstDay + horizon; day++) {
    const d = new Date(day * DAY);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    const dom = d.getUTCDate();
    let matches: boolean;
    switch (s.repeat) {
      case 'daily':
        matches = (((day - s.anchor) % s.every) + s.every) % s.every === 0;
        break;
      case 'weekly':
        matches = d.getUTCDay() === s.weekDay && (((weekOfDay(day) - s.anchor) % s.every) + s.every) % s.every === 0;
        break;
      default:
        matches = dom === s.monthDay;
    }
    if (!matches) continue;
    const at = localToUtc(s.timeZone, Date.UTC(y, m, dom, s.hour)) + s.minuteOffset * MINUTE;
    if (at > after) return at;
  }
  return undefined;
}
