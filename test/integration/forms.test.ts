// The forms setup makes: the request form validated as Google Forms would, and the complaints form whose
// answers land in a spreadsheet only the director and the school account can open (cl. 10).
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { listForms, submitForm } from '../../emulator/services/forms';
import { propertyStore } from '../../emulator/services/properties';
import {
  containerSpreadsheet,
  readSheetValues,
  shareSpreadsheet,
  spreadsheetModel,
} from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, CONSULTANT, DIRECTOR, OWNER } from '../helpers/bundle-runtime';

interface FormsRecord {
  requests: { formId: string; items: Record<string, number> };
  complaints: { formId: string; spreadsheetId: string };
}

function forms(rt: Runtime): FormsRecord {
  return JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}') as FormsRecord;
}

const validAnswers = {
  [ru.form.requesterType[0]]: ru.choices.requesterType.parent,
  [ru.form.name[0]]: 'Иванова Анна Сергеевна',
  [ru.form.contact[0]]: 'ivanova.anna@mail.ru',
  [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.email,
  [ru.form.topic[0]]: ru.choices.topic.diaryAccess,
  [ru.form.description[0]]: 'Не могу войти в электронный дневник: после входа через Госуслуги пишет «нет доступа».',
  [ru.form.consent[0]]: [ru.form.consentChoice],
};

describe('the request form', () => {
  let rt: Runtime;
  beforeEach(() => {
    rt = bundleRuntime();
    person(rt, OWNER).runOrThrow('setup');
  });

  test('is linked to this spreadsheet, and its questions are recorded by item ID', () => {
    const record = forms(rt);
    const info = listForms(rt).find((f) => f.id === record.requests.formId);
    expect(info?.destinationId).toBe(containerSpreadsheet(rt).id);
    expect(Object.keys(record.requests.items)).toEqual([
      'requesterType',
      'name',
      'className',
      'contact',
      'preferredChannel',
      'topic',
      'description',
      'consent',
    ]);
  });

  test('a respondent without a usable contact, a short description or consent is refused, nothing recorded', () => {
    const formId = forms(rt).requests.formId;
    const bad = submitForm(rt, formId, {
      ...validAnswers,
      [ru.form.contact[0]]: 'позвоните мне',
      [ru.form.description[0]]: 'не работает',
      [ru.form.consent[0]]: [],
    });
    expect(bad.ok).toBe(false);
    const messages = (bad.errors ?? []).map((e) => e.message);
    expect(messages).toContain(ru.form.contactInvalid);
    expect(messages).toContain(ru.form.descriptionTooShort.replace('{min}', '30'));
    expect(messages.length).toBe(3);
    expect(listForms(rt).find((f) => f.id === formId)?.responseCount).toBe(0);
  });

  test('a valid response lands in the responses sheet', () => {
    const formId = forms(rt).requests.formId;
    const ok = submitForm(rt, formId, validAnswers);
    expect(ok.ok).toBe(true);
    const responses = containerSpreadsheet(rt).sheets.find((s) => s.formUrl)!;
    const rows = readSheetValues(rt, responses.name);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toContain('ivanova.anna@mail.ru');
  });
});

describe('the complaints form', () => {
  test('writes into a separate spreadsheet that only the owner and, once named, the director can open', () => {
    const rt = bundleRuntime();
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, CONSULTANT, 'editor');
    person(rt, OWNER).runOrThrow('setup');
    const { complaints } = forms(rt);
    const target = spreadsheetModel(rt, complaints.spreadsheetId);
    expect(target.id).not.toBe(containerSpreadsheet(rt).id);
    expect(target.access(OWNER)).toBe('owner');
    expect(target.access(CONSULTANT)).toBeNull();

    // The director's e-mail filled in, setup run again: the director can open the complaints.
    const settings = readSheetValues(rt, ru.sheets.settings);
    const row = settings.findIndex((r) => r[0] === 'director.email') + 1;
    expect(person(rt, OWNER).edit(ru.sheets.settings, `C${row}`, DIRECTOR).refused).toBeUndefined();
    person(rt, OWNER).runOrThrow('setup');
    expect(target.access(DIRECTOR)).toBe('editor');
    expect(target.access(CONSULTANT)).toBeNull();

    const submitted = submitForm(rt, complaints.formId, {
      [ru.complaintsForm.name[0]]: 'Петров',
      [ru.complaintsForm.about[0]]: 'Технический консультант',
      [ru.complaintsForm.text[0]]: 'Грубо ответили по телефону.',
    });
    expect(submitted.ok).toBe(true);
    const complaintSheet = target.sheets.find((s) => s.formUrl)!;
    expect(readSheetValues(rt, complaintSheet.name, { spreadsheetId: target.id })).toHaveLength(2);
    // Nothing of it in the shared spreadsheet.
    for (const sheet of containerSpreadsheet(rt).sheets) {
      expect(JSON.stringify(readSheetValues(rt, sheet.name))).not.toContain('Грубо ответили');
    }
  });
});
