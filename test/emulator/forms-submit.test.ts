// A respondent submitting the form, and the two form-submit events (guides/triggers/events, reference/forms/form-response).
import { advance } from '../../emulator/scheduler';
import { listForms, storedResponses, submitForm } from '../../emulator/services/forms';
import { readDisplayValues, readSheetValues } from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const PARENT = 'parent@gmail.com';
const SHEET = 'Ответы на форму (1)';

const CODE = `
function setup() {
  var ss = SpreadsheetApp.getActive();
  var form = FormApp.create('Обращение');
  var name = form.addTextItem().setTitle('ФИО').setRequired(true);
  var email = form.addTextItem().setTitle('E-mail').setRequired(true)
    .setValidation(FormApp.createTextValidation().setHelpText('Нужен адрес электронной почты').requireTextIsEmail().build());
  var phone = form.addTextItem().setTitle('Телефон')
    .setValidation(FormApp.createTextValidation().setHelpText('Формат: +7XXXXXXXXXX').requireTextMatchesPattern('\\\\+7\\\\d{10}').build());
  var question = form.addParagraphTextItem().setTitle('Вопрос').setRequired(true)
    .setValidation(FormApp.createParagraphTextValidation().requireTextLengthGreaterThanOrEqualTo(10).build());
  form.addSectionHeaderItem().setTitle('О ребёнке');
  var grade = form.addListItem().setTitle('Класс').setChoiceValues(['1А', '1Б', '2А']).setRequired(true);
  var topic = form.addMultipleChoiceItem().setTitle('Тема').setChoiceValues(['Оценки', 'Доступ']).showOtherOption(true);
  var contact = form.addCheckboxItem().setTitle('Как связаться').setChoiceValues(['E-mail', 'Телефон', 'Мессенджер']);
  var code = form.addTextItem().setTitle('Код');
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ss.getId());
  ScriptApp.newTrigger('onFormSide').forForm(form).onFormSubmit().create();
  ScriptApp.newTrigger('onSheetSide').forSpreadsheet(ss).onFormSubmit().create();
  return JSON.stringify({ id: form.getId(), ids: [name, email, phone, question, grade, topic, contact, code].map(function (i) { return i.getId(); }) });
}
function onFormSide(e) {
  var r = e.response;
  return JSON.stringify({
    keys: Object.keys(e).sort(), authMode: String(e.authMode), uid: e.triggerUid,
    id: r.getId(), stamp: r.getTimestamp().getTime(), isDate: r.getTimestamp() instanceof Date,
    email: r.getRespondentEmail(), source: e.source.getId(), title: e.source.getTitle(),
    items: r.getItemResponses().map(function (ir) { return [ir.getItem().getId(), ir.getItem().getType(), ir.getResponse()]; }),
    checkboxIsArray: r.getItemResponses()[5].getResponse() instanceof Array,
    phone: r.getResponseForItem(e.source.getItems()[2]) === null,
    again: FormApp.openById(e.source.getId()).getResponse(r.getId()).getId() === r.getId(),
    editUrl: r.getEditResponseUrl(),
  });
}
function onSheetSide(e) {
  return JSON.stringify({ keys: Object.keys(e).sort(), authMode: String(e.authMode), values: e.values, namedValues: e.namedValues,
    a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), hasSource: 'source' in e, valuesIsArray: e.values instanceof Array });
}
function responses(id, sinceMs) {
  var form = FormApp.openById(id);
  var list = sinceMs === undefined ? form.getResponses() : form.getResponses(new Date(sinceMs));
  return list.map(function (r) { return r.getId(); });
}
function remove(id, responseId) {
  var form = FormApp.openById(id);
  form.deleteResponse(responseId);
  var out = [form.getResponses().length];
  try { form.getResponse(responseId); } catch (e) { out.push(e.message); }
  return out.join('|');
}
function plain(a1) { SpreadsheetApp.getActive().getSheetByName('Ответы на форму (1)').getRange(a1).setNumberFormat('@'); }
function close(id, message) { FormApp.openById(id).setAcceptingResponses(false).setCustomClosedFormMessage(message); }
`;

const VALID = {
  ФИО: 'Иванова Анна Петровна',
  'E-mail': 'anna@example.ru',
  Вопрос: 'Не вижу оценки ребёнка за четверть',
  Класс: '1Б',
  Тема: 'Электронный дневник',
  'Как связаться': ['Телефон', 'E-mail'],
  Код: '007',
};

function setup() {
  const rt = inlineRuntime(CODE);
  const { id, ids } = JSON.parse(rt.runAsOwner<string>('setup')) as { id: string; ids: number[] };
  // Submissions from 10:00 Yekaterinburg time, whatever the setup's calls cost.
  rt.clock.set(Date.parse('2026-09-01T05:00:00Z'));
  return { rt, id, ids };
}

describe('submitForm: a respondent submits the form', () => {
  test('a valid submission fires the form trigger with a real FormResponse (guides/triggers/events#form-submit)', () => {
    const { rt, id, ids } = setup();
    rt.clock.advance(60_000);
    const result = submitForm(rt, id, VALID, { respondent: PARENT });
    expect(result.ok).toBe(true);
    expect(result.errors).toBeUndefined();
    expect(result.runs.map((r) => [r.handler, r.owner, r.outcome.ok])).toEqual([
      ['onFormSide', OWNER, true],
      ['onSheetSide', OWNER, true],
    ]);
    const e = JSON.parse(result.formRuns[0].outcome.value as string);
    expect(e.keys).toEqual(['authMode', 'response', 'source', 'triggerUid']);
    expect(e.authMode).toBe('FULL');
    expect(e.uid).toBe(result.formRuns[0].triggerUid);
    expect(e.id).toBe(result.responseId);
    expect(e.stamp).toBe(Date.parse('2026-09-01T05:01:00Z'));
    expect(e.isDate).toBe(true);
    // reference/forms/form-response#getrespondentemail: only when the form collects addresses.
    expect(e.email).toBe('');
    expect(e.source).toBe(id);
    // Answers in form order, paired with their items; the unanswered phone is left out.
    expect(e.items).toEqual([
      [ids[0], 'TEXT', 'Иванова Анна Петровна'],
      [ids[1], 'TEXT', 'anna@example.ru'],
      [ids[3], 'PARAGRAPH_TEXT', 'Не вижу оценки ребёнка за четверть'],
      [ids[4], 'LIST', '1Б'],
      [ids[5], 'MULTIPLE_CHOICE', 'Электронный дневник'],
      [ids[6], 'CHECKBOX', ['E-mail', 'Телефон']],
      [ids[7], 'TEXT', '007'],
    ]);
    expect(e.checkboxIsArray).toBe(true);
    expect(e.phone).toBe(true);
    expect(e.again).toBe(true);
    expect(e.editUrl).toBe(`${listForms(rt)[0].publishedUrl}?edit2=${result.responseId}`);
  });

  test('and the spreadsheet trigger with namedValues, values and range as display strings, without source (guides/triggers/events#form-submit)', () => {
    const { rt, id } = setup();
    const result = submitForm(rt, id, VALID, { respondent: PARENT });
    const e = JSON.parse(result.sheetRuns[0].outcome.value as string);
    expect(e.keys).toEqual(['authMode', 'namedValues', 'range', 'triggerUid', 'values']);
    expect(e.hasSource).toBe(false);
    expect(e.valuesIsArray).toBe(true);
    expect(e.sheet).toBe(SHEET);
    expect(e.a1).toBe('A2:I2');
    // The timestamp first, in the spreadsheet's locale and zone; checkbox answers joined with ", ";
    // the answers parsed as Sheets parses typed input ("007" becomes 7 in an automatic column).
    const values = [
      '01.09.2026 10:00:00',
      'Иванова Анна Петровна',
      'anna@example.ru',
      '',
      'Не вижу оценки ребёнка за четверть',
      '1Б',
      'Электронный дневник',
      'E-mail, Телефон',
      '7',
    ];
    expect(e.values).toEqual(values);
    expect(e.namedValues).toEqual({
      'Отметка времени': ['01.09.2026 10:00:00'],
      ФИО: ['Иванова Анна Петровна'],
      'E-mail': ['anna@example.ru'],
      Телефон: [''],
      Вопрос: ['Не вижу оценки ребёнка за четверть'],
      Класс: ['1Б'],
      Тема: ['Электронный дневник'],
      'Как связаться': ['E-mail, Телефон'],
      Код: ['7'],
    });
    expect(readDisplayValues(rt, SHEET)[1]).toEqual(values);
    const stored = readSheetValues(rt, SHEET)[1];
    expect(stored[0]).toEqual(new Date('2026-09-01T05:00:00Z'));
    expect(result.row).toBe(2);
  });

  test('a plain-text column keeps the answer as typed; an answer starting with "=" is stored as text, never a formula', () => {
    const { rt, id } = setup();
    rt.runAsOwner('plain', 'I2:I1000');
    submitForm(rt, id, { ...VALID, Вопрос: '=IMPORTXML("http://x", "//a")' });
    expect(readSheetValues(rt, SHEET)[1].slice(4)).toEqual([
      '=IMPORTXML("http://x", "//a")',
      '1Б',
      'Электронный дневник',
      'E-mail, Телефон',
      '007',
    ]);
  });

  test('an invalid submission is refused with the messages the respondent sees, and nothing is recorded', () => {
    const { rt, id, ids } = setup();
    const result = submitForm(rt, id, {
      ФИО: '   ',
      'E-mail': 'anna-at-example',
      Телефон: '8 912 000 00 00',
      Вопрос: 'Помогите',
      Класс: '5В',
      'Как связаться': ['Голубиная почта', 'Телефон'],
    });
    expect(result.ok).toBe(false);
    expect(result.responseId).toBeUndefined();
    expect(result.errors).toEqual([
      { itemId: ids[0], title: 'ФИО', message: 'Это обязательный вопрос.' },
      // reference/forms/data-validation-builder#sethelptexttext: the help text is shown when validation fails.
      { itemId: ids[1], title: 'E-mail', message: 'Нужен адрес электронной почты' },
      { itemId: ids[2], title: 'Телефон', message: 'Формат: +7XXXXXXXXXX' },
      { itemId: ids[3], title: 'Вопрос', message: 'Минимальное количество символов: 10.' },
      { itemId: ids[4], title: 'Класс', message: 'Выберите один из вариантов.' },
      { itemId: ids[6], title: 'Как связаться', message: 'Выберите один из вариантов.' },
    ]);
    expect(result.runs).toEqual([]);
    expect(storedResponses(rt, id)).toEqual([]);
    expect(readSheetValues(rt, SHEET)).toHaveLength(1);
    expect(rt.executions.map((x) => x.functionName)).toEqual(['setup']);
  });

  test('a form that is not accepting responses refuses with its closed-form message', () => {
    const { rt, id } = setup();
    rt.runAsOwner('close', id, 'Приём обращений через форму закрыт');
    const result = submitForm(rt, id, VALID);
    expect(result).toEqual({
      ok: false,
      errors: [{ itemId: null, title: 'Обращение', message: 'Приём обращений через форму закрыт' }],
      runs: [],
      formRuns: [],
      sheetRuns: [],
    });
    expect(storedResponses(rt, id)).toHaveLength(0);
  });

  test('English messages for an English form', () => {
    const { rt, id } = setup();
    const result = submitForm(rt, id, { ...VALID, ФИО: '' }, { language: 'en' });
    expect(result.errors?.[0].message).toBe('This is a required question');
  });

  test('with fireTriggers: false the response is stored and written, and no trigger runs (a trigger that failed to fire)', () => {
    const { rt, id, ids } = setup();
    // Answers may be keyed by item id as well as by title.
    const { ФИО, ...rest } = VALID;
    const result = submitForm(rt, id, { ...rest, [String(ids[0])]: ФИО }, { fireTriggers: false });
    expect(result.ok).toBe(true);
    expect(result.runs).toEqual([]);
    expect(rt.runAsOwner('responses', id)).toEqual([result.responseId]);
    expect(readSheetValues(rt, SHEET)).toHaveLength(2);
    expect(storedResponses(rt, id)[0].answers.ФИО).toBe('Иванова Анна Петровна');
  });

  test('response ids are unique and stable; getResponses(since) gives those submitted at or after the date (reference/forms/form#getresponsestimestamp)', () => {
    const { rt, id } = setup();
    const first = submitForm(rt, id, VALID).responseId;
    advance(rt, 3_600_000);
    const since = rt.clock.now();
    const second = submitForm(rt, id, VALID).responseId;
    advance(rt, 60_000);
    const third = submitForm(rt, id, VALID).responseId;
    expect(new Set([first, second, third]).size).toBe(3);
    expect(rt.runAsOwner('responses', id)).toEqual([first, second, third]);
    expect(rt.runAsOwner('responses', id, since)).toEqual([second, third]);
    expect(rt.runAsOwner('responses', id, since + 1)).toEqual([third]);
  });

  test('deleteResponse removes it from the form store only: the responses sheet keeps the row (reference/forms/form#deleteresponseresponseid)', () => {
    const { rt, id } = setup();
    const a = submitForm(rt, id, VALID).responseId as string;
    submitForm(rt, id, { ...VALID, ФИО: 'Петров Пётр' });
    expect(rt.runAsOwner('remove', id, a)).toBe(`1|No response with ID ${a} exists for this form.`);
    expect(storedResponses(rt, id).map((r) => r.answers.ФИО)).toEqual(['Петров Пётр']);
    expect(readSheetValues(rt, SHEET).map((r) => r[1])).toEqual(['ФИО', 'Иванова Анна Петровна', 'Петров Пётр']);
  });

  test('a collected e-mail goes to getRespondentEmail() and its own column; one response per user when limited', () => {
    const rt = inlineRuntime(`${CODE}
      function collect(id) { FormApp.openById(id).setCollectEmail(true).setLimitOneResponsePerUser(true); }`);
    const { id } = JSON.parse(rt.runAsOwner<string>('setup')) as { id: string };
    rt.runAsOwner('collect', id);
    expect(submitForm(rt, id, VALID).errors).toEqual([
      { itemId: null, title: 'Обращение', message: 'Чтобы заполнить эту форму, войдите в аккаунт Google.' },
    ]);
    const ok = submitForm(rt, id, VALID, { respondent: PARENT });
    expect(ok.ok).toBe(true);
    expect(JSON.parse(ok.formRuns[0].outcome.value as string).email).toBe(PARENT);
    expect(readSheetValues(rt, SHEET)[0].slice(-1)).toEqual(['Адрес электронной почты']);
    expect(readSheetValues(rt, SHEET)[1].slice(-1)).toEqual([PARENT]);
    expect(submitForm(rt, id, VALID, { respondent: PARENT }).errors?.[0].message).toBe(
      'Вы уже отправили ответ на эту форму.',
    );
    expect(storedResponses(rt, id)).toHaveLength(1);
  });

  test('a trigger run sees the respondent only where Apps Script shows them (reference/base/session#getactiveuser)', () => {
    const { rt, id } = setup();
    const result = submitForm(rt, id, VALID, { respondent: PARENT });
    expect(result.formRuns[0].outcome.execution.kind).toBe('installable-trigger');
    expect(result.formRuns[0].outcome.execution.effectiveUser).toBe(OWNER);
    expect(result.formRuns[0].outcome.execution.activeUser).toBe('');
  });
});
