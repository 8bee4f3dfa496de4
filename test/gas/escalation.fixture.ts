// The workbook and the cast shared by the escalation and helpers-by-e-mail tests: a helpdesk made by the real
// setup, the staff listed in «Сотрудники», the school account's two jobs run with genuine trigger events.
import type { Outcome, Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { listTriggers, timeDrivenEvent } from '../../emulator/scheduler';
import {
  type Delivered,
  deliverMail,
  type IncomingMail,
  type MailRecord,
  sentMail,
} from '../../emulator/services/mail';
import {
  containerSpreadsheet,
  readSheetValues,
  shareSpreadsheet,
  sheetModel,
} from '../../emulator/services/spreadsheet/index';
import { toRealmValue } from '../../emulator/services/utilities';
import type { MailPollReport } from '../../src/app/poll-helpdesk-mail';
import type { SheetKey } from '../../src/domain/schema';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

export const OWNER = 'pomosh.ej.school@gmail.com';
export const CONSULTANT = 'consultant.ivanova@gmail.com';
export const DEPUTY = 'deputy.sokolova@gmail.com';
export const DIRECTOR = 'director.petrov@gmail.com';
export const TEACHER = 'teacher.smirnova@gmail.com';
export const STRANGER = 'someone.else@gmail.com';
export const PARENT = 'anna.petrova@mail.ru';
export const SUPPORT = 'help@sedizh.permkrai.ru';
export const LABEL = 'Помощь ЭЖ';
export const H = 3_600_000;
export const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const KEY_LINE = /Код письма: (\S+)/g;

export function workbook(entry: string, now = '2026-09-01T09:00:00+05:00', supportEmail = SUPPORT): Runtime {
  const rt = testEntryRuntime(entry, { owner: OWNER, now });
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'consultant.name', 'Иванова Ирина Сергеевна');
  setSetting(rt, 'director.email', DIRECTOR);
  setSetting(rt, 'support.vk', 'https://vk.com/sedizh_perm');
  if (supportEmail) setSetting(rt, 'support.email', supportEmail);
  const staff = [
    [CONSULTANT, 'Иванова Ирина Сергеевна', ru.choices.role.consultant],
    [DEPUTY, 'Соколова Ольга Петровна', ru.choices.role.deputy],
    [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
    [TEACHER, 'Смирнова Елена Викторовна', ru.choices.role.teacher],
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C6', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DEPUTY, DIRECTOR, TEACHER]) {
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  }
  return rt;
}

function triggerRun<T>(rt: Runtime, handler: string): T {
  const trigger = listTriggers(rt).find((t) => t.handler === handler);
  if (!trigger) throw new Error(`no ${handler} trigger`);
  const outcome: Outcome<T> = rt.execute<T>(
    handler,
    (exec) => [toRealmValue(exec, timeDrivenEvent(rt.clock.now(), trigger.uid))],
    { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER, authMode: 'FULL', triggerUid: trigger.uid },
  );
  if (!outcome.ok || outcome.value === undefined) throw outcome.error ?? new Error(`${handler}: no report`);
  return outcome.value;
}

export const poll = (rt: Runtime) => triggerRun<MailPollReport>(rt, 'pollHelpdeskMail');
export const runQueue = (rt: Runtime) => triggerRun<{ audit: number; sent: number }>(rt, 'runQueue');

/** Mail reaching the helpdesk account, labelled by the school's Gmail filter (README: Helpdesk mail). */
export function deliver(rt: Runtime, mail: Partial<IncomingMail>): Delivered {
  rt.clock.advance(60_000);
  return deliverMail(rt, {
    from: `Анна Петрова <${PARENT}>`,
    to: OWNER,
    subject: 'Не открывается дневник',
    body: 'Здравствуйте! Я Анна Петрова, мама ученика 5А. После входа через Госуслуги пишет «нет доступа к организации». Мой телефон +7 912 345-67-89.',
    labels: [LABEL],
    ...mail,
  });
}

/** A parent's e-mail becomes a request; its ID. */
export function newRequest(rt: Runtime, mail: Partial<IncomingMail> = {}): string {
  const before = new Set(records(rt, 'requests').map((r) => r.id));
  deliver(rt, mail);
  poll(rt);
  const created = records(rt, 'requests').find((r) => !before.has(r.id));
  if (!created) throw new Error('no request registered');
  runQueue(rt);
  return String(created.id);
}

export function records(rt: Runtime, sheet: SheetKey): Array<Record<string, unknown> & { row: number }> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((line, i) => ({
      row: i + 3,
      ...Object.fromEntries(keys.map((k, j) => [String(k), line[j]]).filter(([k]) => k !== '')),
    }))
    .filter((r) => Object.entries(r).some(([k, v]) => k !== 'row' && v !== ''));
}

export function request(rt: Runtime, id: string): Record<string, unknown> & { row: number } {
  const found = records(rt, 'requests').find((r) => r.id === id);
  if (!found) throw new Error(`no request ${id}`);
  return found;
}

export function bookkeeping(rt: Runtime, id: string): Record<string, unknown> {
  return records(rt, 'state').find((r) => r.requestId === id) ?? {};
}

export function journal(rt: Runtime, id: string): Array<Record<string, unknown>> {
  return records(rt, 'audit').filter((r) => r.requestId === id);
}

/** The note on a request's cell, as a person hovering over it reads it. */
export function noteOf(rt: Runtime, id: string, key: string): string {
  const col = readSheetValues(rt, ru.sheets.requests)[0].indexOf(key) + 1;
  return sheetModel(rt, ru.sheets.requests).layers.note.get(request(rt, id).row, col) ?? '';
}

export function keysOf(body: string): string[] {
  return [...body.matchAll(KEY_LINE)].map((m) => m[1]);
}

export function sentTo(rt: Runtime, address: string): MailRecord[] {
  return sentMail(rt, OWNER).filter((m) => m.to.some((t) => t.toLowerCase().includes(address.toLowerCase())));
}

/** The one sent message whose footer carries a key matching `pattern`. */
export function sentWithKey(rt: Runtime, pattern: RegExp): MailRecord {
  const found = sentMail(rt, OWNER).filter((m) => keysOf(m.body).some((k) => pattern.test(k)));
  expect(found).toHaveLength(1);
  return found[0];
}

export function setStatus(rt: Runtime, who: string, id: string, to: string, extra: Record<string, string> = {}): void {
  const result = person(rt, who).call('setStatus', id, to, extra);
  expect(result.ok).toBe(true);
  expect((result.value as { ok: boolean; message: string }).ok).toBe(true);
}
