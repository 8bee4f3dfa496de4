/**
 * The Google Forms the helpdesk owns: the request form (responses into this spreadsheet) and the
 * complaints form (responses into a separate spreadsheet only the director and the owner can open, cl. 10).
 * Created by setup, or found again by the IDs recorded in the document properties; items are matched by
 * their recorded item IDs, so a retitled question is still the same question.
 */
import type { FormField, FormItemSpec } from '../domain/request-form';

const FORMS_PROPERTY = 'helpdesk.forms';

export interface RequestFormRecord {
  formId: string;
  items: Partial<Record<FormField, number>>;
}

export interface ComplaintsRecord {
  formId: string;
  spreadsheetId: string;
  items: Record<string, number>;
}

export interface FormsRecord {
  requests?: RequestFormRecord;
  complaints?: ComplaintsRecord;
}

export function readFormsRecord(): FormsRecord {
  const raw = PropertiesService.getDocumentProperties().getProperty(FORMS_PROPERTY);
  if (!raw) return {};
  try {
    return JSON.parse(raw) as FormsRecord;
  } catch {
    return {};
  }
}

export function recordForms(record: FormsRecord): void {
  PropertiesService.getDocumentProperties().setProperty(FORMS_PROPERTY, JSON.stringify(record));
}

/** A recorded form, or undefined if it was deleted or cannot be opened any more. */
function openForm(formId: string | undefined): GoogleAppsScript.Forms.Form | undefined {
  if (!formId) return undefined;
  try {
    return FormApp.openById(formId);
  } catch {
    return undefined;
  }
}

export interface FormTextsMeta {
  title: string;
  intro: string;
  confirmation: string;
}

export interface EnsureFormResult<R> {
  record: R;
  created: boolean;
  itemsAdded: string[];
}

/** The form whose responses land in `spreadsheet`, if any (a run that died before recording it left it linked). */
function linkedForm(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): GoogleAppsScript.Forms.Form | undefined {
  const url = spreadsheet.getFormUrl();
  if (!url) return undefined;
  try {
    return FormApp.openByUrl(url);
  } catch {
    return undefined;
  }
}

/**
 * Creates a form linked to `spreadsheetId` and records it at once (`remember`), so a run that dies later
 * leaves a form the next run finds, not a second one.
 */
function createLinkedForm(
  title: string,
  confirmation: string,
  spreadsheetId: string,
  remember: (formId: string) => void,
): GoogleAppsScript.Forms.Form {
  const form = FormApp.create(title);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, spreadsheetId);
  remember(form.getId());
  form.setConfirmationMessage(confirmation);
  form.setCollectEmail(false);
  return form;
}

export function ensureRequestForm(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  specs: readonly FormItemSpec[],
  meta: FormTextsMeta,
  recorded: RequestFormRecord | undefined,
  remember: (record: RequestFormRecord) => void,
): EnsureFormResult<RequestFormRecord> {
  let form = openForm(recorded?.formId);
  const adopted = form ? undefined : linkedForm(ss);
  const created = !form && !adopted;
  form =
    form ??
    adopted ??
    createLinkedForm(meta.title, meta.confirmation, ss.getId(), (formId) => remember({ formId, items: {} }));
  if (form.getDescription() !== meta.intro) form.setDescription(meta.intro);
  const sameForm = recorded?.formId === form.getId();
  const items: Partial<Record<FormField, number>> = sameForm ? { ...(recorded?.items ?? {}) } : {};
  const itemsAdded: string[] = [];
  const asked = new Set(specs.map((s) => s.field));
  let orphans: GoogleAppsScript.Forms.Item[] | undefined;
  for (const spec of specs) {
    const existing = items[spec.field] !== undefined ? form.getItemById(items[spec.field] as number) : null;
    if (existing) {
      refreshChoices(existing, spec);
      continue;
    }
    orphans ??= unrecordedItems(form, new Set(Object.values(items) as number[]));
    items[spec.field] = addOrAdopt(form, spec, orphans);
    itemsAdded.push(spec.field);
    remember({ formId: form.getId(), items });
  }
  // A question the school stopped asking (the minimum of personal data) leaves the form.
  for (const field of Object.keys(items) as FormField[]) {
    if (asked.has(field)) continue;
    const item = form.getItemById(items[field] as number);
    if (item) form.deleteItem(item);
    delete items[field];
  }
  return { record: { formId: form.getId(), items }, created, itemsAdded };
}

/** Topics are the school's editable list: the form's dropdown follows the settings. */
function refreshChoices(item: GoogleAppsScript.Forms.Item, spec: FormItemSpec): void {
  if (spec.field !== 'topic' || !spec.choices) return;
  const list = item.asListItem();
  const current = list.getChoices().map((c) => c.getValue());
  if (current.join('\n') !== spec.choices.join('\n')) list.setChoiceValues(spec.choices);
}

/** A question without the request-form field it answers (the complaints form has its own). */
type QuestionSpec = Omit<FormItemSpec, 'field'>;

type TypedItem =
  | GoogleAppsScript.Forms.TextItem
  | GoogleAppsScript.Forms.ParagraphTextItem
  | GoogleAppsScript.Forms.MultipleChoiceItem
  | GoogleAppsScript.Forms.ListItem
  | GoogleAppsScript.Forms.CheckboxItem;

const ITEM_TYPES: Record<FormItemSpec['kind'], string> = {
  text: 'TEXT',
  paragraph: 'PARAGRAPH_TEXT',
  multipleChoice: 'MULTIPLE_CHOICE',
  list: 'LIST',
  checkbox: 'CHECKBOX',
};

function asTyped(item: GoogleAppsScript.Forms.Item, kind: FormItemSpec['kind']): TypedItem {
  switch (kind) {
    case 'text':
      return item.asTextItem();
    case 'paragraph':
      return item.asParagraphTextItem();
    case 'multipleChoice':
      return item.asMultipleChoiceItem();
    case 'list':
      return item.asListItem();
    case 'checkbox':
      return item.asCheckboxItem();
  }
}

function createItem(form: GoogleAppsScript.Forms.Form, kind: FormItemSpec['kind']): TypedItem {
  switch (kind) {
    case 'text':
      return form.addTextItem();
    case 'paragraph':
      return form.addParagraphTextItem();
    case 'multipleChoice':
      return form.addMultipleChoiceItem();
    case 'list':
      return form.addListItem();
    case 'checkbox':
      return form.addCheckboxItem();
  }
}

/** Sets everything a question is: title, help, required, choices, validation (idempotent). */
function configureItem(item: TypedItem, spec: QuestionSpec): number {
  item.setTitle(spec.title).setHelpText(spec.help).setRequired(spec.required);
  if (spec.choices && 'setChoiceValues' in item) item.setChoiceValues(spec.choices);
  if (spec.pattern && spec.kind === 'text') {
    (item as GoogleAppsScript.Forms.TextItem).setValidation(
      FormApp.createTextValidation()
        .requireTextMatchesPattern(spec.pattern.regex)
        .setHelpText(spec.pattern.message)
        .build(),
    );
  }
  if (spec.minLength && spec.kind === 'paragraph') {
    (item as GoogleAppsScript.Forms.ParagraphTextItem).setValidation(
      FormApp.createParagraphTextValidation()
        .requireTextLengthGreaterThanOrEqualTo(spec.minLength.length)
        .setHelpText(spec.minLength.message)
        .build(),
    );
  }
  return item.getId();
}

/**
 * Questions not in the record are either the school's own (kept) or left by a run that died before
 * recording them: an untitled one is removed, a titled one matching a missing question is adopted.
 */
function unrecordedItems(form: GoogleAppsScript.Forms.Form, recordedIds: Set<number>): GoogleAppsScript.Forms.Item[] {
  const out: GoogleAppsScript.Forms.Item[] = [];
  for (const item of form.getItems()) {
    if (recordedIds.has(item.getId())) continue;
    if (item.getTitle() === '') form.deleteItem(item);
    else out.push(item);
  }
  return out;
}

function addOrAdopt(
  form: GoogleAppsScript.Forms.Form,
  spec: QuestionSpec,
  orphans: GoogleAppsScript.Forms.Item[],
): number {
  const index = orphans.findIndex((i) => i.getTitle() === spec.title && String(i.getType()) === ITEM_TYPES[spec.kind]);
  if (index >= 0) {
    const [orphan] = orphans.splice(index, 1);
    return configureItem(asTyped(orphan, spec.kind), spec);
  }
  return configureItem(createItem(form, spec.kind), spec);
}

export interface ComplaintsTexts extends FormTextsMeta {
  spreadsheetName: string;
  items: Record<'name' | 'contact' | 'about' | 'text', readonly [string, string]>;
}

/**
 * The complaints form writes into its own spreadsheet, owned by the school account and shared with the
 * director only; nothing of a complaint reaches the shared log or its responses sheet.
 */
export function ensureComplaintsForm(
  texts: ComplaintsTexts,
  directorEmail: string,
  recorded: ComplaintsRecord | undefined,
  remember: (record: ComplaintsRecord) => void,
): EnsureFormResult<ComplaintsRecord> {
  let form = openForm(recorded?.formId);
  let spreadsheetId = recorded?.spreadsheetId ?? '';
  const target = form ? undefined : openSpreadsheet(spreadsheetId);
  const adopted = target ? linkedForm(target) : undefined;
  const created = !form && !adopted;
  if (!form && !adopted && !target) {
    spreadsheetId = SpreadsheetApp.create(texts.spreadsheetName).getId();
    remember({ formId: '', spreadsheetId, items: {} });
  }
  form =
    form ??
    adopted ??
    createLinkedForm(texts.title, texts.confirmation, spreadsheetId, (formId) =>
      remember({ formId, spreadsheetId, items: {} }),
    );
  if (form.getDescription() !== texts.intro) form.setDescription(texts.intro);
  if (directorEmail) shareWithDirector(spreadsheetId, directorEmail);
  const sameForm = recorded?.formId === form.getId();
  const items: Record<string, number> = sameForm ? { ...(recorded?.items ?? {}) } : {};
  const itemsAdded: string[] = [];
  let orphans: GoogleAppsScript.Forms.Item[] | undefined;
  for (const key of ['name', 'contact', 'about', 'text'] as const) {
    if (items[key] !== undefined && form.getItemById(items[key])) continue;
    const [title, help] = texts.items[key];
    orphans ??= unrecordedItems(form, new Set(Object.values(items)));
    items[key] = addOrAdopt(
      form,
      { kind: key === 'text' ? 'paragraph' : 'text', title, help, required: key !== 'contact' },
      orphans,
    );
    itemsAdded.push(key);
    remember({ formId: form.getId(), spreadsheetId, items });
  }
  return { record: { formId: form.getId(), spreadsheetId, items }, created, itemsAdded };
}

function openSpreadsheet(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet | undefined {
  if (!id) return undefined;
  try {
    return SpreadsheetApp.openById(id);
  } catch {
    return undefined;
  }
}

function shareWithDirector(spreadsheetId: string, directorEmail: string): void {
  const target = SpreadsheetApp.openById(spreadsheetId);
  const editors = target.getEditors().map((u) => u.getEmail().toLowerCase());
  if (!editors.includes(directorEmail.toLowerCase())) target.addEditor(directorEmail);
}

export function publishedUrl(formId: string): string {
  const form = openForm(formId);
  return form ? form.getPublishedUrl() : '';
}
