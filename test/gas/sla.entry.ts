// Test entry: the service-level jobs over a workbook built by the real setup and intake, bundled by
// test/helpers/gas-bundle.ts. Setup installs runSlaSweep (hourly, firing at :34 here) and sendDailyDigest
// (daily, 07:15 here): the minutes the expected times were worked out for.
import { notifyRegistration } from '../../src/app/notify-registration';
import { registerRequest } from '../../src/app/register-request';
import { runSlaSweepJob } from '../../src/app/run-sla-sweep';
import { sendDailyDigestJob } from '../../src/app/send-daily-digest';
import { runSetup } from '../../src/app/setup';
import type { RequesterType } from '../../src/domain/request';
import { Helpdesk } from '../../src/gas/helpdesk';
import { runMailQueue } from '../../src/gas/mailer';

/** Jobs of the plan this entry does not export: their triggers would only fail here. */
const NOT_HERE = [
  'runQueue',
  'pollHelpdeskMail',
  'anonymiseExpired',
  'onFormSubmit',
  'onComplaintSubmit',
  'sendWeeklyReport',
  'onSheetEdit',
];

export function setupHelpdesk(): { sweep: string; digest: string } {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  for (const t of ScriptApp.getProjectTriggers()) {
    if (NOT_HERE.indexOf(t.getHandlerFunction()) >= 0) ScriptApp.deleteTrigger(t);
  }
  const uidOf = (handler: string) =>
    ScriptApp.getProjectTriggers()
      .filter((t) => t.getHandlerFunction() === handler)
      .map((t) => t.getUniqueId())[0] ?? '';
  return { sweep: uidOf('runSlaSweep'), digest: uidOf('sendDailyDigest') };
}

export function runSlaSweep(e: unknown) {
  return runSlaSweepJob(e);
}

export function sendDailyDigest(e: unknown) {
  return sendDailyDigestJob(e);
}

export interface Call {
  token: string;
  requesterType: RequesterType;
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
      requesterType: call.requesterType,
      name: 'Иванов Иван Иванович',
      className: '5Б',
      email: call.email,
      phone: '',
      preferredChannel: 'email',
      topic: hd.msgs.choices.topic.attendance,
      description: call.description,
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}

export function sendMail(): number {
  return runMailQueue(new Date(), 4 * 60_000).sent;
}
