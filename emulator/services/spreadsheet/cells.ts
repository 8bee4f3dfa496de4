/**
 * Reading and writing cells of the model: script values → stored cells (with typed-input parsing), stored
 * cells → getValues/getDisplayValues results, and the tiny formula subset the emulator evaluates.
 */
import { isDate } from '../../realm';
import { DateMark, type HostGridValue } from './context';
import { MAX_CELL_CHARS, MSG, type SheetModel } from './model';
import {
  autoFormats,
  DEFAULT_NUMBER_FORMAT,
  formatDateSerial,
  formatFamily,
  formatGeneral,
  formatNumberPattern,
  isDateFamily,
} from './number-format';
import {
  type Cell,
  currentYear,
  FormulaInput,
  type Input,
  instantToSerial,
  parseTyped,
  serialToInstant,
  TypedNumber,
} from './values';

/** Per-column explicit number formats for rows r1..r2 (null when the column has none there). */
export function columnFormats(sheet: SheetModel, c: number, r1: number, r2: number): Array<string | undefined> | null {
  const runs = sheet.layers.numberFormat.column(c);
  if (!runs || runs.segments(r1, r2).length === 0) return null;
  return runs.slice(r1, r2);
}

/** A value the script passed, as the cell will store it. */
export function toCell(v: unknown, sheet: SheetModel, format: string | undefined, year: number): Input {
  if (v === null || v === undefined) return '';
  switch (typeof v) {
    case 'string':
      if (v.length > MAX_CELL_CHARS) throw new Error(MSG.tooManyChars);
      return parseTyped(v, { locale: sheet.parent.locale, year, format });
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'boolean':
      return v;
    case 'bigint':
      return Number(v);
    default:
      break;
  }
  if (isDate(v)) {
    const t = v.getTime();
    if (Number.isNaN(t)) return '';
    const serial = instantToSerial(t, sheet.parent.timeZone);
    if (format && isDateFamily(formatFamily(format))) return serial;
    const auto = autoFormats(sheet.parent.locale);
    return new TypedNumber(serial, Number.isInteger(serial) ? auto.date : auto.datetime);
  }
  const s = String(v);
  if (s.length > MAX_CELL_CHARS) throw new Error(MSG.tooManyChars);
  return s;
}

/** The value a written input shows (a formula shows its evaluated value). */
export function cellOf(input: Input): Cell {
  return input instanceof FormulaInput ? evaluateFormula(input.text) : input;
}

export function formulaOf(input: Input): string | undefined {
  return input instanceof FormulaInput ? input.text : undefined;
}

export function yearNow(sheet: SheetModel): number {
  return currentYear(sheet.parent.store.rt.clock.now(), sheet.parent.timeZone);
}

/** What getValue returns for a stored cell (DateMark for dates), given the cell's explicit format. */
export function outValue(v: Cell | undefined, format: string | undefined, timeZone: string): HostGridValue {
  if (v === undefined) return '';
  if (typeof v === 'object') {
    return isDateFamily(formatFamily(v.fmt)) ? new DateMark(serialToInstant(v.n, timeZone)) : v.n;
  }
  if (typeof v === 'number' && format !== undefined && isDateFamily(formatFamily(format))) {
    return new DateMark(serialToInstant(v, timeZone));
  }
  return v;
}

/** The block's values as getValues returns them (dates as DateMark). */
export function readValues(sheet: SheetModel, r1: number, c1: number, nr: number, nc: number): HostGridValue[][] {
  const tz = sheet.parent.timeZone;
  const fmts: Array<Array<string | undefined> | null> = [];
  let anyDateFormat = false;
  for (let j = 0; j < nc; j++) {
    const col = columnFormats(sheet, c1 + j, r1, r1 + nr - 1);
    const hasDate = col?.some((f) => f !== undefined && isDateFamily(formatFamily(f))) ?? false;
    fmts.push(hasDate ? col : null);
    anyDateFormat ||= hasDate;
  }
  const out: HostGridValue[][] = new Array(nr);
  for (let i = 0; i < nr; i++) {
    const src = sheet.values[r1 - 1 + i];
    const row: HostGridValue[] = new Array(nc);
    for (let j = 0; j < nc; j++) {
      const v = src ? src[c1 - 1 + j] : undefined;
      if (v === undefined || v === '') row[j] = '';
      else if (typeof v === 'object') row[j] = outValue(v, undefined, tz);
      else if (anyDateFormat && typeof v === 'number') row[j] = outValue(v, fmts[j]?.[i], tz);
      else row[j] = v;
    }
    out[i] = row;
  }
  return out;
}

export function booleanText(b: boolean, locale: string): string {
  if (locale.toLowerCase().startsWith('ru')) return b ? 'ИСТИНА' : 'ЛОЖЬ';
  return b ? 'TRUE' : 'FALSE';
}

/** A stored cell as Sheets displays it under the cell's format, in the spreadsheet's locale. */
export function displayOf(v: Cell | undefined, format: string | undefined, locale: string): string {
  if (v === undefined || v === '') return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return booleanText(v, locale);
  const n = typeof v === 'number' ? v : v.n;
  const fmt = typeof v === 'object' ? v.fmt : format;
  if (fmt === undefined || fmt === '@') return formatGeneral(n, locale);
  const family = formatFamily(fmt);
  if (family === 'general') return formatGeneral(n, locale);
  if (isDateFamily(family)) return formatDateSerial(n, fmt, locale);
  return formatNumberPattern(n, fmt, locale);
}

export function readDisplayValues(sheet: SheetModel, r1: number, c1: number, nr: number, nc: number): string[][] {
  const locale = sheet.parent.locale;
  const fmts = Array.from({ length: nc }, (_, j) => columnFormats(sheet, c1 + j, r1, r1 + nr - 1));
  const out: string[][] = new Array(nr);
  for (let i = 0; i < nr; i++) {
    const src = sheet.values[r1 - 1 + i];
    const row: string[] = new Array(nc);
    for (let j = 0; j < nc; j++) row[j] = displayOf(src?.[c1 - 1 + j], fmts[j]?.[i], locale);
    out[i] = row;
  }
  return out;
}

/** Range.getNumberFormat for one cell: the automatic format a typed value got, else the explicit one. */
export function numberFormatOf(v: Cell | undefined, explicit: string | undefined): string {
  if (v instanceof TypedNumber) return v.fmt;
  return explicit ?? DEFAULT_NUMBER_FORMAT;
}

/** Split top-level formula arguments on , or ; (Sheets accepts the locale's separator). */
function splitArgs(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = '';
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === '(') depth++;
    if (!quoted && ch === ')') depth--;
    if (!quoted && depth === 0 && (ch === ',' || ch === ';')) {
      out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  out.push(cur.trim());
  return out;
}

function literal(arg: string): Cell | undefined {
  if (/^".*"$/s.test(arg)) return arg.slice(1, -1).replace(/""/g, '"');
  if (/^[+-]?\d+(\.\d+)?$/.test(arg)) return Number(arg);
  if (/^TRUE$/i.test(arg)) return true;
  if (/^FALSE$/i.test(arg)) return false;
  return undefined;
}

/**
 * The value a formula shows. The emulator evaluates only literals (="text", =42, =TRUE) and
 * HYPERLINK(url, label), which shows its label; any other formula shows '' (its value is unknown here).
 */
export function evaluateFormula(formula: string): Cell {
  const body = formula.slice(1).trim();
  const lit = literal(body);
  if (lit !== undefined) return lit;
  const m = /^HYPERLINK\s*\((.*)\)$/is.exec(body);
  if (m) {
    const args = splitArgs(m[1]);
    const label = literal(args[1] ?? args[0] ?? '');
    return label ?? '';
  }
  return '';
}
