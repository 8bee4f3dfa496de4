/**
 * Registering a request that did not come through the form (cl. 5.1, 6.1): a dialog from the menu, the same
 * pipeline as the form, the channel recorded. Runs as the person who clicks: it writes the request row and
 * enqueues; the owner-only bookkeeping and the mail follow in the school account's runQueue.
 */
import { isAbusive } from '../domain/etiquette';
import { checkManualInput, incomingFromManual, MANUAL_CHANNELS, manualInputOf } from '../domain/manual-request';
import { HELPDESK_ROLES } from '../domain/roles';
import { CHOICE_LISTS } from '../domain/schema';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { readOwner } from '../gas/properties';
import { format } from '../locale/index';
import { notifyOnce } from './notify-registration';
import { registerRequest } from './register-request';

export function showRegistrationDialog(): void {
  requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const texts = hd.msgs.register;
  const option = (value: string, label: string) => ({ value, label });
  const data = {
    token: Utilities.getUuid(),
    texts: { saving: texts.saving, failed: texts.failed },
    channels: MANUAL_CHANNELS.map((c) => option(c, hd.msgs.choices.channel[c])),
    requesterTypes: CHOICE_LISTS.requesterType.map((k) => option(k, hd.msgs.choices.requesterType[k])),
    preferredChannels: CHOICE_LISTS.preferredChannel.map((k) => option(k, hd.msgs.choices.preferredChannel[k])),
    topics: hd.topics().map((t) => option(t, t)),
  };
  const template = HtmlService.createTemplateFromFile('register-dialog');
  template.lang = hd.locale;
  template.texts = texts;
  // Embedded in a <script>: "<" escaped so no value can close the tag.
  template.dataJson = JSON.stringify(data).replace(/</g, '\\u003c');
  const html = template.evaluate().setWidth(560).setHeight(680);
  SpreadsheetApp.getUi().showModalDialog(html, texts.title);
}

export interface ManualRegistrationResult {
  ok: boolean;
  id?: string;
  message: string;
}

export function registerManualRequest(raw: unknown): ManualRegistrationResult {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const texts = hd.msgs.register;
  const input = manualInputOf(raw);
  const problems = checkManualInput(input, hd.topics());
  if (problems.length > 0) return { ok: false, message: problems.map((p) => texts[p]).join('\n') };
  if (!input.token) input.token = Utilities.getUuid();
  const incoming = incomingFromManual(input, caller.email, new Date());
  const asOwner = caller.email.toLowerCase() === readOwner().toLowerCase();
  const registration = registerRequest(hd, incoming, { actor: caller.email, asOwner, detectAbuse: isAbusive });
  notifyOnce(hd, registration);
  return { ok: true, id: registration.id, message: format(texts.done, { id: registration.id }) };
}
