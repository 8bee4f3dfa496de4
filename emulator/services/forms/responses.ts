/**
 * FormResponse (reference/forms/form-response): a submitted response as the form's response store keeps
 * it, or a draft a script builds with Form.createResponse() and submits with submit(). A script's
 * submit() records the response and writes its row to the responses sheet, but fires no form-submit
 * trigger (guides/triggers/installable: only a respondent's submission fires them).
 */
import { type Execution, GasObject, type Runtime, unwrap } from '../../runtime';
import { signatureError } from '../utilities';
import { writeResponseRow, type WrittenRow } from './destination';
import { facadeList, ItemBase, ItemResponseImpl } from './items';
import type { Answer, FormModel, ResponseModel } from './model';

/** Stores a submitted response in the form's response store and appends its row to the responses sheet. */
export function recordResponse(
  rt: Runtime,
  form: FormModel,
  response: ResponseModel,
  via: 'respondent' | 'script',
): WrittenRow | undefined {
  response.id = form.store.newResponseId();
  response.timestamp = rt.clock.now();
  response.via = via;
  form.responses.push(response);
  return writeResponseRow(rt, form, response);
}

export function newResponse(respondentEmail = ''): ResponseModel {
  return { id: null, timestamp: null, respondentEmail, answers: new Map<number, Answer>(), via: null, submittedBy: '' };
}

export class FormResponseImpl extends GasObject {
  readonly _gasClass = 'FormResponse';

  constructor(
    exec: Execution,
    readonly _form: FormModel,
    public _response: ResponseModel,
  ) {
    super(exec);
  }

  /** The response's id; null until it is submitted. */
  getId(): string | null {
    return this._response.id;
  }

  getTimestamp(): Date | null {
    return this._response.timestamp === null ? null : new Date(this._response.timestamp);
  }

  /** The respondent's address when the form collects e-mail addresses, else ''. */
  getRespondentEmail(): string {
    return this._response.respondentEmail;
  }

  /** The answers, in the order the items appear in the form; unanswered items are left out. */
  getItemResponses(): ItemResponseImpl[] {
    return facadeList(
      this._exec,
      this._form
        .answersInItemOrder(this._response)
        .map(([item, a]) => new ItemResponseImpl(this._exec, this._form, item, a)),
    );
  }

  getGradableItemResponses(): ItemResponseImpl[] {
    return this.getItemResponses();
  }

  /** The answer to one item, or null when it was not answered. */
  getResponseForItem(item: unknown): ItemResponseImpl | null {
    const host = typeof item === 'object' && item !== null ? unwrap(item) : undefined;
    if (!(host instanceof ItemBase)) throw signatureError('FormApp.FormResponse.getResponseForItem', [item]);
    const model = this._form.item(host._item.id);
    const answer = this._response.answers.get(host._item.id);
    return model && answer !== undefined ? new ItemResponseImpl(this._exec, this._form, model, answer) : null;
  }

  getGradableResponseForItem(item: unknown): ItemResponseImpl | null {
    return this.getResponseForItem(item);
  }

  getEditResponseUrl(): string {
    return `${this._form.publishedUrl}?edit2=${this._response.id ?? ''}`;
  }

  /** A URL that opens the form with these answers filled in (entries keyed by item id here). */
  toPrefilledUrl(): string {
    const params = ['usp=pp_url'];
    for (const [item, a] of this._form.answersInItemOrder(this._response)) {
      for (const v of Array.isArray(a) ? a : [a]) params.push(`entry.${item.id}=${encodeURIComponent(v)}`);
    }
    return `${this._form.publishedUrl}?${params.join('&')}`;
  }

  withItemResponse(response: unknown): this {
    const host = typeof response === 'object' && response !== null ? unwrap(response) : undefined;
    if (!(host instanceof ItemResponseImpl)) throw signatureError('FormApp.FormResponse.withItemResponse', [response]);
    const answer = host._answer;
    this._response.answers.set(host._item.id, Array.isArray(answer) ? [...answer] : answer);
    return this;
  }

  /** Submits the draft as a new response (a script's submission: no form-submit trigger fires). */
  submit(): FormResponseImpl {
    const submitted = newResponse(this._response.respondentEmail);
    for (const [k, v] of this._response.answers) submitted.answers.set(k, v);
    recordResponse(this._exec.runtime, this._form, submitted, 'script');
    return new FormResponseImpl(this._exec, this._form, submitted);
  }
}
