/**
 * The requester's rating of an answer (SPEC "Satisfaction question after an answer"), as plain decisions and
 * page models. The answer e-mail's «Помогло / Не помогло» links open a confirmation page; only its POST
 * records the vote (mail scanners prefetch links, so a GET must change nothing).
 *
 * Rules chosen:
 * - One vote per request: a filled «Оценка» cell refuses every later vote, whatever it says.
 * - «Помогло» closes an answered request; on a request already closed it is recorded and nothing moves.
 *   «Не помогло» reopens an answered or closed request (domain/workflow.ts lets the requester do both).
 * - A request in any other status is not waiting for a rating (it is in work again, or never answered): the
 *   vote is refused and nothing is written, so the staff's current work is never undone by an old e-mail.
 * - A request whose personal data was anonymised or erased is past its life: refused, nothing written.
 * - The pages name the request's number and the vote, never anything of the requester.
 */
import { format } from '../locale/index';
import type { SatisfactionRefusal, SatisfactionTexts } from '../locale/satisfaction';
import type { Status } from './request';
import { CHOICE_LISTS } from './schema';

export type { SatisfactionRefusal };
export type Vote = (typeof CHOICE_LISTS.satisfaction)[number];

export function isVote(value: unknown): value is Vote {
  return typeof value === 'string' && (CHOICE_LISTS.satisfaction as readonly string[]).indexOf(value) >= 0;
}

/** What the decision needs of the request's row, read from the log. */
export interface RatedRequest {
  /** The status key, or undefined for a label the helpdesk does not know. */
  status: Status | undefined;
  /** The «Оценка» cell as text. */
  satisfaction: string;
  /** Every personal cell blank or a privacy marker (anonymised or erased). */
  anonymised: boolean;
}

/** What a vote does: the status to move to (none for «Помогло» on a closed request) and what the page says. */
export type VoteEffect = 'closed' | 'reopened' | 'recorded';

export type VoteDecision =
  | { ok: true; vote: Vote; to: Status | undefined; effect: VoteEffect }
  | { ok: false; refusal: SatisfactionRefusal };

/** Whether `vote` may be recorded on the request (undefined: no such request in the log). */
export function decideVote(request: RatedRequest | undefined, vote: Vote): VoteDecision {
  if (!request) return { ok: false, refusal: 'unknownRequest' };
  if (request.anonymised) return { ok: false, refusal: 'anonymised' };
  if (request.satisfaction.trim() !== '') return { ok: false, refusal: 'alreadyRated' };
  if (request.status === 'answered') {
    return vote === 'helped'
      ? { ok: true, vote, to: 'closed', effect: 'closed' }
      : { ok: true, vote, to: 'inProgress', effect: 'reopened' };
  }
  if (request.status === 'closed') {
    return vote === 'helped'
      ? { ok: true, vote, to: undefined, effect: 'recorded' }
      : { ok: true, vote, to: 'inProgress', effect: 'reopened' };
  }
  return { ok: false, refusal: 'notAnswered' };
}

// ---- the POST ----------------------------------------------------------------------------------------------

/** Longest token the form can carry: the signed token is about 60 characters; anything far longer is junk. */
const MAX_FIELD = 400;

export type PostedForm = { ok: true; token: string; vote: string } | { ok: false; refusal: SatisfactionRefusal };

/**
 * The confirmation form's fields from doPost's `e.parameters`: exactly one non-blank `token` and one `vote`.
 * A field given twice, or overlong, is a bad request (a browser posting the page's form never does that).
 */
export function readPostedForm(parameters: Readonly<Record<string, readonly string[]>> | undefined): PostedForm {
  const field = (name: string): string[] | undefined => {
    const v = parameters ? parameters[name] : undefined;
    return Array.isArray(v) ? v.map((s) => String(s)) : undefined;
  };
  const tokens = field('token') ?? [];
  const votes = field('vote') ?? [];
  if (tokens.length > 1 || votes.length > 1) return { ok: false, refusal: 'badRequest' };
  const token = (tokens[0] ?? '').trim();
  if (token === '') return { ok: false, refusal: 'missingToken' };
  const vote = (votes[0] ?? '').trim();
  if (token.length > MAX_FIELD || vote === '' || vote.length > MAX_FIELD) return { ok: false, refusal: 'badRequest' };
  return { ok: true, token, vote };
}

// ---- the pages ---------------------------------------------------------------------------------------------

export interface ConfirmForm {
  /** The web app's own URL (the form posts to doPost). */
  action: string;
  token: string;
  vote: Vote;
  button: string;
}

/** One page: a heading, paragraphs, an optional form, small print. The template only prints these strings. */
export interface SatisfactionPageModel {
  lang: 'ru' | 'en';
  kind: 'confirm' | 'done' | 'refused';
  title: string;
  heading: string;
  /** The request's number line, or '' (refusals do not repeat what the link claims). */
  request: string;
  paragraphs: string[];
  form?: ConfirmForm;
  notes: string[];
}

const langOf = (locale: string): 'ru' | 'en' => (locale === 'en' ? 'en' : 'ru');

export interface ConfirmInput {
  locale: string;
  texts: SatisfactionTexts;
  requestId: string;
  vote: Vote;
  voteLabels: Readonly<Record<Vote, string>>;
  action: string;
  token: string;
}

export function confirmPage(input: ConfirmInput): SatisfactionPageModel {
  const t = input.texts.confirm;
  const label = input.voteLabels[input.vote];
  return {
    lang: langOf(input.locale),
    kind: 'confirm',
    title: input.texts.title,
    heading: t.heading,
    request: format(t.request, { id: input.requestId }),
    paragraphs: [format(t.chosen, { vote: label }), t.effect[input.vote]],
    form: { action: input.action, token: input.token, vote: input.vote, button: format(t.button, { vote: label }) },
    notes: [t.mistake, t.once],
  };
}

export function donePage(
  locale: string,
  texts: SatisfactionTexts,
  requestId: string,
  effect: VoteEffect,
): SatisfactionPageModel {
  return {
    lang: langOf(locale),
    kind: 'done',
    title: texts.title,
    heading: texts.done.heading,
    request: format(texts.confirm.request, { id: requestId }),
    paragraphs: [format(texts.done[effect], { id: requestId })],
    notes: [],
  };
}

/** A refusal: what happened and what to do; the school's phone (a setting) when there is one. */
export function refusalPage(
  locale: string,
  texts: SatisfactionTexts,
  refusal: SatisfactionRefusal,
  schoolPhone: string,
): SatisfactionPageModel {
  const r = texts.refused[refusal];
  const phone = schoolPhone.trim();
  return {
    lang: langOf(locale),
    kind: 'refused',
    title: texts.title,
    heading: r.heading,
    request: '',
    paragraphs: [r.message],
    notes: phone ? [format(texts.contact, { phone })] : [],
  };
}
