/**
 * FormApp (reference/forms/form-app): opens and creates forms, builds validations, and holds the enums.
 * The script is bound to a spreadsheet, so getActiveForm() is null and getUi() is refused. Opening or
 * creating a form needs full authorisation (not in simple triggers) and the forms scope.
 */
import { type Execution, GasObject } from '../../runtime';
import { hasScope } from '../triggers/scopes';
import { realmEnum } from '../utilities';
import { FormImpl } from './form';
import {
  CheckboxValidationBuilderImpl,
  ParagraphTextValidationBuilderImpl,
  stringArg,
  TextValidationBuilderImpl,
} from './items';
import { FORM_MSG, type FormModel, FORMS_SCOPE, formStore, ITEM_TYPES, PAGE_NAVIGATION_TYPES } from './model';

export class FormAppImpl extends GasObject {
  readonly _gasClass = 'FormApp';
  readonly Alignment: Record<string, string>;
  readonly DestinationType: Record<string, string>;
  readonly FeedbackType: Record<string, string>;
  readonly ItemType: Record<string, string>;
  readonly PageNavigationType: Record<string, string>;
  readonly RatingIconType: Record<string, string>;

  constructor(exec: Execution) {
    super(exec);
    this.Alignment = realmEnum(exec, ['LEFT', 'CENTER', 'RIGHT']);
    this.DestinationType = realmEnum(exec, ['SPREADSHEET']);
    this.FeedbackType = realmEnum(exec, ['CORRECT', 'INCORRECT', 'GENERAL']);
    this.ItemType = realmEnum(exec, ITEM_TYPES);
    this.PageNavigationType = realmEnum(exec, PAGE_NAVIGATION_TYPES);
    this.RatingIconType = realmEnum(exec, ['STAR', 'HEART', 'THUMB_UP']);
  }

  _authorise(method: string): void {
    const what = `FormApp.${method}. Required permissions: ${FORMS_SCOPE}`;
    this._exec.requireFullAuth(what);
    if (!hasScope(this._exec.runtime, this._exec.effectiveUser, FORMS_SCOPE))
      throw new Error(`You do not have permission to call ${what}`);
  }

  _open(form: FormModel | undefined): FormImpl {
    // A form that does not exist and one not shared with the user look the same.
    if (!form) throw new Error(FORM_MSG.noItem);
    if (!form.canEdit(this._exec.effectiveUser)) throw new Error(FORM_MSG.noItem);
    return new FormImpl(this._exec, form);
  }

  /** A new form owned by the effective user; an empty title is refused (reference/forms/form-app#createtitle). */
  create(title: unknown, isPublished?: unknown): FormImpl {
    this._authorise('create');
    const t = stringArg(title, 'FormApp.create');
    // Not verified against Google's wording.
    if (t === '') throw new Error(FORM_MSG.invalidArgument('title'));
    const form = formStore(this._exec.runtime).create(t, this._exec.effectiveUser);
    if (isPublished === false) {
      form.published = false;
      form.acceptingResponses = false;
    }
    return new FormImpl(this._exec, form);
  }

  openById(id: unknown): FormImpl {
    this._authorise('openById');
    return this._open(formStore(this._exec.runtime).get(stringArg(id, 'FormApp.openById')));
  }

  /** Edit, view and published URLs of the form, and its forms.gle links; Sheet.getFormUrl() gives one. */
  openByUrl(url: unknown): FormImpl {
    this._authorise('openByUrl');
    return this._open(formStore(this._exec.runtime).byUrl(stringArg(url, 'FormApp.openByUrl')));
  }

  /** The form the script is bound to: none, this script is bound to a spreadsheet. */
  getActiveForm(): FormImpl | null {
    return null;
  }

  getUi(): never {
    throw new Error('Cannot call FormApp.getUi() from this context.');
  }

  createTextValidation(): TextValidationBuilderImpl {
    return new TextValidationBuilderImpl(this._exec);
  }

  createParagraphTextValidation(): ParagraphTextValidationBuilderImpl {
    return new ParagraphTextValidationBuilderImpl(this._exec);
  }

  createCheckboxValidation(): CheckboxValidationBuilderImpl {
    return new CheckboxValidationBuilderImpl(this._exec);
  }
}
