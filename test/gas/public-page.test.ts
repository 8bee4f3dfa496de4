// The public page (R4, cl. 4, 7.1, 8) served by doGet on the embedded runtime to an anonymous visitor,
// over a workbook built by the real setup, with «График» rows approved and not, and a request in the log.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { htmlPageOf, setHtmlDirectory } from '../../emulator/services/html';
import { readSheetValues, writeCells } from '../../emulator/services/spreadsheet/index';
import { type WebResponse, webRequest } from '../../emulator/web';
import { APPROVAL_FINGERPRINT_KEY } from '../../src/app/public-page';
import { type ApprovedFields, eventFingerprint } from '../../src/domain/schedule';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'public-page.entry.ts');
const OWNER = 'school.helpdesk@gmail.com';
const REQUESTER = { name: 'Сидорова Мария Петровна', email: 'maria.sidorova.parent@mail.ru' };

interface Row {
  date: string; // dd.mm.yyyy
  start: string;
  end: string;
  kind: keyof typeof ru.choices.scheduleKind;
  audience: keyof typeof ru.choices.audience;
  topic: string;
  place: string;
  approve?: 'yes' | 'changed';
}

const iso = (d: string) => `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}`;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

function writeSchedule(rt: Runtime, rows: Row[]): void {
  const sheet = ru.sheets.schedule;
  // The approval's fingerprint column, found by its key as the script finds it.
  const fingerprintColumn = (readSheetValues(rt, sheet)[0] as string[]).indexOf(APPROVAL_FINGERPRINT_KEY) + 1;
  expect(fingerprintColumn).toBeGreaterThan(0);
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
    const row = 3 + i;
    writeCells(rt, sheet, row, 1, [[r.date, r.start, r.end]], { typed: true });
    writeCells(rt, sheet, row, 4, [
      [ru.choices.scheduleKind[r.kind], ru.choices.audience[r.audience], r.topic, r.place, fields.consultant],
    ]);
    if (r.approve) {
      const fp = eventFingerprint(r.approve === 'changed' ? { ...fields, place: 'было: каб. 3' } : fields);
      writeCells(rt, sheet, row, 9, [['director.petrov@gmail.com', new Date('2026-09-01T10:00:00+05:00')]]);
      writeCells(rt, sheet, row, fingerprintColumn, [[fp]]);
    }
  });
}

function workbook(): Runtime {
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
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.name', 'Иванова Анна Сергеевна');
  setSetting(rt, 'consultant.appointmentOrder', 'Приказ № 101-од от 01.09.2026');
  setSetting(rt, 'support.vk', 'https://vk.com/sedizh_support');
  writeSchedule(rt, [
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
  ]);
  // A request in the log: its requester must never reach the page.
  writeCells(rt, ru.sheets.requests, 3, 1, [
    [
      'REQ-1',
      new Date('2026-09-09T10:00:00+05:00'),
      ru.choices.channel.form,
      ru.choices.requesterType.parent,
      REQUESTER.name,
      '5Б',
      REQUESTER.email,
    ],
  ]);
  return rt;
}

const get = (rt: Runtime, parameters: Record<string, string> = {}): WebResponse =>
  webRequest(rt, { method: 'GET', parameters, visitor: '' });

describe('public page (doGet)', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = workbook();
  });

  it('serves the approved upcoming events only, embeddable, mobile-friendly, without scripts', () => {
    const res = get(rt);
    expect(res.outcome?.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.xFrameOptions).toBe('ALLOWALL');
    expect(res.title).toBe('МБОУ «Северокоммунарская СОШ»: помощь по электронному журналу');
    expect(htmlPageOf(res.outcome?.value)?.metaTags).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
    expect(res.body).not.toMatch(/<script|google\.script|onclick=/i);
    expect(res.body).toContain('15.09.2026');
    expect(res.body).toContain('Приём');
    expect(res.body).toContain('15:00–16:00');
    expect(res.body).toContain('Приёмные часы');
    expect(res.body.indexOf('11.09.2026')).toBeLessThan(res.body.indexOf('15.09.2026'));
    for (const hidden of ['НЕУТВЕРЖДЕНО', 'ИЗМЕНЕНО ПОСЛЕ', 'ПРОШЛО', '16.09.2026', '17.09.2026']) {
      expect(res.body).not.toContain(hidden);
    }
  });

  it('escapes HTML in a topic', () => {
    const res = get(rt);
    expect(res.body).toContain('&lt;b&gt;Поурочное&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;');
    expect(res.body).not.toContain('<b>Поурочное');
  });

  it('lists every contact of cl. 5.1, 7.1 and 8, the consultant and the order (R2)', () => {
    const { body } = get(rt);
    for (const s of [
      'с 15:00 до 16:00',
      '2-34-81',
      'fsk1-siva@mail.ru',
      '8 800 300 4444',
      'звонок бесплатный',
      'https://vk.com/sedizh_support',
      'Иванова Анна Сергеевна',
      'Приказ № 101-од от 01.09.2026',
      'Оставить заявку',
      'Подать жалобу',
    ]) {
      expect(body).toContain(s);
    }
    expect(body).toMatch(/href="https:\/\/docs\.google\.com\/forms\/[^"]+"/);
  });

  it('shows no personal data of a requester', () => {
    const { body } = get(rt);
    expect(body).not.toContain(REQUESTER.name);
    expect(body).not.toContain('Сидорова');
    expect(body).not.toContain(REQUESTER.email);
    expect(body).not.toContain('director.petrov');
  });

  it('gives the A4 print view with ?view=print, ignores unknown parameters, refuses a bad view', () => {
    const print = get(rt, { view: 'print' });
    expect(print.status).toBe(200);
    expect(print.body).toContain('<body class="print">');
    expect(print.body).toContain('size: A4');
    expect(print.body).toContain('График оказания помощи при работе с СЭДиЖ');
    expect(print.body).toContain('15.09.2026');
    expect(print.body).not.toContain('НЕУТВЕРЖДЕНО');
    expect(get(rt, { utm_source: 'vk' }).body).toContain('15.09.2026');
    const bad = get(rt, { view: '<img src=x>' });
    expect(bad.body).toContain('Неверный запрос');
    expect(bad.body).not.toContain('15.09.2026');
    expect(bad.body).not.toContain('<img');
    expect(bad.xFrameOptions).toBe('ALLOWALL');
  });
});
