/**
 * Number formats: which family a pattern belongs to (date, time, number, text...) and how a value is
 * displayed under it in the spreadsheet's locale (Range.getDisplayValue). Covers the patterns a product
 * sets (plain text, integers, decimals, grouping, percentages, date and time patterns), not all of Sheets'.
 */
import { DAYS, MONTHS } from '../utilities';

/** What Range.getNumberFormat returns for a cell whose format is "Automatic". */
export const DEFAULT_NUMBER_FORMAT = '0.###############';

export type FormatFamily = 'text' | 'date' | 'time' | 'datetime' | 'percent' | 'number' | 'general';

const familyCache = new Map<string, FormatFamily>();

function stripLiterals(pattern: string): string {
  return pattern
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '');
}

export function formatFamily(pattern: string): FormatFamily {
  let f = familyCache.get(pattern);
  if (f) return f;
  const p = stripLiterals(pattern.split(';')[0]);
  if (pattern === '@') f = 'text';
  else if (pattern === '' || pattern === DEFAULT_NUMBER_FORMAT || /^general$/i.test(pattern)) f = 'general';
  else {
    const hasDate = /[dy]/i.test(p) || /M/.test(p.replace(/am\/pm|a\/p/gi, ''));
    const hasTime = /[hs]/i.test(p) || /am\/pm/i.test(p);
    if (hasDate && hasTime) f = 'datetime';
    else if (hasDate) f = 'date';
    else if (hasTime) f = 'time';
    else if (p.includes('%')) f = 'percent';
    else f = 'number';
  }
  familyCache.set(pattern, f);
  return f;
}

export function isDateFamily(f: FormatFamily | undefined): boolean {
  return f === 'date' || f === 'time' || f === 'datetime';
}

export interface AutoFormats {
  date: string;
  datetime: string;
  time: string;
}

export function autoFormats(locale: string): AutoFormats {
  return locale.toLowerCase().startsWith('ru')
    ? { date: 'dd.MM.yyyy', datetime: 'dd.MM.yyyy H:mm:ss', time: 'H:mm:ss' }
    : { date: 'M/d/yyyy', datetime: 'M/d/yyyy H:mm:ss', time: 'h:mm:ss am/pm' };
}

interface Separators {
  decimal: string;
  group: string;
}

const separatorCache = new Map<string, Separators>();

function separators(locale: string): Separators {
  let sep = separatorCache.get(locale);
  if (!sep) {
    const l = locale.toLowerCase();
    if (l.startsWith('ru') || l.startsWith('uk') || l.startsWith('fr')) sep = { decimal: ',', group: '\u00a0' };
    else if (l.startsWith('de') || l.startsWith('es') || l.startsWith('it')) sep = { decimal: ',', group: '.' };
    else sep = { decimal: '.', group: ',' };
    separatorCache.set(locale, sep);
  }
  return sep;
}

/** A number as "General" shows it: up to 15 significant digits, the locale's decimal mark. */
export function formatGeneral(n: number, locale: string): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  if (!Number.isFinite(n)) return String(n);
  let s = String(Number(n.toPrecision(15)));
  if (s.includes('e')) s = n.toExponential().replace(/e\+?/, 'E+').replace('E+-', 'E-');
  return s.replace('.', separators(locale).decimal);
}

const MONTHS_RU = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const DAYS_RU = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

type DatePart = { kind: 'lit'; text: string } | { kind: 'tok'; tok: string; minutes: boolean };

const compiledDates = new Map<string, { parts: DatePart[]; ampm: boolean }>();

function compileDatePattern(pattern: string): { parts: DatePart[]; ampm: boolean } {
  let c = compiledDates.get(pattern);
  if (c) return c;
  const tokens: string[] = [];
  const re = /"[^"]*"|\\.|am\/pm|a\/p|y+|m+|d+|h+|s+|./gi;
  for (let m = re.exec(pattern); m; m = re.exec(pattern)) tokens.push(m[0]);
  const isField = (x: string) => /^[a-z]/i.test(x) && !/^(am\/pm|a\/p)$/i.test(x);
  const parts: DatePart[] = tokens.map((t, i) => {
    if (t.startsWith('"')) return { kind: 'lit', text: t.slice(1, -1) };
    if (t.startsWith('\\')) return { kind: 'lit', text: t.slice(1) };
    const lower = t.toLowerCase();
    if (!/^(am\/pm|a\/p|y+|m+|d+|h+|s+)$/.test(lower)) return { kind: 'lit', text: t };
    // m/mm next to an hour or before seconds means minutes, as in Sheets.
    const prev = tokens.slice(0, i).reverse().find(isField);
    const next = tokens.slice(i + 1).find(isField);
    const minutes =
      lower[0] === 'm' &&
      t.length <= 2 &&
      ((prev !== undefined && /^h/i.test(prev)) || (next !== undefined && /^s/i.test(next)));
    return { kind: 'tok', tok: t, minutes };
  });
  c = { parts, ampm: /am\/pm|a\/p/i.test(pattern) };
  compiledDates.set(pattern, c);
  return c;
}

/** A serial under a date/time pattern (Sheets tokens: d, dd, ddd, dddd, m/M, mm/MM (months, or minutes next to h or s), yy, yyyy, h, hh, H, HH, s, ss, am/pm). */
export function formatDateSerial(serial: number, pattern: string, locale: string): string {
  const { parts, ampm } = compileDatePattern(pattern);
  const ms = Math.round(serial * 86_400_000) + Date.UTC(1899, 11, 30);
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const Mo = d.getUTCMonth();
  const D = d.getUTCDate();
  const h = d.getUTCHours();
  const mi = d.getUTCMinutes();
  const s = d.getUTCSeconds();
  const ru = locale.toLowerCase().startsWith('ru');
  let out = '';
  for (const p of parts) {
    if (p.kind === 'lit') {
      out += p.text;
      continue;
    }
    const t = p.tok;
    const lower = t.toLowerCase();
    const c = lower[0];
    if (lower === 'am/pm') out += h < 12 ? 'AM' : 'PM';
    else if (lower === 'a/p') out += h < 12 ? 'A' : 'P';
    else if (c === 'y') out += t.length <= 2 ? pad(Y % 100) : String(Y);
    else if (c === 'd') {
      if (t.length === 1) out += String(D);
      else if (t.length === 2) out += pad(D);
      else {
        const name = (ru ? DAYS_RU : DAYS)[d.getUTCDay()];
        out += t.length === 3 ? name.slice(0, ru ? 2 : 3) : name;
      }
    } else if (c === 'h') {
      const hh = ampm ? h % 12 || 12 : h;
      out += t.length >= 2 ? pad(hh) : String(hh);
    } else if (c === 's') out += t.length >= 2 ? pad(s) : String(s);
    else if (p.minutes) out += t.length === 2 ? pad(mi) : String(mi);
    else if (t.length === 1) out += String(Mo + 1);
    else if (t.length === 2) out += pad(Mo + 1);
    else {
      const name = (ru ? MONTHS_RU : MONTHS)[Mo];
      out += t.length === 3 ? name.slice(0, 3) : name;
    }
  }
  return out;
}

function groupDigits(int: string, group: string): string {
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

/** A number under a numeric pattern such as 0, 0.00, #,##0.00, 0%, 0.0%, "₽"#,##0. */
export function formatNumberPattern(n: number, pattern: string, locale: string): string {
  const sections = pattern.split(';');
  let section = sections[0];
  let value = n;
  if (n < 0 && sections.length > 1) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections.length > 2) section = sections[2];
  const core = /[#0?][#0?,]*(?:\.[#0?]*)?/.exec(section);
  if (!core) return section.replace(/"([^"]*)"/g, '$1');
  const prefix = section
    .slice(0, core.index)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  const suffix = section
    .slice(core.index + core[0].length)
    .replace(/"([^"]*)"/g, '$1')
    .replace(/\\(.)/g, '$1');
  const percent = (prefix + suffix).includes('%');
  if (percent) value *= 100;
  const [intPat, fracPat = ''] = core[0].split('.');
  const minFrac = (fracPat.match(/0/g) ?? []).length;
  const maxFrac = fracPat.length;
  const sep = separators(locale);
  const neg = value < 0;
  let fixed = Math.abs(value).toFixed(maxFrac);
  if (maxFrac > minFrac) fixed = fixed.replace(/0+$/, (z) => z.slice(0, Math.max(0, z.length - (maxFrac - minFrac))));
  let [int, frac = ''] = fixed.split('.');
  if (maxFrac > minFrac && frac.length > minFrac) frac = frac.replace(/0+$/, '').padEnd(minFrac, '0');
  const minInt = (intPat.match(/0/g) ?? []).length;
  if (int === '0' && minInt === 0) int = '';
  int = int.padStart(minInt, '0');
  if (intPat.includes(',')) int = groupDigits(int, sep.group);
  const body = frac ? `${int}${sep.decimal}${frac}` : int;
  return `${neg ? '-' : ''}${prefix}${body}${suffix}`;
}
