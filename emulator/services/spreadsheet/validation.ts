/**
 * Data validation (reference/spreadsheet/data-validation-builder, .../data-validation): the builder, the
 * rule facade, and the check a person's typed edit goes through. Script writes are never rejected by
 * validation, as in Apps Script; only a person's edit is (when the rule does not allow invalid data).
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { isDate } from '../../realm';
import { displayOf } from './cells';
import { ctxOf, enumName, type GasEnum } from './context';
import type { RangeRef, SheetModel, ValidationRule } from './model';
import { formatFamily, isDateFamily } from './number-format';
import { RangeImpl } from './range';
import { type Cell, instantToSerial, TypedNumber } from './values';

/** Script arguments → host values kept in the rule (lists copied, dates as host Dates, ranges as refs). */
function hostArg(v: unknown): unknown {
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) return v.map((x) => (isDate(x) ? new Date(x.getTime()) : x));
  if (v !== null && typeof v === 'object') {
    const host = unwrap(v);
    if (host instanceof RangeImpl) return host._ref();
  }
  return v;
}

function isRangeRef(v: unknown): v is RangeRef {
  return v !== null && typeof v === 'object' && 'sheet' in v && 'r1' in v;
}

/** Host arguments → values of the script's realm. */
function realmArgs(exec: Execution, args: unknown[]): unknown[] {
  const conv = (v: unknown): unknown => {
    if (v instanceof Date) return exec.realm.newDate(v.getTime());
    if (Array.isArray(v)) return exec.realm.newArray(v.map(conv));
    if (isRangeRef(v)) return new RangeImpl(exec, v.sheet, v.r1, v.c1, v.r2 - v.r1 + 1, v.c2 - v.c1 + 1)._wrapped();
    return v;
  };
  return exec.realm.newArray(args.map(conv));
}

export class DataValidationImpl extends GasObject {
  readonly _gasClass = 'DataValidation';

  constructor(
    exec: Execution,
    readonly _rule: ValidationRule,
  ) {
    super(exec);
  }

  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._exec, { ...this._rule, args: [...this._rule.args] });
  }

  getAllowInvalid(): boolean {
    return this._rule.allowInvalid;
  }

  getCriteriaType(): GasEnum {
    return ctxOf(this._exec).enumValue('DataValidationCriteria', this._rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    return realmArgs(this._exec, this._rule.args);
  }

  getHelpText(): string {
    return this._rule.helpText;
  }
}

export class DataValidationBuilderImpl extends GasObject {
  readonly _gasClass = 'DataValidationBuilder';
  private _r: ValidationRule;

  constructor(exec: Execution, rule?: ValidationRule) {
    super(exec);
    // New rules allow invalid data (show a warning) until setAllowInvalid(false).
    this._r = rule ?? { criteria: '', args: [], allowInvalid: true, helpText: '' };
  }

  private _set(criteria: string, args: unknown[]): this {
    this._r = { ...this._r, criteria, args: args.map(hostArg) };
    return this;
  }

  build(): DataValidationImpl {
    return new DataValidationImpl(this._exec, { ...this._r, args: [...this._r.args] });
  }

  copy(): DataValidationBuilderImpl {
    return new DataValidationBuilderImpl(this._exec, { ...this._r, args: [...this._r.args] });
  }

  getAllowInvalid(): boolean {
    return this._r.allowInvalid;
  }

  getCriteriaType(): GasEnum | null {
    return this._r.criteria ? ctxOf(this._exec).enumValue('DataValidationCriteria', this._r.criteria) : null;
  }

  getCriteriaValues(): unknown[] {
    return realmArgs(this._exec, this._r.args);
  }

  getHelpText(): string {
    return this._r.helpText;
  }

  setAllowInvalid(allowInvalidData: boolean): this {
    this._r = { ...this._r, allowInvalid: Boolean(allowInvalidData) };
    return this;
  }

  setHelpText(helpText: string): this {
    this._r = { ...this._r, helpText: String(helpText) };
    return this;
  }

  withCriteria(criteria: unknown, args: unknown): this {
    return this._set(enumName(criteria) ?? String(criteria), Array.isArray(args) ? [...args] : []);
  }

  requireCheckbox(...values: unknown[]): this {
    return this._set('CHECKBOX', values.slice(0, 2));
  }

  requireDate(): this {
    return this._set('DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: unknown): this {
    return this._set('DATE_AFTER', [date]);
  }

  requireDateBefore(date: unknown): this {
    return this._set('DATE_BEFORE', [date]);
  }

  requireDateBetween(start: unknown, end: unknown): this {
    return this._set('DATE_BETWEEN', [start, end]);
  }

  requireDateNotBetween(start: unknown, end: unknown): this {
    return this._set('DATE_NOT_BETWEEN', [start, end]);
  }

  requireDateEqualTo(date: unknown): this {
    return this._set('DATE_EQUAL_TO', [date]);
  }

  requireDateOnOrAfter(date: unknown): this {
    return this._set('DATE_ON_OR_AFTER', [date]);
  }

  requireDateOnOrBefore(date: unknown): this {
    return this._set('DATE_ON_OR_BEFORE', [date]);
  }

  requireFormulaSatisfied(formula: string): this {
    return this._set('CUSTOM_FORMULA', [String(formula)]);
  }

  requireNumberBetween(start: number, end: number): this {
    return this._set('NUMBER_BETWEEN', [start, end]);
  }

  requireNumberNotBetween(start: number, end: number): this {
    return this._set('NUMBER_NOT_BETWEEN', [start, end]);
  }

  requireNumberEqualTo(n: number): this {
    return this._set('NUMBER_EQUAL_TO', [n]);
  }

  requireNumberNotEqualTo(n: number): this {
    return this._set('NUMBER_NOT_EQUAL_TO', [n]);
  }

  requireNumberGreaterThan(n: number): this {
    return this._set('NUMBER_GREATER_THAN', [n]);
  }

  requireNumberGreaterThanOrEqualTo(n: number): this {
    return this._set('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  requireNumberLessThan(n: number): this {
    return this._set('NUMBER_LESS_THAN', [n]);
  }

  requireNumberLessThanOrEqualTo(n: number): this {
    return this._set('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  requireTextContains(text: string): this {
    return this._set('TEXT_CONTAINS', [String(text)]);
  }

  requireTextDoesNotContain(text: string): this {
    return this._set('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  requireTextEqualTo(text: string): this {
    return this._set('TEXT_EQUAL_TO', [String(text)]);
  }

  requireTextIsEmail(): this {
    return this._set('TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): this {
    return this._set('TEXT_IS_VALID_URL', []);
  }

  /** showDropdown defaults to true (reference/spreadsheet/data-validation-builder#requirevalueinlistvalues). */
  requireValueInList(values: unknown, showDropdown?: boolean): this {
    const list = Array.isArray(values) ? values.map((v) => String(v)) : [];
    return this._set('VALUE_IN_LIST', [list, showDropdown === undefined ? true : Boolean(showDropdown)]);
  }

  requireValueInRange(range: unknown, showDropdown?: boolean): this {
    return this._set('VALUE_IN_RANGE', [range, showDropdown === undefined ? true : Boolean(showDropdown)]);
  }
}

/** The rule's host form, when the script passes a DataValidation (or null to clear). */
export function ruleOf(value: unknown): ValidationRule | undefined {
  if (value === null || value === undefined) return undefined;
  const host = unwrap(value as object);
  if (host instanceof DataValidationImpl) return host._rule;
  if (host instanceof DataValidationBuilderImpl) return host.build()._rule;
  throw new Error(
    "The parameters (Object) don't match the method signature for SpreadsheetApp.Range.setDataValidation.",
  );
}

export interface InputCheck {
  valid: boolean;
  /** Sheets refuses the edit (the rule is invalid and does not allow invalid data). */
  rejected: boolean;
  helpText: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(?:(?:https?|ftp):\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i;

function serialOf(v: unknown, timeZone: string): number | undefined {
  if (v instanceof Date) return instantToSerial(v.getTime(), timeZone);
  if (typeof v === 'number') return v;
  return undefined;
}

/** Whether a stored cell value satisfies a rule (blank always does). */
export function satisfies(rule: ValidationRule, v: Cell, sheet: SheetModel): boolean {
  if (v === '') return true;
  const ss = sheet.parent;
  const text = displayOf(v, undefined, ss.locale);
  const num = typeof v === 'number' ? v : v instanceof TypedNumber ? v.n : undefined;
  const a = rule.args;
  const n0 = Number(a[0]);
  const n1 = Number(a[1]);
  switch (rule.criteria) {
    case 'VALUE_IN_LIST':
      return (Array.isArray(a[0]) ? a[0] : []).some((x) => String(x) === text);
    case 'VALUE_IN_RANGE': {
      const ref = a[0];
      if (!isRangeRef(ref)) return true;
      for (let r = ref.r1; r <= ref.r2; r++) {
        for (let c = ref.c1; c <= ref.c2; c++)
          if (displayOf(ref.sheet.cell(r, c), undefined, ss.locale) === text) return true;
      }
      return false;
    }
    case 'CHECKBOX':
      if (a.length === 0) return typeof v === 'boolean';
      return a.some((x) => String(x) === text || x === v);
    case 'TEXT_IS_VALID_EMAIL':
      return typeof v === 'string' && EMAIL.test(v.trim());
    case 'TEXT_IS_VALID_URL':
      return typeof v === 'string' && URL_RE.test(v.trim());
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(a[0]).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(a[0]).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text.toLowerCase() === String(a[0]).toLowerCase();
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= Math.min(n0, n1) && num <= Math.max(n0, n1);
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < Math.min(n0, n1) || num > Math.max(n0, n1));
    case 'NUMBER_EQUAL_TO':
      return num === n0;
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== undefined && num !== n0;
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > n0;
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= n0;
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < n0;
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= n0;
    default:
      break;
  }
  if (rule.criteria.startsWith('DATE_')) {
    const isDateValue = v instanceof TypedNumber ? isDateFamily(formatFamily(v.fmt)) : typeof v === 'number';
    if (!isDateValue || num === undefined) return false;
    const day = Math.floor(num);
    const d0 = serialOf(a[0], ss.timeZone);
    const d1 = serialOf(a[1], ss.timeZone);
    const f0 = d0 === undefined ? undefined : Math.floor(d0);
    const f1 = d1 === undefined ? undefined : Math.floor(d1);
    switch (rule.criteria) {
      case 'DATE_IS_VALID_DATE':
        return true;
      case 'DATE_AFTER':
        return f0 !== undefined && day > f0;
      case 'DATE_BEFORE':
        return f0 !== undefined && day < f0;
      case 'DATE_ON_OR_AFTER':
        return f0 !== undefined && day >= f0;
      case 'DATE_ON_OR_BEFORE':
        return f0 !== undefined && day <= f0;
      case 'DATE_EQUAL_TO':
        return f0 !== undefined && day === f0;
      case 'DATE_BETWEEN':
        return f0 !== undefined && f1 !== undefined && day >= Math.min(f0, f1) && day <= Math.max(f0, f1);
      case 'DATE_NOT_BETWEEN':
        return f0 !== undefined && f1 !== undefined && (day < Math.min(f0, f1) || day > Math.max(f0, f1));
      default:
        return true;
    }
  }
  // CUSTOM_FORMULA is not evaluated by the emulator: it passes.
  return true;
}

export function checkRule(rule: ValidationRule | undefined, v: Cell, sheet: SheetModel): InputCheck {
  if (!rule) return { valid: true, rejected: false, helpText: '' };
  const valid = satisfies(rule, v, sheet);
  return { valid, rejected: !valid && !rule.allowInvalid, helpText: rule.helpText };
}
