// The dashboard's periods: the settings' text parsers and the period a dropdown choice means at a moment, in
// Yekaterinburg time (UTC+5, no daylight saving).
import {
  PERIOD_SETTING_DEFAULTS,
  parseDateRange,
  parseDateRanges,
  parseQuarters,
  parseSchoolYear,
  resolvePeriod,
  type SchoolPeriods,
} from '../../src/domain/metrics-period';

const ZONE = 'Asia/Yekaterinburg';
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);

const school = (): SchoolPeriods => {
  const q = parseQuarters('');
  const y = parseSchoolYear('');
  if (!q.ok || !y.ok) throw new Error('defaults must parse');
  return { quarters: q.ranges, schoolYear: y.range };
};

describe('period.quarters and period.schoolYear', () => {
  test('the defaults parse to the 2026/27 quarters and year', () => {
    expect(parseQuarters('')).toEqual({
      ok: true,
      ranges: [
        { from: '2026-09-01', to: '2026-10-26' },
        { from: '2026-11-05', to: '2026-12-28' },
        { from: '2027-01-12', to: '2027-03-21' },
        { from: '2027-04-01', to: '2027-05-31' },
      ],
    });
    expect(parseSchoolYear('   ')).toEqual({ ok: true, range: { from: '2026-09-01', to: '2027-05-31' } });
    expect(parseQuarters(PERIOD_SETTING_DEFAULTS['period.quarters'])).toEqual(parseQuarters(''));
  });

  test("'-', '–' or '—' with or without spaces; ';' or line breaks between ranges; one-digit days", () => {
    const want = [
      { from: '2026-09-01', to: '2026-12-28' },
      { from: '2027-01-12', to: '2027-05-31' },
    ];
    expect(parseQuarters('01.09.2026-28.12.2026;12.01.2027 - 31.05.2027')).toEqual({ ok: true, ranges: want });
    expect(parseQuarters(' 1.9.2026 —28.12.2026 \n12.01.2027– 31.05.2027; ')).toEqual({ ok: true, ranges: want });
    expect(parseSchoolYear('01.09.2026 – 31.05.2027')).toEqual({
      ok: true,
      range: { from: '2026-09-01', to: '2027-05-31' },
    });
  });

  test('a one-day range is a range', () => {
    expect(parseDateRange('05.11.2026–05.11.2026')).toEqual({
      ok: true,
      range: { from: '2026-11-05', to: '2026-11-05' },
    });
  });

  test.each([
    ['01.09.2026', 'notARange', '01.09.2026'],
    ['01.09.2026–26.10.2026–28.12.2026', 'notARange', '01.09.2026–26.10.2026–28.12.2026'],
    ['01.09.2026 26.10.2026', 'notARange', '01.09.2026 26.10.2026'],
    ['31.09.2026–26.10.2026', 'badDate', '31.09.2026–26.10.2026'],
    ['2026-09-01–2026-10-26', 'notARange', '2026-09-01–2026-10-26'],
    ['01.09.26–26.10.26', 'badDate', '01.09.26–26.10.26'],
    ['26.10.2026–01.09.2026', 'reversed', '26.10.2026–01.09.2026'],
    ['01.09.2026–26.10.2026; 26.10.2026–28.12.2026', 'overlap', '26.10.2026–28.12.2026'],
    ['05.11.2026–28.12.2026; 01.09.2026–26.10.2026', 'overlap', '01.09.2026–26.10.2026'],
  ])('quarters %j: %s', (text, code, part) => {
    expect(parseQuarters(text)).toEqual({ ok: false, error: { code, part } });
  });

  test('more than six quarters', () => {
    const seven = Array.from({ length: 7 }, (_, i) => `0${i + 1}.09.2026–0${i + 1}.09.2026`).join('; ');
    expect(parseQuarters(seven)).toEqual({ ok: false, error: { code: 'tooMany', part: '' } });
    const six = Array.from({ length: 6 }, (_, i) => `0${i + 1}.09.2026–0${i + 1}.09.2026`).join('; ');
    expect(parseQuarters(six).ok).toBe(true);
  });

  test('the school year is exactly one range', () => {
    expect(parseSchoolYear('01.09.2026–28.12.2026; 12.01.2027–31.05.2027')).toEqual({
      ok: false,
      error: { code: 'notOneRange', part: '' },
    });
    expect(parseSchoolYear('01.09.2026–31.02.2027')).toEqual({
      ok: false,
      error: { code: 'badDate', part: '01.09.2026–31.02.2027' },
    });
  });

  test('blank text gives no ranges to parseDateRanges (the settings readers supply the default)', () => {
    expect(parseDateRanges(' ; \n ')).toEqual({ ok: true, ranges: [] });
  });
});

describe('resolvePeriod', () => {
  test('this week: Monday 00:00 to the next Monday 00:00 in the school zone, from any day of it', () => {
    // Wed 4 Nov 2026 (a holiday) at 23:30 local is 18:30 UTC: the week is Mon 2 – Sun 8 Nov.
    const p = resolvePeriod('week', ekb('2026-11-04 23:30'), ZONE, school());
    expect(p).toEqual({
      kind: 'week',
      fromDate: '2026-11-02',
      toDate: '2026-11-08',
      from: ekb('2026-11-02 00:00'),
      to: ekb('2026-11-09 00:00'),
    });
    // Sunday late evening still belongs to the week begun on Monday.
    expect(resolvePeriod('week', ekb('2026-11-08 23:59'), ZONE, school()).fromDate).toBe('2026-11-02');
    // Monday 00:00 local (Sunday 19:00 UTC) begins the next one.
    expect(resolvePeriod('week', ekb('2026-11-09 00:00'), ZONE, school()).fromDate).toBe('2026-11-09');
  });

  test('this month, December included', () => {
    const p = resolvePeriod('month', ekb('2026-12-31 10:00'), ZONE, school());
    expect(p).toMatchObject({ fromDate: '2026-12-01', toDate: '2026-12-31', to: ekb('2027-01-01 00:00') });
    // 1 Feb 2027 02:00 local is still 31 Jan in UTC: the zone decides.
    expect(resolvePeriod('month', ekb('2027-02-01 02:00'), ZONE, school())).toMatchObject({
      fromDate: '2027-02-01',
      toDate: '2027-02-28',
    });
  });

  test('the quarter now falls in; in the holidays, the one just ended; before the first, the first', () => {
    const s = school();
    expect(resolvePeriod('quarter', ekb('2026-11-05 08:00'), ZONE, s)).toMatchObject({
      quarter: 2,
      fromDate: '2026-11-05',
      toDate: '2026-12-28',
      from: ekb('2026-11-05 00:00'),
      to: ekb('2026-12-29 00:00'),
    });
    // 30 Oct: the autumn holidays after quarter 1 (ended 26 Oct).
    expect(resolvePeriod('quarter', ekb('2026-10-30 12:00'), ZONE, s)).toMatchObject({ quarter: 1 });
    // 5 Jan 2027: the New Year holidays; quarter 2 is the one being reviewed.
    expect(resolvePeriod('quarter', ekb('2027-01-05 12:00'), ZONE, s)).toMatchObject({ quarter: 2 });
    expect(resolvePeriod('quarter', ekb('2026-08-20 12:00'), ZONE, s)).toMatchObject({ quarter: 1 });
    expect(resolvePeriod('quarter', ekb('2027-07-01 12:00'), ZONE, s)).toMatchObject({ quarter: 4 });
  });

  test('the school year; no quarters configured makes "the quarter" the year', () => {
    const s = school();
    expect(resolvePeriod('schoolYear', ekb('2027-03-01 12:00'), ZONE, s)).toEqual({
      kind: 'schoolYear',
      fromDate: '2026-09-01',
      toDate: '2027-05-31',
      from: ekb('2026-09-01 00:00'),
      to: ekb('2027-06-01 00:00'),
    });
    expect(resolvePeriod('quarter', ekb('2027-03-01 12:00'), ZONE, { ...s, quarters: [] })).toMatchObject({
      kind: 'quarter',
      fromDate: '2026-09-01',
      toDate: '2027-05-31',
    });
  });

  test('a zone with daylight saving: the week of the autumn change is 169 hours long', () => {
    const p = resolvePeriod('week', Date.parse('2026-10-28T12:00:00Z'), 'Europe/Berlin', school());
    expect(p.fromDate).toBe('2026-10-26');
    // Berlin left summer time on Sun 25 Oct 2026; the week after is ordinary.
    expect((p.to - p.from) / 3_600_000).toBe(168);
    const change = resolvePeriod('week', Date.parse('2026-10-21T12:00:00Z'), 'Europe/Berlin', school());
    expect((change.to - change.from) / 3_600_000).toBe(169);
  });
});
