/**
 * Cell values and typed-input parsing. A cell holds '' (empty), a string, a number, a boolean, or a number
 * that carries the format Sheets applied automatically when it was typed or written (a date, a time, a
 * percentage). Dates are serial numbers of the wall-clock time in the spreadsheet's zone (days since
 * 1899-12-30), as in Sheets, so a spreadsheet-zone change moves the instants they stand for.
 */
import { offsetMinutes } from '../../timezone';
import { autoFormats, formatFamily } from './number-format';

/** A number with the format Sheets applied when it was typed (dates, times, percentages). */
export class TypedNumber {
  constructor(
    readonly n: number,
    readonly fmt: string,
  ) {}
}

export type Cell = string | number | boolean | TypedNumber;

export const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

// Offsets per zone and hour with numeric keys: a 50 000-row date column converts without string keys.
const hourOffsets = new Map<string, Map<number, number>>();

function offsetAt(timeZone: string, ms: number): number {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC' || timeZone === 'GMT') return 0;
  let byHour = hourOffsets.get(timeZone);
  if (!byHour) {
    byHour = new Map();
    hourOffsets.set(timeZone, byHour);
  }
  const hour = Math.floor(ms / 3_600_000);
  let o = byHour.get(hour);
  if (o === undefined) {
    o = offsetMinutes(timeZone, ms);
    if (byHour.size > 200_000) byHour.clear();
    byHour.set(hour, o);
  }
  return o;
}

/** The serial of an instant, read as wall-clock time in `timeZone`. */
export function instantToSerial(ms: number, timeZone: string): number {
  const wall = ms + offsetAt(timeZone, ms) * 60_000;
  return (wall - EPOCH_MS) / DAY_MS;
}

/** The instant a serial stands for in `timeZone` (whole milliseconds). */
export function serialToInstant(serial: number, timeZone: string): number {
  const local = Math.round(EPOCH_MS + serial * DAY_MS);
  const t = local - offsetAt(timeZone, local) * 60_000;
  return local - offsetAt(timeZone, t) * 60_000;
}

export function wallToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, mo - 1, d, h, mi, s) - EPOCH_MS) / DAY_MS;
}

export interface ParseContext {
  locale: string;
  /** Today's date in the spreadsheet's zone (for "15.01" without a year). */
  year: number;
  /** The explicit number format of the cell, if any. */
  format?: string;
}

/** A string the script wrote that Sheets takes as a formula ("=..."). */
export class FormulaInput {
  constructor(readonly text: string) {}
}

/** What a written value becomes: a cell value, or a formula. */
export type Input = Cell | FormulaInput;

function isRu(locale: string): boolean {
  return locale.toLowerCase().startsWith('ru');
}

const NUM_EN = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?%?$/;
const NUM_RU = /^[+-]?(?:\d{1,3}(?:[ \u00a0]\d{3})+|\d+)?(?:,\d+)?(?:[eE][+-]?\d+)?%?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/;
const DATE_RU = /^(\d{1,2})\.(\d{1,2})(?:\.(\d{4}|\d{2}))?$/;
const DATE_EN = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?$/;
const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

function fullYear(y: string | undefined, current: number): number {
  if (y === undefined) return current;
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 30 ? 2000 + n : 1900 + n;
}

function validDate(y: number, mo: number, d: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return false;
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function parseTime(s: string): { h: number; mi: number; sec: number } | undefined {
  const m = TIME.exec(s);
  if (!m) return undefined;
  let h = Number(m[1]);
  const mi = Number(m[2]);
  const sec = m[3] ? Number(m[3]) : 0;
  if (m[4]) {
    if (h < 1 || h > 12) return undefined;
    const pm = m[4].toLowerCase() === 'pm';
    h = (h % 12) + (pm ? 12 : 0);
  }
  if (h > 23 || mi > 59 || sec > 59) return undefined;
  return { h, mi, sec };
}

function parseDate(s: string, ru: boolean, year: number): { y: number; mo: number; d: number } | undefined {
  let m = DATE_ISO.exec(s);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return validDate(y, mo, d) ? { y, mo, d } : undefined;
  }
  m = (ru ? DATE_RU : DATE_EN).exec(s);
  if (!m) return undefined;
  const d = Number(ru ? m[1] : m[2]);
  const mo = Number(ru ? m[2] : m[1]);
  const y = fullYear(m[3], year);
  return validDate(y, mo, d) ? { y, mo, d } : undefined;
}

function parseNumber(s: string, ru: boolean): { n: number; percent: boolean; decimals: number } | undefined {
  if (!(ru ? NUM_RU : NUM_EN).test(s) || !/\d/.test(s)) return undefined;
  const percent = s.endsWith('%');
  let body = percent ? s.slice(0, -1) : s;
  body = ru ? body.replace(/[ \u00a0]/g, '').replace(',', '.') : body.replace(/,/g, '');
  const n = Number(body);
  if (!Number.isFinite(n)) return undefined;
  const dot = body.indexOf('.');
  const decimals = dot < 0 ? 0 : body.replace(/[eE].*$/, '').length - dot - 1;
  return { n: percent ? n / 100 : n, percent, decimals };
}

/**
 * What Sheets stores when a person types `s` into a cell (Range.setValue with a string behaves the same):
 * a leading apostrophe keeps the rest as text, "=..." is a formula, numbers, booleans, dates, times and
 * percentages are recognised per the spreadsheet's locale; a cell formatted as plain text (`@`) keeps the
 * string verbatim.
 */
export function parseTyped(s: string, ctx: ParseContext): Input {
  if (s === '') return '';
  if (ctx.format === '@') return s;
  const c0 = s.charCodeAt(0);
  if (c0 === 39) return s.slice(1);
  if (c0 === 61 && s.length > 1) return new FormulaInput(s);
  // Plain digits (ids, phone numbers without +, counts) are the common numeric case.
  if (c0 >= 48 && c0 <= 57 && s.length < 16 && /^\d+$/.test(s)) return Number(s);
  const last = s.charCodeAt(s.length - 1);
  const t = c0 <= 32 || last <= 32 || c0 === 160 || last === 160 ? s.trim() : s;
  if (t === '') return s;
  const ru = isRu(ctx.locale);
  const first = t.charCodeAt(0);
  const digitish = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 44;
  if (!digitish) {
    // Only TRUE/FALSE (and ИСТИНА/ЛОЖЬ in Russian) are worth a closer look.
    if (t.length < 4 || t.length > 6) return s;
    const upper = t.toUpperCase();
    if (upper === 'TRUE' || (ru && upper === 'ИСТИНА')) return true;
    if (upper === 'FALSE' || (ru && upper === 'ЛОЖЬ')) return false;
    return s;
  }
  const auto = autoFormats(ctx.locale);
  const explicit = ctx.format ? formatFamily(ctx.format) : undefined;
  // A compatible explicit format keeps governing; otherwise the cell gets the automatic format.
  const keep = (n: number, family: string, fmt: string): Cell =>
    explicit === family ||
    (family === 'datetime' && (explicit === 'date' || explicit === 'datetime')) ||
    (family === 'date' && explicit === 'datetime')
      ? n
      : new TypedNumber(n, fmt);

  const num = parseNumber(t, ru);
  if (num) {
    if (num.percent) return keep(num.n, 'percent', num.decimals > 0 ? '0.00%' : '0%');
    return num.n;
  }
  const space = t.search(/\s/);
  const datePart = space < 0 ? t : t.slice(0, space);
  const timePart = space < 0 ? '' : t.slice(space).trim();
  const date = parseDate(datePart, ru, ctx.year);
  if (date) {
    if (!timePart) return keep(wallToSerial(date.y, date.mo, date.d), 'date', auto.date);
    const time = parseTime(timePart);
    if (time) return keep(wallToSerial(date.y, date.mo, date.d, time.h, time.mi, time.sec), 'datetime', auto.datetime);
    return s;
  }
  const time = parseTime(t);
  if (time) return keep((time.h * 3600 + time.mi * 60 + time.sec) / 86_400, 'time', auto.time);
  return s;
}

/** The year of "now" in the spreadsheet's zone. */
export function currentYear(nowMs: number, timeZone: string): number {
  return new Date(nowMs + offsetMinutes(timeZone, nowMs) * 60_000).getUTCFullYear();
}
