// The workbook behind the public page's tests on the embedded runtime (test/gas and test/browser): built by
// the real setup, with «График» rows approved and not, knowledge-base articles public and not, and a request
// in the log whose requester must never reach the page.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { setHtmlDirectory } from '../../emulator/services/html';
import { readSheetValues, writeCells } from '../../emulator/services/spreadsheet/index';
import { type WebResponse, webRequest } from '../../emulator/web';
import { APPROVAL_FINGERPRINT_KEY } from '../../src/app/public-page';
import { type ApprovedFields, eventFingerprint } from '../../src/domain/schedule';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

export const ENTRY = path.join(__dirname, 'public-page.entry.ts');
export const OWNER = 'school.helpdesk@gmail.com';
export const DIRECTOR = 'director.petrov@gmail.com';

/** The request in the log: none of these may appear on the page. */
export const REQUESTER = {
  name: 'Сидорова Мария Петровна',
  className: '5Б',
  email: 'maria.sidorova.parent@mail.ru',
  phone: '+7 912 345-67-89',
  description: 'Не вижу оценки сына Сидорова Петра в дневнике с понедельника',
  answer: 'Мария Петровна, проверьте привязку ребёнка к учётной записи',
  notes: 'перезвонить Сидоровой вечером',
};

/** The contacts the page must show (settings as setup and the school left them, plus the forms). */
export const CONTACTS = {
  officeHours: 'по рабочим дням с 15:00 до 16:00',
  officePlace: 'каб. 12',
  phone: '2-34-81',
  email: 'fsk1-siva@mail.ru',
  supportPhone: '8 800 300 4444',
  supportVk: 'https://vk.com/sedizh_support',
  supportEmail: 'support.sedizh@permkrai.example',
  consultant: 'Иванова Анна Сергеевна',
  order: 'Приказ № 101-од от 01.09.2026',
  regulation: 'Приложение 5 к приказу № 98-од от 18.06.2018',
};

export interface ScheduleRow {
  date: string; // dd.mm.yyyy
  start: string;
  end: string;
  kind: keyof typeof ru.choices.scheduleKind;
  audience: keyof typeof ru.choices.audience;
  topic: string;
  place: string;
  approve?: 'yes' | 'changed';
}

/** Upcoming approved (shown), unapproved, changed after approval and past (all three hidden). */
export const SCHEDULE: ScheduleRow[] = [
  {
    date: '15.09.2026',
    start: '15:00',
    end: '16:00',
    kind: 'officeHours',
    audience: 'all',
    topic: 'Приём',
    place: 'каб. 12',
    approve: 'yes',
  },
  {
    date: '11.09.2026',
    start: '14:00',
    end: '15:00',
    kind: 'seminar',
    audience: 'staff',
    topic: '<b>Поурочное</b> <script>x()</script>',
    place: 'каб. 5',
    approve: 'yes',
  },
  {
    date: '16.09.2026',
    start: '15:00',
    end: '16:00',
    kind: 'parentMeeting',
    audience: 'parents',
    topic: 'НЕУТВЕРЖДЕНО',
    place: 'актовый зал',
  },
  {
    date: '17.09.2026',
    start: '15:00',
    end: '16:00',
    kind: 'training',
    audience: 'staff',
    topic: 'ИЗМЕНЕНО ПОСЛЕ',
    place: 'каб. 7',
    approve: 'changed',
  },
  {
    date: '01.09.2026',
    start: '15:00',
    end: '16:00',
    kind: 'officeHours',
    audience: 'all',
    topic: 'ПРОШЛО',
    place: 'каб. 12',
    approve: 'yes',
  },
];

/** What of SCHEDULE must never be on the page (01.09.2026 is also the order's date, so the past row is by topic). */
export const HIDDEN_EVENTS = ['НЕУТВЕРЖДЕНО', 'ИЗМЕНЕНО ПОСЛЕ', 'ПРОШЛО', '16.09.2026', '17.09.2026'];

export const ARTICLES = {
  linked: {
    topic: 'Учёт посещаемости',
    question: 'Как отметить отсутствующих на уроке?',
    answer: 'Откройте урок в журнале и нажмите «Н» напротив фамилии.',
    link: 'https://example.org/help/attendance',
  },
  plain: {
    topic: 'Доступ к электронному дневнику, вход',
    question: 'Что делать, если забыли пароль от дневника?',
    answer: 'Нажмите «Забыли пароль?» на странице входа.\nЕсли письмо не пришло — позвоните консультанту.',
    link: '',
  },
  hidden: { topic: 'Другое', question: 'ВНУТРЕННЯЯ СТАТЬЯ', answer: 'только для сотрудников', link: '' },
};

const iso = (d: string) => `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/** The 1-based column of each key in a sheet's (hidden) key row. */
function columnsOf(rt: Runtime, sheet: string): (key: string) => number {
  const keys = readSheetValues(rt, sheet)[0] as string[];
  return (key) => {
    const col = keys.indexOf(key) + 1;
    expect(col).toBeGreaterThan(0);
    return col;
  };
}

export function writeSchedule(rt: Runtime, rows: ScheduleRow[], firstRow = 3): void {
  const sheet = ru.sheets.schedule;
  const col = columnsOf(rt, sheet);
  rows.forEach((r, i) => {
    const fields: ApprovedFields = {
      date: iso(r.date),
      startMin: minutes(r.start),
      endMin: minutes(r.end),
      kind: r.kind,
      audience: r.audience,
      topic: r.topic,
      place: r.place,
      consultant: 'Иванова А. С.',
    };
    const row = firstRow + i;
    writeCells(rt, sheet, row, col('date'), [[r.date]], { typed: true });
    writeCells(rt, sheet, row, col('start'), [[r.start]], { typed: true });
    writeCells(rt, sheet, row, col('end'), [[r.end]], { typed: true });
    const cells: Array<[string, unknown]> = [
      ['kind', ru.choices.scheduleKind[r.kind]],
      ['audience', ru.choices.audience[r.audience]],
      ['topic', r.topic],
      ['place', r.place],
      ['consultant', fields.consultant],
    ];
    if (r.approve) {
      const fp = eventFingerprint(r.approve === 'changed' ? { ...fields, place: 'было: каб. 3' } : fields);
      cells.push(
        ['approvedBy', DIRECTOR],
        ['approvedAt', new Date('2026-09-01T10:00:00+05:00')],
        [APPROVAL_FINGERPRINT_KEY, fp],
      );
    }
    for (const [key, value] of cells) writeCells(rt, sheet, row, col(key), [[value]]);
  });
}

function writeRow(rt: Runtime, sheet: string, row: number, values: Record<string, unknown>): void {
  const col = columnsOf(rt, sheet);
  for (const [key, value] of Object.entries(values)) writeCells(rt, sheet, row, col(key), [[value]]);
}

export interface PublicPageWorkbook {
  rt: Runtime;
  get(parameters?: Record<string, string | string[]>): WebResponse;
}

/**
 * Setup as the school account, the settings the school fills in, then the schedule, articles and a request.
 * `deployed: false` leaves the manifest without its webapp block (the script not yet published).
 */
export function publicPageWorkbook(options: { deployed?: boolean } = {}): PublicPageWorkbook {
  const webapp = { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' };
  const rt = testEntryRuntime(ENTRY, {
    owner: OWNER,
    now: '2026-09-10T12:00:00+05:00',
    manifest: {
      timeZone: 'Asia/Yekaterinburg',
      runtimeVersion: 'V8',
      ...(options.deployed === false ? {} : { webapp }),
    },
  });
  setHtmlDirectory(rt, path.join(__dirname, '../../src/html'));
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.name', CONTACTS.consultant);
  setSetting(rt, 'consultant.appointmentOrder', CONTACTS.order);
  setSetting(rt, 'support.vk', CONTACTS.supportVk);
  setSetting(rt, 'support.email', CONTACTS.supportEmail);
  setSetting(rt, 'office.place', CONTACTS.officePlace);
  writeSchedule(rt, SCHEDULE);
  const kb = ru.sheets.knowledge;
  writeRow(rt, kb, 3, { ...ARTICLES.linked, canned: false, public: true });
  writeRow(rt, kb, 4, { ...ARTICLES.plain, canned: true, public: true });
  writeRow(rt, kb, 5, { ...ARTICLES.hidden, canned: true, public: false });
  writeRow(rt, ru.sheets.requests, 3, {
    id: 'REQ-1',
    createdAt: new Date('2026-09-09T10:00:00+05:00'),
    channel: ru.choices.channel.form,
    requesterType: ru.choices.requesterType.parent,
    ...REQUESTER,
  });
  return {
    rt,
    get: (parameters = {}) => webRequest(rt, { method: 'GET', parameters, visitor: '' }),
  };
}
