/**
 * `onComplaintSubmit` (cl. 10): a complaint about a specialist goes to the director, not to the specialist.
 * The director is told that one arrived and where to read it; nothing of its text leaves the complaints
 * spreadsheet, and nothing of it reaches the shared log.
 */
import { isPlausibleEmail } from '../domain/contacts';
import { mailKey } from '../domain/mail-queue';
import { mailContextOf, renderComplaintNotice } from '../domain/mail-templates';
import { readFormsRecord } from '../gas/forms';
import { requireTriggerEvent } from '../gas/guard';
import { recordHeartbeat } from '../gas/properties';
import { Helpdesk } from '../gas/helpdesk';
import { enqueueMail, runMailQueue } from '../gas/mailer';
import { readOwner } from '../gas/properties';

export function handleComplaintSubmit(e: unknown): void {
  requireTriggerEvent(e);
  recordHeartbeat('onComplaintSubmit', new Date());
  const response = (e as { response?: GoogleAppsScript.Forms.FormResponse }).response;
  const record = readFormsRecord().complaints;
  if (!response || !record) throw new Error('onComplaintSubmit: no response or no recorded complaints form');
  const hd = new Helpdesk();
  const director = hd.setting('director.email');
  // Until the school names the director, the school account itself receives the notice.
  const to = isPlausibleEmail(director) ? director : readOwner();
  const ctx = mailContextOf(hd.settings(), {
    locale: hd.locale,
    timeZone: hd.zone,
    spreadsheetUrl: hd.ss.getUrl(),
  });
  const complaintsUrl = SpreadsheetApp.openById(record.spreadsheetId).getUrl();
  const reference = `Ж-${response.getId()}`;
  const key = mailKey(reference, 'complaint', 'received');
  const body = renderComplaintNotice(ctx, {
    key,
    receivedAt: new Date(response.getTimestamp().getTime()),
    complaintsUrl,
  });
  enqueueMail({ key, requestId: reference, kind: 'complaint', to, ...body });
  runMailQueue(new Date(), 30_000);
}
