// Cl. 10 complaints reach the director and nothing else; the same person asking the same thing within a
// working day is linked to the earlier request, not merged.
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance } from '../../emulator/scheduler';
import { submitForm } from '../../emulator/services/forms';
import { mailbox, sentMail } from '../../emulator/services/mail';
import { propertyStore } from '../../emulator/services/properties';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, CONSULTANT, DIRECTOR, OWNER } from '../helpers/bundle-runtime';
import { setSetting } from '../helpers/settings';

function forms(rt: Runtime) {
  return JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}') as {
    requests: { formId: string };
    complaints: { formId: string; spreadsheetId: string };
  };
}

function prepared(): Runtime {
  const rt = bundleRuntime('2026-09-02T11:00:00+05:00');
  person(rt, OWNER).runOrThrow('setup');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  person(rt, OWNER).runOrThrow('setup');
  return rt;
}

const request = (contact: string, topic: string) => ({
  [ru.form.requesterType[0]]: ru.choices.requesterType.parent,
  [ru.form.name[0]]: 'Кузнецова Ольга',
  [ru.form.contact[0]]: contact,
  [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.phone,
  [ru.form.topic[0]]: topic,
  [ru.form.description[0]]: 'Ребёнок не видит домашнее задание в дневнике уже третий день подряд.',
  [ru.form.consent[0]]: [ru.form.consentChoice],
});

describe('a complaint about a specialist (cl. 10)', () => {
  test('the director is told that one arrived and where to read it; its text goes nowhere else', () => {
    const rt = prepared();
    const text = 'Консультант грубо разговаривал со мной по телефону 1 сентября.';
    const result = submitForm(rt, forms(rt).complaints.formId, {
      [ru.complaintsForm.name[0]]: 'Орлов Пётр',
      [ru.complaintsForm.contact[0]]: 'orlov@mail.ru',
      [ru.complaintsForm.about[0]]: 'Технический консультант',
      [ru.complaintsForm.text[0]]: text,
    });
    expect(result.ok).toBe(true);
    advance(rt, 10 * 60_000);
    const notices = mailbox(rt, DIRECTOR);
    expect(notices).toHaveLength(1);
    expect(notices[0].from).toContain(OWNER);
    for (const m of sentMail(rt, OWNER)) {
      expect(m.body).not.toContain(text);
      expect(m.body).not.toContain('Орлов');
      expect(m.to).not.toContain(CONSULTANT);
    }
    expect(readSheetValues(rt, ru.sheets.requests).slice(2)).toHaveLength(0);
  });
});

describe('possible duplicates', () => {
  test('the same contact and topic within a working day is linked to the earlier request, not merged', () => {
    const rt = prepared();
    const formId = forms(rt).requests.formId;
    submitForm(rt, formId, request('+7 912 111-22-33', ru.choices.topic.diaryAccess));
    rt.clock.advance(3 * 60 * 60_000);
    // The same phone written another way, the same topic: a repeat.
    submitForm(rt, formId, request('89121112233', ru.choices.topic.diaryAccess));
    // The same phone, another topic: a new question.
    submitForm(rt, formId, request('89121112233', ru.choices.topic.attendance));
    const all = readSheetValues(rt, ru.sheets.requests);
    const keys = all[0] as string[];
    const rows = all.slice(2);
    expect(rows).toHaveLength(3);
    const [first, second, third] = rows;
    expect(second[keys.indexOf('duplicateOf')]).toBe(first[keys.indexOf('id')]);
    expect(String(second[keys.indexOf('flags')])).toContain(ru.flags['possible-duplicate']);
    expect(third[keys.indexOf('duplicateOf')]).toBe('');
  });
});
