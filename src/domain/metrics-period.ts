/**
 * The dashboard's reporting periods (issue 8): this week, this month, the school quarter and the school year.
 * Quarters and the year differ between schools, so they are settings (`period.quarters`, `period.schoolYear`)
 * written the Russian way: `01.09.2026–26.10.2026; 05.11.2026–28.12.2026; …`. Pure: text in, ranges or error
 * codes out; the adapter turns a code into the locale's message.
 *
 * Rules chosen:
 * - A range is `ДД.ММ.ГГГГ–ДД.ММ.ГГГГ`, both ends inclusive; the dash may be '-', '–' or '—', with or without
 *   spaces; ranges are separated by ';' or a line break. A blank setting means its default.
 * - Quarters: 1 to 6 ranges (trimesters and halves are quarters to this code), in order, not overlapping.
 *   The school year: exactly one range.
 * - "This week" is the ISO week (Monday to Sunday) and "this month" the calendar month, both in the school's
 *   zone. "The quarter" is the one `now` falls in; in the holidays between two, the one that ended last (the
 *   one being reviewed); before the first one starts, the first one. "The year" is the configured range.
 * - A period is the half-open interval of instants [from, to): from the midnight its first date begins to the
 *   midnight after its last date, in the school's zone.
 */
import { parseDayMonthYear } from './settings-catalog';
import { addDays, dateOf, dayNumber, fromDayNumber, type IsoDate, instantOf, weekdayOfDayNumber } from './zoned-time';

export type PeriodKind = 'week' | 'month' | 'quarter' | 'schoolYear';
export const PERIOD_KINDS: readonly PeriodKind[] = ['week', 'month', 'quarter', 'schoolYear'];

/** Dates, both inclusive. */
export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface Period {
  kind: PeriodKind;
  /** First and last date of the period, inclusive. */
  fromDate: IsoDate;
  toDate: IsoDate;
  /** Instants: [from, to) — local midnight of fromDate to local midnight after toDate. */
  from: number;
  to: number;
  /** 1-based number of the quarter (kind 'quarter' only). */
  quarter?: number;
}

export type PeriodTextErrorCode =
  /** A part with no dash between two dates, or with more than two dates. */
  | 'notARange'
  /** Not a real date written ДД.ММ.ГГГГ. */
  | 'badDate'
  /** The range ends before it starts. */
  | 'reversed'
  /** A range starts on or before the end of the previous one. */
  | 'overlap'
  /** More quarters than a school year holds (6). */
  | 'tooMany'
  /** The school year must be exactly one range. */
  | 'notOneRange';

export interface PeriodTextError {
  code: PeriodTextErrorCode;
  /** The part of the text concerned (as typed, trimmed); '' when the whole text is. */
  part: string;
}

export type ParsedRanges = { ok: true; ranges: DateRange[] } | { ok: false; error: PeriodTextError };

/** The settings' defaults: the 2026/27 year of a school on quarters (Russian holidays around 4 Nov and New Year). */
export const PERIOD_SETTING_DEFAULTS = {
  'period.quarters': '01.09.2026–26.10.2026; 05.11.2026–28.12.2026; 12.01.2027–21.03.2027; 01.04.2027–31.05.2027',
  'period.schoolYear': '01.09.2026–31.05.2027',
} as const;

export const MAX_QUARTERS = 6;

const DASH = /\s*[-–—]\s*/;

/** One `from–to` range. */
export function parseDateRange(text: string): { ok: true; range: DateRange } | { ok: false; error: PeriodTextError } {
  const part = text.trim();
  const ends = part.split(DASH);
  if (ends.length !== 2) return { ok: false, error: { code: 'notARange', part } };
  const from = parseDayMonthYear(ends[0]);
  const to = parseDayMonthYear(ends[1]);
  if (from === undefined || to === undefined) return { ok: false, error: { code: 'badDate', part } };
  if (to < from) return { ok: false, error: { code: 'reversed', part } };
  return { ok: true, range: { from, to } };
}

/** Ranges separated by ';' or line breaks, in order and not overlapping. Blank text gives no ranges. */
export function parseDateRanges(text: string): ParsedRanges {
  const parts = text
    .split(/[;\n\r]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const ranges: DateRange[] = [];
  for (const part of parts) {
    const parsed = parseDateRange(part);
    if (!parsed.ok) return parsed;
    const last = ranges[ranges.length - 1];
    // ISO dates compare as text.
    if (last && parsed.range.from <= last.to) return { ok: false, error: { code: 'overlap', part } };
    ranges.push(parsed.range);
  }
  return { ok: true, ranges };
}

/** `period.quarters`; blank means the default. */
export function parseQuarters(text: string): ParsedRanges {
  const value = text.trim() || PERIOD_SETTING_DEFAULTS['period.quarters'];
  const parsed = parseDateRanges(value);
  if (parsed.ok && parsed.ranges.length > MAX_QUARTERS) return { ok: false, error: { code: 'tooMany', part: '' } };
  return parsed;
}

/** `period.schoolYear`; blank means the default. */
export function parseSchoolYear(text: string): { ok: true; range: DateRange } | { ok: false; error: PeriodTextError } {
  const value = text.trim() || PERIOD_SETTING_DEFAULTS['period.schoolYear'];
  const parsed = parseDateRanges(value);
  if (!parsed.ok) return parsed;
  if (parsed.ranges.length !== 1) return { ok: false, error: { code: 'notOneRange', part: '' } };
  return { ok: true, range: parsed.ranges[0] };
}

export interface SchoolPeriods {
  quarters: readonly DateRange[];
  schoolYear: DateRange;
}

/** The period of a kind that `now` falls in (see the rules above). */
export function resolvePeriod(kind: PeriodKind, now: number, zone: string, school: SchoolPeriods): Period {
  const today = dateOf(now, zone);
  const span = (fromDate: IsoDate, toDate: IsoDate, quarter?: number): Period => ({
    kind,
    fromDate,
    toDate,
    from: instantOf(fromDate, 0, zone),
    to: instantOf(addDays(toDate, 1), 0, zone),
    ...(quarter === undefined ? {} : { quarter }),
  });
  switch (kind) {
    case 'week': {
      const day = dayNumber(today);
      const monday = day - (weekdayOfDayNumber(day) - 1);
      return span(fromDayNumber(monday), fromDayNumber(monday + 6));
    }
    case 'month': {
      const first = `${today.slice(0, 8)}01`;
      return span(first, addDays(nextMonth(first), -1));
    }
    case 'quarter': {
      const q = currentQuarter(school.quarters, today);
      if (q === undefined) return span(school.schoolYear.from, school.schoolYear.to);
      return span(school.quarters[q].from, school.quarters[q].to, q + 1);
    }
    case 'schoolYear':
      return span(school.schoolYear.from, school.schoolYear.to);
  }
}

/** The first of the month after the one `first` begins. */
function nextMonth(first: IsoDate): IsoDate {
  const y = Number(first.slice(0, 4));
  const m = Number(first.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/** Index of the quarter containing `today`, else the last one ended, else the first; undefined with none. */
function currentQuarter(quarters: readonly DateRange[], today: IsoDate): number | undefined {
  if (quarters.length === 0) return undefined;
  let found = 0;
  for (let i = 0; i < quarters.length; i++) if (quarters[i].from <= today) found = i;
  return found;
}
