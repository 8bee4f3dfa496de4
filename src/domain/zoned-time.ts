/**
 * Time-zone arithmetic on epoch milliseconds with an explicit IANA zone. Nothing here reads the host
 * machine's zone: only `Date.UTC`, `getUTC*` and `Intl.DateTimeFormat` with a `timeZone` are used.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

export interface DateParts {
  y: number;
  /** 1–12 */
  m: number;
  /** 1–31 */
  d: number;
}

export interface WallClock extends DateParts {
  hour: number;
  minute: number;
  second: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → parts, or undefined when it is not a real date (e.g. '2026-02-30'). */
export function parseIsoDate(date: string): DateParts | undefined {
  const match = ISO_DATE.exec(date.trim());
  if (!match) return undefined;
  const parts = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return formatIsoDate(parts) === date.trim() && isRealDate(parts) ? parts : undefined;
}

function isRealDate(p: DateParts): boolean {
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d));
  return t.getUTCFullYear() === p.y && t.getUTCMonth() === p.m - 1 && t.getUTCDate() === p.d;
}

export function formatIsoDate(p: DateParts): IsoDate {
  return `${String(p.y).padStart(4, '0')}-${String(p.m).padStart(2, '0')}-${String(p.d).padStart(2, '0')}`;
}

/** Days since 1970-01-01; the fast key for per-day caches. Throws on a malformed date. */
export function dayNumber(date: IsoDate): number {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`Not a date: ${date}`);
  return Date.UTC(p.y, p.m - 1, p.d) / DAY_MS;
}

export function fromDayNumber(day: number): IsoDate {
  const t = new Date(day * DAY_MS);
  return formatIsoDate({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(dayNumber(date) + days);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (1970-01-01 was a Thursday). */
export function weekdayOfDayNumber(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(date: IsoDate): number {
  return weekdayOfDayNumber(dayNumber(date));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    // Throws RangeError for an unknown zone, which is what a caller should see.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock reading of an instant in a zone. */
export function wallClockOf(instant: number, zone: string): WallClock {
  const out: WallClock = { y: 0, m: 0, d: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(zone).formatToParts(instant)) {
    const v = Number(part.value);
    if (part.type === 'year') out.y = v;
    else if (part.type === 'month') out.m = v;
    else if (part.type === 'day') out.d = v;
    else if (part.type === 'hour')
      out.hour = v % 24; // some engines print midnight as 24
    else if (part.type === 'minute') out.minute = v;
    else if (part.type === 'second') out.second = v;
  }
  return out;
}

/** The zone's offset from UTC at an instant, in ms (Yekaterinburg: +5 h). */
export function zoneOffsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  const w = wallClockOf(whole, zone);
  return Date.UTC(w.y, w.m - 1, w.d, w.hour, w.minute, w.second) - whole;
}

/** The calendar date of an instant in a zone. */
export function dateOf(instant: number, zone: string): IsoDate {
  return formatIsoDate(wallClockOf(instant, zone));
}

/**
 * The instant when the wall clock in `zone` shows `date` + `minutes` after midnight. Like Temporal's
 * 'compatible': a time skipped by a DST jump maps forward by the jump; a repeated time takes the earlier one.
 */
export function instantOf(date: IsoDate, minutes: number, zone: string): number {
  const wall = dayNumber(date) * DAY_MS + minutes * MINUTE_MS;
  // Offsets a day either side bracket at most one transition near this wall time.
  const before = zoneOffsetAt(wall - DAY_MS, zone);
  const after = zoneOffsetAt(wall + DAY_MS, zone);
  const early = wall - before;
  const late = wall - after;
  const earlyFits = early + zoneOffsetAt(early, zone) === wall;
  const lateFits = late + zoneOffsetAt(late, zone) === wall;
  if (earlyFits && lateFits) return Math.min(early, late);
  if (earlyFits) return early;
  if (lateFits) return late;
  return early; // in a gap: read with the offset before the jump, which lands after it
}

/** Minutes after midnight of the wall clock (ignores seconds). */
export function minuteOfDay(instant: number, zone: string): number {
  const w = wallClockOf(instant, zone);
  return w.hour * 60 + w.minute;
}
