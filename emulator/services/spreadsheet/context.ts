/**
 * Per-execution state of the spreadsheet service: the store, enum objects (one per name, so the script can
 * compare them with ===), a helper that builds result arrays inside the script's realm, and the active
 * selection of this run.
 */
import vm from 'node:vm';
import { type Execution, GasObject, unwrap } from '../../runtime';
import type { Rect } from './a1';
import {
  type Selection,
  type SheetModel,
  type SpreadsheetModel,
  type SpreadsheetStore,
  spreadsheetStore,
} from './model';

/** An Apps Script enum value: prints as its name. */
export class GasEnum extends GasObject {
  constructor(
    exec: Execution,
    readonly _gasClass: string,
    readonly _name: string,
    readonly _ordinal: number,
  ) {
    super(exec);
  }

  override toString(): string {
    return this._name;
  }

  name(): string {
    return this._name;
  }

  ordinal(): number {
    return this._ordinal;
  }

  toJSON(): string {
    return this._name;
  }
}

export const ENUMS: Record<string, readonly string[]> = {
  ProtectionType: ['RANGE', 'SHEET'],
  DataValidationCriteria: [
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_BETWEEN',
    'DATE_EQUAL_TO',
    'DATE_IS_VALID_DATE',
    'DATE_NOT_BETWEEN',
    'DATE_ON_OR_AFTER',
    'DATE_ON_OR_BEFORE',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_IS_VALID_EMAIL',
    'TEXT_IS_VALID_URL',
    'VALUE_IN_LIST',
    'VALUE_IN_RANGE',
    'CUSTOM_FORMULA',
    'CHECKBOX',
  ],
  BooleanCriteria: [
    'CELL_EMPTY',
    'CELL_NOT_EMPTY',
    'DATE_AFTER',
    'DATE_BEFORE',
    'DATE_EQUAL_TO',
    'NUMBER_BETWEEN',
    'NUMBER_EQUAL_TO',
    'NUMBER_GREATER_THAN',
    'NUMBER_GREATER_THAN_OR_EQUAL_TO',
    'NUMBER_LESS_THAN',
    'NUMBER_LESS_THAN_OR_EQUAL_TO',
    'NUMBER_NOT_BETWEEN',
    'NUMBER_NOT_EQUAL_TO',
    'TEXT_CONTAINS',
    'TEXT_DOES_NOT_CONTAIN',
    'TEXT_EQUAL_TO',
    'TEXT_NOT_EQUAL_TO',
    'TEXT_STARTS_WITH',
    'TEXT_ENDS_WITH',
    'CUSTOM_FORMULA',
  ],
  WrapStrategy: ['WRAP', 'OVERFLOW', 'CLIP'],
  BorderStyle: ['DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE'],
  Dimension: ['COLUMNS', 'ROWS'],
  Button: ['CLOSE', 'OK', 'CANCEL', 'YES', 'NO'],
  ButtonSet: ['OK', 'OK_CANCEL', 'YES_NO', 'YES_NO_CANCEL'],
};

// Compiled once; instantiated in each realm: turns host rows into the realm's arrays and Dates.
const BUILDER = new vm.Script(
  `(function (D) {
    return function (rows) {
      var out = new Array(rows.length);
      for (var i = 0; i < rows.length; i++) {
        var src = rows[i], n = src.length, row = new Array(n);
        for (var j = 0; j < n; j++) {
          var v = src[j];
          row[j] = (typeof v === 'object' && v !== null) ? new D(v.t) : v;
        }
        out[i] = row;
      }
      return out;
    };
  })`,
  { filename: 'emulator-spreadsheet-values.js' },
);

/** A date inside a host result grid; the builder turns it into a realm Date. */
export class DateMark {
  constructor(readonly t: number) {}
}

export type HostGridValue = string | number | boolean | DateMark | null;

export class SsContext {
  readonly store: SpreadsheetStore;
  private readonly enums = new Map<string, GasEnum>();
  private builder?: (rows: HostGridValue[][]) => unknown[][];
  /** The active sheet/range of this run, once the script (or a trigger module) set it. */
  selection?: { ss: SpreadsheetModel; sel: Selection };
  uiAllowed = false;

  constructor(readonly exec: Execution) {
    this.store = spreadsheetStore(exec.runtime);
  }

  enumValue(type: string, name: string): GasEnum {
    const key = `${type}.${name}`;
    let e = this.enums.get(key);
    if (!e) {
      const list = ENUMS[type] ?? [];
      e = new GasEnum(this.exec, type, name, list.indexOf(name));
      this.enums.set(key, e);
    }
    return e;
  }

  /** A plain object of an enum's values, as SpreadsheetApp.ProtectionType is. */
  enumObject(type: string): Record<string, GasEnum> {
    const o: Record<string, GasEnum> = {};
    for (const name of ENUMS[type]) o[name] = this.enumValue(type, name)._wrapped();
    return o;
  }

  /** Host rows → arrays of the script's realm (Dates marked with DateMark). */
  toRealmGrid(rows: HostGridValue[][]): unknown[][] {
    if (!this.builder) {
      const factory = BUILDER.runInContext(this.exec.realm.context) as (
        d: unknown,
      ) => (rows: HostGridValue[][]) => unknown[][];
      this.builder = factory(this.exec.realm.global.Date);
    }
    return this.builder(rows);
  }

  /** The person at the keyboard (menus, dialogs, selections); '' when unknown. */
  get person(): string {
    return this.exec.spec.actingUser ?? '';
  }

  /** Whether this run has a person's selection (menu, sidebar, editor runs); triggers see the first sheet. */
  get interactive(): boolean {
    const k = this.exec.spec.kind;
    return k === 'menu' || k === 'editor' || k === 'script-run';
  }

  activeSelection(ss: SpreadsheetModel): { sheet: SheetModel; rect: Rect } {
    if (this.selection && this.selection.ss === ss) {
      const sheet = ss.sheetById(this.selection.sel.sheetId);
      if (sheet) return { sheet, rect: this.selection.sel.rect };
    }
    if (this.interactive && this.person) {
      const sel = this.store.selections.get(this.store.selectionKey(ss.id, this.person));
      const sheet = sel ? ss.sheetById(sel.sheetId) : undefined;
      if (sel && sheet) return { sheet, rect: clampRect(sel.rect, sheet) };
    }
    const first = ss.sheets[0];
    return { sheet: first, rect: { r1: 1, c1: 1, r2: 1, c2: 1 } };
  }

  setSelection(ss: SpreadsheetModel, sheet: SheetModel, rect: Rect): void {
    const sel = { sheetId: sheet.id, rect: { ...rect } };
    this.selection = { ss, sel };
    if (this.interactive && this.person) this.store.selections.set(this.store.selectionKey(ss.id, this.person), sel);
  }
}

function clampRect(rect: Rect, sheet: SheetModel): Rect {
  return {
    r1: Math.min(rect.r1, sheet.maxRows),
    c1: Math.min(rect.c1, sheet.maxCols),
    r2: Math.min(rect.r2, sheet.maxRows),
    c2: Math.min(rect.c2, sheet.maxCols),
  };
}

const contexts = new WeakMap<Execution, SsContext>();

export function ctxOf(exec: Execution): SsContext {
  let c = contexts.get(exec);
  if (!c) {
    c = new SsContext(exec);
    contexts.set(exec, c);
  }
  return c;
}

/** The name of an enum value the script passed (an enum object or its name as a string). */
export function enumName(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object') {
    const host = unwrap(value);
    if (host instanceof GasEnum) return host._name;
  }
  return undefined;
}

/** Apps Script's message when arguments do not fit a method (e.g. "The parameters (String) don't match..."). */
export function signatureError(args: unknown[], method: string): Error {
  const kinds = args.map((a) => {
    if (a === null || a === undefined) return 'null';
    if (typeof a === 'string') return 'String';
    if (typeof a === 'number') return 'number';
    if (typeof a === 'boolean') return 'Boolean';
    if (Array.isArray(a)) return 'number[]';
    return 'Object';
  });
  return new Error(`The parameters (${kinds.join(',')}) don't match the method signature for ${method}.`);
}

/** A list for the script: an empty one must still be an Array of the script's realm (non-empty ones are converted on return). */
export function realmList<T>(exec: Execution, items: T[]): T[] {
  return items.length > 0 ? items : exec.realm.newArray<T>([]);
}
