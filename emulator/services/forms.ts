/**
 * The forms service: registers FormApp (forms/app.ts) and exports the host-side helpers tests, the demo and
 * the benchmark use: a respondent's submission (submitForm), and read-only views of the forms and their
 * response stores. None of these is visible to the script.
 */
import { registerService, type Runtime } from '../runtime';
import { FormAppImpl } from './forms/app';
import { type Answer, type FormModel, formStore } from './forms/model';

registerService({ globals: (exec) => ({ FormApp: new FormAppImpl(exec)._wrapped() }) });

export {
  type SubmitAnswers,
  type SubmitError,
  type SubmitOptions,
  type SubmitResult,
  submitForm,
} from './forms/submit';
export { FormAppImpl } from './forms/app';
export { FormImpl } from './forms/form';
export { FormModel, FormStore, formStore } from './forms/model';

/** A form as the Drive listing would show it to its owner. */
export interface FormInfo {
  id: string;
  title: string;
  owner: string;
  editors: string[];
  editUrl: string;
  publishedUrl: string;
  /** The linked spreadsheet, or null. */
  destinationId: string | null;
  acceptingResponses: boolean;
  responseCount: number;
}

function info(form: FormModel): FormInfo {
  return {
    id: form.id,
    title: form.title,
    owner: form.owner,
    editors: [...form.editors],
    editUrl: form.editUrl,
    publishedUrl: form.publishedUrl,
    destinationId: form.destination?.spreadsheetId ?? null,
    acceptingResponses: form.published && form.acceptingResponses,
    responseCount: form.responses.length,
  };
}

/** Every form the scripts created, oldest first. */
export function listForms(rt: Runtime): FormInfo[] {
  return [...formStore(rt).forms.values()].map(info);
}

export function formModel(rt: Runtime, formId: string): FormModel {
  const form = formStore(rt).get(formId);
  if (!form) throw new Error(`No form with id ${formId}`);
  return form;
}

/** A response in the form's own store, answers keyed by question title. */
export interface StoredResponse {
  id: string;
  timestamp: Date;
  respondentEmail: string;
  via: 'respondent' | 'script';
  answers: Record<string, Answer>;
}

export function storedResponses(rt: Runtime, formId: string): StoredResponse[] {
  const form = formModel(rt, formId);
  return form.responses.map((r) => {
    const answers: Record<string, Answer> = {};
    for (const [item, a] of form.answersInItemOrder(r)) answers[item.title] = Array.isArray(a) ? [...a] : a;
    return {
      id: r.id ?? '',
      timestamp: new Date(r.timestamp ?? 0),
      respondentEmail: r.respondentEmail,
      via: r.via ?? 'script',
      answers,
    };
  });
}

/** Shares the form for editing (the owner's "Add collaborators"). */
export function shareForm(rt: Runtime, formId: string, email: string): void {
  const form = formModel(rt, formId);
  if (!form.canEdit(email)) form.editors.push(email);
}
