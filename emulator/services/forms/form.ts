/**
 * Form (reference/forms/form): settings, items, the response store and the response destination.
 */
import { type Execution, GasObject, unwrap } from '../../runtime';
import { isDate } from '../../realm';
import { emailOf, UserImpl } from '../spreadsheet/user';
import { signatureError } from '../utilities';
import { linkDestination, syncHeaders, unlinkDestination } from './destination';
import {
  booleanArg,
  type CheckboxItemImpl,
  facadeList,
  ItemBase,
  ItemImpl,
  integerArg,
  type ListItemImpl,
  type MultipleChoiceItemImpl,
  type PageBreakItemImpl,
  type ParagraphTextItemImpl,
  type SectionHeaderItemImpl,
  stringArg,
  type TextItemImpl,
  typedItem,
} from './items';
import { FORM_MSG, type FormModel, type ItemModel, type ItemType, ITEM_TYPES, newItem } from './model';
import { FormResponseImpl, newResponse } from './responses';

const M = (method: string) => `FormApp.Form.${method}`;

export class FormImpl extends GasObject {
  readonly _gasClass = 'Form';

  constructor(
    exec: Execution,
    readonly _form: FormModel,
  ) {
    super(exec);
  }

  get _rt() {
    return this._exec.runtime;
  }

  // ---- identity and URLs ----

  getId(): string {
    return this._form.id;
  }

  getEditUrl(): string {
    return this._form.editUrl;
  }

  getPublishedUrl(): string {
    return this._form.publishedUrl;
  }

  getSummaryUrl(): string {
    return this._form.summaryUrl;
  }

  /** A forms.gle link for a long form URL (reference/forms/form#shortenformurlurl). */
  shortenFormUrl(url: unknown): string {
    return this._form.store.shortLink(stringArg(url, M('shortenFormUrl')));
  }

  // ---- text settings ----

  getTitle(): string {
    return this._form.title;
  }

  setTitle(title: unknown): this {
    this._form.title = stringArg(title, M('setTitle'));
    return this;
  }

  getDescription(): string {
    return this._form.description;
  }

  setDescription(description: unknown): this {
    this._form.description = stringArg(description, M('setDescription'));
    return this;
  }

  getConfirmationMessage(): string {
    return this._form.confirmationMessage;
  }

  setConfirmationMessage(message: unknown): this {
    this._form.confirmationMessage = stringArg(message, M('setConfirmationMessage'));
    return this;
  }

  getCustomClosedFormMessage(): string {
    return this._form.customClosedFormMessage;
  }

  setCustomClosedFormMessage(message: unknown): this {
    this._form.customClosedFormMessage = stringArg(message, M('setCustomClosedFormMessage'));
    return this;
  }

  // ---- boolean settings ----

  collectsEmail(): boolean {
    return this._form.collectEmail;
  }

  setCollectEmail(collect: unknown): this {
    this._form.collectEmail = booleanArg(collect, M('setCollectEmail'));
    syncHeaders(this._rt, this._form);
    return this;
  }

  canEditResponse(): boolean {
    return this._form.allowResponseEdits;
  }

  setAllowResponseEdits(enabled: unknown): this {
    this._form.allowResponseEdits = booleanArg(enabled, M('setAllowResponseEdits'));
    return this;
  }

  hasLimitOneResponsePerUser(): boolean {
    return this._form.limitOneResponsePerUser;
  }

  setLimitOneResponsePerUser(enabled: unknown): this {
    this._form.limitOneResponsePerUser = booleanArg(enabled, M('setLimitOneResponsePerUser'));
    return this;
  }

  /** An unpublished form accepts no responses (Forms API PublishState: isAcceptingResponses is forced false). */
  isAcceptingResponses(): boolean {
    return this._form.published && this._form.acceptingResponses;
  }

  setAcceptingResponses(enabled: unknown): this {
    this._form.acceptingResponses = booleanArg(enabled, M('setAcceptingResponses'));
    return this;
  }

  isPublished(): boolean {
    return this._form.published;
  }

  /** Publishing also starts accepting responses (guides: publish-form). */
  setPublished(enabled: unknown): this {
    this._form.published = booleanArg(enabled, M('setPublished'));
    if (this._form.published) this._form.acceptingResponses = true;
    return this;
  }

  requiresLogin(): boolean {
    return this._form.requireLogin;
  }

  setRequireLogin(requireLogin: unknown): this {
    this._form.requireLogin = booleanArg(requireLogin, M('setRequireLogin'));
    return this;
  }

  hasProgressBar(): boolean {
    return this._form.progressBar;
  }

  setProgressBar(enabled: unknown): this {
    this._form.progressBar = booleanArg(enabled, M('setProgressBar'));
    return this;
  }

  hasRespondAgainLink(): boolean {
    return this._form.respondAgainLink;
  }

  setShowLinkToRespondAgain(enabled: unknown): this {
    this._form.respondAgainLink = booleanArg(enabled, M('setShowLinkToRespondAgain'));
    return this;
  }

  getShuffleQuestions(): boolean {
    return this._form.shuffleQuestions;
  }

  setShuffleQuestions(shuffle: unknown): this {
    this._form.shuffleQuestions = booleanArg(shuffle, M('setShuffleQuestions'));
    return this;
  }

  isPublishingSummary(): boolean {
    return this._form.publishingSummary;
  }

  setPublishingSummary(enabled: unknown): this {
    this._form.publishingSummary = booleanArg(enabled, M('setPublishingSummary'));
    return this;
  }

  isQuiz(): boolean {
    return this._form.quiz;
  }

  setIsQuiz(enabled: unknown): this {
    this._form.quiz = booleanArg(enabled, M('setIsQuiz'));
    return this;
  }

  // ---- editors ----

  getEditors(): UserImpl[] {
    return facadeList(
      this._exec,
      this._form.editors.map((e) => new UserImpl(this._exec, e)),
    );
  }

  addEditor(emailAddress: unknown): this {
    const email = emailOf(emailAddress);
    if (!this._form.canEdit(email)) this._form.editors.push(email);
    return this;
  }

  addEditors(emailAddresses: unknown): this {
    if (!Array.isArray(emailAddresses)) throw signatureError(M('addEditors'), [emailAddresses]);
    for (const e of emailAddresses) this.addEditor(e);
    return this;
  }

  removeEditor(emailAddress: unknown): this {
    const email = emailOf(emailAddress).toLowerCase();
    this._form.editors = this._form.editors.filter((e) => e.toLowerCase() !== email);
    return this;
  }

  // ---- items ----

  _add<T>(type: ItemType): T {
    const item = newItem(this._form.store, type);
    this._form.items.push(item);
    syncHeaders(this._rt, this._form);
    return typedItem(this._exec, this._form, item) as T;
  }

  addTextItem(): TextItemImpl {
    return this._add('TEXT');
  }

  addParagraphTextItem(): ParagraphTextItemImpl {
    return this._add('PARAGRAPH_TEXT');
  }

  addMultipleChoiceItem(): MultipleChoiceItemImpl {
    return this._add('MULTIPLE_CHOICE');
  }

  addListItem(): ListItemImpl {
    return this._add('LIST');
  }

  addCheckboxItem(): CheckboxItemImpl {
    return this._add('CHECKBOX');
  }

  addSectionHeaderItem(): SectionHeaderItemImpl {
    return this._add('SECTION_HEADER');
  }

  addPageBreakItem(): PageBreakItemImpl {
    return this._add('PAGE_BREAK');
  }

  _generic(item: ItemModel): ItemImpl {
    return new ItemImpl(this._exec, this._form, item);
  }

  /** Every item, or those of one FormApp.ItemType, in form order. */
  getItems(itemType?: unknown): ItemImpl[] {
    if (
      itemType !== undefined &&
      !(typeof itemType === 'string' && (ITEM_TYPES as readonly string[]).includes(itemType))
    )
      throw signatureError(M('getItems'), [itemType]);
    const items = itemType === undefined ? this._form.items : this._form.items.filter((i) => i.type === itemType);
    return facadeList(
      this._exec,
      items.map((i) => this._generic(i)),
    );
  }

  getItemById(id: unknown): ItemImpl | null {
    const item = this._form.item(integerArg(id, M('getItemById')));
    return item ? this._generic(item) : null;
  }

  _itemIndex(ref: unknown, method: string): number {
    if (typeof ref === 'number') {
      const i = Math.trunc(ref);
      // Not verified against Google's wording.
      if (i < 0 || i >= this._form.items.length) throw new Error(FORM_MSG.invalidArgument('index'));
      return i;
    }
    const host = typeof ref === 'object' && ref !== null ? unwrap(ref) : undefined;
    if (!(host instanceof ItemBase)) throw signatureError(M(method), [ref]);
    const i = this._form.items.findIndex((it) => it.id === host._item.id);
    if (i < 0) throw new Error(FORM_MSG.invalidArgument('item'));
    return i;
  }

  /** deleteItem(index) or deleteItem(item). The item's column in the responses sheet stays. */
  deleteItem(item: unknown): void {
    this._form.items.splice(this._itemIndex(item, 'deleteItem'), 1);
  }

  /** moveItem(from, to) or moveItem(item, toIndex); returns the moved item. */
  moveItem(from: unknown, to: unknown): ItemImpl {
    const i = this._itemIndex(from, 'moveItem');
    const j = integerArg(to, M('moveItem'));
    if (j < 0 || j >= this._form.items.length) throw new Error(FORM_MSG.invalidArgument('toIndex'));
    const [item] = this._form.items.splice(i, 1);
    this._form.items.splice(j, 0, item);
    return this._generic(item);
  }

  // ---- destination ----

  /** Links the form to a spreadsheet: Google adds a responses sheet there (reference/forms/form#setdestinationtype,-id). */
  setDestination(type: unknown, id: unknown): this {
    if (type !== 'SPREADSHEET' || typeof id !== 'string') throw signatureError(M('setDestination'), [type, id]);
    linkDestination(this._rt, this._form, id, this._exec.effectiveUser);
    return this;
  }

  getDestinationId(): string {
    if (!this._form.destination) throw new Error(FORM_MSG.noDestination);
    return this._form.destination.spreadsheetId;
  }

  getDestinationType(): string {
    if (!this._form.destination) throw new Error(FORM_MSG.noDestination);
    return 'SPREADSHEET';
  }

  removeDestination(): this {
    unlinkDestination(this._rt, this._form);
    return this;
  }

  // ---- responses ----

  /** Every response, oldest first; with a date, those submitted at or after it. */
  getResponses(timestamp?: unknown): FormResponseImpl[] {
    if (timestamp !== undefined && !isDate(timestamp)) throw signatureError(M('getResponses'), [timestamp]);
    const since = timestamp === undefined ? Number.NEGATIVE_INFINITY : timestamp.getTime();
    return facadeList(
      this._exec,
      this._form.responses
        .filter((r) => (r.timestamp ?? 0) >= since)
        .map((r) => new FormResponseImpl(this._exec, this._form, r)),
    );
  }

  getResponse(responseId: unknown): FormResponseImpl {
    const id = stringArg(responseId, M('getResponse'));
    const r = this._form.response(id);
    if (!r) throw new Error(FORM_MSG.noResponse(id));
    return new FormResponseImpl(this._exec, this._form, r);
  }

  /** Deletes a response from the form's response store; its row in the responses sheet stays. */
  deleteResponse(responseId: unknown): this {
    const id = stringArg(responseId, M('deleteResponse'));
    const i = this._form.responses.findIndex((r) => r.id === id);
    if (i < 0) throw new Error(FORM_MSG.noResponse(id));
    this._form.responses.splice(i, 1);
    return this;
  }

  deleteAllResponses(): this {
    this._form.responses.length = 0;
    return this;
  }

  /** A new, empty response a script fills with withItemResponse() and submits (no trigger fires). */
  createResponse(): FormResponseImpl {
    return new FormResponseImpl(this._exec, this._form, newResponse());
  }
}
