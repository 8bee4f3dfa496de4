// The workbook behind the request sidebar's tests (test/gas and test/browser): built by the real setup, with the
// consultant, the director and a teacher in «Сотрудники», other editors without a role, knowledge-base articles
// of two topics (a canned answer among them, and one with markup and a javascript: link), and the real runQueue
// as the school account's only trigger.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance } from '../../emulator/scheduler';
import { htmlPageOf, setHtmlDirectory } from '../../emulator/services/html';
import {
  containerSpreadsheet,
  setActiveSelection,
  shareSpreadsheet,
  uiEvents,
  writeCells,
} from '../../emulator/services/spreadsheet/index';
import type { SidebarView } from '../../src/domain/request-sidebar';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

export const ENTRY = path.join(__dirname, 'request-sidebar.entry.ts');
export const OWNER = 'school.helpdesk@gmail.com';
export const CONSULTANT = 'consultant.ivanova@gmail.com';
export const DIRECTOR = 'director.petrov@gmail.com';
export const TEACHER = 'teacher.orlov@gmail.com';
export const STRANGER = 'someone.else@gmail.com';
export const PARENT = 'kuznetsova.parent@mail.ru';
export const CANNED_ANSWER = 'Откройте «Дневник» → «Итоговые отметки».';

export function sidebarWorkbook(): Runtime {
  const rt = testEntryRuntime(ENTRY, {
    owner: OWNER,
    now: '2026-09-01T09:00:00+05:00',
    manifest: {
      timeZone: 'Asia/Yekaterinburg',
      runtimeVersion: 'V8',
      webapp: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' },
    },
  });
  setHtmlDirectory(rt, path.join(__dirname, '../../src/html'));
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  const staff = [
    [CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant],
    [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
    [TEACHER, 'Орлов Павел', ru.choices.role.teacher],
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C5', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DIRECTOR, TEACHER, STRANGER]) {
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  }
  const grades = ru.choices.topic.grades;
  writeCells(rt, ru.sheets.knowledge, 3, 1, [
    [grades, 'Где итоговые отметки?', 'Дневник → «Итоговые».', 'https://school.example/grades', false, true],
    [grades, 'Готовый ответ: отметки', CANNED_ANSWER, '', true, false],
    [grades, '<b>Опасная</b> ссылка', '', 'javascript:alert(1)', false, false],
    [ru.choices.topic.timetable, 'Про расписание', 'Не по теме', '', true, false],
  ]);
  return rt;
}

/** A request by phone, registered in the school account's run. */
export function registerCall(rt: Runtime, token: string, description: string, email = PARENT): string {
  return rt.runAsOwner<string>('registerCall', token, email, description);
}

/** The school account's runQueue, every 5 minutes: the posted journal rows and bookkeeping, then the mail. */
export function queueRun(rt: Runtime): void {
  advance(rt, 5 * 60_000);
}

export interface OpenedSidebar {
  title?: string;
  html: string;
}

/** The menu item, with the cursor on `a1` of «Обращения»; undefined when no sidebar opened. */
export function openSidebar(rt: Runtime, who: string, a1: string): OpenedSidebar | undefined {
  const before = uiEvents(rt, 'sidebar').length;
  setActiveSelection(rt, who, ru.sheets.requests, a1);
  const run = person(rt, who).run('showRequestSidebar');
  expect(run.error).toBeUndefined();
  const events = uiEvents(rt, 'sidebar');
  if (events.length === before) return undefined;
  const last = events[events.length - 1];
  return { title: last.title, html: htmlPageOf(last.html)?.content ?? '' };
}

/** The data a sidebar page was opened with (its embedded JSON), as the page's script reads it. */
export function pageData(html: string): { view: SidebarView; canned: string[] } {
  const match = /var DATA = (.*);\n/.exec(html);
  expect(match).not.toBeNull();
  return JSON.parse(match?.[1] ?? 'null');
}
