/**
 * `onFormSubmit`: the request form's own installable trigger, running as the school account. Registers the
 * response and sends the acknowledgement at once; whatever fails here, runQueue's reconciliation finds the
 * response later, since the form's own responses are the source of truth.
 */
import { requireTriggerEvent } from '../gas/guard';
import { recordHeartbeat } from '../gas/properties';
import { Helpdesk } from '../gas/helpdesk';
import { readFormsRecord } from '../gas/forms';
import { runMailQueue } from '../gas/mailer';
import { registerFormResponse } from './register-form-response';

/** The acknowledgement goes out in the same run when it can; what does not fit waits for runQueue. */
const MAIL_BUDGET_MS = 60_000;

export function handleFormSubmit(e: unknown): string {
  requireTriggerEvent(e);
  recordHeartbeat('onFormSubmit', new Date());
  const response = (e as { response?: GoogleAppsScript.Forms.FormResponse }).response;
  const form = readFormsRecord().requests;
  if (!response || !form) throw new Error('onFormSubmit: no response or no recorded request form');
  const registration = registerFormResponse(new Helpdesk(), response, form);
  runMailQueue(new Date(), MAIL_BUDGET_MS);
  return registration.id;
}
