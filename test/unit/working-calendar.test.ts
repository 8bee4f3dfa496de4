import { productionCalendarRows } from '../../src/domain/production-calendar';
import { addCalendarTime, type CalendarDayRow, WorkingCalendar } from '../../src/domain/working-calendar';
import {
  addDays,
  dateOf,
  instantOf,
  parseIsoDate,
  wallClockOf,
  weekday,
  zoneOffsetAt,
} from '../../src/domain/zoned-time';

const H = 3_600_000;
const EKB = 'Asia/Yekaterinburg';

/** '2026-03-06 15:00' in Yekaterinburg (UTC+5) → epoch ms, independent of the host's zone. */
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
/** Epoch ms → '2026-03-06 15:00' Yekaterinburg wall time, for readable expectations. */
const show = (t: number): string => new Date(t + 5 * H).toISOString().slice(0, 16).replace('T', ' ');

function schoolCalendar(school: CalendarDayRow[] = []): WorkingCalendar {
  return new WorkingCalendar({
    zone: EKB,
    hours: { startMin: 8 * 60, endMin: 16 * 60 },
    production: productionCalendarRows(),
    school,
  });
}

describe('zoned time', () => {
  test('wall clock and date of an instant in a zone', () => {
    // 00:30 on 9 March in Yekaterinburg is still 8 March in UTC (19:30).
    const t = ekb('2026-03-09 00:30');
    expect(wallClockOf(t, EKB)).toEqual({ y: 2026, m: 3, d: 9, hour: 0, minute: 30, second: 0 });
    expect(dateOf(t, EKB)).toBe('2026-03-09');
    expect(dateOf(t, 'UTC')).toBe('2026-03-08');
    expect(zoneOffsetAt(t, EKB)).toBe(5 * H);
  });

  test('instant of a wall-clock time', () => {
    expect(instantOf('2026-03-09', 8 * 60, EKB)).toBe(ekb('2026-03-09 08:00'));
    expect(instantOf('2026-01-01', 0, 'UTC')).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  test('DST: a skipped time moves forward, a repeated time takes the earlier instant', () => {
    // New York springs forward at 02:00 on 8 Mar 2026: 02:30 does not exist and reads as 03:30 EDT.
    expect(instantOf('2026-03-08', 150, 'America/New_York')).toBe(Date.parse('2026-03-08T03:30:00-04:00'));
    // Falls back at 02:00 on 1 Nov 2026: 01:30 happens twice; the first is EDT.
    expect(instantOf('2026-11-01', 90, 'America/New_York')).toBe(Date.parse('2026-11-01T01:30:00-04:00'));
    expect(instantOf('2026-07-01', 12 * 60, 'America/New_York')).toBe(Date.parse('2026-07-01T12:00:00-04:00'));
  });

  test('calendar dates: add days, weekday, validation', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(weekday('2026-03-09')).toBe(1); // Monday
    expect(weekday('2026-03-08')).toBe(7); // Sunday
    expect(weekday('1970-01-01')).toBe(4); // Thursday
    expect(parseIsoDate('2026-02-30')).toBeUndefined();
    expect(parseIsoDate('2026-3-9')).toBeUndefined();
    expect(parseIsoDate('2026-03-09')).toEqual({ y: 2026, m: 3, d: 9 });
  });
});

describe('working calendar, 08:00–16:00 in Yekaterinburg', () => {
  const cal = schoolCalendar();

  test.each([
    // Fri 15:00: 1 h Friday; Sat, Sun, Mon 9 March off; Tue 10 March 08:00 + 7 h.
    ['2026-03-06 15:00', 8, '2026-03-10 15:00'],
    // Sat 7 March (weekend): starts Tue 10 March 08:00 (Mon 9 off) + 8 h.
    ['2026-03-07 12:00', 8, '2026-03-10 16:00'],
    // Fri 16:00 is closing: starts Mon 08:00 + 8 h.
    ['2026-03-13 16:00', 8, '2026-03-16 16:00'],
    // Before opening: 08:00 + 8 h the same day.
    ['2026-03-10 06:30', 8, '2026-03-10 16:00'],
    // Wed 31 Dec 2025 is off, 1–11 Jan 2026 off: Mon 12 Jan 08:00 + 8 h.
    ['2025-12-31 10:00', 8, '2026-01-12 16:00'],
    // Tue 30 Dec 2025 15:00: 1 h; then Mon 12 Jan 08:00 + 7 h.
    ['2025-12-30 15:00', 8, '2026-01-12 15:00'],
    // Thu 30 Apr 2026 is shortened (08–15): 6 h; 1–3 May off; Mon 4 May 08:00 + 2 h.
    ['2026-04-30 09:00', 8, '2026-05-04 10:00'],
    // 15:00 is the closing of the shortened day: Mon 4 May 08:00 + 8 h.
    ['2026-04-30 15:00', 8, '2026-05-04 16:00'],
    // Thu 7 May 15:00: 1 h; Fri 8 May shortened, 7 h ends at its 15:00.
    ['2026-05-07 15:00', 8, '2026-05-08 15:00'],
    // Fri 8 May 14:00: 1 h (to 15:00); 9–11 May off; Tue 12 May 08:00 + 7 h.
    ['2026-05-08 14:00', 8, '2026-05-12 15:00'],
    // Mon 2 Nov 15:00: 1 h; Tue 3 Nov shortened, 7 h ends at 15:00.
    ['2026-11-02 15:00', 8, '2026-11-03 15:00'],
    // Tue 3 Nov 12:00: 3 h (to 15:00); Wed 4 Nov off; Thu 5 Nov 08:00 + 5 h.
    ['2026-11-03 12:00', 8, '2026-11-05 13:00'],
    // Fri 31 Oct 2025 15:00: 1 h; Sat 1 Nov 2025 is working and shortened: 7 h to 15:00.
    ['2025-10-31 15:00', 8, '2025-11-01 15:00'],
    // Two days: Fri 30 Jan 11:00 → 5 h Fri, 8 h Mon 2 Feb, Tue 3 Feb 08:00 + 3 h.
    ['2026-01-30 11:00', 16, '2026-02-03 11:00'],
    // Zero on a Sunday is the next opening.
    ['2026-03-15 12:00', 0, '2026-03-16 08:00'],
    // Zero inside hours is the instant itself.
    ['2026-03-16 12:34', 0, '2026-03-16 12:34'],
  ])('addWorkingTime(%s, %i h) = %s', (start, hours, due) => {
    expect(show(cal.addWorkingTime(ekb(start), hours * H))).toBe(due);
    expect(cal.workingTimeBetween(ekb(start), ekb(due))).toBe(hours * H);
  });

  test.each([
    // Fri 15:00 → Tue 15:00 over the 9 March holiday: 1 h + 7 h.
    ['2026-03-06 15:00', '2026-03-10 15:00', 8],
    // The shortened 30 April has 7 h.
    ['2026-04-30 00:00', '2026-05-04 08:00', 7],
    // January 2026: working days 12–30 Jan, 15 × 8 h.
    ['2026-01-01 00:00', '2026-02-01 00:00', 120],
    // Inside one day.
    ['2026-03-10 09:15', '2026-03-10 10:45', 1.5],
    // Reversed order is negative.
    ['2026-03-10 15:00', '2026-03-06 15:00', -8],
  ])('workingTimeBetween(%s, %s) = %s h', (a, b, hours) => {
    expect(cal.workingTimeBetween(ekb(a), ekb(b))).toBe(hours * H);
  });

  test.each([
    // Day after Fri 30 Apr 2027 (provisional): 1–3 May off; Tue 4 (1), Wed 5 (2), Thu 6 (3).
    ['2027-04-30', 3, '2027-05-06 16:00'],
    // Day after Thu 30 Apr 2026: 1–3 May off; Mon 4 (1), Tue 5 (2), Wed 6 (3).
    ['2026-04-30', 3, '2026-05-06 16:00'],
    // Day after Fri 8 May 2026: 9–11 off; Tue 12 (1), Wed 13 (2), Thu 14 (3).
    ['2026-05-08', 3, '2026-05-14 16:00'],
    // A start on Sunday 10 May counts the same way.
    ['2026-05-10', 3, '2026-05-14 16:00'],
    // Day after Wed 31 Dec 2025: 1–11 Jan off; 12 (1), 13 (2), 14 (3).
    ['2025-12-31', 3, '2026-01-14 16:00'],
    // Day after Fri 6 Mar 2026: Sat, Sun, Mon 9 off; 10, 11, 12.
    ['2026-03-06', 3, '2026-03-12 16:00'],
    // Day after Thu 29 Oct 2026: Fri 30 (1), Mon 2 Nov (2), Tue 3 Nov shortened (3) ends at 15:00.
    ['2026-10-29', 3, '2026-11-03 15:00'],
    // n = 1 from Friday is Monday.
    ['2026-03-13', 1, '2026-03-16 16:00'],
  ])('endOfNthWorkingDay(%s, %i) = %s', (from, n, due) => {
    expect(show(cal.endOfNthWorkingDay(from, n))).toBe(due);
  });

  test('bad input is refused', () => {
    expect(() => cal.addWorkingTime(ekb('2026-03-10 09:00'), -1)).toThrow(RangeError);
    expect(() => cal.endOfNthWorkingDay('2026-03-10', 0)).toThrow(RangeError);
    expect(() => cal.isWorkingDay('10.03.2026')).toThrow(RangeError);
    expect(() => new WorkingCalendar({ zone: EKB, hours: { startMin: 960, endMin: 480 } })).toThrow(RangeError);
    expect(() => new WorkingCalendar({ zone: 'Mars/Olympus', hours: { startMin: 480, endMin: 960 } })).toThrow(
      RangeError,
    );
  });

  test('calendar time counts every hour', () => {
    expect(addCalendarTime(ekb('2026-03-06 15:00'), 24 * H)).toBe(ekb('2026-03-07 15:00'));
  });
});

describe('school rows', () => {
  test('a school-added working Saturday takes working time', () => {
    const cal = schoolCalendar([{ date: '2026-03-14', kind: 'workday' }]);
    expect(cal.isWorkingDay('2026-03-14')).toBe(true);
    expect(cal.workingHoursOf('2026-03-14')).toEqual({ startMin: 480, endMin: 960 });
    // Fri 13 Mar 15:00: 1 h; Sat 14 Mar 08:00 + 7 h.
    expect(show(cal.addWorkingTime(ekb('2026-03-13 15:00'), 8 * H))).toBe('2026-03-14 15:00');
  });

  test('a school quarantine day is off', () => {
    const cal = schoolCalendar([{ date: '2026-03-16', kind: 'holiday' }]);
    expect(cal.isWorkingDay('2026-03-16')).toBe(false);
    // Fri 13 Mar 15:00: 1 h; Sat, Sun, Mon 16 (quarantine) off; Tue 17 Mar 08:00 + 7 h.
    expect(show(cal.addWorkingTime(ekb('2026-03-13 15:00'), 8 * H))).toBe('2026-03-17 15:00');
    // Training from Fri 13 Mar: Tue 17 (1), Wed 18 (2), Thu 19 (3).
    expect(show(cal.endOfNthWorkingDay('2026-03-13', 3))).toBe('2026-03-19 16:00');
  });

  test('a school row overrides the production row of its date', () => {
    const cal = schoolCalendar([
      { date: '2026-04-30', kind: 'workday' },
      { date: '2026-03-09', kind: 'short' },
    ]);
    expect(cal.workingHoursOf('2026-04-30')).toEqual({ startMin: 480, endMin: 960 });
    expect(cal.workingHoursOf('2026-03-09')).toEqual({ startMin: 480, endMin: 900 });
  });

  test('a row with a bad date is skipped and reported', () => {
    const cal = schoolCalendar([{ date: '31.12.2026', kind: 'holiday' }]);
    expect(cal.invalidRows).toEqual([{ date: '31.12.2026', kind: 'holiday' }]);
  });

  test('without production rows only weekends are off', () => {
    const cal = new WorkingCalendar({ zone: EKB, hours: { startMin: 480, endMin: 960 } });
    expect(cal.isWorkingDay('2026-03-09')).toBe(true);
    expect(cal.isWorkingDay('2026-03-08')).toBe(false);
  });
});

describe('zones with daylight saving', () => {
  test('New York hours follow the local clock across the March jump', () => {
    const cal = new WorkingCalendar({ zone: 'America/New_York', hours: { startMin: 480, endMin: 960 } });
    // Fri 6 Mar 15:00 EST: 1 h; Mon 9 Mar 08:00 EDT + 7 h = 15:00 EDT.
    const due = cal.addWorkingTime(Date.parse('2026-03-06T15:00:00-05:00'), 8 * H);
    expect(due).toBe(Date.parse('2026-03-09T15:00:00-04:00'));
  });

  test('a working window over the jump has the real elapsed length', () => {
    // Berlin 29 Mar 2026: 02:00 CET jumps to 03:00 CEST, so 00:00–06:00 lasts 5 h.
    const cal = new WorkingCalendar({ zone: 'Europe/Berlin', hours: { startMin: 0, endMin: 360 }, weekendDays: [] });
    const start = Date.parse('2026-03-29T00:00:00+01:00');
    expect(cal.workingTimeBetween(start, Date.parse('2026-03-30T00:00:00+02:00'))).toBe(5 * H);
    // 00:00 CET + 3 h = 02:00 UTC = 04:00 CEST.
    expect(cal.addWorkingTime(start, 3 * H)).toBe(Date.parse('2026-03-29T04:00:00+02:00'));
    // Sat 05:00 CET: 1 h Saturday; Sunday 00:00 CET + 1 h.
    expect(cal.addWorkingTime(Date.parse('2026-03-28T05:00:00+01:00'), 2 * H)).toBe(
      Date.parse('2026-03-29T01:00:00+01:00'),
    );
  });
});
