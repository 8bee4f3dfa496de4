/**
 * Utilities (reference/utilities/utilities) and Blob (reference/base/blob), plus small helpers the other
 * service modules of this part share: values converted into the script's realm, signed byte arrays,
 * Apps Script's "parameters don't match" error, enums as realm objects.
 */
import crypto from 'node:crypto';
import { type Execution, GasObject, registerService, type Runtime, unwrap } from '../runtime';
import { isDate } from '../realm';
import { isValidTimeZone, offsetMinutes } from '../timezone';

// ---------------------------------------------------------------------------------------------------
// Shared helpers

/** A small stable hash (FNV-1a, 32 bit) used wherever the emulator needs deterministic "randomness". */
export function stableHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function isPlainHostObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/**
 * Host data built for the script (events, getProperties() results) turned into values of the script's
 * realm: plain objects and arrays are copied, host Dates become realm Dates, facades and anything already
 * of the realm stay as they are.
 */
export function toRealmValue(exec: Execution, value: unknown): unknown {
  // A facade may arrive wrapped already; `instanceof` sees through the proxy, `_wrapped` does not.
  const host = typeof value === 'object' && value !== null ? unwrap(value) : value;
  if (host instanceof GasObject) return host._wrapped();
  if (value instanceof Date) return exec.realm.newDate(value.getTime());
  if (Array.isArray(value)) return exec.realm.newArray(value.map((v) => toRealmValue(exec, v)));
  if (isPlainHostObject(value)) {
    const out = exec.realm.newObject();
    for (const [k, v] of Object.entries(value)) out[k] = toRealmValue(exec, v);
    return out;
  }
  return value;
}

/** An Apps Script enum as the script sees it: a frozen object whose values are their own names. */
export function realmEnum(exec: Execution, names: readonly string[]): Record<string, string> {
  const o = exec.realm.newObject();
  for (const n of names) o[n] = n;
  return Object.freeze(o) as Record<string, string>;
}

/** How Apps Script names an argument's type in "The parameters (...) don't match the method signature". */
export function gasTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'Boolean';
  if (isDate(v)) return 'Date';
  if (Array.isArray(v)) return 'Object[]';
  if (typeof v === 'object') {
    const host = unwrap(v);
    if (host instanceof GasObject) return host._gasClass;
  }
  return '(class)';
}

/** Apps Script's error for arguments no overload accepts. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(gasTypeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

/** Java bytes, as Apps Script hands them to scripts: integers from −128 to 127. */
export function signedBytes(buf: Uint8Array): number[] {
  const out = new Array<number>(buf.length);
  for (let i = 0; i < buf.length; i++) out[i] = buf[i] > 127 ? buf[i] - 256 : buf[i];
  return out;
}

export function realmBytes(exec: Execution, buf: Uint8Array): number[] {
  return exec.realm.newArray(signedBytes(buf));
}

function isByteArray(v: unknown): v is unknown[] {
  return Array.isArray(v) && v.every((b) => typeof b === 'number' && Number.isFinite(b));
}

function bytesOf(v: unknown[]): Buffer {
  return Buffer.from(v.map((b) => Number(b) & 0xff));
}

const CHARSETS = ['US_ASCII', 'UTF_8'] as const;

/** Encodes a string as Java's String.getBytes(charset) would (US-ASCII replaces what it cannot map by '?'). */
function encodeString(s: string, charset: unknown): Buffer {
  if (charset === 'US_ASCII')
    return Buffer.from(Array.from(s, (ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : 0x3f)));
  return Buffer.from(s, 'utf8');
}

function decodeBytes(buf: Uint8Array, charset: string | undefined): string {
  const label = (charset ?? 'UTF-8').toLowerCase().replace(/_/g, '-');
  if (label === 'us-ascii' || label === 'ascii')
    return Array.from(buf, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
  try {
    return new TextDecoder(label).decode(buf);
  } catch {
    throw new Error(`Unsupported charset: ${charset}`);
  }
}

/** The bytes behind a Blob the script passes to another service (mail attachments, digests). */
export function blobBytes(value: unknown): Buffer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const host = unwrap(value);
  return host instanceof BlobImpl ? Buffer.from(host._data) : undefined;
}

// ---------------------------------------------------------------------------------------------------
// Blob

export class BlobImpl extends GasObject {
  readonly _gasClass = 'Blob';
  _data: Buffer;
  _contentType: string | null;
  _name: string | null;

  constructor(exec: Execution, data: Buffer, contentType: string | null = null, name: string | null = null) {
    super(exec);
    this._data = data;
    this._contentType = contentType;
    this._name = name;
  }

  copyBlob(): BlobImpl {
    return new BlobImpl(this._exec, Buffer.from(this._data), this._contentType, this._name);
  }

  getAs(contentType: string): BlobImpl {
    // Conversions (to PDF, images) are outside what the project uses; same-type copies are honest.
    if (contentType !== this._contentType)
      throw new Error(`Converting from ${this._contentType} to ${contentType} is not supported.`);
    return this.copyBlob();
  }

  getBlob(): BlobImpl {
    return this;
  }

  getBytes(): number[] {
    return realmBytes(this._exec, this._data);
  }

  getContentType(): string | null {
    return this._contentType;
  }

  getDataAsString(charset?: string): string {
    return decodeBytes(this._data, charset);
  }

  getName(): string | null {
    return this._name;
  }

  isGoogleType(): boolean {
    return false;
  }

  setBytes(data: unknown): BlobImpl {
    if (!isByteArray(data)) throw signatureError('Blob.setBytes', [data]);
    this._data = bytesOf(data);
    return this;
  }

  setContentType(contentType: string | null): BlobImpl {
    this._contentType = contentType === null ? null : String(contentType);
    return this;
  }

  setContentTypeFromExtension(): BlobImpl {
    const ext = (this._name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const known: Record<string, string> = {
      txt: 'text/plain',
      csv: 'text/csv',
      html: 'text/html',
      htm: 'text/html',
      json: 'application/json',
      pdf: 'application/pdf',
      png: 'image/png',
      jpg: 'image/jpeg',
      jpeg: 'image/jpeg',
      gif: 'image/gif',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    };
    const type = known[ext];
    if (!type) throw new Error(`Could not determine the content type of ${this._name ?? 'the blob'}.`);
    this._contentType = type;
    return this;
  }

  setDataFromString(s: string, charset?: string): BlobImpl {
    const label = (charset ?? 'UTF-8').toUpperCase().replace(/_/g, '-');
    this._data = label === 'US-ASCII' ? encodeString(String(s), 'US_ASCII') : Buffer.from(String(s), 'utf8');
    return this;
  }

  setName(name: string): BlobImpl {
    this._name = String(name);
    return this;
  }
}

// ---------------------------------------------------------------------------------------------------
// Utilities.formatDate: Java SimpleDateFormat in English (reference/utilities/utilities#formatdatedate,-timezone,-format)

/** English month and day names, as Java's SimpleDateFormat gives them (also the spreadsheet's en_US formats). */
export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

// Java's short and long names for the zones a Russian school meets; others come from Intl.
const JAVA_ZONE_NAMES: Record<string, [string, string]> = {
  'Europe/Kaliningrad': ['EET', 'Eastern European Time'],
  'Europe/Moscow': ['MSK', 'Moscow Standard Time'],
  'Europe/Samara': ['SAMT', 'Samara Time'],
  'Asia/Yekaterinburg': ['YEKT', 'Yekaterinburg Time'],
  'Asia/Omsk': ['OMST', 'Omsk Time'],
  'Asia/Novosibirsk': ['NOVT', 'Novosibirsk Time'],
  'Asia/Krasnoyarsk': ['KRAT', 'Krasnoyarsk Time'],
  'Asia/Irkutsk': ['IRKT', 'Irkutsk Time'],
  'Asia/Yakutsk': ['YAKT', 'Yakutsk Time'],
  'Asia/Vladivostok': ['VLAT', 'Vladivostok Time'],
  'Asia/Magadan': ['MAGT', 'Magadan Time'],
  'Asia/Kamchatka': ['PETT', 'Petropavlovsk-Kamchatski Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
};

interface JavaZone {
  offset(ms: number): number;
  shortName(ms: number): string;
  longName(ms: number): string;
}

function gmtText(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const a = Math.abs(offset);
  return `GMT${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

function intlZoneName(timeZone: string, ms: number, style: 'short' | 'long'): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: style })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName')?.value;
  return part ?? '';
}

/** java.util.TimeZone.getTimeZone(id): IANA ids, "GMT+5" style custom ids, and GMT for anything unknown. */
export function javaZone(id: string): JavaZone {
  const custom = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(id);
  if (custom) {
    const off = (custom[1] === '-' ? -1 : 1) * (Number(custom[2]) * 60 + Number(custom[3] ?? 0));
    return { offset: () => off, shortName: () => gmtText(off), longName: () => gmtText(off) };
  }
  if (!isValidTimeZone(id) || id === '') id = 'GMT';
  const zoneId = id;
  const known = JAVA_ZONE_NAMES[zoneId];
  return {
    offset: (ms) => offsetMinutes(zoneId, ms),
    shortName: (ms) => {
      if (known) return known[0];
      const s = intlZoneName(zoneId, ms, 'short');
      return /^GMT[+-]/.test(s) ? gmtText(offsetMinutes(zoneId, ms)) : s;
    },
    longName: (ms) => known?.[1] ?? intlZoneName(zoneId, ms, 'long'),
  };
}

interface Fields {
  year: number;
  month: number; // 0-11
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
  dayOfYear: number;
}

function fieldsAt(ms: number, offset: number): Fields {
  const w = new Date(ms + offset * 60_000);
  const year = w.getUTCFullYear();
  const dayOfYear =
    Math.floor((Date.UTC(year, w.getUTCMonth(), w.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000) + 1;
  return {
    year,
    month: w.getUTCMonth(),
    day: w.getUTCDate(),
    hour: w.getUTCHours(),
    minute: w.getUTCMinutes(),
    second: w.getUTCSeconds(),
    ms: w.getUTCMilliseconds(),
    weekday: w.getUTCDay(),
    dayOfYear,
  };
}

/** Week of year and week-based year under Java's en_US rules (weeks start on Sunday; week 1 holds 1 January). */
export function usWeekOfYear(year: number, month: number, day: number): { week: number; weekYear: number } {
  const dayMs = Date.UTC(year, month, day);
  const weekday = new Date(dayMs).getUTCDay();
  const weekStart = dayMs - weekday * 86_400_000;
  if (weekStart + 6 * 86_400_000 >= Date.UTC(year + 1, 0, 1)) return { week: 1, weekYear: year + 1 };
  const jan1 = Date.UTC(year, 0, 1);
  const jan1Weekday = new Date(jan1).getUTCDay();
  const doy = Math.floor((dayMs - jan1) / 86_400_000);
  return { week: Math.floor((doy + jan1Weekday) / 7) + 1, weekYear: year };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + s.padStart(width, '0');
}

function formatField(letter: string, count: number, f: Fields, ms: number, zone: JavaZone): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const y = letter === 'y' ? f.year : usWeekOfYear(f.year, f.month, f.day).weekYear;
      return count === 2 ? pad(y % 100, 2) : pad(y, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month];
      if (count === 3) return MONTHS[f.month].slice(0, 3);
      return pad(f.month + 1, count);
    case 'w':
      return pad(usWeekOfYear(f.year, f.month, f.day).week, count);
    case 'W': {
      const firstWeekday = new Date(Date.UTC(f.year, f.month, 1)).getUTCDay();
      return pad(Math.floor((f.day - 1 + firstWeekday) / 7) + 1, count);
    }
    case 'D':
      return pad(f.dayOfYear, count);
    case 'd':
      return pad(f.day, count);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.ms, count);
    case 'z':
      return count >= 4 ? zone.longName(ms) : zone.shortName(ms);
    case 'Z': {
      const o = zone.offset(ms);
      const a = Math.abs(o);
      return `${o < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}${pad(a % 60, 2)}`;
    }
    case 'X': {
      const o = zone.offset(ms);
      if (o === 0) return 'Z';
      const a = Math.abs(o);
      const hh = `${o < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}`;
      if (count === 1) return hh;
      if (count === 2) return `${hh}${pad(a % 60, 2)}`;
      if (count === 3) return `${hh}:${pad(a % 60, 2)}`;
      throw new Error('invalid ISO 8601 format: length=' + count);
    }
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats an instant as java.text.SimpleDateFormat(pattern, Locale.US) in the given zone would. */
export function formatJavaDate(ms: number, timeZone: string, pattern: string): string {
  const zone = javaZone(timeZone);
  const f = fieldsAt(ms, zone.offset(ms));
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let text = '';
      while (j < pattern.length) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j];
        j++;
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      out += text;
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += formatField(ch, j - i, f, ms, zone);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Utilities.formatString: sprintf-like (reference/utilities/utilities#formatstringtemplate,-args)

export function sprintf(template: string, args: readonly unknown[]): string {
  let next = 0;
  return template.replace(
    /%(?:(\d+)\$)?([-+ 0#]*)(\d+)?(?:\.(\d+))?([sSdifeEgGxXoc%])/g,
    (_m, pos, flags, width, prec, conv) => {
      if (conv === '%') return '%';
      const arg = pos ? args[Number(pos) - 1] : args[next++];
      const left = flags.includes('-');
      const zero = flags.includes('0') && !left;
      const plus = flags.includes('+');
      const space = flags.includes(' ');
      const precision = prec === undefined ? undefined : Number(prec);
      let body: string;
      let numeric = false;
      let negative = false;
      switch (conv) {
        case 's':
        case 'S':
          body = String(arg);
          if (precision !== undefined) body = body.slice(0, precision);
          if (conv === 'S') body = body.toUpperCase();
          break;
        case 'c':
          body = typeof arg === 'number' ? String.fromCharCode(arg) : String(arg).charAt(0);
          break;
        default: {
          numeric = true;
          const n = Number(arg);
          negative = n < 0 || Object.is(n, -0);
          const a = Math.abs(n);
          if (conv === 'd' || conv === 'i') body = String(Math.trunc(a));
          else if (conv === 'f') body = a.toFixed(precision ?? 6);
          else if (conv === 'e' || conv === 'E') {
            body = a.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
            if (conv === 'E') body = body.toUpperCase();
          } else if (conv === 'g' || conv === 'G') {
            body = String(Number(a.toPrecision(precision || 6)));
            if (conv === 'G') body = body.toUpperCase();
          } else if (conv === 'x' || conv === 'X') {
            body = Math.trunc(a).toString(16);
            if (flags.includes('#')) body = `0x${body}`;
            if (conv === 'X') body = body.toUpperCase();
          } else body = Math.trunc(a).toString(8);
          if (Number.isNaN(n)) {
            body = 'NaN';
            negative = false;
          }
        }
      }
      const sign = numeric ? (negative ? '-' : plus ? '+' : space ? ' ' : '') : '';
      const w = width === undefined ? 0 : Number(width);
      const len = sign.length + body.length;
      if (len >= w) return sign + body;
      if (left) return sign + body + ' '.repeat(w - len);
      if (zero && numeric) return sign + '0'.repeat(w - len) + body;
      return ' '.repeat(w - len) + sign + body;
    },
  );
}

// ---------------------------------------------------------------------------------------------------
// Utilities.parseCsv (reference/utilities/utilities#parsecsvcsv,-delimiter)

export function parseCsv(csv: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < csv.length) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"') {
        if (csv[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      i++;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += ch === '\r' && csv[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------
// Utilities

const DIGESTS: Record<string, string> = {
  MD2: 'md2',
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
};
const MACS: Record<string, string> = {
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Utilities.sleep's documented maximum (reference/utilities/utilities#sleepmilliseconds). */
export const MAX_SLEEP_MS = 300_000;

class UuidCounter {
  n = 0;
}

class UtilitiesImpl extends GasObject {
  readonly _gasClass = 'Utilities';
  readonly Charset: Record<string, string>;
  readonly DigestAlgorithm: Record<string, string>;
  readonly MacAlgorithm: Record<string, string>;
  readonly RsaAlgorithm: Record<string, string>;

  constructor(exec: Execution) {
    super(exec);
    this.Charset = realmEnum(exec, CHARSETS);
    this.DigestAlgorithm = realmEnum(exec, Object.keys(DIGESTS));
    this.MacAlgorithm = realmEnum(exec, Object.keys(MACS));
    this.RsaAlgorithm = realmEnum(exec, ['RSA_SHA_1', 'RSA_SHA_256']);
  }

  formatDate(...args: unknown[]): string {
    const [date, timeZone, format] = args;
    if (args.length !== 3 || !isDate(date) || typeof timeZone !== 'string' || typeof format !== 'string') {
      throw signatureError('Utilities.formatDate', args);
    }
    const ms = date.getTime();
    if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
    return formatJavaDate(ms, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return sprintf(String(template), args);
  }

  getUuid(): string {
    // Deterministic per runtime, so runs (and the demo) are reproducible; the shape is a version 4 UUID.
    const rt: Runtime = this._exec.runtime;
    const counter = rt.store('utilities.uuid', () => new UuidCounter());
    counter.n += 1;
    const h = crypto.createHash('sha256').update(`${rt.scriptId}:uuid:${counter.n}`).digest();
    h[6] = (h[6] & 0x0f) | 0x40;
    h[8] = (h[8] & 0x3f) | 0x80;
    const x = h.subarray(0, 16).toString('hex');
    return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
  }

  sleep(milliseconds: unknown): void {
    const ms = Number(milliseconds);
    if (typeof milliseconds !== 'number' || !Number.isFinite(ms))
      throw signatureError('Utilities.sleep', [milliseconds]);
    if (ms > MAX_SLEEP_MS || ms < 0) throw new Error('Invalid argument: milliseconds');
    this._exec.runtime.clock.advance(Math.floor(ms));
    this._exec.checkTime();
  }

  newBlob(...args: unknown[]): BlobImpl {
    const [data, contentType, name] = args;
    let bytes: Buffer;
    if (typeof data === 'string') bytes = Buffer.from(data, 'utf8');
    else if (isByteArray(data)) bytes = bytesOf(data);
    else throw signatureError('Utilities.newBlob', args);
    const type = contentType === undefined || contentType === null ? null : String(contentType);
    return new BlobImpl(this._exec, bytes, type, name === undefined || name === null ? null : String(name));
  }

  computeDigest(...args: unknown[]): number[] {
    const [algorithm, value, charset] = args;
    const alg = DIGESTS[String(algorithm)];
    if (!alg || (typeof value !== 'string' && !isByteArray(value)))
      throw signatureError('Utilities.computeDigest', args);
    const input = typeof value === 'string' ? encodeString(value, charset) : bytesOf(value);
    let hash: Buffer;
    try {
      hash = crypto.createHash(alg).update(input).digest();
    } catch {
      throw new Error(`Digest algorithm ${String(algorithm)} is not available in the embedded runtime.`);
    }
    return realmBytes(this._exec, hash);
  }

  computeHmacSignature(...args: unknown[]): number[] {
    const [algorithm, value, key, charset] = args;
    const alg = MACS[String(algorithm)];
    if (!alg) throw signatureError('Utilities.computeHmacSignature', args);
    return realmBytes(this._exec, this._hmac('Utilities.computeHmacSignature', alg, value, key, charset, args));
  }

  computeHmacSha256Signature(...args: unknown[]): number[] {
    const [value, key, charset] = args;
    return realmBytes(
      this._exec,
      this._hmac('Utilities.computeHmacSha256Signature', 'sha256', value, key, charset, args),
    );
  }

  _hmac(method: string, alg: string, value: unknown, key: unknown, charset: unknown, args: unknown[]): Buffer {
    let v: Buffer;
    let k: Buffer;
    if (typeof value === 'string' && typeof key === 'string') {
      v = encodeString(value, charset);
      k = encodeString(key, charset);
    } else if (isByteArray(value) && isByteArray(key)) {
      v = bytesOf(value);
      k = bytesOf(key);
    } else throw signatureError(method, args);
    return crypto.createHmac(alg, k).update(v).digest();
  }

  base64Encode(...args: unknown[]): string {
    return this._encode('Utilities.base64Encode', args).toString('base64');
  }

  base64EncodeWebSafe(...args: unknown[]): string {
    return this._encode('Utilities.base64EncodeWebSafe', args)
      .toString('base64')
      .replace(/\+/g, '-')
      .replace(/\//g, '_');
  }

  _encode(method: string, args: unknown[]): Buffer {
    const [data, charset] = args;
    if (typeof data === 'string') return encodeString(data, charset);
    if (isByteArray(data)) return bytesOf(data);
    throw signatureError(method, args);
  }

  base64Decode(...args: unknown[]): number[] {
    return realmBytes(this._exec, this._decode('Utilities.base64Decode', args, /^[A-Za-z0-9+/]*={0,2}$/));
  }

  base64DecodeWebSafe(...args: unknown[]): number[] {
    return realmBytes(this._exec, this._decode('Utilities.base64DecodeWebSafe', args, /^[A-Za-z0-9\-_]*={0,2}$/));
  }

  _decode(method: string, args: unknown[], alphabet: RegExp): Buffer {
    const [encoded] = args;
    if (typeof encoded !== 'string') throw signatureError(method, args);
    const s = encoded.replace(/[\r\n]/g, '');
    if (!alphabet.test(s) || s.replace(/=+$/, '').length % 4 === 1) throw new Error('Could not decode string.');
    return Buffer.from(s.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  }

  parseCsv(...args: unknown[]): string[][] {
    const [csv, delimiter] = args;
    if (typeof csv !== 'string' || (delimiter !== undefined && typeof delimiter !== 'string')) {
      throw signatureError('Utilities.parseCsv', args);
    }
    const rows = parseCsv(csv, delimiter === undefined ? ',' : delimiter.charAt(0));
    return this._exec.realm.newArray(rows.map((r) => this._exec.realm.newArray(r)));
  }
}

registerService({ globals: (exec) => ({ Utilities: new UtilitiesImpl(exec)._wrapped() }) });
