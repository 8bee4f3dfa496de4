// FormApp, Form, items and validations, the response destination (reference/forms/*).
import { listForms, shareForm, storedResponses } from '../../emulator/services/forms';
import { listTriggers } from '../../emulator/services/script-app';
import {
  containerSpreadsheetId,
  createSpreadsheet,
  readDisplayValues,
  readSheetValues,
  spreadsheetModel,
} from '../../emulator/services/spreadsheet/index';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const CONSULTANT = 'consultant@gmail.com';

// Every item type the helpdesk form uses, with help texts, required flags, choices and validations.
const FORM_CODE = `
function build() {
  var form = FormApp.create('Обращение в службу поддержки');
  form.setDescription('Опишите вопрос').setConfirmationMessage('Спасибо!').setCollectEmail(false)
    .setAllowResponseEdits(false).setLimitOneResponsePerUser(false).setCustomClosedFormMessage('Приём закрыт');
  var name = form.addTextItem().setTitle('ФИО').setHelpText('Фамилия, имя, отчество').setRequired(true);
  var email = form.addTextItem().setTitle('E-mail').setRequired(true)
    .setValidation(FormApp.createTextValidation().setHelpText('Нужен адрес электронной почты').requireTextIsEmail().build());
  var phone = form.addTextItem().setTitle('Телефон')
    .setValidation(FormApp.createTextValidation().setHelpText('Формат: +7XXXXXXXXXX').requireTextMatchesPattern('\\\\+7\\\\d{10}').build());
  var question = form.addParagraphTextItem().setTitle('Вопрос').setRequired(true)
    .setValidation(FormApp.createParagraphTextValidation().setHelpText('Не короче 10 символов').requireTextLengthGreaterThanOrEqualTo(10).build());
  var section = form.addSectionHeaderItem().setTitle('О ребёнке').setHelpText('Необязательно');
  var grade = form.addListItem().setTitle('Класс').setChoiceValues(['1А', '1Б', '2А']).setRequired(true);
  var topic = form.addMultipleChoiceItem().setTitle('Тема');
  topic.setChoices([topic.createChoice('Оценки'), topic.createChoice('Доступ')]).showOtherOption(true);
  var contact = form.addCheckboxItem().setTitle('Как связаться').setChoiceValues(['E-mail', 'Телефон']);
  var page = form.addPageBreakItem().setTitle('Согласие');
  var consent = form.addMultipleChoiceItem().setTitle('Согласие на обработку персональных данных')
    .setChoiceValues(['Согласен']).setRequired(true);
  return JSON.stringify({ id: form.getId(), ids: [name, email, phone, question, section, grade, topic, contact, page, consent].map(function (i) { return i.getId(); }) });
}
function describe(id) {
  var form = FormApp.openById(id);
  return form.getItems().map(function (it) {
    var line = [it.getIndex(), it.getType(), it.getTitle(), it.getHelpText()];
    if (it.getType() == FormApp.ItemType.TEXT) line.push(it.asTextItem().isRequired());
    if (it.getType() == FormApp.ItemType.PARAGRAPH_TEXT) line.push(it.asParagraphTextItem().isRequired());
    if (it.getType() == FormApp.ItemType.LIST) line.push(it.asListItem().getChoices().map(function (c) { return c.getValue(); }).join('/'));
    if (it.getType() == FormApp.ItemType.MULTIPLE_CHOICE) { var mc = it.asMultipleChoiceItem(); line.push(mc.getChoices().map(function (c) { return c.getValue(); }).join('/') + (mc.hasOtherOption() ? '+other' : '')); }
    if (it.getType() == FormApp.ItemType.CHECKBOX) line.push(it.asCheckboxItem().getChoices().length);
    return line.join('|');
  });
}
function settings(id) {
  var f = FormApp.openById(id);
  return [f.getTitle(), f.getDescription(), f.getConfirmationMessage(), f.collectsEmail(), f.canEditResponse(),
    f.hasLimitOneResponsePerUser(), f.isAcceptingResponses(), f.getCustomClosedFormMessage()].join('|');
}
function cast(id, itemId, as) {
  try { FormApp.openById(id).getItemById(itemId)[as](); return 'ok'; } catch (e) { return e.name + ': ' + e.message; }
}
function link(formId, ssId) {
  var form = FormApp.openById(formId);
  form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId);
  var ss = SpreadsheetApp.openById(ssId);
  var first = ss.getSheets()[0];
  return [form.getDestinationType() == FormApp.DestinationType.SPREADSHEET, form.getDestinationId() === ssId,
    first.getName(), first.getFormUrl() === ss.getFormUrl(), FormApp.openByUrl(first.getFormUrl()).getId() === formId,
    first.getFrozenRows()].join('|');
}
function unlink(formId, sheetName) {
  var form = FormApp.openById(formId);
  form.removeDestination();
  var out = [SpreadsheetApp.getActive().getSheetByName(sheetName).getFormUrl()];
  try { form.getDestinationId(); } catch (e) { out.push(e.message); }
  return out.join('|');
}
`;

function buildForm(code = FORM_CODE) {
  const rt = inlineRuntime(code);
  const { id, ids } = JSON.parse(rt.runAsOwner<string>('build')) as { id: string; ids: number[] };
  return { rt, id, ids };
}

describe('FormApp (reference/forms/form-app)', () => {
  test('create(title) makes a form owned by the effective user, with its own ids and URLs (reference/forms/form)', () => {
    const rt = inlineRuntime(`function f() {
      var form = FormApp.create('Обращение');
      var id = form.getId();
      return JSON.stringify({ id: id, title: form.getTitle(), edit: form.getEditUrl(), pub: form.getPublishedUrl(),
        summary: form.getSummaryUrl(), short: form.shortenFormUrl(form.getPublishedUrl()),
        reopened: FormApp.openById(id).getTitle(), byUrl: FormApp.openByUrl(form.getPublishedUrl()).getId() === id,
        active: FormApp.getActiveForm(), accepting: form.isAcceptingResponses() });
    }`);
    const r = JSON.parse(rt.runAsOwner<string>('f')) as Record<string, unknown>;
    expect(r.id).toMatch(/^1[A-Za-z0-9_-]{43}$/);
    expect(r.title).toBe('Обращение');
    expect(r.edit).toBe(`https://docs.google.com/forms/d/${r.id}/edit`);
    expect(r.pub).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\/1FAIpQLS[A-Za-z0-9_-]{48}\/viewform$/);
    expect(r.summary).toBe(`https://docs.google.com/forms/d/${r.id}/viewanalytics`);
    expect(r.short).toMatch(/^https:\/\/forms\.gle\/[A-Za-z0-9]{17}$/);
    expect(r.reopened).toBe('Обращение');
    expect(r.byUrl).toBe(true);
    // reference/forms/form-app#getactiveform: a script bound to a spreadsheet has no active form.
    expect(r.active).toBeNull();
    expect(r.accepting).toBe(true);
    expect(listForms(rt)).toEqual([
      expect.objectContaining({ id: r.id, owner: OWNER, destinationId: null, responseCount: 0 }),
    ]);
  });

  test('create needs a title and full authorisation; an unshared form cannot be opened by another person', () => {
    const rt = inlineRuntime(`
      function empty() { try { FormApp.create(''); return 'created'; } catch (e) { return e.message; } }
      function make() { return FormApp.create('Жалоба').getId(); }
      function open(id) { try { return FormApp.openById(id).getTitle(); } catch (e) { return e.message; } }
      function onOpen() { try { FormApp.create('x'); return 'created'; } catch (e) { return e.message; } }
    `);
    // reference/forms/form-app#createtitle: "Error — if the given title is null or empty"
    expect(rt.runAsOwner('empty')).toBe('Invalid argument: title');
    const simple = rt.execute('onOpen', [], { kind: 'simple-trigger', effectiveUser: OWNER, actingUser: OWNER });
    expect(simple.value).toBe(
      'You do not have permission to call FormApp.create. Required permissions: https://www.googleapis.com/auth/forms',
    );
    const id = rt.runAsOwner<string>('make');
    const asConsultant = { kind: 'menu' as const, effectiveUser: CONSULTANT, actingUser: CONSULTANT };
    expect(rt.run('open', [id], asConsultant)).toBe(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
    shareForm(rt, id, CONSULTANT);
    expect(rt.run('open', [id], asConsultant)).toBe('Жалоба');
  });

  test('the enums are the documented names (reference/forms/item-type, destination-type, alignment)', () => {
    const rt = inlineRuntime(`function f() {
      return [FormApp.ItemType.TEXT, FormApp.ItemType.PARAGRAPH_TEXT, FormApp.ItemType.MULTIPLE_CHOICE, FormApp.ItemType.CHECKBOX,
        FormApp.ItemType.LIST, FormApp.ItemType.SECTION_HEADER, FormApp.ItemType.PAGE_BREAK, FormApp.DestinationType.SPREADSHEET,
        FormApp.Alignment.CENTER, FormApp.PageNavigationType.SUBMIT].join(',');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      'TEXT,PARAGRAPH_TEXT,MULTIPLE_CHOICE,CHECKBOX,LIST,SECTION_HEADER,PAGE_BREAK,SPREADSHEET,CENTER,SUBMIT',
    );
  });
});

describe('Form settings and items (reference/forms/form, reference/forms/item)', () => {
  test('a form with every item type keeps titles, help texts, required flags and choices in order', () => {
    const { rt, id, ids } = buildForm();
    expect(rt.runAsOwner('settings', id)).toBe(
      'Обращение в службу поддержки|Опишите вопрос|Спасибо!|false|false|false|true|Приём закрыт',
    );
    expect(rt.runAsOwner<string[]>('describe', id)).toEqual([
      '0|TEXT|ФИО|Фамилия, имя, отчество|true',
      '1|TEXT|E-mail||true',
      '2|TEXT|Телефон||false',
      '3|PARAGRAPH_TEXT|Вопрос||true',
      '4|SECTION_HEADER|О ребёнке|Необязательно',
      '5|LIST|Класс||1А/1Б/2А',
      '6|MULTIPLE_CHOICE|Тема||Оценки/Доступ+other',
      '7|CHECKBOX|Как связаться||2',
      '8|PAGE_BREAK|Согласие|',
      '9|MULTIPLE_CHOICE|Согласие на обработку персональных данных||Согласен',
    ]);
    // Item ids are integers, unique and stable: the same id from getItemById in a later execution.
    expect(new Set(ids).size).toBe(10);
    for (const itemId of ids) expect(Number.isInteger(itemId)).toBe(true);
    const again = inlineRuntime(FORM_CODE);
    expect(JSON.parse(again.runAsOwner<string>('build')).ids).toEqual(ids);
  });

  test('getItems(type), getItemById, moveItem and deleteItem', () => {
    const { rt, id, ids } = buildForm(
      `${FORM_CODE}
      function edit(id, deleteId) {
        var form = FormApp.openById(id);
        var out = [form.getItems(FormApp.ItemType.MULTIPLE_CHOICE).map(function (i) { return i.getTitle(); }).join('/'),
          form.getItems(FormApp.ItemType.DATE).length, form.getItemById(999) === null];
        var moved = form.moveItem(form.getItems()[9], 0);
        out.push(moved.getIndex(), form.getItems()[0].getTitle());
        form.deleteItem(form.getItemById(deleteId));
        form.deleteItem(1);
        out.push(form.getItems().length, form.getItems()[1].getTitle());
        return out.join('|');
      }`,
    );
    expect(rt.runAsOwner('edit', id, ids[4])).toBe(
      'Тема/Согласие на обработку персональных данных|0|true|0|Согласие на обработку персональных данных|8|E-mail',
    );
  });

  test('casting an item to another type fails as Apps Script words it', () => {
    const { rt, id, ids } = buildForm();
    expect(rt.runAsOwner('cast', id, ids[0], 'asTextItem')).toBe('ok');
    expect(rt.runAsOwner('cast', id, ids[8], 'asListItem')).toBe(
      'Exception: Invalid conversion for item type: PAGE_BREAK',
    );
    expect(rt.runAsOwner('cast', id, ids[3], 'asTextItem')).toBe(
      'Exception: Invalid conversion for item type: PARAGRAPH_TEXT',
    );
    // A generic Item has no setters of its own (reference/forms/item): setRequired needs the cast.
    expect(rt.runAsOwner('cast', id, ids[0], 'setRequired')).toMatch(
      /^TypeError: .*does not implement Item\.setRequired/,
    );
  });

  test('validations fit only their item class; a typed item has no casts', () => {
    const rt = inlineRuntime(`function f() {
      var form = FormApp.create('F');
      var out = [];
      var para = form.addParagraphTextItem();
      try { para.setValidation(FormApp.createTextValidation().requireTextIsEmail().build()); out.push('accepted'); } catch (e) { out.push(e.message); }
      var box = form.addCheckboxItem().setChoiceValues(['a', 'b', 'c']);
      box.setValidation(FormApp.createCheckboxValidation().requireSelectAtMost(2).build());
      out.push('asTextItem' in form.addTextItem(), 'asTextItem' in form.getItems()[0]);
      return out.join('|');
    }`);
    expect(rt.runAsOwner('f')).toBe(
      "The parameters (TextValidation) don't match the method signature for FormApp.ParagraphTextItem.setValidation.|false|true",
    );
  });
});

describe('response destination (reference/forms/form#setdestinationtype,-id)', () => {
  test('a Russian spreadsheet gets «Ответы на форму (1)» first, with «Отметка времени» and the question titles; getFormUrl links back', () => {
    const { rt, id } = buildForm();
    const ssId = containerSpreadsheetId(rt);
    expect(rt.runAsOwner('link', id, ssId)).toBe('true|true|Ответы на форму (1)|true|true|1');
    expect(readSheetValues(rt, 'Ответы на форму (1)')).toEqual([
      [
        'Отметка времени',
        'ФИО',
        'E-mail',
        'Телефон',
        'Вопрос',
        'Класс',
        'Тема',
        'Как связаться',
        'Согласие на обработку персональных данных',
      ],
    ]);
    expect(spreadsheetModel(rt, ssId).sheetByName('Ответы на форму (1)')?.formUrl).toBe(
      `https://docs.google.com/forms/d/${id}/viewform`,
    );
    // A second form linked to the same spreadsheet gets the next number (and Spreadsheet.getFormUrl() is then
    // one of the two: reference/spreadsheet/spreadsheet#getformurl calls it indeterminate).
    const second = JSON.parse(rt.runAsOwner<string>('build')).id as string;
    expect(rt.runAsOwner('link', second, ssId)).toBe('true|true|Ответы на форму (2)|true|true|1');
    expect(spreadsheetModel(rt, ssId).sheets.map((s) => s.name)).toEqual([
      'Ответы на форму (2)',
      'Ответы на форму (1)',
      'Лист1',
    ]);
  });

  test('an English spreadsheet gets "Form Responses 1" and "Timestamp"', () => {
    const { rt, id } = buildForm();
    const ss = createSpreadsheet(rt, 'Complaints', OWNER);
    ss.locale = 'en_US';
    expect(rt.runAsOwner('link', id, ss.id)).toBe('true|true|Form Responses 1|true|true|1');
    expect(readSheetValues(rt, 'Form Responses 1', { spreadsheetId: ss.id })[0].slice(0, 2)).toEqual([
      'Timestamp',
      'ФИО',
    ]);
  });

  test('questions added later get a column at the right, renamed ones a new header; a deleted one keeps its column', () => {
    const { rt, id, ids } = buildForm(
      `${FORM_CODE}
      function change(id, renameId, deleteId) {
        var form = FormApp.openById(id);
        form.getItemById(renameId).setTitle('Фамилия и имя');
        form.deleteItem(form.getItemById(deleteId));
        form.addTextItem().setTitle('Школа');
        form.setCollectEmail(true);
      }`,
    );
    rt.runAsOwner('link', id, containerSpreadsheetId(rt));
    rt.runAsOwner('change', id, ids[0], ids[2]);
    expect(readSheetValues(rt, 'Ответы на форму (1)')[0]).toEqual([
      'Отметка времени',
      'Фамилия и имя',
      'E-mail',
      'Телефон',
      'Вопрос',
      'Класс',
      'Тема',
      'Как связаться',
      'Согласие на обработку персональных данных',
      'Школа',
      'Адрес электронной почты',
    ]);
  });

  test('removeDestination unlinks: the sheet stays, getFormUrl() is null, getDestinationId() throws', () => {
    const { rt, id } = buildForm();
    rt.runAsOwner('link', id, containerSpreadsheetId(rt));
    expect(rt.runAsOwner('unlink', id, 'Ответы на форму (1)')).toBe(
      '|This form does not currently have a response destination.',
    );
    expect(listForms(rt)[0].destinationId).toBeNull();
  });

  test('setDestination takes the id, not the Spreadsheet, and needs edit access to it', () => {
    const rt = inlineRuntime(`function f(ssId) {
      var form = FormApp.create('F');
      var out = [];
      try { form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive()); } catch (e) { out.push(e.message); }
      try { form.setDestination(FormApp.DestinationType.SPREADSHEET, ssId); } catch (e) { out.push(e.message); }
      return out.join('|');
    }`);
    const foreign = createSpreadsheet(rt, 'Чужая', 'someone@gmail.com');
    expect(rt.runAsOwner('f', foreign.id)).toBe(
      "The parameters (String,Spreadsheet) don't match the method signature for FormApp.Form.setDestination.|You do not have permission to access the requested document.",
    );
  });

  test('linking a form that already has responses copies them into the new sheet', () => {
    const rt = inlineRuntime(`
      function make() {
        var form = FormApp.create('F');
        var q = form.addTextItem().setTitle('Имя');
        form.createResponse().withItemResponse(q.createResponse('Анна')).submit();
        return form.getId();
      }
      function link(id) { FormApp.openById(id).setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId()); }
    `);
    const id = rt.runAsOwner<string>('make');
    rt.runAsOwner('link', id);
    expect(readDisplayValues(rt, 'Ответы на форму (1)')).toEqual([
      ['Отметка времени', 'Имя'],
      ['01.09.2026 9:00:00', 'Анна'],
    ]);
  });
});

describe('FormResponse from a script (reference/forms/form-response#submit)', () => {
  test('createResponse().submit() records the response and writes its row, but fires no form-submit trigger', () => {
    const rt = inlineRuntime(`
      function setup() {
        var form = FormApp.create('F');
        var q = form.addTextItem().setTitle('Имя');
        var box = form.addCheckboxItem().setTitle('Дни').setChoiceValues(['Пн', 'Вт', 'Ср']);
        form.setDestination(FormApp.DestinationType.SPREADSHEET, SpreadsheetApp.getActive().getId());
        ScriptApp.newTrigger('handle').forForm(form).onFormSubmit().create();
        ScriptApp.newTrigger('handle').forSpreadsheet(SpreadsheetApp.getActive()).onFormSubmit().create();
        var draft = form.createResponse();
        var before = draft.getId();
        var done = draft.withItemResponse(q.createResponse('Анна')).withItemResponse(box.createResponse(['Вт', 'Пн'])).submit();
        return JSON.stringify({ before: before, id: done.getId(), answers: done.getItemResponses().map(function (r) { return r.getResponse(); }),
          count: form.getResponses().length, stamp: done.getTimestamp().getTime() });
      }
      function handle() {}
    `);
    const r = JSON.parse(rt.runAsOwner<string>('setup')) as {
      before: null;
      id: string;
      answers: unknown[];
      count: number;
      stamp: number;
    };
    expect(r.before).toBeNull();
    expect(r.id).toMatch(/^2_ABaOnu/);
    expect(r.answers).toEqual(['Анна', ['Вт', 'Пн']]);
    expect(r.count).toBe(1);
    expect(listTriggers(rt)).toHaveLength(2);
    // Only the setup execution ran: neither trigger fired.
    expect(rt.executions.map((e) => e.functionName)).toEqual(['setup']);
    expect(readDisplayValues(rt, 'Ответы на форму (1)')[1]).toEqual(['01.09.2026 9:00:00', 'Анна', 'Вт, Пн']);
    expect(storedResponses(rt, listForms(rt)[0].id)).toEqual([
      expect.objectContaining({ id: r.id, via: 'script', answers: { Имя: 'Анна', Дни: ['Вт', 'Пн'] } }),
    ]);
  });
});
