/**
 * A respondent submitting a form, as Google Forms handles it: each item is checked on its own (required,
 * response validation, choices); an invalid submission is refused with the messages the respondent would
 * see and nothing is recorded. A valid one is stored in the form's response store, its row appended to the
 * responses sheet, and both installable form-submit triggers fire: the form's with `{ authMode, response,
 * source, triggerUid }`, then the destination spreadsheet's with `{ authMode, namedValues, range,
 * triggerUid, values }` (guides/triggers/events#google_forms_events, #google_sheets_events).
 *
 * The respondent-facing wording: "This is a required question" / «Это обязательный вопрос.» is Google
 * Forms'; a validation's help text replaces the default message (reference/forms/data-validation-builder);
 * the other defaults are this emulator's, not verified against Google's.
 */
import type { Runtime } from '../../runtime';
import { type TriggerRun, fireEventTriggers } from '../../scheduler';
import { rangeFacade, spreadsheetStore } from '../spreadsheet/index';
import { rowEventData } from './destination';
import { FormImpl } from './form';
import {
  type Answer,
  type FormModel,
  formStore,
  type ItemModel,
  QUESTION_TYPES,
  type ValidationRuleModel,
} from './model';
import { FormResponseImpl, newResponse, recordResponse } from './responses';

export interface SubmitOptions {
  /** The signed-in respondent ('' or omitted: anonymous). */
  respondent?: string;
  /** false simulates a trigger that failed to fire: the response is recorded and written, no trigger runs. */
  fireTriggers?: boolean;
  /** The language of the respondent's messages; by default the spreadsheet's (Russian for ru_RU). */
  language?: 'ru' | 'en';
}

export interface SubmitError {
  /** The item the message is shown under; null for the form as a whole (closed, sign-in, e-mail). */
  itemId: number | null;
  title: string;
  message: string;
}

export interface SubmitResult {
  ok: boolean;
  responseId?: string;
  errors?: SubmitError[];
  /** Every trigger run, the form's first. */
  runs: TriggerRun[];
  formRuns: TriggerRun[];
  sheetRuns: TriggerRun[];
  /** The row written to the responses sheet, when the form has one. */
  row?: number;
}

export type SubmitAnswers = Record<string, string | string[]>;

interface Wording {
  required: string;
  closed: (title: string) => string;
  signIn: string;
  once: string;
  email: string;
  url: string;
  matches: string;
  notMatches: string;
  contains: string;
  notContains: string;
  minLength: (n: number) => string;
  maxLength: (n: number) => string;
  number: string;
  wholeNumber: string;
  numberRange: string;
  choice: string;
  atLeast: (n: number) => string;
  atMost: (n: number) => string;
  exactly: (n: number) => string;
}

const WORDING: Record<'ru' | 'en', Wording> = {
  ru: {
    required: 'Это обязательный вопрос.',
    closed: (t) => `Форма «${t}» больше не принимает ответы.`,
    signIn: 'Чтобы заполнить эту форму, войдите в аккаунт Google.',
    once: 'Вы уже отправили ответ на эту форму.',
    email: 'Укажите действительный адрес электронной почты.',
    url: 'Укажите действительный URL.',
    matches: 'Ответ должен соответствовать шаблону.',
    notMatches: 'Ответ не должен соответствовать шаблону.',
    contains: 'Ответ должен содержать шаблон.',
    notContains: 'Ответ не должен содержать шаблон.',
    minLength: (n) => `Минимальное количество символов: ${n}.`,
    maxLength: (n) => `Максимальное количество символов: ${n}.`,
    number: 'Введите число.',
    wholeNumber: 'Введите целое число.',
    numberRange: 'Число вне допустимого диапазона.',
    choice: 'Выберите один из вариантов.',
    atLeast: (n) => `Выберите не менее ${n}.`,
    atMost: (n) => `Выберите не более ${n}.`,
    exactly: (n) => `Выберите ровно ${n}.`,
  },
  en: {
    required: 'This is a required question',
    closed: (t) => `The form ${t} is no longer accepting responses.`,
    signIn: 'Sign in to Google to continue.',
    once: 'You have already responded.',
    email: 'Must be a valid email address',
    url: 'Must be a URL',
    matches: 'Must match pattern',
    notMatches: "Can't match pattern",
    contains: 'Must contain pattern',
    notContains: "Can't contain pattern",
    minLength: (n) => `Must be at least ${n} characters`,
    maxLength: (n) => `Must be at most ${n} characters`,
    number: 'Must be a number',
    wholeNumber: 'Must be a whole number',
    numberRange: 'Number out of range',
    choice: 'Choose one of the options',
    atLeast: (n) => `Must select at least ${n} options`,
    atMost: (n) => `Must select at most ${n} options`,
    exactly: (n) => `Must select exactly ${n} options`,
  },
};

function languageFor(rt: Runtime, form: FormModel): 'ru' | 'en' {
  const store = spreadsheetStore(rt);
  const ssId = form.destination?.spreadsheetId ?? store.containerId;
  const locale = (ssId ? store.get(ssId)?.locale : undefined) ?? 'ru_RU';
  return locale.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const URL_RE = /^(https?:\/\/)?[^\s/.]+(\.[^\s/.]+)+(\/\S*)?$/i;

function parseNumber(s: string): number | undefined {
  const t = s.trim().replace(',', '.');
  return /^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(t) ? Number(t) : undefined;
}

/** The message for a text answer that breaks the rule, or null when it passes. */
function checkText(rule: ValidationRuleModel, s: string, w: Wording): string | null {
  const chars = [...s].length;
  switch (rule.kind) {
    case 'TEXT_MATCHES':
      return new RegExp(`^(?:${rule.pattern})$`).test(s) ? null : w.matches;
    case 'TEXT_NOT_MATCHES':
      return new RegExp(`^(?:${rule.pattern})$`).test(s) ? w.notMatches : null;
    case 'TEXT_CONTAINS':
      return new RegExp(rule.pattern).test(s) ? null : w.contains;
    case 'TEXT_NOT_CONTAINS':
      return new RegExp(rule.pattern).test(s) ? w.notContains : null;
    case 'TEXT_IS_EMAIL':
      return EMAIL_RE.test(s.trim()) ? null : w.email;
    case 'TEXT_IS_URL':
      return URL_RE.test(s.trim()) ? null : w.url;
    case 'LENGTH_GE':
      return chars >= rule.n ? null : w.minLength(rule.n);
    case 'LENGTH_LE':
      return chars <= rule.n ? null : w.maxLength(rule.n);
    case 'NUMBER':
      return parseNumber(s) === undefined ? w.number : null;
    case 'WHOLE_NUMBER':
      return /^[-+]?\d+$/.test(s.trim()) ? null : w.wholeNumber;
    default:
      break;
  }
  const n = parseNumber(s);
  if (n === undefined) return w.number;
  const ok = (() => {
    switch (rule.kind) {
      case 'NUMBER_EQ':
        return n === rule.n;
      case 'NUMBER_NE':
        return n !== rule.n;
      case 'NUMBER_GT':
        return n > rule.n;
      case 'NUMBER_GE':
        return n >= rule.n;
      case 'NUMBER_LT':
        return n < rule.n;
      case 'NUMBER_LE':
        return n <= rule.n;
      case 'NUMBER_BETWEEN':
        return n >= Math.min(rule.a, rule.b) && n <= Math.max(rule.a, rule.b);
      case 'NUMBER_NOT_BETWEEN':
        return n < Math.min(rule.a, rule.b) || n > Math.max(rule.a, rule.b);
      default:
        return true;
    }
  })();
  return ok ? null : w.numberRange;
}

function checkCount(rule: ValidationRuleModel, count: number, w: Wording): string | null {
  switch (rule.kind) {
    case 'SELECT_AT_LEAST':
      return count >= rule.n ? null : w.atLeast(rule.n);
    case 'SELECT_AT_MOST':
      return count <= rule.n ? null : w.atMost(rule.n);
    case 'SELECT_EXACTLY':
      return count === rule.n ? null : w.exactly(rule.n);
    default:
      return null;
  }
}

/** Normalises one given answer; an answer of the wrong shape is a test's mistake and throws. */
function normalise(item: ItemModel, given: string | string[] | undefined): Answer | undefined {
  if (given === undefined) return undefined;
  if (item.type === 'CHECKBOX') {
    const ticked = (Array.isArray(given) ? given : [given]).filter((v) => v !== '');
    const values = item.choices.map((c) => c.value);
    const inChoices = values.filter((v) => ticked.includes(v));
    const others = ticked.filter((v) => !values.includes(v));
    const all = [...inChoices, ...others];
    return all.length > 0 ? all : undefined;
  }
  if (Array.isArray(given)) throw new Error(`submitForm: "${item.title}" takes one answer, not a list`);
  return given.trim() === '' ? undefined : given;
}

/** The respondent's message for one item's answer, or null when Google Forms would accept it. */
function checkItem(item: ItemModel, answer: Answer | undefined, w: Wording): string | null {
  if (answer === undefined) return item.required ? w.required : null;
  const help = item.validation?.helpText || '';
  const rule = item.validation?.rule ?? null;
  switch (item.type) {
    case 'TEXT':
    case 'PARAGRAPH_TEXT': {
      const msg = rule ? checkText(rule, answer as string, w) : null;
      return msg === null ? null : help || msg;
    }
    case 'MULTIPLE_CHOICE':
    case 'LIST': {
      const known = item.choices.some((c) => c.value === answer);
      return known || (item.type === 'MULTIPLE_CHOICE' && item.otherOption) ? null : w.choice;
    }
    case 'CHECKBOX': {
      const list = answer as string[];
      const others = list.filter((v) => !item.choices.some((c) => c.value === v));
      // One "Other" field at most, and only where the item shows it.
      if (others.length > (item.otherOption ? 1 : 0)) return w.choice;
      const msg = rule ? checkCount(rule, list.length, w) : null;
      return msg === null ? null : help || msg;
    }
    default:
      return null;
  }
}

function findItem(form: FormModel, key: string): ItemModel {
  const byId = /^\d+$/.test(key) ? form.item(Number(key)) : undefined;
  const item = byId ?? form.items.find((i) => i.title === key && QUESTION_TYPES.has(i.type));
  if (!item) throw new Error(`submitForm: the form has no question "${key}"`);
  if (!QUESTION_TYPES.has(item.type)) throw new Error(`submitForm: "${key}" is not a question`);
  return item;
}

/**
 * A respondent submits the form. `answers` are keyed by item title or id (checkbox answers as lists).
 * Refused (nothing recorded, no trigger) with the per-item messages when Google Forms would refuse it.
 */
export function submitForm(
  rt: Runtime,
  formId: string,
  answers: SubmitAnswers,
  opts: SubmitOptions = {},
): SubmitResult {
  const form = formStore(rt).get(formId);
  if (!form) throw new Error(`submitForm: no form with id ${formId}`);
  const w = WORDING[opts.language ?? languageFor(rt, form)];
  const respondent = opts.respondent ?? '';
  const refuse = (errors: SubmitError[]): SubmitResult => ({
    ok: false,
    errors,
    runs: [],
    formRuns: [],
    sheetRuns: [],
  });

  if (!form.published || !form.acceptingResponses) {
    return refuse([{ itemId: null, title: form.title, message: form.customClosedFormMessage || w.closed(form.title) }]);
  }
  if ((form.requireLogin || form.limitOneResponsePerUser) && !respondent) {
    return refuse([{ itemId: null, title: form.title, message: w.signIn }]);
  }
  if (
    form.limitOneResponsePerUser &&
    form.responses.some((r) => r.via === 'respondent' && r.submittedBy.toLowerCase() === respondent.toLowerCase())
  ) {
    return refuse([{ itemId: null, title: form.title, message: w.once }]);
  }

  const given = new Map<number, string | string[]>();
  for (const [key, value] of Object.entries(answers)) given.set(findItem(form, key).id, value);

  const errors: SubmitError[] = [];
  if (form.collectEmail && !EMAIL_RE.test(respondent)) {
    errors.push({ itemId: null, title: 'Email', message: respondent ? w.email : w.required });
  }
  const response = newResponse(form.collectEmail ? respondent : '');
  response.submittedBy = respondent;
  for (const item of form.items) {
    if (!QUESTION_TYPES.has(item.type)) continue;
    const answer = normalise(item, given.get(item.id));
    const message = checkItem(item, answer, w);
    if (message !== null) errors.push({ itemId: item.id, title: item.title, message });
    else if (answer !== undefined) response.answers.set(item.id, answer);
  }
  if (errors.length > 0) return refuse(errors);

  const written = recordResponse(rt, form, response, 'respondent');
  const result: SubmitResult = {
    ok: true,
    responseId: response.id ?? undefined,
    runs: [],
    formRuns: [],
    sheetRuns: [],
    row: written?.row,
  };
  if (opts.fireTriggers === false) return result;

  // The spreadsheet event shows the row as it was written, whatever the form's trigger then does to it.
  const sheetEvent = written ? rowEventData(rt, written) : undefined;
  result.formRuns = fireEventTriggers(rt, {
    sourceId: form.id,
    eventType: 'ON_FORM_SUBMIT',
    actingUser: respondent,
    makeEvent: (exec) => ({
      authMode: 'FULL',
      response: new FormResponseImpl(exec, form, response),
      source: new FormImpl(exec, form),
    }),
  });
  if (written && sheetEvent) {
    result.sheetRuns = fireEventTriggers(rt, {
      sourceId: written.spreadsheetId,
      eventType: 'ON_FORM_SUBMIT',
      actingUser: respondent,
      makeEvent: (exec) => ({
        authMode: 'FULL',
        namedValues: sheetEvent.namedValues,
        range: rangeFacade(exec, written.sheetName, sheetEvent.a1, written.spreadsheetId),
        values: sheetEvent.values,
      }),
    });
  }
  result.runs = [...result.formRuns, ...result.sheetRuns];
  return result;
}
