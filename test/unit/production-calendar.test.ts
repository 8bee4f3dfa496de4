import { PRODUCTION_YEARS, productionCalendarRows } from '../../src/domain/production-calendar';
import { WorkingCalendar } from '../../src/domain/working-calendar';
import { addDays, parseIsoDate, weekday } from '../../src/domain/zoned-time';

const rows = productionCalendarRows();
const calendar = new WorkingCalendar({
  zone: 'Asia/Yekaterinburg',
  hours: { startMin: 8 * 60, endMin: 16 * 60 },
  production: rows,
});

function datesOfYear(year: number): string[] {
  const out: string[] = [];
  for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1)) out.push(d);
  return out;
}

/** '1–8 Jan' style ranges from CALENDAR_RU.md, as [first, last] dates. */
function expand(ranges: readonly (readonly [string, string])[]): Set<string> {
  const out = new Set<string>();
  for (const [first, last] of ranges) for (let d = first; d <= last; d = addDays(d, 1)) out.add(d);
  return out;
}

/** The days off, shortened days and working Saturdays exactly as CALENDAR_RU.md lists them. */
const FACTS: Record<number, { off: Set<string>; short: Set<string>; workingWeekend: Set<string> }> = {
  2025: {
    off: expand([
      ['2025-01-01', '2025-01-08'],
      ['2025-02-22', '2025-02-23'],
      ['2025-03-08', '2025-03-09'],
      ['2025-05-01', '2025-05-04'],
      ['2025-05-08', '2025-05-11'],
      ['2025-06-12', '2025-06-15'],
      ['2025-11-02', '2025-11-04'],
      ['2025-12-31', '2025-12-31'],
    ]),
    short: new Set(['2025-03-07', '2025-04-30', '2025-06-11', '2025-11-01']),
    workingWeekend: new Set(['2025-11-01']),
  },
  2026: {
    off: expand([
      ['2026-01-01', '2026-01-11'],
      ['2026-02-21', '2026-02-23'],
      ['2026-03-07', '2026-03-09'],
      ['2026-05-01', '2026-05-03'],
      ['2026-05-09', '2026-05-11'],
      ['2026-06-12', '2026-06-14'],
      ['2026-11-04', '2026-11-04'],
      ['2026-12-31', '2026-12-31'],
    ]),
    short: new Set(['2026-04-30', '2026-05-08', '2026-06-11', '2026-11-03']),
    workingWeekend: new Set(),
  },
  2027: {
    off: expand([
      ['2027-01-01', '2027-01-10'],
      ['2027-02-21', '2027-02-23'],
      ['2027-03-06', '2027-03-08'],
      ['2027-05-01', '2027-05-03'],
      ['2027-05-08', '2027-05-10'],
      ['2027-06-12', '2027-06-14'],
      ['2027-11-04', '2027-11-07'],
      ['2027-12-31', '2027-12-31'],
    ]),
    short: new Set(['2027-02-20', '2027-04-30', '2027-06-11', '2027-11-03']),
    workingWeekend: new Set(['2027-02-20']),
  },
};

describe('production calendar table', () => {
  test('covers 2025–2027, one row per date, in order, each row complete', () => {
    expect(PRODUCTION_YEARS).toEqual([2025, 2026, 2027]);
    const dates = rows.map((r) => r.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
    for (const r of rows) {
      expect(parseIsoDate(r.date)).toBeDefined();
      expect(['holiday', 'workday', 'short']).toContain(r.kind);
      expect(r.note).toMatch(/[А-Яа-яЁё]/);
      expect(r.source).toMatch(/ТК РФ|Постановление|Проект/);
    }
  });

  test('lists only days that differ from a Monday–Friday week', () => {
    for (const r of rows) {
      const wd = weekday(r.date);
      if (r.kind === 'holiday') expect([r.date, wd <= 5]).toEqual([r.date, true]);
      if (r.kind === 'workday') expect([r.date, wd >= 6]).toEqual([r.date, true]);
    }
  });

  test('2027 is marked provisional, 2025 and 2026 are not', () => {
    for (const r of rows) expect([r.date, r.provisional]).toEqual([r.date, r.date.startsWith('2027')]);
  });

  test('decree transfers are cited and noted in Russian', () => {
    const row = (date: string) => rows.find((r) => r.date === date);
    expect(row('2026-01-09')).toMatchObject({
      note: 'Перенос с субботы 3 января',
      source: expect.stringContaining('№ 1466'),
    });
    expect(row('2026-12-31')).toMatchObject({ kind: 'holiday', source: expect.stringContaining('№ 1466') });
    expect(row('2025-05-02')).toMatchObject({
      note: 'Перенос с субботы 4 января',
      source: expect.stringContaining('№ 1335'),
    });
    expect(row('2026-01-05')).toMatchObject({ note: 'Новогодние каникулы' });
    expect(row('2026-01-07')).toMatchObject({ note: 'Рождество Христово' });
  });

  test.each([2025, 2026, 2027])('%i has 247 working days', (year) => {
    expect(datesOfYear(year).filter((d) => calendar.isWorkingDay(d))).toHaveLength(247);
  });

  // A day is off exactly when CALENDAR_RU lists it, or it is a weekend day that is not a working Saturday.
  test.each([2025, 2026, 2027])('%i matches CALENDAR_RU day by day', (year) => {
    const { off, short, workingWeekend } = FACTS[year];
    for (const d of datesOfYear(year)) {
      const expectedOff = off.has(d) || (weekday(d) >= 6 && !workingWeekend.has(d));
      expect([d, calendar.isWorkingDay(d)]).toEqual([d, !expectedOff]);
      const isShort = calendar.workingHoursOf(d)?.endMin === 15 * 60;
      expect([d, isShort]).toEqual([d, short.has(d)]);
    }
  });

  test.each([
    ['2026-03-09', false], // Mon, 8 March moved from Sunday
    ['2026-05-11', false], // Mon, 9 May moved from Saturday
    ['2026-12-31', false], // Thu, moved from Sunday 4 January
    ['2025-12-31', false], // Wed, moved from Sunday 5 January
    ['2026-01-09', false], // Fri, moved from Saturday 3 January
    ['2026-01-12', true], // Mon, first working day of 2026
    ['2025-11-01', true], // Sat, working
    ['2025-11-03', false], // Mon, the rest of 1 November
    ['2027-01-11', true], // Mon, first working day of 2027
  ])('%s working: %s', (date, working) => {
    expect(calendar.isWorkingDay(date)).toBe(working);
  });

  test('Saturday 1 November 2025 is a working, shortened day: 08:00–15:00', () => {
    expect(calendar.workingHoursOf('2025-11-01')).toEqual({ startMin: 480, endMin: 900 });
    expect(calendar.workingHoursOf('2025-11-03')).toBeUndefined();
  });

  // 247 days × 8 h − 4 shortened days × 1 h = 1972 h, the official norm for a 40-hour week.
  test.each([2025, 2026])('%i has 1972 working hours at 8 hours a day', (year) => {
    const from = Date.parse(`${year}-01-01T00:00:00+05:00`);
    const to = Date.parse(`${year + 1}-01-01T00:00:00+05:00`);
    expect(calendar.workingTimeBetween(from, to) / 3_600_000).toBe(1972);
  });
});
