// Test entry: the satisfaction links of the answer e-mail, their confirmation page (doGet, through the public
// page's routing) and the vote (doPost), over a workbook built by the real setup, intake and status changes;
// bundled by test/helpers/gas-bundle.ts (src/main.ts is wired by the lead).
import { erasePerson as eraseByContact } from '../../src/app/erase-person';
import { notifyRegistration } from '../../src/app/notify-registration';
import { type DoGetEvent, renderPublicPage } from '../../src/app/public-page';
import { type DoPostEvent, handlePost } from '../../src/app/record-satisfaction';
import { registerRequest } from '../../src/app/register-request';
import { runSetup } from '../../src/app/setup';
import type { Status } from '../../src/domain/request';
import { Helpdesk } from '../../src/gas/helpdesk';
import { runMailQueue } from '../../src/gas/mailer';
import { changeStatus } from '../../src/gas/request-actions';
import { satisfactionToken, type Vote } from '../../src/gas/satisfaction-links';

export function setupHelpdesk(): void {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
}

export interface Call {
  token: string;
  name: string;
  email: string;
  description: string;
}

/** A request the consultant registers from a phone call, as the owner's run (the bookkeeping written at once). */
export function registerCall(call: Call): string {
  const hd = new Helpdesk();
  const registration = registerRequest(
    hd,
    {
      source: { kind: 'manual', registeredBy: 'consultant', token: call.token },
      channel: 'phone',
      receivedAt: new Date(),
      requesterType: 'parent',
      name: call.name,
      className: '5Б',
      email: call.email,
      phone: '',
      preferredChannel: 'email',
      topic: hd.msgs.choices.topic.grades,
      description: call.description,
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}

/** The school account moves a request (as the sidebar would), e.g. answers it. */
export function moveRequest(requestId: string, to: Status, answer?: string): { ok: boolean; message: string } {
  const result = changeStatus(new Helpdesk(), {
    requestId,
    to,
    actor: { email: Session.getEffectiveUser().getEmail(), role: 'owner' },
    answer,
    via: 'sidebar',
  });
  return { ok: result.ok, message: result.message };
}

export function sendMail(): number {
  return runMailQueue(new Date(), 60_000).sent;
}

/** A genuinely signed token, for a request that may not exist (the script alone holds the secret). */
export function signedToken(requestId: string, vote: Vote): string {
  return satisfactionToken(requestId, vote);
}

export function erasePerson(contact: string) {
  return eraseByContact(contact);
}

export function doGet(e?: DoGetEvent) {
  return renderPublicPage(e);
}

export function doPost(e?: DoPostEvent) {
  return handlePost(e);
}
