/**
 * npm start: the helpdesk on the embedded Apps Script runtime, as a school would live it, with no Google
 * account. Leaves what a person would look at under out/: the workbook the script built (helpdesk.xlsx),
 * the executions log (executions.txt) and a story of the run (demo.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import { Runtime } from '../emulator/index';
import { person } from '../emulator/people';
import { advance, listTriggers } from '../emulator/scheduler';
import { containerSpreadsheet, menusFor, readSheetValues, shareSpreadsheet } from '../emulator/services/spreadsheet/index';
import { scriptRun } from '../emulator/web';
import { exportXlsx } from '../emulator/xlsx';
import { ru } from '../src/locale/ru';

const root = path.resolve(__dirname, '..');
const out = path.join(root, 'out');
const SCHOOL = 'pomosh.ej.school@gmail.com';
const CONSULTANT = 'konsultant.ivanova@gmail.com';
const DIRECTOR = 'direktor.petrov@gmail.com';
const DEPUTY = 'zam.uvr.sidorova@gmail.com';

async function main(): Promise<void> {
  fs.mkdirSync(out, { recursive: true });
  const rt = new Runtime({
    bundlePath: path.join(root, 'dist', 'Code.js'),
    manifestPath: path.join(root, 'dist', 'appsscript.json'),
    owner: SCHOOL,
    // Monday 1 September 2026, 08:30 in Perm: the first school day.
    now: '2026-09-01T08:30:00+05:00',
  });
  const story: string[] = ['# Демонстрация: служба помощи по ЭЖ на встроенной среде Apps Script', ''];
  const say = (line: string) => {
    story.push(line);
    console.log(line);
  };

  const ssId = containerSpreadsheet(rt).id;
  for (const email of [CONSULTANT, DIRECTOR, DEPUTY]) shareSpreadsheet(rt, ssId, email, 'editor');
  const school = person(rt, SCHOOL);

  say('1. Учётная запись школы открывает таблицу и запускает настройку.');
  school.open();
  const report = school.runOrThrow<{ message: string }>('setup');
  say(indent(report.message));

  say('2. Школа вносит сотрудников и их роли, консультант заполняет свои данные.');
  const staffRows = [
    [CONSULTANT, 'Иванова Ирина Ивановна', ru.choices.role.consultant, 'Учитель информатики'],
    [DEPUTY, 'Сидорова Светлана Петровна', ru.choices.role.deputy, 'Заместитель директора по УВР'],
    [DIRECTOR, 'Петров Пётр Петрович', ru.choices.role.director, 'Директор'],
  ];
  school.edit(ru.sheets.staff, 'A3:D5', staffRows);
  const consultant = person(rt, CONSULTANT);
  for (const [key, value] of [
    ['consultant.name', 'Иванова Ирина Ивановна'],
    ['consultant.email', CONSULTANT],
    ['director.name', 'Петров Пётр Петрович'],
    ['director.email', DIRECTOR],
  ]) {
    consultant.edit(ru.sheets.settings, settingCell(rt, key), value);
  }

  say('3. Проходит час: автоматическое задание runQueue работает каждые 5 минут от имени школы.');
  const runs = advance(rt, 60 * 60_000);
  say(indent(`Запусков: ${runs.length}, успешных: ${runs.filter((r) => r.outcome.ok).length}.`));

  say('4. Консультант открывает таблицу и смотрит состояние системы.');
  person(rt, CONSULTANT).open();
  say(indent(`Меню: ${menusFor(rt, CONSULTANT).map((m) => m.caption).join(', ')}`));
  say(indent(person(rt, CONSULTANT).runOrThrow<string>('showHealth')));

  say('5. Посторонний со страницы пытается вызвать setup и runQueue через google.script.run.');
  const forged = scriptRun(rt, 'runQueue', [{ triggerUid: 'forged' }], { from: 'web-app', user: '' });
  say(indent(`runQueue: ${forged.ok ? 'выполнено (ошибка!)' : `отказ — ${String(forged.error)}`}`));
  const setupAttempt = scriptRun(rt, 'setup', [], { from: 'web-app', user: '' });
  say(indent(`setup: ${(setupAttempt.value as { message?: string } | undefined)?.message ?? String(setupAttempt.error)}`));

  say('6. Заместитель директора пробует перенастроить систему от своего имени.');
  say(indent(person(rt, DEPUTY).runOrThrow<{ message: string }>('setup').message));

  say('');
  say(`Автоматические задания: ${listTriggers(rt).map((t) => `${t.handler} (${t.owner})`).join(', ')}`);

  await exportXlsx(rt, ssId, path.join(out, 'helpdesk.xlsx'));
  fs.writeFileSync(
    path.join(out, 'executions.txt'),
    rt.executions
      .map(
        (e) =>
          `${new Date(e.startedAt).toISOString()}  ${e.functionName.padEnd(12)} ${e.kind.padEnd(20)} as ${e.effectiveUser} ` +
          `(active: ${e.activeUser || '—'})  ${e.status}${e.error ? `  ${e.error}` : ''}`,
      )
      .join('\n') + '\n',
  );
  fs.writeFileSync(path.join(out, 'demo.md'), `${story.join('\n')}\n`);
  console.log(`\nout/helpdesk.xlsx, out/executions.txt and out/demo.md written (${rt.executions.length} executions).`);
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
