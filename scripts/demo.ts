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
import { deliverMail, type MailRecord, sentMail } from '../emulator/services/mail';
import { propertyStore } from '../emulator/services/properties';
import {
  containerSpreadsheet,
  menusFor,
  queueUiAnswer,
  readSheetValues,
  shareSpreadsheet,
} from '../emulator/services/spreadsheet/index';
import { scriptRun, webRequest } from '../emulator/web';
import { exportXlsx } from '../emulator/xlsx';
import { ru } from '../src/locale/ru';
import { renderDashboard } from './render-dashboard';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out');
const SCHOOL = 'pomosh.ej.school@gmail.com';
const CONSULTANT = 'konsultant.ivanova@gmail.com';
const DIRECTOR = 'direktor.petrov@gmail.com';
const DEPUTY = 'zam.uvr.sidorova@gmail.com';
const TEACHER = 'uchitel.orlov@gmail.com';
const SUPPORT = 'help@sedizh.example';
/** The Gmail label the school's filter puts on helpdesk mail (the mail.label setting's default). */
const HELP_LABEL = 'Помощь ЭЖ';

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
  say('## 2 сентября: консультант работает в боковой панели');
  school.edit(ru.sheets.settings, settingCell(rt, 'support.email'), SUPPORT);
  school.edit(ru.sheets.staff, 'A6:D6', [
    [TEACHER, 'Орлов Павел Андреевич', ru.choices.role.teacher, 'Учитель истории'],
  ]);
  advanceTo(rt, '2026-09-02T09:00:00+05:00');
  const act = (who: string, fn: string, requestId: string, input: Record<string, unknown>): string => {
    const result = person(rt, who).call(fn, { requestId, expected: statusOf(rt, requestId), ...input });
    const value = result.value as { ok?: boolean; message?: string } | undefined;
    const text = result.ok ? (value?.message ?? '') : `отказ — ${String(result.error)}`;
    say(indent(`${requestId} ${fn}: ${text.split('\n').join(' ')}`));
    return text;
  };
  const smirnova = idOf(rt, 'smirnova.anna@mail.ru');
  const orlova = idOf(rt, 'orlova.vn@school-sev.ru');
  const kuznetsov = idOf(rt, '+7 912 555-01-02');
  const pavel = idOf(rt, 'pavel.l@mail.ru');
  const formulaParent = idOf(rt, 'parent.test@mail.ru');
  const belova = idOf(rt, '8 (34274) 2-11-09');
  act(CONSULTANT, 'sidebarSetStatus', smirnova, { to: 'inProgress' });
  act(CONSULTANT, 'sidebarAnswer', smirnova, {
    answer:
      'Здравствуйте! «Нет доступа к организации» значит, что в СЭДиЖ ещё не привязана учётная запись Госуслуг. Мы привязали её сегодня: выйдите из дневника и войдите снова через Госуслуги.',
  });
  act(CONSULTANT, 'sidebarAskClarification', orlova, {
    question:
      'Уточните, пожалуйста: урок физики пропал во вторник на чётной или нечётной неделе, и видите ли вы его в поурочном планировании?',
  });
  act(CONSULTANT, 'sidebarEscalate', kuznetsov, {
    tried: 'Проверили архив 2025/26 учебного года: итоговые отметки 4А класса в журнале есть, в дневнике не видны.',
    documents: 'Руководство пользователя СЭДиЖ, раздел «Итоговые отметки»; п. 9.4 регламента.',
    link: 'https://sedizh.example/forum/itogovye-otmetki',
  });
  act(CONSULTANT, 'sidebarEndForEtiquette', pavel, { reason: 'Нецензурная брань и оскорбления в обращении.' });
  act(CONSULTANT, 'sidebarAssign', formulaParent, { assignee: TEACHER });
  act(CONSULTANT, 'sidebarSetStatus', belova, { to: 'inProgress' });
  act(CONSULTANT, 'sidebarAnswer', belova, { answer: 'Пароль сброшен, новый продиктован по телефону.' });
  say(
    indent(
      `Посторонний вызывает кнопку панели со страницы: ${scriptRun(rt, 'sidebarAnswer', [{ requestId: smirnova, expected: 'answered', answer: 'x' }], { from: 'web-app', user: '' }).ok ? 'выполнено (ошибка!)' : 'отказ'}`,
    ),
  );

  advanceTo(rt, '2026-09-02T10:30:00+05:00');
  const helperMail = sentMail(rt, SCHOOL).find((m) => m.to.includes(TEACHER));
  if (helperMail) {
    deliverMail(rt, {
      from: `Орлов Павел <${TEACHER}>`,
      to: SCHOOL,
      subject: `Re: ${helperMail.subject}`,
      body: 'Пропуски появляются в дневнике после того, как учитель закроет урок в журнале. Попросите классного руководителя проверить 1 сентября.',
      inReplyToMessageId: helperMail.messageId,
      labels: [HELP_LABEL],
    });
    say('10:30 — учитель-помощник отвечает на письмо: ответ станет черновиком в «Ответ» (таблицы он не видит).');
  }
  const question = sentMail(rt, SCHOOL).find(
    (m) => m.to.includes('orlova.vn@school-sev.ru') && m.subject.includes(orlova),
  );
  advanceTo(rt, '2026-09-02T11:00:00+05:00');
  if (question) {
    deliverMail(rt, {
      from: `Орлова Вера <orlova.vn@school-sev.ru>`,
      to: SCHOOL,
      subject: `Re: ${question.subject}`,
      body: 'На чётной неделе, в поурочном планировании урок есть.',
      inReplyToMessageId: sentMail(rt, SCHOOL)
        .filter((m) => m.to.includes('orlova.vn@school-sev.ru'))
        .at(-1)?.messageId,
      labels: [HELP_LABEL],
    });
    say('11:00 — Орлова отвечает на уточняющий вопрос: срок снова идёт с того места, где остановился.');
  }
  const packet = sentMail(rt, SCHOOL).find((m) => m.to.includes(SUPPORT));
  advanceTo(rt, '2026-09-02T12:00:00+05:00');
  if (packet) {
    deliverMail(rt, {
      from: `Служба поддержки СЭДиЖ <${SUPPORT}>`,
      to: SCHOOL,
      subject: `Re: ${packet.subject} [Заявка № 48213]`,
      body: 'Здравствуйте! Заявка № 48213. Итоговые отметки прошлого года станут видны в дневнике после переноса архива, до 4 сентября.',
      inReplyToMessageId: packet.messageId,
      labels: [HELP_LABEL],
    });
    say('12:00 — Служба поддержки отвечает на пакет п. 9.4: номер заявки и её ответ записываются сами.');
  }
  advanceTo(rt, '2026-09-02T12:30:00+05:00');
  say(`12:30 — статусы: ${[orlova, kuznetsov, formulaParent].map((id) => `${id} «${labelOf(rt, id)}»`).join(', ')}`);
  act(CONSULTANT, 'sidebarSetStatus', kuznetsov, { to: 'inProgress' });
  act(CONSULTANT, 'sidebarAnswer', kuznetsov, {
    answer:
      'Служба поддержки (заявка № 48213) переносит архив: итоговые отметки прошлого года появятся в дневнике до 4 сентября.',
  });

  // Smirnova opens «Помогло» from her e-mail: the link shows a page; only its button (a POST) records the vote.
  const answerMail = sentMail(rt, SCHOOL).find(
    (m) => m.to.includes('smirnova.anna@mail.ru') && m.body.includes('Помогло'),
  );
  const token = /feedback=([^"&\s]+)/.exec(answerMail?.htmlBody ?? '')?.[1];
  if (token) {
    const page = webRequest(rt, { method: 'GET', parameters: { feedback: decodeURIComponent(token) }, visitor: '' });
    fs.writeFileSync(path.join(out, 'satisfaction-page.html'), page.body);
    const fields: Record<string, string> = {};
    for (const input of page.body.match(/<input\b[^>]*>/g) ?? []) {
      const name = /\bname="([^"]*)"/.exec(input)?.[1];
      const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
      if (name) fields[name] = (value ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    }
    const posted = webRequest(rt, { method: 'POST', postBody: new URLSearchParams(fields).toString(), visitor: '' });
    say(
      `13:00 — Смирнова нажимает «Помогло»: ${posted.status === 200 ? 'оценка записана' : 'отказ'}, обращение ${smirnova} «${labelOf(rt, smirnova)}».`,
    );
  }

  // The school account works in the sheet: the helper's draft is in «Ответ»; «Дан ответ» waits out the undo window.
  advanceTo(rt, '2026-09-02T13:30:00+05:00');
  school.edit(ru.sheets.requests, cellOf(rt, formulaParent, 'status'), ru.choices.status.answered);
  say(
    `13:30 — учётная запись школы ставит в таблице «Дан ответ» для ${formulaParent} (черновик помощника в «Ответ»): письмо уйдёт через 10 минут, если статус не вернут.`,
  );
  advanceTo(rt, '2026-09-02T13:50:00+05:00');
  const staged = sentMail(rt, SCHOOL).some(
    (m) => m.to.includes('parent.test@mail.ru') && m.body.includes('Пропуски появляются'),
  );
  say(
    `13:50 — окно отмены прошло: ответ ${staged ? 'отправлен' : 'не отправлен'}, обращение «${labelOf(rt, formulaParent)}».`,
  );

  say('');
  say('14:00 — консультант заполняет приёмные часы на октябрь одним действием, директор утверждает:');
  advanceTo(rt, '2026-09-02T14:00:00+05:00');
  queueUiAnswer(rt, { button: 'OK', text: '' });
  say(indent(String((consultant.run('fillOfficeHours').value as { message?: string } | undefined)?.message ?? '')));
  advanceTo(rt, '2026-09-02T15:00:00+05:00');
  queueUiAnswer(rt, { button: 'OK', text: 'октябрь 2026' });
  queueUiAnswer(rt, { button: 'YES' });
  const approval = person(rt, DIRECTOR).run('approveSchedule');
  say(
    indent(
      approval.ok
        ? String((approval.value as { message?: string } | undefined)?.message ?? 'утверждено')
        : `отказ — ${String(approval.error)}`,
    ),
  );
  const stranger = consultant.run('approveSchedule');
  say(
    indent(
      `Консультант пытается утвердить сам: ${stranger.ok ? 'выполнено (ошибка!)' : `отказ — ${String(stranger.error)}`}`,
    ),
  );

  say('');
  say('## 3–7 сентября: сроки, напоминания, отчёт директору в понедельник');
  advanceTo(rt, '2026-09-07T09:00:00+05:00');
  const alerts = sentMail(rt, SCHOOL).filter((m) => /\|(reminder|escalation)\|/.test(m.body));
  const local = new Intl.DateTimeFormat('ru-RU', {
    timeZone: 'Asia/Yekaterinburg',
    dateStyle: 'short',
    timeStyle: 'short',
  });
  for (const m of alerts) say(indent(`${local.format(m.date)} → ${m.to.join(', ')}: ${m.subject}`));
  const weekly = sentMail(rt, SCHOOL).find(
    (m) => m.to.includes(DIRECTOR) && m.subject.startsWith('Неделя службы помощи'),
  );
  say(`Понедельник 08:00 — отчёт директору: ${weekly ? weekly.subject : 'не отправлен'}`);
  // The director chooses the month in the period drop-down (B2); the edit trigger redraws «Панель» at once.
  const chosen = person(rt, DIRECTOR).edit(ru.sheets.dashboard, 'B2', 'Этот месяц');
  say(`Директор выбирает на «Панели» период «Этот месяц»: ${chosen.refused ? `отказ — ${chosen.refused}` : 'панель пересчитана'}`);
  const refresh = person(rt, DIRECTOR).run('refreshDashboard');
  say(`Директор обновляет «Панель»: ${refresh.ok ? 'готово' : `отказ — ${String(refresh.error)}`}`);
  await renderDashboard(rt, out);

  const rows = readSheetValues(rt, ru.sheets.requests).slice(2);
  const sent = sentMail(rt, SCHOOL);
  say('');
  say(`Итог недели: обращений ${rows.length}, писем отправлено ${sent.length} (все — от ${SCHOOL}).`);
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

/** A request's ID by the e-mail or phone it came with (the first one, top down). */
function idOf(rt: Runtime, contact: string): string {
  const all = readSheetValues(rt, ru.sheets.requests);
  const keys = all[0] as string[];
  const row = all.slice(2).find((r) => r[keys.indexOf('email')] === contact || r[keys.indexOf('phone')] === contact);
  if (!row) throw new Error(`no request from ${contact}`);
  return String(row[keys.indexOf('id')]);
}

function labelOf(rt: Runtime, id: string): string {
  const all = readSheetValues(rt, ru.sheets.requests);
  const keys = all[0] as string[];
  return String(all.find((r) => r[keys.indexOf('id')] === id)?.[keys.indexOf('status')] ?? '');
}

/** The A1 address of a request's cell, found by the column's key as the script finds it. */
function cellOf(rt: Runtime, id: string, key: string): string {
  const all = readSheetValues(rt, ru.sheets.requests);
  const keys = all[0] as string[];
  const row = all.findIndex((r) => r[keys.indexOf('id')] === id) + 1;
  return `${String.fromCharCode(65 + keys.indexOf(key))}${row}`;
}

/** The status key the sidebar showed (it refuses a step when the request changed since). */
function statusOf(rt: Runtime, id: string): string {
  const label = labelOf(rt, id);
  return Object.entries(ru.choices.status).find(([, l]) => l === label)?.[0] ?? 'new';
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
