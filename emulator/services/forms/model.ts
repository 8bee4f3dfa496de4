/**
 * The persistent model behind FormApp: forms with their items, settings, response store and response
 * destination. Facades (form.ts, items.ts, responses.ts) are per execution; everything here outlives
 * executions. Every form keeps its own copy of the responses (reference/forms/destination-type: "All
 * forms ... save a copy of responses in the form's response store"), whatever the destination holds.
 */
import type { Runtime } from '../../runtime';

/** FormApp.ItemType (reference/forms/item-type). */
export const ITEM_TYPES = [
  'CHECKBOX',
  'CHECKBOX_GRID',
  'DATE',
  'DATETIME',
  'DURATION',
  'GRID',
  'IMAGE',
  'LIST',
  'MULTIPLE_CHOICE',
  'PAGE_BREAK',
  'PARAGRAPH_TEXT',
  'RATING',
  'SCALE',
  'SECTION_HEADER',
  'TEXT',
  'TIME',
  'VIDEO',
  'FILE_UPLOAD',
] as const;

/** The item types this emulator can create. */
export type ItemType =
  | 'CHECKBOX'
  | 'LIST'
  | 'MULTIPLE_CHOICE'
  | 'PAGE_BREAK'
  | 'PARAGRAPH_TEXT'
  | 'SECTION_HEADER'
  | 'TEXT';

export const QUESTION_TYPES: ReadonlySet<ItemType> = new Set([
  'CHECKBOX',
  'LIST',
  'MULTIPLE_CHOICE',
  'PARAGRAPH_TEXT',
  'TEXT',
]);

export const PAGE_NAVIGATION_TYPES = ['CONTINUE', 'GO_TO_PAGE', 'RESTART', 'SUBMIT'] as const;

export interface ChoiceModel {
  value: string;
  isCorrect: boolean;
  /** PageNavigationType name, or a page break's item id for GO_TO_PAGE. */
  navigation: string;
  gotoPage: number | null;
}

/** One validation rule of a TextValidation, ParagraphTextValidation or CheckboxValidation. */
export type ValidationRuleModel =
  | { kind: 'TEXT_MATCHES' | 'TEXT_NOT_MATCHES' | 'TEXT_CONTAINS' | 'TEXT_NOT_CONTAINS'; pattern: string }
  | { kind: 'TEXT_IS_EMAIL' | 'TEXT_IS_URL' | 'NUMBER' | 'WHOLE_NUMBER' }
  | { kind: 'LENGTH_GE' | 'LENGTH_LE'; n: number }
  | { kind: 'NUMBER_EQ' | 'NUMBER_NE' | 'NUMBER_GT' | 'NUMBER_GE' | 'NUMBER_LT' | 'NUMBER_LE'; n: number }
  | { kind: 'NUMBER_BETWEEN' | 'NUMBER_NOT_BETWEEN'; a: number; b: number }
  | { kind: 'SELECT_AT_LEAST' | 'SELECT_AT_MOST' | 'SELECT_EXACTLY'; n: number };

export type ValidationFamily = 'TextValidation' | 'ParagraphTextValidation' | 'CheckboxValidation';

export interface ValidationModel {
  family: ValidationFamily;
  /** Google Forms keeps one response-validation rule per question: the last requirement set wins. */
  rule: ValidationRuleModel | null;
  helpText: string;
}

export interface ItemModel {
  readonly id: number;
  readonly type: ItemType;
  title: string;
  helpText: string;
  required: boolean;
  choices: ChoiceModel[];
  otherOption: boolean;
  validation: ValidationModel | null;
  /** Page breaks: where the form goes after the page that ends here. */
  navigation: string;
  gotoPage: number | null;
}

/** An answer as the response store keeps it: a string, or the list of ticked boxes. */
export type Answer = string | string[];

export interface ResponseModel {
  /** Set when the response is submitted. */
  id: string | null;
  timestamp: number | null;
  respondentEmail: string;
  /** Item id → answer, in the order the answers were given. */
  answers: Map<number, Answer>;
  /** Who submitted: a respondent through the form, or a script through FormResponse.submit(). */
  via: 'respondent' | 'script' | null;
  /** The signed-in respondent, whether or not the form collects addresses (host-only: one response per user). */
  submittedBy: string;
}

export interface DestinationModel {
  spreadsheetId: string;
  /** The responses sheet's id (followed through renames). */
  sheetId: number;
  /** Header text and column the form wrote, per item id; the timestamp under key 0, the e-mail under key -1. */
  headers: Map<number, { text: string; col: number }>;
}

export const TIMESTAMP_KEY = 0;
export const EMAIL_KEY = -1;

export class FormModel {
  title: string;
  description = '';
  confirmationMessage = '';
  customClosedFormMessage = '';
  collectEmail = false;
  allowResponseEdits = false;
  limitOneResponsePerUser = false;
  acceptingResponses = true;
  published = true;
  requireLogin = false;
  progressBar = false;
  respondAgainLink = true;
  shuffleQuestions = false;
  publishingSummary = false;
  quiz = false;
  editors: string[] = [];
  readonly items: ItemModel[] = [];
  readonly responses: ResponseModel[] = [];
  destination: DestinationModel | null = null;

  constructor(
    readonly store: FormStore,
    readonly id: string,
    readonly publishedId: string,
    title: string,
    public owner: string,
  ) {
    this.title = title;
  }

  get editUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/edit`;
  }

  get publishedUrl(): string {
    return `https://docs.google.com/forms/d/e/${this.publishedId}/viewform`;
  }

  /** What Sheet.getFormUrl() and Spreadsheet.getFormUrl() return for the responses sheet; FormApp.openByUrl opens it. */
  get linkUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/viewform`;
  }

  get summaryUrl(): string {
    return `https://docs.google.com/forms/d/${this.id}/viewanalytics`;
  }

  canEdit(user: string): boolean {
    const u = user.toLowerCase();
    if (!u) return false;
    return u === this.owner.toLowerCase() || this.editors.some((e) => e.toLowerCase() === u);
  }

  item(id: number): ItemModel | undefined {
    return this.items.find((i) => i.id === id);
  }

  /** The answers of a response to the items the form still has, in the form's item order. */
  answersInItemOrder(response: ResponseModel): Array<[ItemModel, Answer]> {
    const out: Array<[ItemModel, Answer]> = [];
    for (const item of this.items) {
      const a = response.answers.get(item.id);
      if (a !== undefined) out.push([item, a]);
    }
    return out;
  }

  response(id: string): ResponseModel | undefined {
    return this.responses.find((r) => r.id === id);
  }
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

export class FormStore {
  readonly forms = new Map<string, FormModel>();
  /** forms.gle short links handed out by shortenFormUrl. */
  readonly shortLinks = new Map<string, string>();
  private seed: number;

  constructor(readonly rt: Runtime) {
    let h = 2166136261;
    for (const ch of `forms:${rt.scriptId}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    this.seed = h >>> 0;
  }

  private random(): number {
    // mulberry32: deterministic ids, so runs and snapshots repeat.
    this.seed = (this.seed + 0x6d2b79f5) >>> 0;
    let t = this.seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private token(n: number, alphabet = ID_ALPHABET): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[Math.floor(this.random() * alphabet.length)];
    return s;
  }

  create(title: string, owner: string): FormModel {
    let id: string;
    do id = `1${this.token(43)}`;
    while (this.forms.has(id));
    const form = new FormModel(this, id, `1FAIpQLS${this.token(48)}`, title, owner);
    this.forms.set(id, form);
    return form;
  }

  get(id: string): FormModel | undefined {
    return this.forms.get(id);
  }

  /** Item ids are integers, unique across the store and stable for the item's life. */
  newItemId(): number {
    for (;;) {
      const id = 100_000_000 + Math.floor(this.random() * 1_900_000_000);
      if (![...this.forms.values()].some((f) => f.item(id))) return id;
    }
  }

  newResponseId(): string {
    return `2_ABaOnu${this.token(78)}`;
  }

  shortLink(url: string): string {
    for (const [short, long] of this.shortLinks) if (long === url) return short;
    const short = `https://forms.gle/${this.token(17, ID_ALPHABET.slice(0, 62))}`;
    this.shortLinks.set(short, url);
    return short;
  }

  /** The form a URL names: edit/view URLs (/forms/d/<id>/...), published ones (/forms/d/e/<publishedId>/...), forms.gle links. */
  byUrl(url: string): FormModel | undefined {
    const long = this.shortLinks.get(url.replace(/[?#].*$/, '')) ?? url;
    const published = /\/forms\/d\/e\/([A-Za-z0-9_-]+)/.exec(long);
    if (published) return [...this.forms.values()].find((f) => f.publishedId === published[1]);
    const m = /\/forms\/d\/([A-Za-z0-9_-]+)/.exec(long);
    return m ? this.forms.get(m[1]) : undefined;
  }
}

export function formStore(rt: Runtime): FormStore {
  return rt.store('forms', () => new FormStore(rt));
}

export function newItem(store: FormStore, type: ItemType): ItemModel {
  return {
    id: store.newItemId(),
    type,
    title: '',
    helpText: '',
    required: false,
    choices: [],
    otherOption: false,
    validation: null,
    navigation: 'CONTINUE',
    gotoPage: null,
  };
}

/** Messages Apps Script gives for forms (wording cited where verified). */
export const FORM_MSG = {
  // Seen in public scripts that hit it: the item's actual type is named.
  invalidConversion: (type: string) => `Invalid conversion for item type: ${type}`,
  // Drive's wording for an id that does not resolve or is not shared with the user (not verified for FormApp).
  noItem: 'No item with the given ID could be found, or you do not have permission to access it.',
  // Not verified against Google's wording.
  noDestination: 'This form does not currently have a response destination.',
  noResponse: (id: string) => `No response with ID ${id} exists for this form.`,
  invalidArgument: (name: string) => `Invalid argument: ${name}`,
  noAccess: 'You do not have permission to access the requested document.',
};

export const FORMS_SCOPE = 'https://www.googleapis.com/auth/forms';
