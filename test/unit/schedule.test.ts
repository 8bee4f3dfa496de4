import { productionCalendarRows } from '../../src/domain/production-calendar';
import {
  type ApprovedFields,
  approvalOf,
  datesOfMonth,
  eventFingerprint,
  findClashes,
  isApproved,
  lostApproval,
  type OfficeHoursRequest,
  planOfficeHours,
  type ScheduleEvent,
  upcomingApproved,
} from '../../src/domain/schedule';
import { type CalendarDayRow, WorkingCalendar } from '../../src/domain/working-calendar';

const EKB = 'Asia/Yekaterinburg';
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);

function calendar(school: CalendarDayRow[] = []): WorkingCalendar {
  return new WorkingCalendar({
    zone: EKB,
    hours: { startMin: 8 * 60, endMin: 16 * 60 },
    production: productionCalendarRows(),
    school,
  });
}

const request = (year: number, month: number): OfficeHoursRequest => ({
  year,
  month,
  startMin: 15 * 60,
  endMin: 16 * 60,
  consultant: 'Иванова А. С.',
  place: 'каб. 12',
});

function event(over: Partial<ScheduleEvent> = {}): ScheduleEvent {
  return {
    date: '2026-09-15',
    startMin: 15 * 60,
    endMin: 16 * 60,
    kind: 'seminar',
    audience: 'staff',
    topic: 'Поурочное планирование',
    place: 'каб. 12',
    consultant: 'Иванова А. С.',
    approvedBy: '',
    approvedFingerprint: '',
    notes: '',
    eventId: '',
    ...over,
  };
}

function approved(e: ScheduleEvent, at = ekb('2026-08-28 10:00')): ScheduleEvent {
  return { ...e, ...approvalOf(e, 'director.petrov@gmail.com', at) };
}

describe('office hours for a month', () => {
  it('September 2026: every weekday, no holidays in the month', () => {
    // 1 September 2026 is a Tuesday; the production calendar has no row in September.
    // Working days: Tue 1 – Fri 4 (4), 7–11 (5), 14–18 (5), 21–25 (5), Mon 28 – Wed 30 (3) = 22.
    // Days off: the Saturdays and Sundays 5, 6, 12, 13, 19, 20, 26, 27 = 8.
    const plan = planOfficeHours(calendar(), [], request(2026, 9));
    const expected = [
      ...['01', '02', '03', '04'],
      ...['07', '08', '09', '10', '11'],
      ...['14', '15', '16', '17', '18'],
      ...['21', '22', '23', '24', '25'],
      ...['28', '29', '30'],
    ].map((d) => `2026-09-${d}`);
    expect(plan.events.map((e) => e.date)).toEqual(expected);
    expect(plan.skipped.filter((s) => s.reason === 'dayOff').map((s) => s.date.slice(8))).toEqual([
      '05',
      '06',
      '12',
      '13',
      '19',
      '20',
      '26',
      '27',
    ]);
    for (const e of plan.events) {
      expect(e).toMatchObject({ startMin: 900, endMin: 960, kind: 'officeHours', audience: 'all', place: 'каб. 12' });
      expect(isApproved(e)).toBe(false);
    }
  });

  it('May 2026: skips the May holidays and their moved day, keeps the shortened 8 May', () => {
    // Fri 1 May: holiday (Labour Day). Sat 2, Sun 3: weekend. Mon 4 – Thu 7: working.
    // Fri 8: shortened pre-holiday day, still a working day (office hours kept at 15:00–16:00).
    // Sat 9 (Victory Day) and Sun 10: weekend; Mon 11: holiday moved from Saturday 9 May (art. 112).
    // Tue 12 – Fri 15, 18–22, 25–29 working; Sat 30, Sun 31 weekend. Total 5 + 4 + 5 + 5 = 19.
    const plan = planOfficeHours(calendar(), [], request(2026, 5));
    const expected = [
      ...['04', '05', '06', '07', '08'],
      ...['12', '13', '14', '15'],
      ...['18', '19', '20', '21', '22'],
      ...['25', '26', '27', '28', '29'],
    ].map((d) => `2026-05-${d}`);
    expect(plan.events.map((e) => e.date)).toEqual(expected);
    const off = plan.skipped.map((s) => s.date.slice(8));
    expect(off).toEqual(['01', '02', '03', '09', '10', '11', '16', '17', '23', '24', '30', '31']);
  });

  it("honours the school's own rows (a quarantine day off)", () => {
    const plan = planOfficeHours(calendar([{ date: '2026-09-16', kind: 'holiday' }]), [], request(2026, 9));
    expect(plan.events.map((e) => e.date)).not.toContain('2026-09-16');
    expect(plan.events).toHaveLength(21);
  });

  it('a second run adds nothing; days already planned are skipped', () => {
    const cal = calendar();
    const first = planOfficeHours(cal, [], request(2026, 9));
    const second = planOfficeHours(cal, first.events, request(2026, 9));
    expect(second.events).toEqual([]);
    expect(second.skipped.filter((s) => s.reason === 'planned')).toHaveLength(22);
    // An office hour someone moved to 14:00 on 10 September still plans that day.
    const partly = [event({ date: '2026-09-10', kind: 'officeHours', startMin: 14 * 60, endMin: 15 * 60 })];
    const third = planOfficeHours(cal, partly, request(2026, 9));
    expect(third.events.map((e) => e.date)).not.toContain('2026-09-10');
    expect(third.events).toHaveLength(21);
  });

  it('skips a day when the consultant already has another event at those hours', () => {
    const busy = [event({ date: '2026-09-15', startMin: 15 * 60 + 30, endMin: 17 * 60, consultant: 'иванова а. с. ' })];
    const plan = planOfficeHours(calendar(), busy, request(2026, 9));
    expect(plan.skipped).toContainEqual({ date: '2026-09-15', reason: 'clash' });
    expect(plan.events).toHaveLength(21);
  });

  it('rejects nonsense months and hours', () => {
    expect(() => datesOfMonth(2026, 13)).toThrow(RangeError);
    expect(() => planOfficeHours(calendar(), [], { ...request(2026, 9), startMin: 960, endMin: 900 })).toThrow(
      RangeError,
    );
    expect(datesOfMonth(2028, 2)).toHaveLength(29);
  });
});

describe('clashes', () => {
  it('finds the same consultant at overlapping times, not touching or other people', () => {
    const events: ApprovedFields[] = [
      event({ startMin: 900, endMin: 960 }), // 0: 15:00–16:00
      event({ startMin: 930, endMin: 990, kind: 'training' }), // 1: 15:30–16:30 overlaps 0
      event({ startMin: 960, endMin: 1020 }), // 2: 16:00–17:00 touches 0, overlaps 1
      event({ startMin: 900, endMin: 960, consultant: 'Петров И. О.' }), // 3: another person
      event({ date: '2026-09-16', startMin: 900, endMin: 960 }), // 4: another day
      event({ startMin: 600, endMin: 1200, consultant: 'ИВАНОВА  А. С.' }), // 5: same person, all day
    ];
    expect(findClashes(events)).toEqual([
      { a: 0, b: 1 },
      { a: 0, b: 5 },
      { a: 1, b: 2 },
      { a: 1, b: 5 },
      { a: 2, b: 5 },
    ]);
  });

  it('ignores events without a consultant', () => {
    expect(findClashes([event({ consultant: '' }), event({ consultant: ' ' })])).toEqual([]);
  });
});

describe('approval', () => {
  it('needs who, when and a fingerprint matching the event as it is now', () => {
    const e = event();
    expect(isApproved(e)).toBe(false);
    const ok = approved(e);
    expect(isApproved(ok)).toBe(true);
    expect(isApproved({ ...ok, approvedBy: '' })).toBe(false);
    expect(isApproved({ ...ok, approvedAt: undefined })).toBe(false);
    expect(isApproved({ ...ok, approvedFingerprint: '' })).toBe(false);
  });

  it('is lost when a published field changes, kept for notes and whitespace', () => {
    const ok = approved(event());
    for (const change of [
      { date: '2026-09-16' },
      { startMin: 930 },
      { endMin: 990 },
      { kind: 'training' as const },
      { audience: 'parents' as const },
      { topic: 'Другая тема' },
      { place: 'актовый зал' },
      { consultant: 'Петров И. О.' },
    ]) {
      const changed = { ...ok, ...change };
      expect(isApproved(changed)).toBe(false);
      expect(lostApproval(changed)).toBe(true);
    }
    expect(isApproved({ ...ok, notes: 'взять проектор', topic: ' Поурочное  планирование ' })).toBe(true);
    expect(eventFingerprint(event())).toMatch(/^v1:[0-9a-f]{16}$/);
  });

  it('lists approved events not yet over, in order', () => {
    const now = ekb('2026-09-15 15:30');
    const events = [
      approved(event({ date: '2026-09-20', topic: 'B' })),
      approved(event({ date: '2026-09-15', startMin: 900, endMin: 960, topic: 'A (in progress)' })),
      approved(event({ date: '2026-09-15', startMin: 600, endMin: 660, topic: 'over' })),
      event({ date: '2026-09-18', topic: 'not approved' }),
      { ...approved(event({ date: '2026-09-19' })), topic: 'changed after approval' },
    ];
    expect(upcomingApproved(events, now, EKB).map((e) => e.topic)).toEqual(['A (in progress)', 'B']);
  });
});
