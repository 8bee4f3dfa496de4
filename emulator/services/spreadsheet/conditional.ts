/**
 * Conditional formatting (reference/spreadsheet/conditional-format-rule-builder, conditional-format-rule,
 * boolean-condition): rules are stored on the sheet and exported to .xlsx; the emulator does not evaluate
 * them against cells.
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { isDate } from '../../realm';
import { ctxOf, type GasEnum, realmList } from './context';
import type { ConditionalRuleModel } from './model';
import { RangeImpl } from './range';
import { normalizeColor } from './style';

function realmArgs(exec: Execution, args: unknown[]): unknown[] {
  return exec.realm.newArray(args.map((v) => (v instanceof Date ? exec.realm.newDate(v.getTime()) : v)));
}

export class BooleanConditionImpl extends GasObject {
  readonly _gasClass = 'BooleanCondition';

  constructor(
    exec: Execution,
    readonly _rule: ConditionalRuleModel,
  ) {
    super(exec);
  }

  getCriteriaType(): GasEnum {
    return ctxOf(this._exec).enumValue('BooleanCriteria', this._rule.criteria);
  }

  getCriteriaValues(): unknown[] {
    return realmArgs(this._exec, this._rule.args);
  }

  getBackground(): string | null {
    return this._rule.background ?? null;
  }

  getFontColor(): string | null {
    return this._rule.fontColor ?? null;
  }

  getBold(): boolean | null {
    return this._rule.bold ?? null;
  }

  getItalic(): boolean | null {
    return this._rule.italic ?? null;
  }

  getStrikethrough(): boolean | null {
    return this._rule.strikethrough ?? null;
  }

  getUnderline(): boolean | null {
    return this._rule.underline ?? null;
  }
}

export class ConditionalFormatRuleImpl extends GasObject {
  readonly _gasClass = 'ConditionalFormatRule';

  constructor(
    exec: Execution,
    readonly _rule: ConditionalRuleModel,
  ) {
    super(exec);
  }

  copy(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this._exec, cloneRule(this._rule));
  }

  getBooleanCondition(): BooleanConditionImpl {
    return new BooleanConditionImpl(this._exec, this._rule);
  }

  getGradientCondition(): null {
    return null;
  }

  getRanges(): RangeImpl[] {
    return realmList(
      this._exec,
      this._rule.ranges.map((r) => new RangeImpl(this._exec, r.sheet, r.r1, r.c1, r.r2 - r.r1 + 1, r.c2 - r.c1 + 1)),
    );
  }
}

function cloneRule(r: ConditionalRuleModel): ConditionalRuleModel {
  return { ...r, ranges: r.ranges.map((x) => ({ ...x })), args: [...r.args] };
}

export class ConditionalFormatRuleBuilderImpl extends GasObject {
  readonly _gasClass = 'ConditionalFormatRuleBuilder';
  private _r: ConditionalRuleModel;

  constructor(exec: Execution, rule?: ConditionalRuleModel) {
    super(exec);
    this._r = rule ?? { ranges: [], criteria: '', args: [] };
  }

  private _when(criteria: string, args: unknown[]): this {
    this._r.criteria = criteria;
    this._r.args = args.map((v) => (isDate(v) ? new Date(v.getTime()) : v));
    return this;
  }

  build(): ConditionalFormatRuleImpl {
    return new ConditionalFormatRuleImpl(this._exec, cloneRule(this._r));
  }

  copy(): ConditionalFormatRuleBuilderImpl {
    return new ConditionalFormatRuleBuilderImpl(this._exec, cloneRule(this._r));
  }

  getBooleanCondition(): BooleanConditionImpl | null {
    return this._r.criteria ? new BooleanConditionImpl(this._exec, cloneRule(this._r)) : null;
  }

  getRanges(): RangeImpl[] {
    return new ConditionalFormatRuleImpl(this._exec, this._r).getRanges();
  }

  setRanges(ranges: unknown): this {
    const list = Array.isArray(ranges) ? ranges : [];
    this._r.ranges = [];
    for (const r of list) {
      const host = unwrap(r as object);
      if (host instanceof RangeImpl) this._r.ranges.push(host._ref());
    }
    return this;
  }

  setBackground(color: string | null): this {
    this._r.background = color === null ? undefined : normalizeColor(color);
    return this;
  }

  setFontColor(color: string | null): this {
    this._r.fontColor = color === null ? undefined : normalizeColor(color);
    return this;
  }

  setBold(bold: boolean | null): this {
    this._r.bold = bold === null ? undefined : Boolean(bold);
    return this;
  }

  setItalic(italic: boolean | null): this {
    this._r.italic = italic === null ? undefined : Boolean(italic);
    return this;
  }

  setStrikethrough(strikethrough: boolean | null): this {
    this._r.strikethrough = strikethrough === null ? undefined : Boolean(strikethrough);
    return this;
  }

  setUnderline(underline: boolean | null): this {
    this._r.underline = underline === null ? undefined : Boolean(underline);
    return this;
  }

  whenCellEmpty(): this {
    return this._when('CELL_EMPTY', []);
  }

  whenCellNotEmpty(): this {
    return this._when('CELL_NOT_EMPTY', []);
  }

  whenFormulaSatisfied(formula: string): this {
    return this._when('CUSTOM_FORMULA', [String(formula)]);
  }

  whenTextEqualTo(text: string): this {
    return this._when('TEXT_EQUAL_TO', [String(text)]);
  }

  whenTextNotEqualTo(text: string): this {
    return this._when('TEXT_NOT_EQUAL_TO', [String(text)]);
  }

  whenTextContains(text: string): this {
    return this._when('TEXT_CONTAINS', [String(text)]);
  }

  whenTextDoesNotContain(text: string): this {
    return this._when('TEXT_DOES_NOT_CONTAIN', [String(text)]);
  }

  whenTextStartsWith(text: string): this {
    return this._when('TEXT_STARTS_WITH', [String(text)]);
  }

  whenTextEndsWith(text: string): this {
    return this._when('TEXT_ENDS_WITH', [String(text)]);
  }

  whenNumberBetween(start: number, end: number): this {
    return this._when('NUMBER_BETWEEN', [start, end]);
  }

  whenNumberNotBetween(start: number, end: number): this {
    return this._when('NUMBER_NOT_BETWEEN', [start, end]);
  }

  whenNumberEqualTo(n: number): this {
    return this._when('NUMBER_EQUAL_TO', [n]);
  }

  whenNumberNotEqualTo(n: number): this {
    return this._when('NUMBER_NOT_EQUAL_TO', [n]);
  }

  whenNumberGreaterThan(n: number): this {
    return this._when('NUMBER_GREATER_THAN', [n]);
  }

  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this._when('NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }

  whenNumberLessThan(n: number): this {
    return this._when('NUMBER_LESS_THAN', [n]);
  }

  whenNumberLessThanOrEqualTo(n: number): this {
    return this._when('NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }

  whenDateAfter(date: unknown): this {
    return this._when('DATE_AFTER', [date]);
  }

  whenDateBefore(date: unknown): this {
    return this._when('DATE_BEFORE', [date]);
  }

  whenDateEqualTo(date: unknown): this {
    return this._when('DATE_EQUAL_TO', [date]);
  }
}

/** The host rule behind a ConditionalFormatRule the script passes back. */
export function conditionalRuleOf(value: unknown): ConditionalRuleModel | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const host = unwrap(value);
  if (host instanceof ConditionalFormatRuleImpl) return cloneRule(host._rule);
  return undefined;
}
