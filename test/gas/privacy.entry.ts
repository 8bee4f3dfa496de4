// Test entry: retention and erasure over a workbook built by the real setup and intake, bundled by
// test/helpers/gas-bundle.ts. The built bundle's onFormSubmit is not here: responses are registered by
// registerFormResponse, as the trigger and the reconciliation do.
import { anonymiseExpiredJob } from '../../src/app/anonymise-expired';
import {
  applyErasureWork,
  ERASURE_WORK,
  erasePerson as eraseByContact,
  erasePersonFromMenu,
} from '../../src/app/erase-person';
import { notifyRegistration } from '../../src/app/notify-registration';
import { registerFormResponse } from '../../src/app/register-form-response';
import { registerRequest } from '../../src/app/register-request';
import { runSetup } from '../../src/app/setup';
import type { Status } from '../../src/domain/request';
import { readFormsRecord } from '../../src/gas/forms';
import { Helpdesk } from '../../src/gas/helpdesk';
import { runMailQueue } from '../../src/gas/mailer';
import { drainWork } from '../../src/gas/pending-work';
import { writeRowCells } from '../../src/gas/personal-data';
import { readRecords, text } from '../../src/gas/table';

/** The owner's setup, plus the daily trigger the lead adds to the trigger plan. */
export function setupHelpdesk(): string {
  const report = runSetup();
  if (!report.ok) throw new Error(report.message);
  return ScriptApp.newTrigger('anonymiseExpired').timeBased().everyDays(1).atHour(2).create().getUniqueId();
}

export function registerResponse(responseId: string): string {
  const record = readFormsRecord().requests;
  if (!record) throw new Error('no request form');
  const response = FormApp.openById(record.formId).getResponse(responseId);
  return registerFormResponse(new Helpdesk(), response, record).id;
}

export interface PhoneCall {
  token: string;
  name: string;
  email: string;
  phone: string;
  description: string;
}

/** A request the consultant registers from a phone call (as the owner's run, so the bookkeeping is written at once). */
export function registerCall(call: PhoneCall): string {
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
      phone: call.phone,
      preferredChannel: 'phone',
      topic: hd.msgs.choices.topic.grades,
      description: call.description,
      consent: true,
    },
    { actor: 'consultant', asOwner: true },
  );
  if (registration.record) notifyRegistration(hd, registration.record);
  return registration.id;
}

export function sendMail(): number {
  return runMailQueue(new Date(), 60_000).sent;
}

/** Sets a request's status (by key) and its resolution time, as the consultant's work would. */
export function setStatus(id: string, status: Status, resolvedAtIso: string | null): void {
  const hd = new Helpdesk();
  const table = hd.table('requests', true);
  const found = readRecords(table, ['id']).find((r) => text(r.values.id) === id);
  if (!found) throw new Error(`no request ${id}`);
  const values = { status: hd.msgs.choices.status[status], resolvedAt: resolvedAtIso ? new Date(resolvedAtIso) : '' };
  writeRowCells(table, [{ row: found.row, values }], ['status', 'resolvedAt']);
}

export function anonymiseExpired(e: unknown) {
  return anonymiseExpiredJob(e);
}

export function erasePerson(contact: unknown) {
  return eraseByContact(contact);
}

export function eraseFromMenu() {
  return erasePersonFromMenu();
}

/** The owner's runQueue step the lead wires: the posted erasures. */
export function runErasureWork() {
  return drainWork((items) => applyErasureWork(new Helpdesk(), items), ERASURE_WORK);
}
