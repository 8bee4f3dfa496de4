// The schedule's test workbook (issue 7): the real setup on the embedded runtime, bundled from
// schedule-workflow.entry.ts, with the consultant and the director listed, and the helpers the gas and the
// browser tests share. The school is a Google Workspace domain (school59.ru), so the owner's edit trigger is
// told who edited.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { setHtmlDirectory } from '../../emulator/services/html';
import {
  containerSpreadsheet,
  queueUiAnswer,
  readDisplayValues,
  readSheetValues,
  shareSpreadsheet,
  uiEvents,
} from '../../emulator/services/spreadsheet/index';
import { webRequest } from '../../emulator/web';
import type { SheetKey } from '../../src/domain/schema';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'schedule-workflow.entry.ts');
export const OWNER = 'pomosh@school59.ru';
export const CONSULTANT = 'ivanova@school59.ru';
export const DIRECTOR = 'petrov@school59.ru';
export const NEW_DIRECTOR = 'smirnova@school59.ru';
export const STRANGER = 'helper@school59.ru';
export const MIN = 60_000;

export type Rec = Record<string, unknown> & { row: number };

export function records(rt: Runtime, sheet: SheetKey): Rec[] {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((line, i) => ({
      row: i + 3,
      ...Object.fromEntries(keys.map((k, j) => [String(k), line[j]]).filter(([k]) => k !== '')),
    }))
    .filter((r) => Object.entries(r).some(([k, v]) => k !== 'row' && v !== '' && v !== undefined));
}

export function column(rt: Runtime, sheet: SheetKey, key: string): number {
  const col = (readSheetValues(rt, ru.sheets[sheet])[0] as string[]).indexOf(key) + 1;
  expect(col).toBeGreaterThan(0);
  return col;
}

export const letter = (col: number): string => String.fromCharCode(64 + col);

/** What a person sees in a row of «График»: display strings by column key. */
export function shown(rt: Runtime, row: number): Record<string, string> {
  const keys = readSheetValues(rt, ru.sheets.schedule)[0] as string[];
  const line = readDisplayValues(rt, ru.sheets.schedule)[row - 1];
  return Object.fromEntries(keys.map((k, j) => [k, line[j]]).filter(([k]) => k !== ''));
}

export function events(rt: Runtime): Rec[] {
  return records(rt, 'schedule');
}

/** A menu item that prompts: the answers are given in order, then the final message is read. */
export function menu(
  rt: Runtime,
  who: string,
  fn: string,
  ...answers: Array<{ button: 'OK' | 'YES' | 'NO'; text?: string }>
) {
  for (const a of answers) queueUiAnswer(rt, a);
  const before = uiEvents(rt).length;
  const outcome = person(rt, who).run<Record<string, unknown>>(fn);
  const alerts = uiEvents(rt)
    .slice(before)
    .filter((e) => e.kind === 'alert');
  return { outcome, value: outcome.value, last: String(alerts.at(-1)?.message ?? '') };
}

/** Setup as the owner, the settings a school fills in and the consultant in «Сотрудники»; no director named yet. */
export function workbook(): Runtime {
  const rt = testEntryRuntime(ENTRY, {
    owner: OWNER,
    now: '2026-09-10T12:00:00+05:00',
    manifest: {
      timeZone: 'Asia/Yekaterinburg',
      runtimeVersion: 'V8',
      webapp: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' },
    },
  });
  setHtmlDirectory(rt, path.join(__dirname, '../../src/html'));
  const ss = containerSpreadsheet(rt).id;
  for (const who of [CONSULTANT, DIRECTOR, NEW_DIRECTOR, STRANGER]) shareSpreadsheet(rt, ss, who, 'editor');
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.name', 'Иванова А. С.');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'office.place', 'каб. 12');
  const owner = person(rt, OWNER);
  expect(
    owner.edit(ru.sheets.staff, 'A3:C3', [[CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant]]).refused,
  ).toBeUndefined();
  return rt;
}

export const get = (rt: Runtime) => webRequest(rt, { method: 'GET', parameters: {}, visitor: '' });

/** The dates of October 2026's working days: Thursday 1st, no holidays in the month. */
export const OCTOBER = [
  ...['01', '02'],
  ...['05', '06', '07', '08', '09'],
  ...['12', '13', '14', '15', '16'],
  ...['19', '20', '21', '22', '23'],
  ...['26', '27', '28', '29', '30'],
].map((d) => `${d}.10.2026`);
