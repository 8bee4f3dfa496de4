/**
 * Apps Script enums as the script sees them: frozen objects of the script's realm whose `toString()` and
 * `name()` give the constant's name (`String(HtmlService.XFrameOptionsMode.ALLOWALL) === 'ALLOWALL'`).
 * Methods taking an enum accept only these objects, as Apps Script does; the host reads them back by
 * identity.
 */
import vm from 'node:vm';
import type { Execution } from '../../runtime';

export const ENUMS = {
  // reference/html/sandbox-mode
  SandboxMode: ['EMULATED', 'IFRAME', 'NATIVE'],
  // reference/html/x-frame-options-mode
  XFrameOptionsMode: ['ALLOWALL', 'DEFAULT'],
  // reference/content/mime-type
  MimeType: ['ATOM', 'CSV', 'ICAL', 'JAVASCRIPT', 'JSON', 'RSS', 'TEXT', 'VCARD', 'XML'],
} as const;

export type EnumType = keyof typeof ENUMS;

// Runs inside the realm: one frozen holder of frozen constants with non-enumerable methods.
const FACTORY = new vm.Script(
  `(function (names) {
    var holder = {};
    names.forEach(function (name, i) {
      var value = {};
      Object.defineProperties(value, {
        toString: { value: function () { return name; } },
        name: { value: function () { return name; } },
        ordinal: { value: function () { return i; } },
      });
      holder[name] = Object.freeze(value);
    });
    return Object.freeze(holder);
  })`,
  { filename: 'emulator-enums.js' },
);

const known = new WeakMap<object, { type: EnumType; name: string }>();
const perExecution = new WeakMap<Execution, Map<EnumType, Record<string, object>>>();

/** The enum holder (e.g. `HtmlService.XFrameOptionsMode`) of this execution, built on first use. */
export function realmEnum(exec: Execution, type: EnumType): Record<string, object> {
  let byType = perExecution.get(exec);
  if (!byType) {
    byType = new Map();
    perExecution.set(exec, byType);
  }
  let holder = byType.get(type);
  if (!holder) {
    const make = FACTORY.runInContext(exec.realm.context) as (names: string[]) => Record<string, object>;
    holder = make(exec.realm.newArray([...ENUMS[type]]));
    for (const name of ENUMS[type]) known.set(holder[name], { type, name });
    byType.set(type, holder);
  }
  return holder;
}

/** The constant's name if `value` is a constant of that enum, else undefined. */
export function enumName(value: unknown, type: EnumType): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const info = known.get(value);
  return info?.type === type ? info.name : undefined;
}

/** Apps Script's wording for a call whose arguments fit no signature of the method. */
export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(`The parameters (${args.map(typeLabel).join(',')}) don't match the method signature for ${method}.`);
}

function typeLabel(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (Array.isArray(value)) return 'Object[]';
  const info = typeof value === 'object' ? known.get(value) : undefined;
  return info ? info.type : 'Object';
}
