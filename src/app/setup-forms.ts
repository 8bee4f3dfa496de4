/** Setup's part for the forms: the complaints form first (the request form links to it), then the request form. */
import { requestFormItems } from '../domain/request-form';
import type { CHOICE_LISTS } from '../domain/schema';
import { ensureComplaintsForm, ensureRequestForm, type FormsRecord, readFormsRecord, recordForms } from '../gas/forms';
import { format, type Messages } from '../locale/index';

export interface FormsSetupResult {
  record: FormsRecord;
  /** Form titles created, and the fields added to existing forms. */
  created: string[];
  itemsAdded: string[];
}

export function ensureForms(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: ReadonlyMap<string, string>,
  topics: readonly string[],
  msgs: Messages,
): FormsSetupResult {
  const before = readFormsRecord();
  // Recorded as soon as anything is created, so a run that dies half-way leaves nothing the next run cannot find.
  const current: FormsRecord = { ...before };
  const get = (key: string) => (settings.get(key) ?? '').trim();
  const school = get('school.name');
  const complaints = ensureComplaintsForm(
    {
      title: msgs.complaintsForm.title,
      intro: format(msgs.complaintsForm.intro, { school }),
      confirmation: msgs.complaintsForm.confirmation,
      spreadsheetName: msgs.complaintsForm.spreadsheet,
      items: {
        name: msgs.complaintsForm.name,
        contact: msgs.complaintsForm.contact,
        about: msgs.complaintsForm.about,
        text: msgs.complaintsForm.text,
      },
    },
    get('director.email'),
    before.complaints,
    (complaintsRecord) => {
      current.complaints = complaintsRecord;
      recordForms(current);
    },
  );
  const complaintsUrl = FormApp.openById(complaints.record.formId).getPublishedUrl();
  const intro = [
    format(msgs.form.intro, {
      school,
      officeHours: `${get('office.start')}–${get('office.end')}`,
      phone: get('school.phone'),
      supportPhone: get('support.phone'),
    }),
    format(msgs.form.complaintsLink, { url: complaintsUrl }),
  ].join('\n\n');
  const minLength = Number(get('form.descriptionMinLength').replace(',', '.'));
  const specs = requestFormItems({
    texts: msgs.form,
    requesterTypeLabels: labelsOf(msgs, 'requesterType'),
    preferredChannelLabels: labelsOf(msgs, 'preferredChannel'),
    topics,
    askClassName: /^(да|yes)$/i.test(get('form.askClassName')),
    descriptionMinLength: Number.isFinite(minLength) && minLength > 0 ? Math.round(minLength) : 30,
    consentText: get('form.consentText'),
  });
  const requests = ensureRequestForm(
    ss,
    specs,
    { title: msgs.form.title, intro, confirmation: msgs.form.confirmation },
    before.requests,
    (requestsRecord) => {
      current.requests = requestsRecord;
      recordForms(current);
    },
  );
  const record: FormsRecord = { requests: requests.record, complaints: complaints.record };
  if (JSON.stringify(record) !== JSON.stringify(current)) recordForms(record);
  return {
    record,
    created: [
      ...(complaints.created ? [msgs.complaintsForm.title] : []),
      ...(requests.created ? [msgs.form.title] : []),
    ],
    itemsAdded: [
      ...(complaints.created ? [] : complaints.itemsAdded.map((f) => `${msgs.complaintsForm.title}.${f}`)),
      ...(requests.created ? [] : requests.itemsAdded.map((f) => `${msgs.form.title}.${f}`)),
    ],
  };
}

function labelsOf<L extends 'requesterType' | 'preferredChannel'>(
  msgs: Messages,
  list: L,
): Record<(typeof CHOICE_LISTS)[L][number], string> {
  return msgs.choices[list] as Record<(typeof CHOICE_LISTS)[L][number], string>;
}
