import {
  dueAt,
  isPausedAt,
  normalizePauses,
  type PauseInterval,
  type SlaClock,
  SlaPolicy,
  slaSettingsFromMap,
} from '../../src/domain/deadlines';
import { productionCalendarRows } from '../../src/domain/production-calendar';

const H = 3_600_000;
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const show = (t: number | null): string | null =>
  t === null ? null : new Date(t + 5 * H).toISOString().slice(0, 16).replace('T', ' ');

const defaults = slaSettingsFromMap(new Map()).settings;
const policy = new SlaPolicy(defaults, productionCalendarRows());

const clock = (start: string, pauses: [string, string | null][] = []): SlaClock => ({
  start: ekb(start),
  pauses: pauses.map(([from, to]) => ({ from: ekb(from), to: to === null ? null : ekb(to) })),
});

describe('SLA settings from «Настройки»', () => {
  test('blank settings give the regulation defaults', () => {
    const { settings, problems } = slaSettingsFromMap(new Map());
    expect(problems).toEqual([]);
    expect(settings).toEqual({
      zone: 'Asia/Yekaterinburg',
      work: { startMin: 480, endMin: 960 },
      support: { startMin: 540, endMin: 1080 },
      firstResponse: {
        staff: { days: 1, basis: 'working' },
        parent: { days: 1, basis: 'working' },
        student: { days: 1, basis: 'working' },
      },
      resolutionDays: 3,
      trainingDays: 3,
      supportAnswerHours: 9,
    });
  });

  test('values are read; students follow the parents’ basis', () => {
    const { settings, problems } = slaSettingsFromMap(
      new Map([
        ['sla.basis.staff', 'Календарное'],
        ['sla.basis.parent', 'календарное'],
        ['sla.firstResponse.parent', '1,5'],
        ['work.start', '09:00'],
        ['work.end', '17:30'],
        ['sla.training.days', '5'],
      ]),
    );
    expect(problems).toEqual([]);
    expect(settings.firstResponse.staff).toEqual({ days: 1, basis: 'calendar' });
    expect(settings.firstResponse.parent).toEqual({ days: 1.5, basis: 'calendar' });
    expect(settings.firstResponse.student).toEqual({ days: 1, basis: 'calendar' });
    expect(settings.work).toEqual({ startMin: 540, endMin: 1050 });
    expect(settings.trainingDays).toBe(5);
  });

  test('bad values fall back to defaults and are reported', () => {
    const { settings, problems } = slaSettingsFromMap(
      new Map([
        ['sla.basis.staff', 'constructor'],
        ['sla.resolution.days', '-2'],
        ['sla.training.days', '2.5'],
        ['school.timeZone', 'Perm'],
        ['support.start', '19:00'],
      ]),
    );
    expect(problems.map((p) => p.key).sort()).toEqual([
      'school.timeZone',
      'sla.basis.staff',
      'sla.resolution.days',
      'sla.training.days',
      'support.end',
    ]);
    expect(settings.firstResponse.staff.basis).toBe('working');
    expect(settings.resolutionDays).toBe(3);
    expect(settings.trainingDays).toBe(3);
    expect(settings.zone).toBe('Asia/Yekaterinburg');
    expect(settings.support).toEqual({ startMin: 540, endMin: 1080 });
  });
});

describe('targets', () => {
  test('one working day is 8 working hours; calendar basis is 24 h; support answer is 9 support hours', () => {
    expect(policy.target('firstResponse', 'parent')).toEqual({ basis: 'working', budgetMs: 8 * H });
    expect(policy.target('resolution', 'staff')).toEqual({ basis: 'working', budgetMs: 24 * H });
    expect(policy.target('supportAnswer', 'staff')).toEqual({ basis: 'support', budgetMs: 9 * H });
    const calendarStaff = new SlaPolicy(
      slaSettingsFromMap(new Map([['sla.basis.staff', 'календарное']])).settings,
      productionCalendarRows(),
    );
    expect(calendarStaff.target('firstResponse', 'staff')).toEqual({ basis: 'calendar', budgetMs: 24 * H });
    expect(calendarStaff.target('firstResponse', 'student')).toEqual({ basis: 'working', budgetMs: 8 * H });
  });
});

describe('due times', () => {
  const staffCalendar = new SlaPolicy(
    slaSettingsFromMap(new Map([['sla.basis.staff', 'календарное']])).settings,
    productionCalendarRows(),
  );

  test.each([
    // Working basis. Fri 15:00: 1 h; Sat, Sun, Mon 9 March off; Tue 08:00 + 7 h.
    ['default', 'firstResponse', 'parent', '2026-03-06 15:00', '2026-03-10 15:00'],
    // Arrives Saturday: Tue 10 March 08:00 + 8 h, the end of the next working day.
    ['default', 'firstResponse', 'student', '2026-03-07 18:00', '2026-03-10 16:00'],
    // New Year 2026: Tue 30 Dec 15:00: 1 h; 31 Dec – 11 Jan off; Mon 12 Jan 08:00 + 7 h.
    ['default', 'firstResponse', 'staff', '2025-12-30 15:00', '2026-01-12 15:00'],
    // May 2026: Fri 8 May shortened to 15:00: 1 h; 9–11 off; Tue 12 May 08:00 + 7 h.
    ['default', 'firstResponse', 'parent', '2026-05-08 14:00', '2026-05-12 15:00'],
    // Calendar basis: 24 clock hours, weekends and holidays included.
    ['staff calendar', 'firstResponse', 'staff', '2026-03-06 15:00', '2026-03-07 15:00'],
    // Resolution, 3 working days = 24 h: Mon 4 May 10:00: 6 h Mon, 8 h Tue, 8 h Wed, Thu 7 May 08:00 + 2 h.
    ['default', 'resolution', 'parent', '2026-05-04 10:00', '2026-05-07 10:00'],
    // Support 09:00–18:00 daily: Sat 9 May (a holiday) 17:00: 1 h; Sunday 10 May 09:00 + 8 h.
    ['default', 'supportAnswer', 'staff', '2026-05-09 17:00', '2026-05-10 17:00'],
    // Sunday 20:00: Mon 11 May (a holiday, support still works) 09:00 + 9 h.
    ['default', 'supportAnswer', 'staff', '2026-05-10 20:00', '2026-05-11 18:00'],
  ] as const)('%s: %s for %s from %s is due %s', (which, kind, requester, start, due) => {
    const p = which === 'default' ? policy : staffCalendar;
    expect(show(p.dueAt(p.target(kind, requester), clock(start)))).toBe(due);
  });

  test('training from Friday 30 Apr 2027: Tue 4, Wed 5, Thu 6 May', () => {
    expect(show(policy.trainingDueAt('2027-04-30'))).toBe('2027-05-06 16:00');
    // Thu 29 Oct 2026: Fri 30 (1), Mon 2 Nov (2), Tue 3 Nov shortened (3).
    expect(show(policy.trainingDueAt('2026-10-29'))).toBe('2026-11-03 15:00');
  });
});

describe('paused clock', () => {
  const target = policy.target('firstResponse', 'parent'); // 8 working hours
  const due = (c: SlaClock) => show(policy.dueAt(target, c));

  test.each([
    // Mon 10:00; 2 h used by the pause at 12:00, 6 h left; resumes Wed 14:00: 2 h, Thu 08:00 + 4 h.
    [[['2026-03-02 12:00', '2026-03-04 14:00']], '2026-03-05 12:00'],
    // The requester answers at 20:00: the 6 h left start Tue 08:00.
    [[['2026-03-02 12:00', '2026-03-02 20:00']], '2026-03-03 14:00'],
    // Two pauses: 1 h before the first, 3 h Mon + 1 h Tue before the second, 3 h left from Tue 15:00:
    // 1 h Tue, Wed 08:00 + 2 h.
    [
      [
        ['2026-03-02 11:00', '2026-03-02 13:00'],
        ['2026-03-03 09:00', '2026-03-03 15:00'],
      ],
      '2026-03-04 10:00',
    ],
    // Overlapping pauses act as one, Mon 12:00 – Wed 14:00.
    [
      [
        ['2026-03-03 10:00', '2026-03-04 14:00'],
        ['2026-03-02 12:00', '2026-03-03 12:00'],
      ],
      '2026-03-05 12:00',
    ],
    // A pause after the due time (Tue 10:00) does not move it.
    [[['2026-03-03 11:00', '2026-03-04 11:00']], '2026-03-03 10:00'],
    // A running pause: no due time yet.
    [[['2026-03-02 12:00', null]], null],
  ] as [[string, string | null][], string | null][])('%#: pauses %j → due %s', (pauses, expected) => {
    expect(due(clock('2026-03-02 10:00', pauses))).toBe(expected);
  });

  test('time left at a moment, in working time', () => {
    const c = clock('2026-03-02 10:00', [['2026-03-02 12:00', '2026-03-04 14:00']]);
    const left = (now: string) => policy.timeLeft(target, c, ekb(now)) / H;
    expect(left('2026-03-02 11:00')).toBe(7); // 1 h used
    expect(left('2026-03-03 10:00')).toBe(6); // paused
    expect(left('2026-03-04 15:00')).toBe(5); // 1 h since resuming
    expect(left('2026-03-05 12:00')).toBe(0); // due
    expect(left('2026-03-05 13:00')).toBe(-1); // an hour overdue
    expect(left('2026-03-07 13:00')).toBe(-12); // Saturday: Thu 12–16 and Fri 8–16 overdue, weekend not
  });

  test('a running pause freezes the time left', () => {
    const c = clock('2026-03-02 10:00', [['2026-03-02 12:00', null]]);
    expect(policy.timeLeft(target, c, ekb('2026-03-06 10:00'))).toBe(6 * H);
    expect(isPausedAt(c, ekb('2026-03-06 10:00'))).toBe(true);
    expect(isPausedAt(c, ekb('2026-03-02 11:00'))).toBe(false);
  });

  test('calendar basis: the pause is 24 clock hours', () => {
    // Mon 10:00 + 24 h, paused Mon 12:00 – Tue 12:00 → Wed 10:00.
    const c = clock('2026-03-02 10:00', [['2026-03-02 12:00', '2026-03-03 12:00']]);
    expect(show(dueAt(policy.meter('calendar'), 24 * H, c))).toBe('2026-03-04 10:00');
  });

  test('pauses are clipped to the start and reversed ones ignored', () => {
    const pauses: PauseInterval[] = [
      { from: ekb('2026-03-01 10:00'), to: ekb('2026-03-02 11:00') },
      { from: ekb('2026-03-05 10:00'), to: ekb('2026-03-04 10:00') },
    ];
    expect(normalizePauses({ start: ekb('2026-03-02 10:00'), pauses })).toEqual([
      { from: ekb('2026-03-02 10:00'), to: ekb('2026-03-02 11:00') },
    ]);
  });
});
