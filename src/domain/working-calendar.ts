/**
 * Working time over a production calendar: working days × working hours in one IANA zone.
 * Each day's opening and closing instants are computed once and cached, and every walk jumps a day at a
 * time, so a deadline costs a few map lookups rather than a loop over minutes.
 */
import type { CalendarKind } from './production-calendar';
import {
  DAY_MS,
  fromDayNumber,
  type IsoDate,
  instantOf,
  MINUTE_MS,
  parseIsoDate,
  weekdayOfDayNumber,
} from './zoned-time';

/** A row of «Календарь» as the calendar needs it (the sheet's note, source and flag do not matter here). */
export interface CalendarDayRow {
  date: IsoDate;
  kind: CalendarKind;
}

/** Minutes after midnight, start inclusive, end exclusive; 0 ≤ start < end ≤ 1440. */
export interface WorkingHours {
  startMin: number;
  endMin: number;
}

export interface WorkingCalendarConfig {
  zone: string;
  hours: WorkingHours;
  /** The production calendar's rows. */
  production?: readonly CalendarDayRow[];
  /** The school's own rows (quarantine, a six-day-week Saturday); one overrides a production row of its date. */
  school?: readonly CalendarDayRow[];
  /** ISO weekdays (1 = Monday … 7 = Sunday) that are off unless a row says otherwise. Default: 6 and 7. */
  weekendDays?: readonly number[];
  /** How much earlier a shortened day ends. Default 60 (Labour Code art. 95). */
  shortenByMin?: number;
}

interface DayEntry {
  working: boolean;
  hours: WorkingHours;
  open: number;
  close: number;
}

/** A calendar that has no working day for ten years is misconfigured; stop instead of looping forever. */
const MAX_SCAN_DAYS = 3660;

export class WorkingCalendar {
  readonly zone: string;
  readonly hours: WorkingHours;
  /** Rows skipped because their date is not a real 'YYYY-MM-DD' date. */
  readonly invalidRows: readonly CalendarDayRow[];
  private readonly kinds = new Map<number, CalendarKind>();
  private readonly weekend: ReadonlySet<number>;
  private readonly shortenByMin: number;
  private readonly days = new Map<number, DayEntry>();
  private readonly midnights = new Map<number, number>();

  constructor(config: WorkingCalendarConfig) {
    checkHours(config.hours);
    this.zone = config.zone;
    this.hours = { startMin: config.hours.startMin, endMin: config.hours.endMin };
    this.weekend = new Set(config.weekendDays ?? [6, 7]);
    this.shortenByMin = config.shortenByMin ?? 60;
    instantOf('2026-01-01', 0, this.zone); // fail fast on an unknown zone
    const invalid: CalendarDayRow[] = [];
    // School rows go in last so that they override the production row of the same date.
    for (const row of [...(config.production ?? []), ...(config.school ?? [])]) {
      const day = dayNumberOrUndefined(row.date);
      if (day === undefined) invalid.push(row);
      else this.kinds.set(day, row.kind);
    }
    this.invalidRows = invalid;
  }

  /** The length of a regular (not shortened) working day, ms. */
  get regularDayMs(): number {
    return (this.hours.endMin - this.hours.startMin) * MINUTE_MS;
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.day(requireDay(date)).working;
  }

  /** Working hours of a date, shortened days already shortened; undefined on a day off. */
  workingHoursOf(date: IsoDate): WorkingHours | undefined {
    const entry = this.day(requireDay(date));
    return entry.working ? { ...entry.hours } : undefined;
  }

  /**
   * The instant when `ms` of working time has passed since `instant`. Time counts only inside working
   * hours; an instant outside them starts at the next opening. Adding 0 gives that next opening, or
   * `instant` itself when it is inside working hours.
   */
  addWorkingTime(instant: number, ms: number): number {
    checkDuration(ms);
    let left = ms;
    let day = this.localDay(instant);
    for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned++, day++) {
      const entry = this.day(day);
      if (!entry.working || entry.close <= instant) continue;
      const from = Math.max(instant, entry.open);
      if (left <= entry.close - from) return from + left;
      left -= entry.close - from;
    }
    throw new RangeError('No working time in the calendar ahead');
  }

  /** Working time between two instants, ms; negative when `b` is before `a`. */
  workingTimeBetween(a: number, b: number): number {
    if (b < a) return -this.workingTimeBetween(b, a);
    let total = 0;
    const last = this.localDay(b);
    for (let day = this.localDay(a); day <= last; day++) {
      const entry = this.day(day);
      if (entry.working) total += Math.max(0, Math.min(entry.close, b) - Math.max(entry.open, a));
    }
    return total;
  }

  /** The n-th working day after `fromDate` (n ≥ 1); `fromDate` itself is not counted (Civil Code art. 191). */
  nthWorkingDayAfter(fromDate: IsoDate, n: number): IsoDate {
    if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a whole number ≥ 1: ${n}`);
    let day = requireDay(fromDate);
    for (let found = 0, scanned = 0; scanned <= MAX_SCAN_DAYS * n; scanned++) {
      day++;
      if (this.day(day).working && ++found === n) return fromDayNumber(day);
    }
    throw new RangeError('No working day in the calendar ahead');
  }

  /**
   * The closing instant of the n-th working day after `fromDate`. A period for something done at the
   * school ends when its working hours end (Civil Code art. 194 p. 1), so a shortened day ends earlier.
   */
  endOfNthWorkingDay(fromDate: IsoDate, n: number): number {
    return this.day(requireDay(this.nthWorkingDayAfter(fromDate, n))).close;
  }

  /** The local date (as a day number) an instant falls on; uses cached midnights, not a formatter call. */
  private localDay(instant: number): number {
    let day = Math.floor(instant / DAY_MS);
    while (instant < this.midnight(day)) day--;
    while (instant >= this.midnight(day + 1)) day++;
    return day;
  }

  private midnight(day: number): number {
    let t = this.midnights.get(day);
    if (t === undefined) {
      t = instantOf(fromDayNumber(day), 0, this.zone);
      this.midnights.set(day, t);
    }
    return t;
  }

  private day(day: number): DayEntry {
    let entry = this.days.get(day);
    if (!entry) {
      entry = this.computeDay(day);
      this.days.set(day, entry);
    }
    return entry;
  }

  private computeDay(day: number): DayEntry {
    const kind = this.kinds.get(day);
    const working = kind === undefined ? !this.weekend.has(weekdayOfDayNumber(day)) : kind !== 'holiday';
    const { startMin, endMin: regularEnd } = this.hours;
    const endMin = kind === 'short' ? Math.max(startMin, regularEnd - this.shortenByMin) : regularEnd;
    const date = fromDayNumber(day);
    const open = instantOf(date, startMin, this.zone);
    return { working, hours: { startMin, endMin }, open, close: instantOf(date, endMin, this.zone) };
  }
}

/** Calendar time: every millisecond counts, a day is 24 hours. */
export function addCalendarTime(instant: number, ms: number): number {
  checkDuration(ms);
  return instant + ms;
}

function dayNumberOrUndefined(date: string): number | undefined {
  const p = parseIsoDate(date);
  return p ? Date.UTC(p.y, p.m - 1, p.d) / DAY_MS : undefined;
}

function requireDay(date: IsoDate): number {
  const day = dayNumberOrUndefined(date);
  if (day === undefined) throw new RangeError(`Not a date: ${date}`);
  return day;
}

function checkHours(h: WorkingHours): void {
  const ok = Number.isInteger(h.startMin) && Number.isInteger(h.endMin) && h.startMin >= 0;
  if (!ok || h.endMin <= h.startMin || h.endMin > 1440) {
    throw new RangeError(`Working hours must satisfy 0 ≤ start < end ≤ 24:00: ${h.startMin}–${h.endMin}`);
  }
}

function checkDuration(ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`Duration must be a finite number ≥ 0: ${ms}`);
}
