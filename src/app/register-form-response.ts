/**
 * A response of the request form as a registered request. Answers are read by the item IDs recorded at
 * setup, so a question the school retitled is still read right. Used by the form's submit trigger and by
 * runQueue's reconciliation, which registers what the trigger missed — at most once either way.
 */
import { isAbusive } from '../domain/etiquette';
import { type FormField, incomingFromForm } from '../domain/request-form';
import type { RequestFormRecord } from '../gas/forms';
import type { Helpdesk } from '../gas/helpdesk';
import { notifyOnce } from './notify-registration';
import { type Registration, registerRequest } from './register-request';

export function registerFormResponse(
  hd: Helpdesk,
  response: GoogleAppsScript.Forms.FormResponse,
  form: RequestFormRecord,
  repair = false,
): Registration {
  const fieldOfItem = new Map<number, FormField>();
  for (const [field, id] of Object.entries(form.items) as Array<[FormField, number]>) fieldOfItem.set(id, field);
  const answers: Partial<Record<FormField, string | string[]>> = {};
  for (const itemResponse of response.getItemResponses()) {
    const field = fieldOfItem.get(itemResponse.getItem().getId());
    if (field) answers[field] = itemResponse.getResponse() as string | string[];
  }
  const incoming = incomingFromForm(answers, response.getId(), new Date(response.getTimestamp().getTime()), {
    requesterTypeLabels: hd.msgs.choices.requesterType,
    preferredChannelLabels: hd.msgs.choices.preferredChannel,
  });
  const registration = registerRequest(hd, incoming, { actor: '', asOwner: true, detectAbuse: isAbusive, repair });
  notifyOnce(hd, registration);
  return registration;
}
