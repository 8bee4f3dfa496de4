/**
 * A fresh V8 realm for one execution: ECMAScript built-ins only, no Node globals, with `Date` bound to
 * the virtual clock and its local time set to the script's time zone, as in Apps Script V8 (where
 * `new Date().getHours()` reads the manifest's `timeZone`, not the server's).
 */
import vm from 'node:vm';
import { localToUtc, offsetMinutes } from './timezone';

export interface Realm {
  readonly context: vm.Context;
  readonly global: Record<string, unknown>;
  newDate(ms: number): Date;
  /** An Error of the realm, named as Apps Script names service errors ("Exception"). */
  newError(message: string, name?: string): Error;
  newTypeError(message: string): Error;
  newArray<T>(items: readonly T[]): T[];
  newObject(): Record<string, unknown>;
}

// Runs inside the realm: replaces Date by a clock-driven one whose local fields follow the script's zone.
const DATE_PRELUDE = `(function (hostNow, hostOffset, hostLocalToUtc) {
  'use strict';
  const RD = Date;
  const proto = RD.prototype;
  const orig = {};
  for (const k of Object.getOwnPropertyNames(proto)) orig[k] = proto[k];
  const offsetOf = (t) => hostOffset(t);
  const shifted = (d) => { const t = orig.getTime.call(d); return new RD(t + offsetOf(t) * 60000); };
  const fields = ['FullYear', 'Month', 'Date', 'Hours', 'Minutes', 'Seconds', 'Milliseconds'];
  for (const f of fields.concat(['Day'])) {
    Object.defineProperty(proto, 'get' + f, { value: function () {
      if (isNaN(orig.getTime.call(this))) return NaN;
      return orig['getUTC' + f].call(shifted(this));
    }, writable: true, configurable: true });
  }
  for (const f of fields) {
    Object.defineProperty(proto, 'set' + f, { value: function (...args) {
      const s = shifted(this);
      const local = orig['setUTC' + f].apply(s, args);
      return orig.setTime.call(this, isNaN(local) ? NaN : hostLocalToUtc(local));
    }, writable: true, configurable: true });
  }
  Object.defineProperty(proto, 'getTimezoneOffset', { value: function () {
    const t = orig.getTime.call(this); return isNaN(t) ? NaN : -offsetOf(t);
  }, writable: true, configurable: true });
  const pad = (n, w) => String(Math.abs(n)).padStart(w || 2, '0');
  const zoneText = (t) => { const o = offsetOf(t); return 'GMT' + (o < 0 ? '-' : '+') + pad(Math.floor(Math.abs(o) / 60)) + pad(Math.abs(o) % 60); };
  const DAYS = ['Sun','Mon','Tue','Wed','Thu','Fri','Sat'];
  const MONTHS = ['Jan','Feb','Mar','Apr','May','Jun','Jul','Aug','Sep','Oct','Nov','Dec'];
  const dateText = (d) => { const s = shifted(d); return DAYS[orig.getUTCDay.call(s)] + ' ' + MONTHS[orig.getUTCMonth.call(s)] + ' ' + pad(orig.getUTCDate.call(s)) + ' ' + orig.getUTCFullYear.call(s); };
  const timeText = (d) => { const s = shifted(d); return pad(orig.getUTCHours.call(s)) + ':' + pad(orig.getUTCMinutes.call(s)) + ':' + pad(orig.getUTCSeconds.call(s)) + ' ' + zoneText(orig.getTime.call(d)); };
  const guard = (fn) => function () { return isNaN(orig.getTime.call(this)) ? 'Invalid Date' : fn(this); };
  Object.defineProperty(proto, 'toString', { value: guard((d) => dateText(d) + ' ' + timeText(d)), writable: true, configurable: true });
  Object.defineProperty(proto, 'toDateString', { value: guard(dateText), writable: true, configurable: true });
  Object.defineProperty(proto, 'toTimeString', { value: guard(timeText), writable: true, configurable: true });
  const zone = hostOffset.zone;
  for (const k of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    Object.defineProperty(proto, k, { value: function (locales, options) {
      return orig[k].call(this, locales, Object.assign({ timeZone: zone }, options || {}));
    }, writable: true, configurable: true });
  }
  // Host-local reading of a string, re-read as wall time in the script's zone.
  const hostFieldsToUtc = (t) => hostLocalToUtc(RD.UTC(orig.getFullYear.call(new RD(t)), orig.getMonth.call(new RD(t)), orig.getDate.call(new RD(t)), orig.getHours.call(new RD(t)), orig.getMinutes.call(new RD(t)), orig.getSeconds.call(new RD(t)), orig.getMilliseconds.call(new RD(t))));
  const hasZone = (s) => /(Z|[+-]\\d\\d:?\\d\\d|GMT|UTC)\\s*(\\(.*\\))?$/i.test(s.trim()) || /^\\d{4}-\\d\\d(-\\d\\d)?$/.test(s.trim());
  const parse = (s) => { s = String(s); const t = RD.parse(s); if (isNaN(t) || hasZone(s)) return t; return hostFieldsToUtc(t); };
  function VDate(...args) {
    if (!new.target) return proto.toString.call(new RD(hostNow()));
    let t;
    if (args.length === 0) t = hostNow();
    else if (args.length === 1) {
      const a = args[0];
      if (typeof a === 'string') t = parse(a);
      else if (a !== null && typeof a === 'object' && Object.prototype.toString.call(a) === '[object Date]') t = orig.getTime.call(a);
      else t = Number(a);
    } else {
      const u = RD.UTC.apply(null, args);
      t = isNaN(u) ? NaN : hostLocalToUtc(u);
    }
    return Reflect.construct(RD, [t], new.target === VDate ? RD : new.target);
  }
  VDate.prototype = proto;
  VDate.now = () => hostNow();
  VDate.UTC = RD.UTC;
  VDate.parse = parse;
  Object.defineProperty(proto, 'constructor', { value: VDate, writable: true, configurable: true });
  Object.defineProperty(globalThis, 'Date', { value: VDate, writable: true, configurable: true });
  const RDTF = Intl.DateTimeFormat;
  function DTF(locales, options) {
    return new RDTF(locales, Object.assign({ timeZone: zone }, options || {}));
  }
  DTF.prototype = RDTF.prototype;
  DTF.supportedLocalesOf = RDTF.supportedLocalesOf;
  Object.defineProperty(Intl, 'DateTimeFormat', { value: DTF, writable: true, configurable: true });
})`;

// Globals that exist in a fresh node:vm context but not in Apps Script's V8 (or that would let the
// bundle do something Apps Script cannot).
const NOT_IN_APPS_SCRIPT = ['WebAssembly', 'SharedArrayBuffer', 'Atomics', 'FinalizationRegistry', 'WeakRef'];

const compiledPrelude = new vm.Script(DATE_PRELUDE, { filename: 'emulator-date-prelude.js' });

export function createRealm(now: () => number, timeZone: string): Realm {
  const context = vm.createContext({}, { name: 'apps-script', codeGeneration: { strings: true, wasm: false } });
  const offset = Object.assign((t: number) => offsetMinutes(timeZone, t), { zone: timeZone });
  const install = compiledPrelude.runInContext(context) as (
    now: () => number,
    offset: (t: number) => number,
    toUtc: (local: number) => number,
  ) => void;
  // The virtual clock runs in fractions of a millisecond (modelled costs); a JavaScript time value never does.
  install(
    () => Math.floor(now()),
    offset,
    (local) => localToUtc(timeZone, local),
  );
  const g = vm.runInContext('globalThis', context) as Record<string, unknown>;
  for (const name of NOT_IN_APPS_SCRIPT) delete g[name];
  const RealmDate = g.Date as DateConstructor;
  const RealmError = g.Error as ErrorConstructor;
  const RealmTypeError = g.TypeError as TypeErrorConstructor;
  const RealmArray = g.Array as ArrayConstructor;
  const RealmObject = g.Object as ObjectConstructor;
  return {
    context,
    global: g,
    newDate: (ms) => new RealmDate(ms),
    newError(message, name = 'Exception') {
      const e = new RealmError(message);
      e.name = name;
      return e;
    },
    newTypeError: (message) => new RealmTypeError(message),
    newArray: <T>(items: readonly T[]) => RealmArray.from(items) as T[],
    newObject: () => new RealmObject() as Record<string, unknown>,
  };
}

/** True for a Date of any realm (`instanceof Date` fails across realms). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}
