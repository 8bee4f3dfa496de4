import { productionCalendarRows } from '../../src/domain/production-calendar';
import {
  approvalOf,
  clashesOf,
  eventFingerprint,
  eventProblems,
  findTrainingSlot,
  isTypedEventId,
  newEventId,
  planApproval,
  type RowEvent,
  type ScheduleEvent,
  trainingEventId,
} from '../../src/domain/schedule';
import { WorkingCalendar } from '../../src/domain/working-calendar';

const EKB = 'Asia/Yekaterinburg';
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const calendar = new WorkingCalendar({
  zone: EKB,
  hours: { startMin: 8 * 60, endMin: 16 * 60 },
  production: productionCalendarRows(),
});

function event(over: Partial<ScheduleEvent> = {}): ScheduleEvent {
  return {
    date: '2026-10-15',
    startMin: 900,
    endMin: 960,
    kind: 'officeHours',
    audience: 'all',
    topic: '',
    place: 'каб. 12',
    consultant: 'Иванова А. С.',
    approvedBy: '',
    approvedFingerprint: '',
    notes: '',
    eventId: '',
    ...over,
  };
}

const at = (row: number, over: Partial<ScheduleEvent> = {}): RowEvent => ({ row, event: event(over) });
const approved = (r: RowEvent): RowEvent => ({
  row: r.row,
  event: { ...r.event, ...approvalOf(r.event, 'director@school.ru', ekb('2026-09-20 10:00')) },
});

describe('what an event needs before approval', () => {
  it('a readable date, times in order, kind, audience and consultant', () => {
    expect(eventProblems(event())).toEqual([]);
    expect(eventProblems(event({ date: '', startMin: Number.NaN, kind: '', audience: '', consultant: '  ' }))).toEqual([
      'date',
      'time',
      'kind',
      'audience',
      'consultant',
    ]);
    expect(eventProblems(event({ startMin: 960, endMin: 960 }))).toEqual(['time']);
    expect(eventProblems(event({ date: '2026-02-30' }))).toEqual(['date']);
  });
});

describe('approving a period', () => {
  const rows = [
    at(3, { date: '2026-10-01' }),
    approved(at(4, { date: '2026-10-02' })),
    at(5, { date: '2026-10-05', kind: '' }),
    at(6, { date: '2026-10-06' }),
    at(7, { date: '2026-10-06', startMin: 930, endMin: 1020, kind: 'seminar', audience: 'staff' }),
    at(8, { date: '2026-11-02' }),
    // Changed after approval: awaits approval again.
    { row: 9, event: { ...approved(at(9, { date: '2026-10-08' })).event, place: 'актовый зал' } },
  ];

  it('approves what awaits in the period, skips what is approved, blocks problems and clashes', () => {
    const plan = planApproval(rows, { from: '2026-10-01', to: '2026-10-31' });
    expect(plan.approve.map((r) => r.row)).toEqual([3, 9]);
    expect(plan.approved.map((r) => r.row)).toEqual([4]);
    expect(plan.blocked.map((b) => [b.row, b.problems, b.clashWith])).toEqual([
      [5, ['kind'], []],
      [6, [], [7]],
      [7, [], [6]],
    ]);
    expect(planApproval(rows, { from: '2026-11-01', to: '2026-11-30' }).approve.map((r) => r.row)).toEqual([8]);
  });

  it('a clash with an approved event blocks the new one', () => {
    const plan = planApproval([approved(at(3)), at(4, { startMin: 930, endMin: 990 })], {
      from: '2026-10-01',
      to: '2026-10-31',
    });
    expect(plan.approve).toEqual([]);
    expect(plan.blocked.map((b) => [b.row, b.clashWith])).toEqual([[4, [3]]]);
    expect(clashesOf(rows, 6)).toEqual([7]);
    expect(clashesOf(rows, 3)).toEqual([]);
  });

  it('an approval covers the event as it was: the fingerprint of what the director saw', () => {
    const r = approved(at(3));
    expect(r.event.approvedFingerprint).toBe(eventFingerprint(event()));
  });
});

describe('event IDs', () => {
  it('carry the date and a random part, no spaces or bars (mail keys carry them)', () => {
    expect(newEventId('2026-10-15', '3F9A1C2B-0000-4000-8000-000000000000')).toBe('ev-20261015-3f9a1c2b');
    const typed = newEventId('2026-10-15', '3f9a1c2b-0000', 'typed');
    expect(typed).toBe('ev-20261015-3f9a1c2b-t');
    expect(isTypedEventId(typed)).toBe(true);
    expect(isTypedEventId('ev-20261015-3f9a1c2b')).toBe(false);
    expect(isTypedEventId(trainingEventId('x'))).toBe(false);
    expect(trainingEventId('orlova@school59.ru')).toMatch(/^nst-[0-9a-f]{8}$/);
    expect(trainingEventId('orlova@school59.ru')).toBe(trainingEventId('orlova@school59.ru'));
    expect(trainingEventId('orlova@school59.ru')).not.toBe(trainingEventId('petrova@school59.ru'));
  });
});

describe('a slot for new-staff training (cl. 3.1)', () => {
  // Started Thursday 10 September 2026: due at the end of the 3rd working day after, Tuesday 15 September, 16:00.
  const base = {
    consultant: 'Иванова А. С.',
    durationMin: 60,
    fromDate: '2026-09-10',
    dueAt: ekb('2026-09-15 16:00'),
  };

  it('the earliest free working-hours slot, not in the past, around the consultant’s events', () => {
    const busy = [event({ date: '2026-09-10', startMin: 12 * 60, endMin: 13 * 60 + 15, consultant: 'иванова а. с.' })];
    expect(findTrainingSlot(calendar, busy, { ...base, notBefore: ekb('2026-09-10 11:40') })).toEqual({
      date: '2026-09-10',
      startMin: 13 * 60 + 30,
      endMin: 14 * 60 + 30,
    });
    // Someone else's event does not block the consultant.
    const other = [event({ date: '2026-09-10', startMin: 12 * 60, endMin: 13 * 60, consultant: 'Петров И. О.' })];
    expect(findTrainingSlot(calendar, other, { ...base, notBefore: ekb('2026-09-10 11:40') })?.startMin).toBe(12 * 60);
  });

  it('after hours, the next working day (the weekend skipped)', () => {
    expect(findTrainingSlot(calendar, [], { ...base, notBefore: ekb('2026-09-11 15:30') })).toEqual({
      date: '2026-09-14',
      startMin: 8 * 60,
      endMin: 9 * 60,
    });
  });

  it('not before the start date, even when asked earlier', () => {
    expect(findTrainingSlot(calendar, [], { ...base, notBefore: ekb('2026-09-01 09:00') })?.date).toBe('2026-09-10');
  });

  it('none when the deadline leaves no free slot', () => {
    const fullDay = (date: string) => event({ date, startMin: 8 * 60, endMin: 16 * 60 });
    const busy = ['2026-09-10', '2026-09-11', '2026-09-14', '2026-09-15'].map(fullDay);
    expect(findTrainingSlot(calendar, busy, { ...base, notBefore: ekb('2026-09-10 09:00') })).toBeUndefined();
    // The slot must end by the deadline: at 15:30 on the due day an hour no longer fits.
    expect(findTrainingSlot(calendar, [], { ...base, notBefore: ekb('2026-09-15 15:30') })).toBeUndefined();
  });

  it('a shortened pre-holiday day ends an hour earlier', () => {
    // Thursday 30 April 2026 is shortened (08:00–15:00); 1 May is a holiday.
    const slot = findTrainingSlot(calendar, [], {
      ...base,
      fromDate: '2026-04-30',
      notBefore: ekb('2026-04-30 14:10'),
      dueAt: ekb('2026-05-08 15:00'),
    });
    expect(slot).toEqual({ date: '2026-05-04', startMin: 8 * 60, endMin: 9 * 60 });
  });

  it('refuses a nonsense duration', () => {
    expect(() => findTrainingSlot(calendar, [], { ...base, durationMin: 0, notBefore: 0 })).toThrow(RangeError);
  });
});
