// «Панель», the weekly report and its print dialog (issue 8 parts 2–4) on the embedded runtime, over a
// workbook built by the real setup: requests registered by hand in the week of Mon 7 Sep 2026 (Yekaterinburg,
// UTC+5; working hours 08:00–16:00), the hourly sweep refreshing the dashboard, the Monday report, the
// dialog; then the cost of a refresh at 100 and at 50 000 requests.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advanceTo, type TriggerRun } from '../../emulator/scheduler';
import { htmlPageOf, setHtmlDirectory } from '../../emulator/services/html';
import { mailbox } from '../../emulator/services/mail';
import {
  type ChartRecord,
  chartsOf,
  containerSpreadsheet,
  readDisplayValues,
  readSheetValues,
  shareSpreadsheet,
  sheetModel,
  uiEvents,
  writeCells,
} from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import { RAG_COLORS } from '../../src/domain/dashboard-layout';
import { eventFingerprint } from '../../src/domain/schedule';
import { sheetDef } from '../../src/domain/schema';
import { ru as dash } from '../../src/locale/dashboard';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';
import type { Call } from './dashboard.entry';

const ENTRY = path.join(__dirname, 'dashboard.entry.ts');
const OWNER = 'school.helpdesk@gmail.com';
const CONSULTANT = 'consultant.ivanova@gmail.com';
const DIRECTOR = 'director.petrov@gmail.com';
const STRANGER = 'someone.else@gmail.com';
const H = 3_600_000;
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const SHEET = ru.sheets.dashboard;

const STAFF = [
  [CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant],
  [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
  // A new teacher (cl. 3.1): starts Mon 7 Sep, training due Thu 10 Sep 16:00, trained on Wed 9 Sep.
  [
    'novikova.teacher@gmail.com',
    'Новикова Дарья Андреевна',
    ru.choices.role.staff,
    'учитель',
    '07.09.2026',
    '',
    '09.09.2026',
  ],
];

/** The week's requests: everything personal in them is distinctive, so a search for it cannot miss. */
const CALLS: Array<Omit<Call, 'token'> & { key: string }> = [
  {
    key: 'A',
    requesterType: 'parent',
    channel: 'phone',
    name: 'Смирнова Анна Викторовна',
    className: '5Б',
    email: 'smirnova.anna.v@mail.ru',
    phone: '+7 912 555-01-02',
    topic: ru.choices.topic.grades,
    description: 'Не отображаются оценки сына за первую неделю сентября.',
  },
  {
    key: 'B',
    requesterType: 'student',
    channel: 'inPerson',
    name: 'Кузнецов Игорь Павлович',
    className: '9А',
    email: '',
    phone: '8 (343) 222-33-44',
    topic: ru.choices.topic.diaryAccess,
    description: 'Не могу войти в дневник после смены пароля от Госуслуг.',
  },
  {
    key: 'C',
    requesterType: 'staff',
    channel: 'email',
    name: 'Орлова Вера Павловна',
    className: '',
    email: 'orlova.vera.p@school-sev.ru',
    phone: '',
    topic: ru.choices.topic.lessonPlanning,
    description: 'Не сохраняется тематическое планирование по истории для 7 классов.',
  },
  {
    key: 'D',
    requesterType: 'parent',
    channel: 'email',
    name: 'Петрова Ольга Игнатьевна',
    className: '3В',
    email: 'petrova.olga.i@yandex.ru',
    phone: '+7 (922) 101-20-30',
    topic: ru.choices.topic.attendance,
    description: 'В дневнике дочери пропуски отмечены неверно, хотя она была на уроках.',
  },
];

function workbook(now: string): Runtime {
  const rt = testEntryRuntime(ENTRY, {
    owner: OWNER,
    now,
    // Deployed as the public page is, so a visitor's google.script.run reaches the entry's functions.
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
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C4', STAFF.slice(0, 2)).refused).toBeUndefined();
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A5:G5', [STAFF[2]]).refused).toBeUndefined();
  for (const who of [CONSULTANT, DIRECTOR, STRANGER]) shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  return rt;
}

/** A setting the catalog does not list yet (the lead adds it): a row of «Настройки» typed by the school. */
function addSettingRow(rt: Runtime, key: string, value: string): void {
  const rows = readSheetValues(rt, ru.sheets.settings);
  const at = rows.findIndex((r) => r[0] === key);
  const row = at >= 0 ? at + 1 : rows.length + 1;
  writeCells(rt, ru.sheets.settings, row, 1, [[key, key, value, '']]);
}

/** Two consultations of the week in «График»: office hours on Thursday, approved; a seminar on Friday, not yet. */
function writeSchedule(rt: Runtime): void {
  const sheet = ru.sheets.schedule;
  const office = {
    date: '2026-09-10',
    startMin: 15 * 60,
    endMin: 16 * 60,
    kind: 'officeHours' as const,
    audience: 'all' as const,
    topic: 'Приёмные часы',
    place: 'каб. 12',
    consultant: 'Иванова А. С.',
  };
  writeCells(rt, sheet, 3, 1, [['10.09.2026', '15:00', '16:00'], ['11.09.2026', '14:00', '15:30']], { typed: true });
  writeCells(rt, sheet, 3, 4, [
    [ru.choices.scheduleKind.officeHours, ru.choices.audience.all, office.topic, office.place, office.consultant],
    [ru.choices.scheduleKind.seminar, ru.choices.audience.staff, 'Итоговые отметки', 'каб. 12', office.consultant],
  ]);
  writeCells(rt, sheet, 3, column(rt, sheet, 'approvedBy'), [[DIRECTOR, new Date(ekb('2026-09-07 12:00'))]]);
  writeCells(rt, sheet, 3, column(rt, sheet, 'approvedFingerprint'), [[eventFingerprint(office)]]);
}

function column(rt: Runtime, sheet: string, key: string): number {
  return (readSheetValues(rt, sheet)[0] as string[]).indexOf(key) + 1;
}

function rowOfId(rt: Runtime, id: string): number {
  return readSheetValues(rt, ru.sheets.requests).findIndex((r) => r[0] === id) + 1;
}

const shown = (rt: Runtime): string[][] => readDisplayValues(rt, SHEET);

/** The dashboard's row whose first cell is `label`. */
function line(rt: Runtime, label: string): { row: number; cells: string[] } {
  const rows = shown(rt);
  const i = rows.findIndex((r) => r[0] === label);
  if (i < 0) throw new Error(`no row ${label}`);
  return { row: i + 1, cells: rows[i] };
}

const background = (rt: Runtime, row: number, col: number) => sheetModel(rt, SHEET).layers.background.get(row, col);

/** A chart's data as the sheet shows it: every range's cells. */
function chartData(rt: Runtime, chart: ChartRecord): string[][][] {
  return chart.ranges.map((a1) => readDisplayValues(rt, SHEET, { a1 }));
}

describe('«Панель» over a school week', () => {
  let rt: Runtime;
  const ids: Record<string, string> = {};
  const runs: TriggerRun[] = [];

  beforeAll(() => {
    rt = workbook('2026-09-07T08:00:00+05:00');
    writeSchedule(rt);
    runs.push(...advanceTo(rt, ekb('2026-09-07 09:00')));
    CALLS.forEach((c, i) => {
      ids[c.key] = rt.runAsOwner<string>('registerCall', { ...c, token: `call-${i}` });
    });
    // Due: the next working day, Tue 8 Sep 09:00. A and B get their first response on Monday at 10:00.
    runs.push(...advanceTo(rt, ekb('2026-09-07 10:00')));
    for (const key of ['A', 'B']) {
      const row = rowOfId(rt, ids[key]);
      writeCells(rt, ru.sheets.requests, row, column(rt, ru.sheets.requests, 'firstResponseAt'), [
        [new Date(ekb('2026-09-07 10:00'))],
      ]);
      writeCells(rt, ru.sheets.requests, row, column(rt, ru.sheets.requests, 'status'), [
        [ru.choices.status.inProgress],
      ]);
    }
    // C and D are still unanswered when the 11:34 sweep runs on Tuesday.
    runs.push(...advanceTo(rt, ekb('2026-09-08 12:00')));
  });

  test('the hourly sweep redraws it: period, dates, "as of", the figures with their colours', () => {
    const sweeps = runs.filter((r) => r.handler === 'runSlaSweep');
    expect(sweeps.length).toBeGreaterThan(20);
    expect(sweeps.every((r) => r.outcome.ok)).toBe(true);
    expect(sweeps.map((r) => (r.outcome.value as { dashboard: unknown }).dashboard)).toContainEqual({
      refreshed: true,
    });
    expect(line(rt, dash.periodLabel).cells[1]).toBe(dash.periods.week);
    expect(line(rt, dash.datesLabel).cells[1]).toBe('07.09.2026 — 13.09.2026');
    expect(line(rt, dash.asOfLabel).cells[1]).toBe('08.09.2026 11:34');
    expect(line(rt, dash.figures.received).cells[1]).toBe('4');
    // First response: A and B in time, C and D late → 50%, below the amber 80%: red.
    const first = line(rt, dash.figures.firstResponse);
    expect(first.cells.slice(1, 4)).toEqual(['50%', 'не ниже 95%', 'в срок 2 из 4']);
    expect(background(rt, first.row, 2)).toBe(RAG_COLORS.red);
    const overdue = line(rt, dash.figures.overdue);
    expect(overdue.cells[1]).toBe('2');
    expect(background(rt, overdue.row, 2)).toBe(RAG_COLORS.red);
    // The new teacher was trained a day early: 1 of 1 → green.
    // Two consultations planned this week, the office hours approved.
    expect(line(rt, dash.figures.consultations).cells.slice(1, 4)).toEqual(['1', '', 'запланировано 2, утверждено 1']);
    const training = line(rt, dash.figures.training);
    expect(training.cells[1]).toBe('100%');
    expect(background(rt, training.row, 2)).toBe(RAG_COLORS.green);
    // The overdue list: C and D, oldest first then by ID, a day old, their first response due Tue 09:00.
    const heading = line(rt, dash.sections.overdue).row;
    expect(
      shown(rt)
        .slice(heading + 1, heading + 3)
        .map((r) => r.slice(0, 5)),
    ).toEqual([
      [ids.C, ru.choices.topic.lessonPlanning, '1', 'первый ответ', '08.09.2026 09:00'],
      [ids.D, ru.choices.topic.attendance, '1', 'первый ответ', '08.09.2026 09:00'],
    ]);
  });

  test('three native charts drawn from the cells of the week', () => {
    const charts = chartsOf(rt, SHEET);
    expect(charts.map((c) => [c.type, c.options.title, c.ranges])).toEqual([
      ['COLUMN', dash.charts.volume, ['Q2:R3']],
      ['LINE', dash.charts.compliance, ['Q2:Q3', 'S2:T3']],
      ['PIE', dash.charts.topics, ['V2:W6']],
    ]);
    expect(chartData(rt, charts[0])).toEqual([
      [
        [dash.charts.week, dash.tableColumns.received],
        ['07.09', '4'],
      ],
    ]);
    // Resolution (3 working days) is not yet due for any of them: no point on that line this week.
    expect(chartData(rt, charts[1])[1]).toEqual([
      [dash.tableColumns.firstResponse, dash.tableColumns.resolution],
      ['50%', ''],
    ]);
    // Four topics, one request each; equal counts in the order of their labels.
    const topics = chartData(rt, charts[2])[0].slice(1);
    expect(topics.map((r) => r[1])).toEqual(['1', '1', '1', '1']);
    expect(topics.map((r) => r[0]).sort()).toEqual(
      [
        ru.choices.topic.grades,
        ru.choices.topic.diaryAccess,
        ru.choices.topic.lessonPlanning,
        ru.choices.topic.attendance,
      ].sort(),
    );
    expect(charts.every((c) => c.numHeaders === 1)).toBe(true);
  });

  test('refreshed from the menu by the director; refused to an editor without a role and to a blank identity', () => {
    const before = chartsOf(rt, SHEET).map((c) => c.id);
    const director = person(rt, DIRECTOR).run('refreshDashboard');
    expect(director.ok).toBe(true);
    expect(director.value).toMatchObject({ ok: true, period: 'week', written: { charts: { updated: 3 } } });
    expect(line(rt, dash.asOfLabel).cells[1]).toBe('08.09.2026 12:00');
    expect(uiEvents(rt).at(-1)).toMatchObject({
      kind: 'toast',
      title: dash.refreshedTitle,
      message: 'Панель обновлена: Эта неделя, 07.09.2026 — 13.09.2026.',
    });
    const stranger = person(rt, STRANGER).run('refreshDashboard');
    expect(stranger.ok).toBe(false);
    expect(stranger.error?.message).toContain(ru.choices.role.consultant);
    const anonymous = scriptRun(rt, 'refreshDashboard', [], { from: 'web-app', user: '' });
    expect(anonymous.ok).toBe(false);
    expect(String(anonymous.error)).toContain(ru.access.blankIdentity);
    // Redrawn, not piled up: the same three charts.
    expect(chartsOf(rt, SHEET).map((c) => c.id)).toEqual(before);
  });

  test('the colour thresholds are settings: 50% is green when green starts at 50', () => {
    addSettingRow(rt, 'dashboard.greenPct', '50');
    addSettingRow(rt, 'dashboard.amberPct', '40');
    expect(person(rt, CONSULTANT).run('refreshDashboard').ok).toBe(true);
    const first = line(rt, dash.figures.firstResponse);
    expect(first.cells[2]).toBe('не ниже 50%');
    expect(background(rt, first.row, 2)).toBe(RAG_COLORS.green);
    // Amber not above green is refused: the defaults, and a warning on the sheet.
    addSettingRow(rt, 'dashboard.amberPct', '70');
    person(rt, CONSULTANT).runOrThrow('refreshDashboard');
    expect(shown(rt).some((r) => r[0] === dash.warnings.thresholds)).toBe(true);
    expect(line(rt, dash.figures.firstResponse).cells[2]).toBe('не ниже 95%');
    addSettingRow(rt, 'dashboard.greenPct', '');
    addSettingRow(rt, 'dashboard.amberPct', '');
  });

  test('the period drop-down: the school year chosen, the dashboard redrawn at once, the charts the same', () => {
    const before = chartsOf(rt, SHEET).map((c) => c.id);
    expect(person(rt, DIRECTOR).edit(SHEET, 'B2', 'Неделька').refused).toMatch(/Invalid input/);
    const edit = person(rt, DIRECTOR).edit(SHEET, 'B2', dash.periods.schoolYear);
    expect(edit.refused).toBeUndefined();
    expect(edit.installable.map((r) => [r.handler, r.outcome.value])).toEqual([['onSheetEdit', true]]);
    expect(line(rt, dash.datesLabel).cells[1]).toBe('01.09.2026 — 31.05.2027');
    // The ISO weeks from Mon 31 Aug 2026 to Mon 31 May 2027: 273 days, 40 Mondays.
    const charts = chartsOf(rt, SHEET);
    expect(charts.map((c) => c.id)).toEqual(before);
    expect(charts[0].ranges).toEqual(['Q2:R42']);
    expect(charts[1].ranges).toEqual(['Q2:Q42', 'S2:T42']);
    expect(shown(rt)[41].slice(16, 18)).toEqual(['31.05', '0']);
    // The quarter, with a broken «Учебные четверти» setting: the default quarters, and the sheet says why.
    addSettingRow(rt, 'period.quarters', '01.09.2026-26.10.2026; 30.10.2026');
    person(rt, DIRECTOR).edit(SHEET, 'B2', dash.periods.quarter);
    expect(line(rt, dash.datesLabel).cells[1]).toBe('1-я четверть: 01.09.2026 — 26.10.2026');
    expect(shown(rt).map((r) => r[0])).toContain(
      'Настройка «Учебные четверти» не прочитана («30.10.2026» — не диапазон ДД.ММ.ГГГГ–ДД.ММ.ГГГГ); взяты четверти по умолчанию.',
    );
    addSettingRow(rt, 'period.quarters', '');
    // An edit elsewhere on the sheet does nothing.
    expect(person(rt, DIRECTOR).edit(SHEET, 'A60', 'заметка').installable[0].outcome.value).toBe(false);
    // Back to the week: the grid shrinks and the rows the year needed are blank again.
    person(rt, DIRECTOR).edit(SHEET, 'B2', dash.periods.week);
    expect(chartsOf(rt, SHEET)[0].ranges).toEqual(['Q2:R3']);
    expect(shown(rt)[3].slice(16, 18)).toEqual(['', '']);
  });

  test('a chart left by a run that died, and one a person added, are removed: exactly three remain', () => {
    const kept = chartsOf(rt, SHEET).map((c) => c.id);
    rt.runAsOwner('addStrayCharts');
    expect(chartsOf(rt, SHEET)).toHaveLength(5);
    const refresh = person(rt, OWNER).runOrThrow<{ written: { charts: unknown } }>('refreshDashboard');
    expect(refresh.written.charts).toEqual({ inserted: 0, updated: 3, removed: 2 });
    expect(chartsOf(rt, SHEET).map((c) => c.id)).toEqual(kept);
  });

  describe('the Monday report and the print dialog', () => {
    beforeAll(() => {
      runs.push(...advanceTo(rt, ekb('2026-09-14 09:00')));
    });

    const report = () => mailbox(rt, DIRECTOR).filter((m) => m.subject.includes('07.09.2026 — 13.09.2026'));

    test('reaches the director once: the week’s figures in a table, with their colours, and the overdue list', () => {
      // Monday 8:xx: on 7 Sep (the week before, nothing in it) and on 14 Sep.
      const weekly = runs.filter((r) => r.handler === 'sendWeeklyReport');
      expect(weekly.map((r) => [new Date(r.dueAt).toISOString().slice(0, 10), r.outcome.ok])).toEqual([
        ['2026-09-07', true],
        ['2026-09-14', true],
      ]);
      expect(report()).toHaveLength(1);
      const [mail] = report();
      expect(mail.from).toContain(OWNER);
      expect(mail.subject).toBe('Неделя службы помощи: 07.09.2026 — 13.09.2026');
      expect(mail.body).toContain(`${dash.figures.received}: 4`);
      expect(mail.body).toContain(`${dash.figures.firstResponse}: 2 / 4 (50%)`);
      expect(mail.body).toContain(`${ids.C} — ${ru.choices.topic.lessonPlanning}`);
      expect(mail.body).toContain(`${ids.D} — ${ru.choices.topic.attendance}`);
      expect(mail.htmlBody).toContain(`<td bgcolor="${RAG_COLORS.red}" align="right">50%</td>`);
      expect(mail.htmlBody).toContain(`<td>${ids.C}</td>`);
    });

    test('opens as a print-friendly dialog for a helpdesk role, with the same report', () => {
      expect(person(rt, DIRECTOR).run('showWeeklyReport').ok).toBe(true);
      const dialog = uiEvents(rt, 'modal-dialog').at(-1);
      expect(dialog?.title).toBe(dash.weekly.dialogTitle);
      const page = htmlPageOf(dialog?.html)?.content ?? '';
      expect(page).toContain('onclick="window.print()"');
      expect(page).toContain('@media print');
      expect(page).toContain('Служба помощи по ЭЖ: неделя 07.09.2026 — 13.09.2026');
      expect(page).toContain(`<td bgcolor="${RAG_COLORS.red}" align="right">50%</td>`);
      expect(page).toContain(`<td>${ids.D}</td>`);
      expect(person(rt, STRANGER).run('showWeeklyReport').ok).toBe(false);
      expect(scriptRun(rt, 'showWeeklyReport', [], { from: 'web-app', user: '' }).ok).toBe(false);
    });

    test('no requester’s (or staff member’s) name, e-mail, phone, class or words anywhere in them', () => {
      // Every personal cell of the log as stored, and the values as typed (a phone is kept normalised).
      const log = readSheetValues(rt, ru.sheets.requests);
      const personal = sheetDef('requests')
        .columns.filter((c) => c.personal)
        .map((c) => (log[0] as string[]).indexOf(c.key));
      const stored = log.slice(2).flatMap((r) => personal.map((i) => String(r[i] ?? '')));
      const typed = CALLS.flatMap((c) => [c.name, c.email, c.phone, c.className, c.description]);
      const values = [...new Set([...stored, ...typed, ...STAFF.map((s) => s[1])])].filter((v) => v.trim() !== '');
      expect(values.length).toBeGreaterThanOrEqual(20);
      expect(stored.filter((v) => v !== '').length).toBeGreaterThanOrEqual(16);

      // The school year on «Панель», so its charts hold the week's topics too.
      expect(person(rt, DIRECTOR).edit(SHEET, 'B2', dash.periods.schoolYear).installable[0].outcome.value).toBe(true);
      const cells = [...readSheetValues(rt, SHEET).flat().map(String), ...shown(rt).flat()].join('\n');
      const charts = chartsOf(rt, SHEET)
        .map((c) => `${JSON.stringify(c.options)}\n${chartData(rt, c).flat(2).join('\n')}`)
        .join('\n');
      const [mail] = report();
      expect(person(rt, CONSULTANT).run('showWeeklyReport').ok).toBe(true);
      const page = htmlPageOf(uiEvents(rt, 'modal-dialog').at(-1)?.html)?.content ?? '';
      const places = { cells, charts, mail: `${mail.subject}\n${mail.body}`, html: mail.htmlBody ?? '', page };
      // The places hold the report (not an empty page that would pass any search).
      for (const text of Object.values(places)) expect(text).toContain(ru.choices.topic.attendance);
      for (const [place, text] of Object.entries(places)) {
        const lower = text.toLowerCase();
        for (const value of values) {
          const digits = value.replace(/\D/g, '');
          const found =
            lower.includes(value.toLowerCase()) || (digits.length >= 7 && text.replace(/\D/g, '').includes(digits));
          if (found) throw new Error(`${place} contains «${value}»`);
        }
      }
    });
  });
});

/**
 * `n` requests written straight into the model (as the benchmark seeds them), ten minutes apart, the last at
 * Wed 9 Sep 11:00; a tenth of them still open.
 */
function seedRequests(rt: Runtime, n: number): void {
  const created = ekb('2026-09-09 11:00') - (n - 1) * 10 * 60_000;
  const id = (i: number) => `ОБ-2026-${String(i + 1).padStart(5, '0')}`;
  const seed = (sheet: 'requests' | 'state', value: (key: string, i: number) => unknown) => {
    const model = sheetModel(rt, ru.sheets[sheet]);
    if (model.maxRows < n + 102) model.insertRows(model.maxRows + 1, n + 102 - model.maxRows);
    const columns = sheetDef(sheet).columns;
    writeCells(
      rt,
      ru.sheets[sheet],
      3,
      1,
      Array.from({ length: n }, (_, i) => columns.map((c) => value(c.key, i) ?? '')),
    );
  };
  const at = (i: number, hours: number) => new Date(created + i * 10 * 60_000 + hours * H);
  const topics = Object.values(ru.choices.topic);
  seed(
    'requests',
    (key, i) =>
      ({
        id: id(i),
        createdAt: at(i, 0),
        channel: ru.choices.channel.form,
        requesterType: Object.values(ru.choices.requesterType)[i % 3],
        name: `Заявитель ${i}`,
        email: `parent${i}@mail.ru`,
        topic: topics[i % topics.length],
        status: i % 10 === 0 ? ru.choices.status.inProgress : ru.choices.status.closed,
        firstResponseAt: at(i, 2),
        resolvedAt: i % 10 === 0 ? '' : at(i, 20),
      })[key],
  );
  seed(
    'state',
    (key, i) =>
      ({
        requestId: id(i),
        sourceKey: `form:seed-${i}`,
        firstResponseDueAt: at(i, 24),
        resolutionDueAt: at(i, 72),
        pausedMs: 0,
        clarifications: i % 7 === 0 ? 1 : 0,
      })[key],
  );
}

describe('the cost of a refresh does not grow with the log', () => {
  interface Measure {
    written: { rows: number; columns: number };
    calls: Record<string, number>;
    reads: number;
    cells: number;
    modelledMs: number;
    received: number;
  }

  function measure(size: number): Measure {
    const rt = workbook('2026-09-09T12:00:00+05:00');
    seedRequests(rt, size);
    rt.runAsOwner('refreshDashboard');
    rt.resetCounters();
    const outcome = person(rt, OWNER).run<{ requests: number; written: Measure['written'] }>('refreshDashboard');
    expect(outcome.ok).toBe(true);
    return {
      written: outcome.value?.written ?? { rows: 0, columns: 0 },
      calls: Object.fromEntries(rt.callCounts),
      reads: rt.countOf('Range.getValues') + rt.countOf('Range.getValue'),
      cells: rt.cellsMoved,
      modelledMs: outcome.execution.endedAt - outcome.execution.startedAt,
      received: outcome.value?.requests ?? 0,
    };
  }

  test('the same calls, one read per run of columns, at 100 and at 50 000 requests', () => {
    const small = measure(100);
    const large = measure(50_000);
    // This week (from Mon 7 Sep 00:00) holds the last 2 days 11 hours of the seeded requests: 354 of them.
    expect(small.received).toBe(100);
    expect(large.received).toBe(355);
    expect(large.calls).toEqual(small.calls);
    expect(large.reads).toBe(small.reads);
    // Read: the log's 11 non-personal columns and the bookkeeping's 9 grow with it. Written: six properties
    // (formats, values, fills, weights, colours, sizes) of a grid whose lists fill up to their caps.
    const grid = (m: Measure) => 6 * m.written.rows * m.written.columns;
    expect(large.written.rows - small.written.rows).toBeLessThanOrEqual(60);
    expect(large.cells - small.cells).toBe(20 * 49_900 + grid(large) - grid(small));
    console.log(
      `refresh: ${small.reads} reads, ${Object.values(small.calls).reduce((a, b) => a + b, 0)} calls; ` +
        `modelled ${(small.modelledMs / 1000).toFixed(1)} s at 100, ${(large.modelledMs / 1000).toFixed(1)} s at 50 000`,
    );
    // Well inside the sweep's room: it refreshes only when it has used under 3 of Apps Script's 6 minutes.
    expect(large.modelledMs).toBeLessThan(3 * 60_000);
  }, 120_000);
});
