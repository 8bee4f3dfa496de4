/**
 * Reading the month or period a person types into a prompt of the schedule's menu actions: «12.2026»,
 * «декабрь 2026», «2026-12», «дек. 2026 г.», «December 2026»; for an approval also one date «15.09.2026» or a
 * range «01.09.2026–15.09.2026». Pure: "today" is given.
 */
import type { Period } from './schedule';
import { addDays, formatIsoDate, type IsoDate, parseIsoDate } from './zoned-time';

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

/** Every form of a month's name the parser accepts a prefix of (at least three letters): not shown to anyone. */
const MONTH_WORDS: readonly (readonly string[])[] = [
  ['январь', 'января', 'январе', 'january'],
  ['февраль', 'февраля', 'феврале', 'february'],
  ['март', 'марта', 'марте', 'march'],
  ['апрель', 'апреля', 'апреле', 'april'],
  ['май', 'мая', 'мае', 'may'],
  ['июнь', 'июня', 'июне', 'june'],
  ['июль', 'июля', 'июле', 'july'],
  ['август', 'августа', 'августе', 'august'],
  ['сентябрь', 'сентября', 'сентябре', 'september'],
  ['октябрь', 'октября', 'октябре', 'october'],
  ['ноябрь', 'ноября', 'ноябре', 'november'],
  ['декабрь', 'декабря', 'декабре', 'december'],
];

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

function monthOfWord(word: string): number | undefined {
  const w = word.toLowerCase().replace(/ё/g, 'е').replace(/\.$/, '');
  // 'май' is the one name of three letters; other prefixes need three letters to be unambiguous.
  if (w.length < 3) return undefined;
  const index = MONTH_WORDS.findIndex((forms) => forms.some((f) => f.startsWith(w)));
  return index < 0 ? undefined : index + 1;
}

function yearOf(text: string): number | undefined {
  const y = Number(text);
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR ? y : undefined;
}

function monthNumber(text: string): number | undefined {
  const m = Number(text);
  return Number.isInteger(m) && m >= 1 && m <= 12 ? m : undefined;
}

function partsOf(today: IsoDate): YearMonth {
  const p = parseIsoDate(today);
  if (!p) throw new RangeError(`Not a date: ${today}`);
  return { year: p.y, month: p.m };
}

/** The month after the one `today` falls in. */
export function nextMonth(today: IsoDate): YearMonth {
  const { year, month } = partsOf(today);
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/**
 * A month as typed; blank is the month after today's. A month's name alone is its next occurrence (this
 * month included). Undefined when the text is not a month.
 */
export function parseMonthInput(input: string, today: IsoDate): YearMonth | undefined {
  const v = input
    .trim()
    .toLowerCase()
    .replace(/\s*(г\.?|года?)$/u, '')
    .trim();
  if (v === '') return nextMonth(today);
  let m = /^(\d{1,2})\s*[./\-\s]\s*(\d{4})$/.exec(v);
  if (m) {
    const month = monthNumber(m[1]);
    const year = yearOf(m[2]);
    return month && year ? { year, month } : undefined;
  }
  m = /^(\d{4})\s*[./\-\s]\s*(\d{1,2})$/.exec(v);
  if (m) {
    const month = monthNumber(m[2]);
    const year = yearOf(m[1]);
    return month && year ? { year, month } : undefined;
  }
  m = /^([a-zа-яё.]+)\s*,?\s*(\d{4})$/u.exec(v) ?? /^(\d{4})\s*,?\s*([a-zа-яё.]+)$/u.exec(v);
  if (m) {
    const [word, yearText] = /^\d/.test(m[1]) ? [m[2], m[1]] : [m[1], m[2]];
    const month = monthOfWord(word);
    const year = yearOf(yearText);
    return month && year ? { year, month } : undefined;
  }
  if (/^[a-zа-яё.]+$/u.test(v)) {
    const month = monthOfWord(v);
    if (!month) return undefined;
    const now = partsOf(today);
    return { year: month >= now.month ? now.year : now.year + 1, month };
  }
  return undefined;
}

/** The first and last dates of a month. */
export function periodOfMonth(ym: YearMonth): Period {
  const from = formatIsoDate({ y: ym.year, m: ym.month, d: 1 });
  const next = ym.month === 12 ? { y: ym.year + 1, m: 1, d: 1 } : { y: ym.year, m: ym.month + 1, d: 1 };
  return { from, to: addDays(formatIsoDate(next), -1) };
}

function dayOf(text: string): IsoDate | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text.trim());
  if (!m) return undefined;
  const iso = formatIsoDate({ y: Number(m[3]), m: Number(m[2]), d: Number(m[1]) });
  return parseIsoDate(iso) && yearOf(m[3]) ? iso : undefined;
}

/** The last date the approval prompt's blank answer reaches: all that is planned, however far. */
export const OPEN_END: IsoDate = '9999-12-31';

export type PeriodInput = { period: Period; all: boolean } | undefined;

/**
 * A period to approve: blank is every event from today on (`all`); a month; one date; or two dates joined
 * by a dash or «по». Undefined when the text is none of these or the range runs backwards.
 */
export function parsePeriodInput(input: string, today: IsoDate): PeriodInput {
  const v = input.trim();
  if (v === '') return { period: { from: today, to: OPEN_END }, all: true };
  const single = dayOf(v);
  if (single) return { period: { from: single, to: single }, all: false };
  const range = /^(\S+)\s*(?:[-–—]|\.\.|по|to)\s*(\S+)$/iu.exec(v.replace(/^с\s+/iu, '').replace(/^from\s+/i, ''));
  if (range) {
    const from = dayOf(range[1]);
    const to = dayOf(range[2]);
    if (from && to) return from <= to ? { period: { from, to }, all: false } : undefined;
  }
  const month = /\d{1,2}\.\d{1,2}\.\d{4}/.test(v) ? undefined : parseMonthInput(v, today);
  return month ? { period: periodOfMonth(month), all: false } : undefined;
}
