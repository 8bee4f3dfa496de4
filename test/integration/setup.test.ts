// The foundation slice, proven on the built bundle: the entry points, setup (idempotent, owner only), the
// menu, the guard on every entry point, and the sheets as a person meets them.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance, listTriggers } from '../../emulator/scheduler';
import { propertyStore } from '../../emulator/services/properties';
import {
  canUserEdit,
  checkUserInput,
  containerSpreadsheet,
  menusFor,
  readFormulas,
  readSheetValues,
  shareSpreadsheet,
  sheetModel,
  writeCells,
} from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import { SHEETS } from '../../src/domain/schema';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, CONSULTANT, OWNER, STRANGER } from '../helpers/bundle-runtime';
import { letter, snapshot } from '../helpers/workbook-snapshot';

interface Report {
  ok: boolean;
  message: string;
  sheetsCreated: string[];
  columnsAdded: string[];
  settingsAdded: string[];
  triggersCreated: string[];
  toFillIn: string[];
}

const ENTRY_POINTS = [
  'anonymiseExpired',
  'approveSchedule',
  'approveScheduleEvent',
  'assignRequest',
  'doGet',
  'doPost',
  'erasePersonData',
  'escalateRequest',
  'fillOfficeHours',
  'onComplaintSubmit',
  'onFormSubmit',
  'onOpen',
  'onSheetEdit',
  'placeNewStaffTraining',
  'pollHelpdeskMail',
  'recordSupportOutcome',
  'refreshDashboard',
  'registerManualRequest',
  'runQueue',
  'runSlaSweep',
  'scheduleSidebarView',
  'sendDailyDigest',
  'sendWeeklyReport',
  'setup',
  'showHealth',
  'showRegistrationDialog',
  'showRequestSidebar',
  'showScheduleSidebar',
  'showWeeklyReport',
  'sidebarAnswer',
  'sidebarAskClarification',
  'sidebarAssign',
  'sidebarEndForEtiquette',
  'sidebarEscalate',
  'sidebarPreviewAnswer',
  'sidebarRefresh',
  'sidebarReject',
  'sidebarSetStatus',
  'sidebarSupportRejected',
];

function setupAsOwner(rt: Runtime): Report {
  return person(rt, OWNER).runOrThrow<Report>('setup');
}

function columnOf(rt: Runtime, sheet: string, key: string): number {
  const keys = readSheetValues(rt, sheet, { a1: `A1:${letter(sheetModel(rt, sheet).lastColumn())}1` })[0];
  const index = keys.indexOf(key);
  if (index < 0) throw new Error(`no column ${key} on ${sheet}`);
  return index + 1;
}

function setting(rt: Runtime, key: string): unknown {
  const rows = readSheetValues(rt, ru.sheets.settings);
  const keyCol = rows[0].indexOf('key');
  const valueCol = rows[0].indexOf('value');
  return rows.find((r) => r[keyCol] === key)?.[valueCol];
}

describe('the bundle', () => {
  test('dist/Code.js in a bare node:vm context defines the entry points and nothing else as globals', () => {
    const code = fs.readFileSync(path.resolve(__dirname, '../../dist/Code.js'), 'utf8');
    const context = vm.createContext({});
    const before = new Set(Object.getOwnPropertyNames(vm.runInContext('globalThis', context)));
    vm.runInContext(code, context);
    const added = Object.getOwnPropertyNames(vm.runInContext('globalThis', context)).filter((n) => !before.has(n));
    expect(added.sort()).toEqual(ENTRY_POINTS);
  });

  test('the manifest has the school zone, V8, explicit scopes with userinfo.email, and the web app block', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../dist/appsscript.json'), 'utf8'));
    expect(manifest.timeZone).toBe('Asia/Yekaterinburg');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.exceptionLogging).toBe('STACKDRIVER');
    expect(manifest.oauthScopes).toContain('https://www.googleapis.com/auth/userinfo.email');
    expect(manifest.webapp).toEqual({ access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' });
  });
});

describe('setup', () => {
  let rt: Runtime;
  beforeEach(() => {
    rt = bundleRuntime();
    // A new spreadsheet takes its creator's defaults, not the school's.
    const ss = containerSpreadsheet(rt);
    ss.timeZone = 'Europe/Moscow';
    ss.locale = 'en_US';
  });

  test('creates every sheet with keys, headers, frozen rows, and sets the school zone and locale', () => {
    const report = setupAsOwner(rt);
    expect(report.ok).toBe(true);
    const ss = containerSpreadsheet(rt);
    expect(ss.timeZone).toBe('Asia/Yekaterinburg');
    expect(ss.locale).toBe('ru_RU');
    // The form's responses sheet is Google's, found by its form URL; the rest are the helpdesk's own.
    expect(
      ss.sheets
        .filter((s) => !s.formUrl)
        .map((s) => s.name)
        .sort(),
    ).toEqual(SHEETS.map((s) => ru.sheets[s.key]).sort());
    expect(ss.sheets.filter((s) => s.formUrl).length).toBe(1);
    for (const def of SHEETS.filter((s) => s.kind === 'table')) {
      const name = ru.sheets[def.key];
      const sheet = sheetModel(rt, name);
      const [keys, headers] = readSheetValues(rt, name, { a1: `A1:${letter(def.columns.length)}2` });
      expect(keys).toEqual(def.columns.map((c) => c.key));
      const labels = (ru.columns as Record<string, Record<string, string>>)[def.key];
      expect(headers).toEqual(def.columns.map((c) => labels[c.key]));
      expect(sheet.frozenRows).toBe(2);
      expect(sheet.hiddenRows.get(1)).toBe(true);
      expect(sheet.hidden).toBe(def.hidden === true);
    }
    expect(report.message).toContain('Настройка завершена');
  });

  test('prefills the settings from the regulation and lists what the school must fill in', () => {
    const report = setupAsOwner(rt);
    expect(setting(rt, 'school.phone')).toBe('2-34-81');
    expect(setting(rt, 'office.start')).toBe('15:00');
    expect(setting(rt, 'office.end')).toBe('16:00');
    expect(setting(rt, 'support.phone')).toBe('8 800 300 4444');
    expect(setting(rt, 'support.start')).toBe('09:00');
    expect(setting(rt, 'support.end')).toBe('18:00');
    expect(setting(rt, 'sla.training.days')).toBe('3');
    expect(setting(rt, 'support.email')).toBe('');
    expect(setting(rt, 'support.vk')).toBe('');
    expect(String(setting(rt, 'topics')).split('\n')[0]).toBe('Учёт расписания');
    expect(report.toFillIn).toEqual(
      expect.arrayContaining([
        ru.settings['support.email'][0],
        ru.settings['support.vk'][0],
        ru.settings['consultant.appointmentOrder'][0],
      ]),
    );
  });

  test('prefills «Календарь» with the production calendar 2025–2027, 2027 marked provisional', () => {
    setupAsOwner(rt);
    const rows = readSheetValues(rt, ru.sheets.calendar).slice(2);
    const day = (iso: string) =>
      rows.find(
        (r) => r[0] instanceof Date && (r[0] as Date).getTime() === new Date(`${iso}T00:00:00+05:00`).getTime(),
      );
    expect(day('2026-03-09')?.[1]).toBe(ru.choices.calendarKind.holiday);
    expect(day('2025-11-01')?.[1]).toBe(ru.choices.calendarKind.short);
    expect(day('2027-01-08')?.[4]).toBe(true);
    expect(day('2026-01-08')?.[4]).toBe(false);
  });

  test('installs its triggers once, for the owner: the queue, the mail poll, and each form’s own submit trigger', () => {
    setupAsOwner(rt);
    const forms = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}');
    expect(listTriggers(rt).map((t) => `${t.handler}:${t.owner}:${t.sourceId ?? ''}`)).toEqual([
      `runQueue:${OWNER}:`,
      `pollHelpdeskMail:${OWNER}:`,
      `anonymiseExpired:${OWNER}:`,
      `onFormSubmit:${OWNER}:${forms.requests.formId}`,
      `onComplaintSubmit:${OWNER}:${forms.complaints.formId}`,
      `runSlaSweep:${OWNER}:`,
      `sendDailyDigest:${OWNER}:`,
      `sendWeeklyReport:${OWNER}:`,
      `onSheetEdit:${OWNER}:${containerSpreadsheet(rt).id}`,
    ]);
  });

  test('run twice leaves the same sheets, headers, settings, protections and triggers as run once', () => {
    setupAsOwner(rt);
    const once = snapshot(rt);
    const second = setupAsOwner(rt);
    expect(snapshot(rt)).toEqual(once);
    expect(second.sheetsCreated).toEqual([]);
    expect(second.columnsAdded).toEqual([]);
    expect(second.settingsAdded).toEqual([]);
    expect(second.triggersCreated).toEqual([]);
    expect(second.message).toContain(ru.setup.nothingChanged);
  });

  test('run by a second account changes nothing and names the owner', () => {
    setupAsOwner(rt);
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, CONSULTANT, 'editor');
    const before = snapshot(rt);
    const report = person(rt, CONSULTANT).runOrThrow<Report>('setup');
    expect(report.ok).toBe(false);
    expect(report.message).toContain(OWNER);
    expect(snapshot(rt)).toEqual(before);
  });

  test('the first run by an editor who does not own the spreadsheet changes nothing', () => {
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, CONSULTANT, 'editor');
    const sheetsBefore = containerSpreadsheet(rt).sheets.map((s) => s.name);
    const report = person(rt, CONSULTANT).runOrThrow<Report>('setup');
    expect(report.ok).toBe(false);
    expect(report.message).toContain(OWNER);
    expect(containerSpreadsheet(rt).sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(listTriggers(rt)).toEqual([]);
  });

  test('an anonymous page visitor calling setup through google.script.run is refused (blank identity)', () => {
    const sheetsBefore = containerSpreadsheet(rt).sheets.map((s) => s.name);
    const result = scriptRun(rt, 'setup', [], { from: 'web-app', user: '' });
    expect(result.ok).toBe(true);
    expect((result.value as Report).ok).toBe(false);
    expect((result.value as Report).message).toBe(ru.access.blankIdentity);
    expect(containerSpreadsheet(rt).sheets.map((s) => s.name)).toEqual(sheetsBefore);
    expect(listTriggers(rt)).toEqual([]);
  });

  test('upgrades an older sheet: appends only the missing column, leaves people’s own columns in place', () => {
    setupAsOwner(rt);
    const sheet = ru.sheets.requests;
    const notes = columnOf(rt, sheet, 'notes');
    // An older version without «Заметки», and a column the school added itself at the end.
    writeCells(rt, sheet, 1, notes, [[''], ['']]);
    writeCells(rt, sheet, 1, notes + 1, [['custom'], ['Своя колонка']]);
    const report = setupAsOwner(rt);
    expect(report.columnsAdded).toEqual([`${sheet}.notes`]);
    expect(columnOf(rt, sheet, 'custom')).toBe(notes + 1);
    expect(columnOf(rt, sheet, 'notes')).toBe(notes + 2);
    expect(readSheetValues(rt, sheet, { a1: `${letter(notes + 2)}2` })[0][0]).toBe(ru.columns.requests.notes);
  });
});

describe('the sheets as people meet them', () => {
  let rt: Runtime;
  beforeEach(() => {
    rt = bundleRuntime();
    setupAsOwner(rt);
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, CONSULTANT, 'editor');
  });

  test('text columns keep what a person types: formulas, a leading + and zeros stay text', () => {
    const sheet = ru.sheets.requests;
    const consultant = person(rt, CONSULTANT);
    const name = columnOf(rt, sheet, 'name');
    const phone = columnOf(rt, sheet, 'phone');
    expect(consultant.edit(sheet, `${letter(name)}3`, '=IMPORTXML("http://x","//a")').refused).toBeUndefined();
    expect(consultant.edit(sheet, `${letter(phone)}3`, '+79120000000').refused).toBeUndefined();
    expect(consultant.edit(sheet, `${letter(phone)}4`, '0012').refused).toBeUndefined();
    expect(readFormulas(rt, sheet, { a1: `${letter(name)}3` })[0][0]).toBe('');
    expect(readSheetValues(rt, sheet, { a1: `${letter(name)}3` })[0][0]).toBe('=IMPORTXML("http://x","//a")');
    expect(readSheetValues(rt, sheet, { a1: `${letter(phone)}3:${letter(phone)}4` })).toEqual([
      ['+79120000000'],
      ['0012'],
    ]);
  });

  test('statuses are a dropdown that refuses other values', () => {
    const sheet = ru.sheets.requests;
    const status = columnOf(rt, sheet, 'status');
    const ssId = containerSpreadsheet(rt).id;
    expect(checkUserInput(rt, ssId, sheet, 3, status, 'Новое').valid).toBe(true);
    expect(checkUserInput(rt, ssId, sheet, 3, status, 'Как-нибудь').rejected).toBe(true);
  });

  test('the audit log, mail queue and bookkeeping are the owner’s alone; the log’s people columns are editable', () => {
    const ssId = containerSpreadsheet(rt).id;
    for (const key of ['audit', 'mailQueue', 'state'] as const) {
      expect(canUserEdit(rt, CONSULTANT, ssId, ru.sheets[key], 3, 1)).toBe(false);
      expect(canUserEdit(rt, OWNER, ssId, ru.sheets[key], 3, 1)).toBe(true);
    }
    expect(canUserEdit(rt, CONSULTANT, ssId, ru.sheets.requests, 3, columnOf(rt, ru.sheets.requests, 'name'))).toBe(
      true,
    );
    expect(person(rt, CONSULTANT).edit(ru.sheets.audit, 'A3', 'подделка').refused).toBeTruthy();
  });

  test('opening the spreadsheet builds the Russian menu, even with a hidden identity', () => {
    const open = person(rt, CONSULTANT).open();
    expect(open.simple?.ok).toBe(true);
    expect(open.simple?.execution.activeUser).toBe('');
    const menus = menusFor(rt, CONSULTANT);
    expect(menus.map((m) => m.caption)).toEqual([ru.menu.title]);
    expect(JSON.stringify(menus[0])).toContain(ru.menu.setup);
    expect(JSON.stringify(menus[0])).toContain(ru.menu.health);
  });
});

describe('the guard', () => {
  let rt: Runtime;
  beforeEach(() => {
    rt = bundleRuntime();
    setupAsOwner(rt);
  });

  test('a forged trigger event is refused, from a page or from a person', () => {
    const viaPage = scriptRun(rt, 'runQueue', [{ triggerUid: 'forged-uid', authMode: 'FULL' }], {
      from: 'web-app',
      user: '',
    });
    expect(viaPage.ok).toBe(false);
    expect(String(viaPage.error)).toContain(ru.access.forgedTrigger);
    const byPerson = person(rt, STRANGER).run('runQueue', { triggerUid: listTriggers(rt)[0].uid });
    // The stranger has no triggers of this project: the real uid belongs to the owner's list only.
    expect(byPerson.ok).toBe(false);
    expect(propertyStore(rt, 'document').get('helpdesk.heartbeat.runQueue')).toBeUndefined();
  });

  test('when a scheduled job has been silent past its schedule, the menu says so first', () => {
    advance(rt, 10 * 60_000);
    person(rt, OWNER).open();
    expect(JSON.stringify(menusFor(rt, OWNER))).not.toContain('⚠');
    // runQueue's last heartbeat three hours ago: its trigger stopped firing (deleted, disabled, failing).
    propertyStore(rt, 'document').set(
      'helpdesk.heartbeat.runQueue',
      new Date(rt.clock.now() - 3 * 3_600_000).toISOString(),
    );
    person(rt, OWNER).open();
    const first = JSON.stringify(menusFor(rt, OWNER)[0]);
    expect(first).toContain('⚠');
    expect(first).toContain('runQueue');
  });

  test('the genuine time-driven trigger runs and records its heartbeat', () => {
    const runs = advance(rt, 10 * 60_000);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.some((r) => r.handler === 'runQueue')).toBe(true);
    expect(runs.every((r) => r.outcome.ok)).toBe(true);
    expect(propertyStore(rt, 'document').get('helpdesk.heartbeat.runQueue')).toBeTruthy();
  });

  test('a menu action needs a role: a stranger and a blank identity are refused, a listed consultant is not', () => {
    advance(rt, 10 * 60_000);
    // An editor of the spreadsheet who is not on «Сотрудники» (someone without access cannot even open it).
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, STRANGER, 'editor');
    const refused = person(rt, STRANGER).run('showHealth');
    expect(refused.ok).toBe(false);
    expect(refused.error?.message).toContain('Действие доступно только сотрудникам');
    const blank = rt.execute('showHealth', [], { kind: 'web-app', effectiveUser: OWNER, actingUser: '' });
    expect(blank.error?.message).toBe(ru.access.blankIdentity);

    const staff = ru.sheets.staff;
    const owner = person(rt, OWNER);
    expect(
      owner.edit(staff, 'A3:C3', [[CONSULTANT, 'Иванова И. И.', ru.choices.role.consultant]]).refused,
    ).toBeUndefined();
    shareSpreadsheet(rt, containerSpreadsheet(rt).id, CONSULTANT, 'editor');
    const status = person(rt, CONSULTANT).run<string>('showHealth');
    expect(status.ok).toBe(true);
    expect(status.value).toContain(`${ru.health.owner.replace('{owner}', OWNER)}`);
    expect(status.value).toContain('runQueue');
  });
});
