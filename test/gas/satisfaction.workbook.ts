// The workbook behind the satisfaction tests on the embedded runtime (test/gas and test/browser): built by the
// real setup, with requests registered from phone calls, answered by the school account through the workflow
// core, and the answer e-mails sent; the web app deployed for anonymous visitors, running as the school account.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { setHtmlDirectory } from '../../emulator/services/html';
import { type MailRecord, sentMail } from '../../emulator/services/mail';
import { containerSpreadsheet, readSheetValues, shareSpreadsheet } from '../../emulator/services/spreadsheet/index';
import type { SheetKey } from '../../src/domain/schema';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

export const ENTRY = path.join(__dirname, 'satisfaction.entry.ts');
export const OWNER = 'school.helpdesk@gmail.com';
export const CONSULTANT = 'consultant.ivanova@gmail.com';
export const DIRECTOR = 'director.petrov@gmail.com';

export interface Requester {
  name: string;
  email: string;
  description: string;
}

export const PARENTS: Requester[] = [
  {
    name: 'Сидорова Мария Петровна',
    email: 'maria.sidorova.parent@mail.ru',
    description: 'Не вижу оценки сына за четверть в электронном дневнике.',
  },
  {
    name: 'Кузнецов Олег Игоревич',
    email: 'oleg.kuznetsov@mail.ru',
    description: 'Дневник дочери не открывается после смены пароля.',
  },
];
export const ANSWER = 'Откройте раздел «Успеваемость» и выберите период «Четверть»; оценки видны там.';

export function workbook(): Runtime {
  const rt = testEntryRuntime(ENTRY, {
    owner: OWNER,
    now: '2026-09-10T10:00:00+05:00',
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
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C4', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DIRECTOR]) shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  return rt;
}

// ---- the workbook, read host-side by the key row -------------------------------------------------------

export function records(rt: Runtime, sheet: SheetKey): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((row) => Object.fromEntries(keys.map((k, i) => [String(k), row[i]]).filter(([k]) => k !== '')))
    .filter((r) => Object.values(r).some((v) => v !== ''));
}

export function request(rt: Runtime, id: string): Record<string, unknown> {
  const found = records(rt, 'requests').find((r) => r.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found;
}

export function auditOf(rt: Runtime, id: string): Array<Record<string, unknown>> {
  return records(rt, 'audit').filter((r) => r.requestId === id);
}

/** Everything a vote could change: the log, the journal, the mail queue, the bookkeeping. */
export function snapshot(rt: Runtime): string {
  const sheets: SheetKey[] = ['requests', 'audit', 'mailQueue', 'state'];
  return JSON.stringify(sheets.map((s) => readSheetValues(rt, ru.sheets[s])));
}

// ---- the requester's side: the e-mail, the browser ----------------------------------------------------

export interface Answered {
  id: string;
  helped: string;
  notHelped: string;
}

/** A request registered, answered by the school account and the answer mailed; its two links from the e-mail. */
export function answeredRequest(rt: Runtime, who: Requester, token: string): Answered {
  const id = rt.runAsOwner<string>('registerCall', { token, ...who });
  const moved = rt.runAsOwner<{ ok: boolean; message: string }>('moveRequest', id, 'answered', ANSWER);
  expect(moved).toMatchObject({ ok: true });
  rt.runAsOwner('sendMail');
  const mail = sentMail(rt, OWNER).filter((m) => m.to.includes(who.email) && m.subject === `Ответ на обращение ${id}`);
  expect(mail).toHaveLength(1);
  return { id, ...linksOf(mail[0]) };
}

export function linksOf(mail: MailRecord): { helped: string; notHelped: string } {
  const helped = /• Помогло — (\S+)/.exec(mail.body)?.[1];
  const notHelped = /• Не помогло — (\S+)/.exec(mail.body)?.[1];
  if (!helped || !notHelped) throw new Error(`no links in:\n${mail.body}`);
  return { helped, notHelped };
}
