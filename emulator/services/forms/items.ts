/**
 * Form items (reference/forms/item and the per-type classes), choices and response validations.
 *
 * A generic `Item` (what getItems() and getItemById() return) has the common getters and the as…Item()
 * casts; the typed classes (TextItem, MultipleChoiceItem…) have their own setters and no casts. A cast to
 * the wrong type fails with Apps Script's "Invalid conversion for item type: PAGE_BREAK".
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { signatureError } from '../utilities';
import { syncHeaders } from './destination';
import {
  type Answer,
  type ChoiceModel,
  FORM_MSG,
  type FormModel,
  type ItemModel,
  type ItemType,
  PAGE_NAVIGATION_TYPES,
  type ValidationFamily,
  type ValidationModel,
  type ValidationRuleModel,
} from './model';

/** A string parameter: strings, numbers and booleans are taken as their text, as Apps Script converts them. */
export function stringArg(value: unknown, method: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw signatureError(method, [value]);
}

export function booleanArg(value: unknown, method: string): boolean {
  if (typeof value !== 'boolean') throw signatureError(method, [value]);
  return value;
}

export function integerArg(value: unknown, method: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, [value]);
  return Math.trunc(value);
}

function stringList(value: unknown, method: string): string[] {
  if (!Array.isArray(value)) throw signatureError(method, [value]);
  return value.map((v) => stringArg(v, method));
}

/** Wrapped facades of the realm: the core converts non-empty host arrays of facades, so empty ones are made here. */
export function facadeList<T extends GasObject>(exec: Execution, list: T[]): T[] {
  return list.length > 0 ? list : exec.realm.newArray<T>([]);
}

// ---- choices ----

export class ChoiceImpl extends GasObject {
  readonly _gasClass = 'Choice';

  constructor(
    exec: Execution,
    readonly _form: FormModel,
    readonly _choice: ChoiceModel,
  ) {
    super(exec);
  }

  getValue(): string {
    return this._choice.value;
  }

  isCorrectAnswer(): boolean {
    return this._choice.isCorrect;
  }

  getPageNavigationType(): string {
    return this._choice.navigation;
  }

  getGotoPage(): ItemImpl | null {
    const target = this._choice.gotoPage === null ? undefined : this._form.item(this._choice.gotoPage);
    return target ? new ItemImpl(this._exec, this._form, target) : null;
  }
}

// ---- validations ----

abstract class ValidationImpl extends GasObject {
  constructor(
    exec: Execution,
    readonly _model: ValidationModel,
  ) {
    super(exec);
  }
}

export class TextValidationImpl extends ValidationImpl {
  readonly _gasClass = 'TextValidation';
}

export class ParagraphTextValidationImpl extends ValidationImpl {
  readonly _gasClass = 'ParagraphTextValidation';
}

export class CheckboxValidationImpl extends ValidationImpl {
  readonly _gasClass = 'CheckboxValidation';
}

abstract class ValidationBuilderBase extends GasObject {
  _rule: ValidationRuleModel | null = null;
  _helpText = '';
  abstract readonly _family: ValidationFamily;

  _set(rule: ValidationRuleModel): this {
    this._rule = rule;
    return this;
  }

  _pattern(
    kind: 'TEXT_MATCHES' | 'TEXT_NOT_MATCHES' | 'TEXT_CONTAINS' | 'TEXT_NOT_CONTAINS',
    pattern: unknown,
    method: string,
  ): this {
    const p = stringArg(pattern, `FormApp.${this._gasClass}.${method}`);
    try {
      new RegExp(p);
    } catch {
      // Not verified against Google's wording: the Forms editor refuses an invalid pattern.
      throw new Error(FORM_MSG.invalidArgument('pattern'));
    }
    return this._set({ kind, pattern: p });
  }

  _length(kind: 'LENGTH_GE' | 'LENGTH_LE', n: unknown, method: string): this {
    return this._set({ kind, n: integerArg(n, `FormApp.${this._gasClass}.${method}`) });
  }

  /** Sets the text shown to the respondent when the answer fails validation (reference/forms/data-validation-builder#sethelptexttext). */
  setHelpText(text: unknown): this {
    this._helpText = stringArg(text, `FormApp.${this._gasClass}.setHelpText`);
    return this;
  }

  _model(): ValidationModel {
    return { family: this._family, rule: this._rule, helpText: this._helpText };
  }
}

/** FormApp.createTextValidation() (reference/forms/text-validation-builder). */
export class TextValidationBuilderImpl extends ValidationBuilderBase {
  readonly _gasClass = 'TextValidationBuilder';
  readonly _family = 'TextValidation';

  requireTextMatchesPattern(pattern: unknown): this {
    return this._pattern('TEXT_MATCHES', pattern, 'requireTextMatchesPattern');
  }

  requireTextDoesNotMatchPattern(pattern: unknown): this {
    return this._pattern('TEXT_NOT_MATCHES', pattern, 'requireTextDoesNotMatchPattern');
  }

  requireTextContainsPattern(pattern: unknown): this {
    return this._pattern('TEXT_CONTAINS', pattern, 'requireTextContainsPattern');
  }

  requireTextDoesNotContainPattern(pattern: unknown): this {
    return this._pattern('TEXT_NOT_CONTAINS', pattern, 'requireTextDoesNotContainPattern');
  }

  requireTextIsEmail(): this {
    return this._set({ kind: 'TEXT_IS_EMAIL' });
  }

  requireTextIsUrl(): this {
    return this._set({ kind: 'TEXT_IS_URL' });
  }

  requireTextLengthGreaterThanOrEqualTo(number: unknown): this {
    return this._length('LENGTH_GE', number, 'requireTextLengthGreaterThanOrEqualTo');
  }

  requireTextLengthLessThanOrEqualTo(number: unknown): this {
    return this._length('LENGTH_LE', number, 'requireTextLengthLessThanOrEqualTo');
  }

  requireNumber(): this {
    return this._set({ kind: 'NUMBER' });
  }

  requireWholeNumber(): this {
    return this._set({ kind: 'WHOLE_NUMBER' });
  }

  _num(
    kind: 'NUMBER_EQ' | 'NUMBER_NE' | 'NUMBER_GT' | 'NUMBER_GE' | 'NUMBER_LT' | 'NUMBER_LE',
    n: unknown,
    method: string,
  ): this {
    if (typeof n !== 'number' || !Number.isFinite(n))
      throw signatureError(`FormApp.TextValidationBuilder.${method}`, [n]);
    return this._set({ kind, n });
  }

  requireNumberEqualTo(number: unknown): this {
    return this._num('NUMBER_EQ', number, 'requireNumberEqualTo');
  }

  requireNumberNotEqualTo(number: unknown): this {
    return this._num('NUMBER_NE', number, 'requireNumberNotEqualTo');
  }

  requireNumberGreaterThan(number: unknown): this {
    return this._num('NUMBER_GT', number, 'requireNumberGreaterThan');
  }

  requireNumberGreaterThanOrEqualTo(number: unknown): this {
    return this._num('NUMBER_GE', number, 'requireNumberGreaterThanOrEqualTo');
  }

  requireNumberLessThan(number: unknown): this {
    return this._num('NUMBER_LT', number, 'requireNumberLessThan');
  }

  requireNumberLessThanOrEqualTo(number: unknown): this {
    return this._num('NUMBER_LE', number, 'requireNumberLessThanOrEqualTo');
  }

  _between(kind: 'NUMBER_BETWEEN' | 'NUMBER_NOT_BETWEEN', a: unknown, b: unknown, method: string): this {
    if (typeof a !== 'number' || typeof b !== 'number')
      throw signatureError(`FormApp.TextValidationBuilder.${method}`, [a, b]);
    return this._set({ kind, a, b });
  }

  requireNumberBetween(start: unknown, end: unknown): this {
    return this._between('NUMBER_BETWEEN', start, end, 'requireNumberBetween');
  }

  requireNumberNotBetween(start: unknown, end: unknown): this {
    return this._between('NUMBER_NOT_BETWEEN', start, end, 'requireNumberNotBetween');
  }

  build(): TextValidationImpl {
    return new TextValidationImpl(this._exec, this._model());
  }
}

/** FormApp.createParagraphTextValidation() (reference/forms/paragraph-text-validation-builder). */
export class ParagraphTextValidationBuilderImpl extends ValidationBuilderBase {
  readonly _gasClass = 'ParagraphTextValidationBuilder';
  readonly _family = 'ParagraphTextValidation';

  requireTextMatchesPattern(pattern: unknown): this {
    return this._pattern('TEXT_MATCHES', pattern, 'requireTextMatchesPattern');
  }

  requireTextDoesNotMatchPattern(pattern: unknown): this {
    return this._pattern('TEXT_NOT_MATCHES', pattern, 'requireTextDoesNotMatchPattern');
  }

  requireTextContainsPattern(pattern: unknown): this {
    return this._pattern('TEXT_CONTAINS', pattern, 'requireTextContainsPattern');
  }

  requireTextDoesNotContainPattern(pattern: unknown): this {
    return this._pattern('TEXT_NOT_CONTAINS', pattern, 'requireTextDoesNotContainPattern');
  }

  requireTextLengthGreaterThanOrEqualTo(number: unknown): this {
    return this._length('LENGTH_GE', number, 'requireTextLengthGreaterThanOrEqualTo');
  }

  requireTextLengthLessThanOrEqualTo(number: unknown): this {
    return this._length('LENGTH_LE', number, 'requireTextLengthLessThanOrEqualTo');
  }

  build(): ParagraphTextValidationImpl {
    return new ParagraphTextValidationImpl(this._exec, this._model());
  }
}

/** FormApp.createCheckboxValidation() (reference/forms/checkbox-validation-builder). */
export class CheckboxValidationBuilderImpl extends ValidationBuilderBase {
  readonly _gasClass = 'CheckboxValidationBuilder';
  readonly _family = 'CheckboxValidation';

  _count(kind: 'SELECT_AT_LEAST' | 'SELECT_AT_MOST' | 'SELECT_EXACTLY', n: unknown, method: string): this {
    return this._set({ kind, n: integerArg(n, `FormApp.CheckboxValidationBuilder.${method}`) });
  }

  requireSelectAtLeast(number: unknown): this {
    return this._count('SELECT_AT_LEAST', number, 'requireSelectAtLeast');
  }

  requireSelectAtMost(number: unknown): this {
    return this._count('SELECT_AT_MOST', number, 'requireSelectAtMost');
  }

  requireSelectExactly(number: unknown): this {
    return this._count('SELECT_EXACTLY', number, 'requireSelectExactly');
  }

  build(): CheckboxValidationImpl {
    return new CheckboxValidationImpl(this._exec, this._model());
  }
}

// ---- items ----

/** Members every item class has (reference/forms/item). */
export abstract class ItemBase extends GasObject {
  constructor(
    exec: Execution,
    readonly _form: FormModel,
    readonly _item: ItemModel,
  ) {
    super(exec);
  }

  _m(method: string): string {
    return `FormApp.${this._gasClass}.${method}`;
  }

  getId(): number {
    return this._item.id;
  }

  getIndex(): number {
    return this._form.items.indexOf(this._item);
  }

  getTitle(): string {
    return this._item.title;
  }

  setTitle(title: unknown): this {
    this._item.title = stringArg(title, this._m('setTitle'));
    syncHeaders(this._exec.runtime, this._form);
    return this;
  }

  getHelpText(): string {
    return this._item.helpText;
  }

  setHelpText(text: unknown): this {
    this._item.helpText = stringArg(text, this._m('setHelpText'));
    return this;
  }

  getType(): string {
    return this._item.type;
  }
}

/** The generic Item: common members and the casts. */
export class ItemImpl extends ItemBase {
  readonly _gasClass = 'Item';

  _as<T>(type: ItemType, make: () => T): T {
    if (this._item.type !== type) throw new Error(FORM_MSG.invalidConversion(this._item.type));
    return make();
  }

  asTextItem(): TextItemImpl {
    return this._as('TEXT', () => new TextItemImpl(this._exec, this._form, this._item));
  }

  asParagraphTextItem(): ParagraphTextItemImpl {
    return this._as('PARAGRAPH_TEXT', () => new ParagraphTextItemImpl(this._exec, this._form, this._item));
  }

  asMultipleChoiceItem(): MultipleChoiceItemImpl {
    return this._as('MULTIPLE_CHOICE', () => new MultipleChoiceItemImpl(this._exec, this._form, this._item));
  }

  asListItem(): ListItemImpl {
    return this._as('LIST', () => new ListItemImpl(this._exec, this._form, this._item));
  }

  asCheckboxItem(): CheckboxItemImpl {
    return this._as('CHECKBOX', () => new CheckboxItemImpl(this._exec, this._form, this._item));
  }

  asSectionHeaderItem(): SectionHeaderItemImpl {
    return this._as('SECTION_HEADER', () => new SectionHeaderItemImpl(this._exec, this._form, this._item));
  }

  asPageBreakItem(): PageBreakItemImpl {
    return this._as('PAGE_BREAK', () => new PageBreakItemImpl(this._exec, this._form, this._item));
  }

  // Types this emulator cannot create: an item is never one of them, so the cast always fails.
  asCheckboxGridItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asDateItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asDateTimeItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asDurationItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asGridItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asImageItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asScaleItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asTimeItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }

  asVideoItem(): never {
    throw new Error(FORM_MSG.invalidConversion(this._item.type));
  }
}

/** A response to one question (reference/forms/item-response): what a respondent answered, or what a script built. */
export class ItemResponseImpl extends GasObject {
  readonly _gasClass = 'ItemResponse';

  constructor(
    exec: Execution,
    readonly _form: FormModel,
    readonly _item: ItemModel,
    readonly _answer: Answer,
  ) {
    super(exec);
  }

  getItem(): ItemImpl {
    return new ItemImpl(this._exec, this._form, this._item);
  }

  /** A string, or for a checkbox item the ticked choices as a String[]. */
  getResponse(): string | string[] {
    return Array.isArray(this._answer) ? this._exec.realm.newArray(this._answer) : this._answer;
  }
}

abstract class QuestionItemBase extends ItemBase {
  isRequired(): boolean {
    return this._item.required;
  }

  setRequired(enabled: unknown): this {
    this._item.required = booleanArg(enabled, this._m('setRequired'));
    return this;
  }

  _response(answer: Answer): ItemResponseImpl {
    return new ItemResponseImpl(this._exec, this._form, this._item, answer);
  }
}

abstract class TextQuestionBase extends QuestionItemBase {
  abstract readonly _validationClass: new (
    ...a: never[]
  ) => ValidationImpl;

  setValidation(validation: unknown): this {
    const host = typeof validation === 'object' && validation !== null ? unwrap(validation) : undefined;
    if (!(host instanceof this._validationClass)) throw signatureError(this._m('setValidation'), [validation]);
    this._item.validation = { ...host._model };
    return this;
  }

  clearValidation(): this {
    this._item.validation = null;
    return this;
  }

  createResponse(response: unknown): ItemResponseImpl {
    return this._response(stringArg(response, this._m('createResponse')));
  }
}

export class TextItemImpl extends TextQuestionBase {
  readonly _gasClass = 'TextItem';
  readonly _validationClass = TextValidationImpl;
}

export class ParagraphTextItemImpl extends TextQuestionBase {
  readonly _gasClass = 'ParagraphTextItem';
  readonly _validationClass = ParagraphTextValidationImpl;
}

function navigationArg(value: unknown): { navigation: string; gotoPage: number | null } | undefined {
  if (typeof value === 'string' && (PAGE_NAVIGATION_TYPES as readonly string[]).includes(value))
    return { navigation: value, gotoPage: null };
  const host = typeof value === 'object' && value !== null ? unwrap(value) : undefined;
  if (host instanceof PageBreakItemImpl) return { navigation: 'GO_TO_PAGE', gotoPage: host._item.id };
  return undefined;
}

abstract class ChoiceQuestionBase extends QuestionItemBase {
  /** createChoice(value), (value, isCorrect), (value, navigationType) or (value, pageBreakItem). */
  createChoice(...args: unknown[]): ChoiceImpl {
    const [value, second] = args;
    const method = this._m('createChoice');
    if (typeof value !== 'string' || args.length > 2) throw signatureError(method, args);
    const choice: ChoiceModel = { value, isCorrect: false, navigation: 'CONTINUE', gotoPage: null };
    if (args.length === 2) {
      if (typeof second === 'boolean') choice.isCorrect = second;
      else {
        const nav = navigationArg(second);
        if (!nav || this._item.type === 'CHECKBOX') throw signatureError(method, args);
        Object.assign(choice, nav);
      }
    }
    return new ChoiceImpl(this._exec, this._form, choice);
  }

  getChoices(): ChoiceImpl[] {
    return facadeList(
      this._exec,
      this._item.choices.map((c) => new ChoiceImpl(this._exec, this._form, c)),
    );
  }

  setChoiceValues(values: unknown): this {
    this._item.choices = stringList(values, this._m('setChoiceValues')).map((value) => ({
      value,
      isCorrect: false,
      navigation: 'CONTINUE',
      gotoPage: null,
    }));
    return this;
  }

  setChoices(choices: unknown): this {
    const method = this._m('setChoices');
    if (!Array.isArray(choices)) throw signatureError(method, [choices]);
    this._item.choices = choices.map((c) => {
      const host = typeof c === 'object' && c !== null ? unwrap(c) : undefined;
      if (!(host instanceof ChoiceImpl)) throw signatureError(method, [choices]);
      return { ...host._choice };
    });
    return this;
  }
}

abstract class OtherOptionBase extends ChoiceQuestionBase {
  hasOtherOption(): boolean {
    return this._item.otherOption;
  }

  showOtherOption(enabled: unknown): this {
    this._item.otherOption = booleanArg(enabled, this._m('showOtherOption'));
    return this;
  }
}

export class MultipleChoiceItemImpl extends OtherOptionBase {
  readonly _gasClass = 'MultipleChoiceItem';

  createResponse(response: unknown): ItemResponseImpl {
    return this._response(stringArg(response, this._m('createResponse')));
  }
}

export class CheckboxItemImpl extends OtherOptionBase {
  readonly _gasClass = 'CheckboxItem';

  setValidation(validation: unknown): this {
    const host = typeof validation === 'object' && validation !== null ? unwrap(validation) : undefined;
    if (!(host instanceof CheckboxValidationImpl)) throw signatureError(this._m('setValidation'), [validation]);
    this._item.validation = { ...host._model };
    return this;
  }

  clearValidation(): this {
    this._item.validation = null;
    return this;
  }

  createResponse(responses: unknown): ItemResponseImpl {
    return this._response(stringList(responses, this._m('createResponse')));
  }
}

export class ListItemImpl extends ChoiceQuestionBase {
  readonly _gasClass = 'ListItem';

  createResponse(response: unknown): ItemResponseImpl {
    return this._response(stringArg(response, this._m('createResponse')));
  }
}

export class SectionHeaderItemImpl extends ItemBase {
  readonly _gasClass = 'SectionHeaderItem';
}

export class PageBreakItemImpl extends ItemBase {
  readonly _gasClass = 'PageBreakItem';

  getPageNavigationType(): string {
    return this._item.navigation;
  }

  getGoToPage(): PageBreakItemImpl | null {
    const target = this._item.gotoPage === null ? undefined : this._form.item(this._item.gotoPage);
    return target ? new PageBreakItemImpl(this._exec, this._form, target) : null;
  }

  setGoToPage(target: unknown): this {
    const nav = navigationArg(target);
    if (!nav) throw signatureError(this._m('setGoToPage'), [target]);
    this._item.navigation = nav.navigation;
    this._item.gotoPage = nav.gotoPage;
    return this;
  }
}

/** The typed facade an add…Item() call returns. */
export function typedItem(exec: Execution, form: FormModel, item: ItemModel): ItemBase {
  switch (item.type) {
    case 'TEXT':
      return new TextItemImpl(exec, form, item);
    case 'PARAGRAPH_TEXT':
      return new ParagraphTextItemImpl(exec, form, item);
    case 'MULTIPLE_CHOICE':
      return new MultipleChoiceItemImpl(exec, form, item);
    case 'CHECKBOX':
      return new CheckboxItemImpl(exec, form, item);
    case 'LIST':
      return new ListItemImpl(exec, form, item);
    case 'SECTION_HEADER':
      return new SectionHeaderItemImpl(exec, form, item);
    case 'PAGE_BREAK':
      return new PageBreakItemImpl(exec, form, item);
  }
}
