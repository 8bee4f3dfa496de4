// The hourly sweep's decisions, worked out by hand over the 2026 production calendar in Yekaterinburg time
// (UTC+5): working hours 08:00–16:00 (8 h a day), support 09:00–18:00 every day, defaults otherwise.
import { SlaPolicy, slaSettingsFromMap } from '../../src/domain/deadlines';
import { byUrgency, digestsByAssignee } from '../../src/domain/daily-digest';
import { decideTraining, owedTrainingLevel, staffKey } from '../../src/domain/new-staff-training';
import { productionCalendarRows } from '../../src/domain/production-calendar';
import {
  alertsBetween,
  type Bookkeeping,
  decideRequest,
  decodeLevels,
  encodeLevels,
  type LogFacts,
  resumeDue,
  type SweepContext,
  sweepRulesFromMap,
} from '../../src/domain/sla-sweep';

const H = 3_600_000;
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
const show = (t: number | undefined): string | undefined =>
  t === undefined ? undefined : new Date(t + 5 * H).toISOString().slice(0, 16).replace('T', ' ');

const policy = new SlaPolicy(slaSettingsFromMap(new Map()).settings, productionCalendarRows());
const ctx: SweepContext = { policy, rules: sweepRulesFromMap(new Map()).rules };

// A parent's request of Tue 1 Sep 2026 10:00: first response due Wed 2 Sep 10:00 (8 working hours),
// resolution due Fri 4 Sep 10:00 (24 working hours: Tue 6 + Wed 8 + Thu 8 + Fri 2).
const facts = (over: Partial<LogFacts> = {}): LogFacts => ({
  id: 'ОБ-2026-00001',
  requesterType: 'parent',
  status: 'new',
  createdAt: ekb('2026-09-01 10:00'),
  dueShown: ekb('2026-09-02 10:00'),
  ...over,
});
const book = (over: Partial<Bookkeeping> = {}): Bookkeeping => ({
  firstResponseDueAt: ekb('2026-09-02 10:00'),
  resolutionDueAt: ekb('2026-09-04 10:00'),
  pausedMs: 0,
  alertLevel: 0,
  ...over,
});
const alertsAt = (now: string, f = facts(), b = book()) =>
  (decideRequest(f, b, ctx, ekb(now))?.alerts ?? []).map((a) => `${a.event} ${a.audience.join('+')}`);

describe('settings of the sweep', () => {
  test('defaults: a reminder 2 h before, the director after 8 h overdue, auto-close after 5 working days', () => {
    expect(sweepRulesFromMap(new Map())).toEqual({
      rules: { reminderLeadMs: 2 * H, directorAfterMs: 8 * H, autoCloseDays: 5 },
      invalid: [],
    });
  });
  test('values are read; nonsense falls back to the default and is reported', () => {
    const r = sweepRulesFromMap(
      new Map([
        ['sla.reminder.hours', '1,5'],
        ['sla.autoClose.days', 'неделя'],
      ]),
    );
    expect(r.rules.reminderLeadMs).toBe(1.5 * H);
    expect(r.rules.autoCloseDays).toBe(5);
    expect(r.invalid).toEqual(['sla.autoClose.days']);
  });
});

describe('alert levels in one cell', () => {
  test('units first response, tens resolution, hundreds support', () => {
    expect(decodeLevels(231)).toEqual({ firstResponse: 1, resolution: 3, support: 2 });
    expect(encodeLevels({ firstResponse: 3, resolution: 1, support: 0 })).toBe(13);
    expect(decodeLevels(Number.NaN)).toEqual({ firstResponse: 0, resolution: 0, support: 0 });
  });
  test('a late sweep skips the reminder the due time overtook, never an escalation level', () => {
    expect(alertsBetween('resolution', 0, 1, 0).map((a) => a.level)).toEqual([1]);
    expect(alertsBetween('resolution', 0, 2, 0).map((a) => a.level)).toEqual([2]);
    expect(alertsBetween('resolution', 0, 3, 0).map((a) => a.level)).toEqual([2, 3]);
    expect(alertsBetween('resolution', 2, 3, 0).map((a) => a.level)).toEqual([3]);
  });
});

describe('reminders and escalations of a running request', () => {
  test.each([
    // 2 working hours before Wed 10:00 is Tue 16:00 (Tue 16:00 → Wed 08:00 holds no working time).
    ['2026-09-01 15:59', []],
    ['2026-09-01 16:00', ['firstResponse-1 assignee']],
    ['2026-09-02 07:00', ['firstResponse-1 assignee']],
    ['2026-09-02 09:59', ['firstResponse-1 assignee']],
    // Due: the reminder is overtaken, the consultant and the deputy are told.
    ['2026-09-02 10:00', ['firstResponse-2 consultant+deputy']],
    // 8 working hours after Wed 10:00 is Thu 10:00: the director too (a late sweep sends both levels).
    ['2026-09-03 09:59', ['firstResponse-2 consultant+deputy']],
    ['2026-09-03 10:00', ['firstResponse-2 consultant+deputy', 'firstResponse-3 director']],
  ])('first sweep at %s with nothing sent yet', (now, expected) => {
    expect(alertsAt(now)).toEqual(expected);
  });

  test('each level once: what the bookkeeping records is not sent again', () => {
    expect(alertsAt('2026-09-02 09:00', facts(), book({ alertLevel: 1 }))).toEqual([]);
    expect(alertsAt('2026-09-02 10:30', facts(), book({ alertLevel: 1 }))).toEqual([
      'firstResponse-2 consultant+deputy',
    ]);
    expect(alertsAt('2026-09-03 12:00', facts(), book({ alertLevel: 3 }))).toEqual([]);
  });

  test('the new level is recorded with the alerts', () => {
    const d = decideRequest(facts(), book({ alertLevel: 1 }), ctx, ekb('2026-09-02 10:30'));
    expect(d?.book.alertLevel).toBe(2);
    expect(d?.levelChanged).toBe(true);
    expect(d?.bookChanged).toBe(false);
  });

  test('after the first response the resolution is watched, and the log shows its due time', () => {
    const answered = facts({ firstResponseAt: ekb('2026-09-01 11:00') });
    const d = decideRequest(answered, book(), ctx, ekb('2026-09-01 12:00'));
    expect(show(d?.shownDue)).toBe('2026-09-04 10:00');
    expect(d?.alerts).toEqual([]);
    // Resolution reminder: 2 working hours before Fri 10:00 is Thu 16:00.
    expect(alertsAt('2026-09-03 16:00', answered, book({ alertLevel: 3 }))).toEqual(['resolution-1 assignee']);
    expect(alertsAt('2026-09-04 10:00', answered, book({ alertLevel: 13 }))).toEqual([
      'resolution-2 consultant+deputy',
    ]);
  });

  test('a finished request is left alone', () => {
    expect(decideRequest(facts({ resolvedAt: ekb('2026-09-01 12:00') }), book(), ctx, ekb('2026-09-09 12:00'))).toBe(
      undefined,
    );
    expect(decideRequest(facts({ status: 'answered' }), book(), ctx, ekb('2026-09-09 12:00'))).toBe(undefined);
  });

  test('due times missing from the bookkeeping are counted from the creation', () => {
    const d = decideRequest(facts(), { pausedMs: 0, alertLevel: 0 }, ctx, ekb('2026-09-01 11:00'));
    expect(show(d?.book.firstResponseDueAt)).toBe('2026-09-02 10:00');
    expect(show(d?.book.resolutionDueAt)).toBe('2026-09-04 10:00');
    expect(d?.bookChanged).toBe(true);
  });

  test('across the May holidays: created Thu 30 Apr 09:00 (a shortened day, 08:00–15:00)', () => {
    // 6 h left on 30 Apr (09–15), 1–3 May off, then 2 h on Mon 4 May: due 10:00. 2 h before it is 30 Apr 15:00.
    const created = ekb('2026-04-30 09:00');
    const fr = policy.dueAt(policy.target('firstResponse', 'parent'), { start: created, pauses: [] }) as number;
    expect(show(fr)).toBe('2026-05-04 10:00');
    const f = facts({ createdAt: created, dueShown: fr });
    const b = book({ firstResponseDueAt: fr, resolutionDueAt: ekb('2026-05-06 10:00') });
    expect(alertsAt('2026-04-30 14:59', f, b)).toEqual([]);
    expect(alertsAt('2026-04-30 15:00', f, b)).toEqual(['firstResponse-1 assignee']);
    expect(alertsAt('2026-05-02 12:00', f, b)).toEqual(['firstResponse-1 assignee']);
  });

  test('a staff target in calendar time reminds in calendar hours', () => {
    const settings = slaSettingsFromMap(new Map([['sla.basis.staff', 'календарное']])).settings;
    const calendarCtx = { policy: new SlaPolicy(settings, productionCalendarRows()), rules: ctx.rules };
    // Created Fri 4 Sep 15:00: due Sat 5 Sep 15:00 (24 h); the reminder at Sat 13:00.
    const f = facts({ requesterType: 'staff', createdAt: ekb('2026-09-04 15:00'), dueShown: ekb('2026-09-05 15:00') });
    const b = book({ firstResponseDueAt: ekb('2026-09-05 15:00'), resolutionDueAt: ekb('2026-09-09 15:00') });
    const at = (now: string) => decideRequest(f, b, calendarCtx, ekb(now))?.alerts.map((a) => a.event) ?? [];
    expect(at('2026-09-05 12:59')).toEqual([]);
    expect(at('2026-09-05 13:00')).toEqual(['firstResponse-1']);
  });
});

describe('the clock pauses while waiting', () => {
  test('«Нужно уточнение» starts a pause; nothing is sent while paused, even past the due time', () => {
    const d = decideRequest(facts({ status: 'clarification' }), book(), ctx, ekb('2026-09-03 12:00'));
    expect(d?.pause).toBe('started');
    expect(show(d?.book.pausedSince)).toBe('2026-09-03 12:00');
    expect(d?.alerts).toEqual([]);
    expect(d?.shownDue).toBe(undefined);
    const later = decideRequest(
      facts({ status: 'clarification' }),
      d?.book as Bookkeeping,
      ctx,
      ekb('2026-09-04 12:00'),
    );
    expect(later?.alerts).toEqual([]);
    expect(later?.bookChanged).toBe(false);
  });

  test('resuming moves each due time by the time that was left', () => {
    // Paused Tue 12:00: 6 working hours left of the first response (Tue 12–16, Wed 8–10), 22 of the resolution.
    // Resumed Thu 09:00: first response Thu 15:00; resolution Thu 9–16 (7) + Fri 8 + Mon 7 Sep 8–15 (7) → Mon 15:00.
    const paused = book({ pausedSince: ekb('2026-09-01 12:00') });
    const d = decideRequest(facts({ status: 'inProgress' }), paused, ctx, ekb('2026-09-03 09:00'));
    expect(d?.pause).toBe('ended');
    expect(show(d?.book.firstResponseDueAt)).toBe('2026-09-03 15:00');
    expect(show(d?.book.resolutionDueAt)).toBe('2026-09-07 15:00');
    expect(d?.book.pausedMs).toBe(45 * H);
    expect(d?.book.pausedSince).toBe(undefined);
    expect(show(d?.shownDue)).toBe('2026-09-03 15:00');
    // 6 h left, more than the 2 h lead: no reminder yet.
    expect(d?.alerts).toEqual([]);
  });

  test('folding pauses one by one equals SlaPolicy.dueAt over the same intervals', () => {
    const start = ekb('2026-04-29 14:00');
    const pauses = [
      ['2026-04-29 15:00', '2026-04-30 10:00'],
      ['2026-04-30 14:30', '2026-05-05 09:15'],
      ['2026-05-05 12:00', '2026-05-08 08:30'],
    ].map(([from, to]) => ({ from: ekb(from), to: ekb(to) }));
    for (const kind of ['firstResponse', 'resolution'] as const) {
      const target = policy.target(kind, 'parent');
      let due = policy.dueAt(target, { start, pauses: [] }) as number;
      for (const p of pauses) due = resumeDue(policy.meter(target.basis), due, p.from, p.to);
      expect(show(due)).toBe(show(policy.dueAt(target, { start, pauses }) as number));
    }
  });

  test('a pause begun after the due time does not move it', () => {
    const d = decideRequest(facts(), book({ pausedSince: ekb('2026-09-02 12:00') }), ctx, ekb('2026-09-02 14:00'));
    expect(show(d?.book.firstResponseDueAt)).toBe('2026-09-02 10:00');
    expect(d?.alerts.map((a) => a.event)).toEqual(['firstResponse-2']);
  });

  test('waiting on the requester for 5 working days closes the request (cl. 9.4.3)', () => {
    // Paused Tue 1 Sep 10:00; 40 working hours later is Tue 8 Sep 10:00.
    const f = facts({ status: 'clarification', firstResponseAt: ekb('2026-09-01 10:00') });
    const b = book({ pausedSince: ekb('2026-09-01 10:00') });
    expect(decideRequest(f, b, ctx, ekb('2026-09-08 09:59'))?.autoClose ?? false).toBe(false);
    const d = decideRequest(f, b, ctx, ekb('2026-09-08 10:00'));
    expect(d?.autoClose).toBe(true);
    expect(d?.book.pausedSince).toBe(undefined);
    expect(d?.book.pausedMs).toBe(7 * 24 * H);
    expect(d?.alerts).toEqual([]);
  });

  test('passed to the support service: its clock runs in support hours, one alert per escalation', () => {
    // Escalated Tue 10:00; 9 support hours: Tue 10–18 (8) + Wed 9–10 → Wed 10:00.
    const f = facts({ status: 'escalated', firstResponseAt: ekb('2026-09-01 10:00') });
    const started = decideRequest(f, book(), ctx, ekb('2026-09-01 10:00')) as NonNullable<
      ReturnType<typeof decideRequest>
    >;
    expect(started.pause).toBe('started');
    expect(started.book.alertLevel).toBe(100);
    expect(decideRequest(f, started.book, ctx, ekb('2026-09-02 09:59'))?.alerts).toEqual([]);
    const due = decideRequest(f, started.book, ctx, ekb('2026-09-02 10:00'));
    expect(due?.alerts.map((a) => `${a.event} ${a.audience.join('+')}`)).toEqual([
      `support-${ekb('2026-09-01 10:00')} assignee+consultant`,
    ]);
    expect(due?.book.alertLevel).toBe(200);
    expect(decideRequest(f, due?.book as Bookkeeping, ctx, ekb('2026-09-03 10:00'))?.alerts ?? []).toEqual([]);
    // Never auto-closed while waiting on the support service.
    expect(decideRequest(f, due?.book as Bookkeeping, ctx, ekb('2026-09-30 10:00'))?.autoClose ?? false).toBe(false);
  });

  test('from clarification straight to the support service: one pause ends, the next starts', () => {
    const b = book({ pausedSince: ekb('2026-09-01 12:00') });
    const d = decideRequest(facts({ status: 'escalated' }), b, ctx, ekb('2026-09-03 09:00'));
    expect(d?.pause).toBe('restarted');
    expect(show(d?.book.pausedSince)).toBe('2026-09-03 09:00');
    expect(show(d?.book.firstResponseDueAt)).toBe('2026-09-03 15:00');
    expect(decodeLevels(d?.book.alertLevel ?? 0).support).toBe(1);
  });
});

describe('new staff training (cl. 3.1)', () => {
  // Start Thu 30 Apr 2026: the 3rd working day after it is Wed 6 May (4, 5, 6 May), due when work ends, 16:00.
  const due = policy.trainingDueAt('2026-04-30');
  const staff = { key: 'new.teacher@school.ru', active: true, startDate: '2026-04-30', trained: false };
  test('the due time, then one alert per level', () => {
    expect(show(due)).toBe('2026-05-06 16:00');
    const first = decideTraining(staff, undefined, policy, ekb('2026-04-30 09:00'));
    expect(first).toEqual({ key: staff.key, writeDue: due, level: 1, alerts: [expect.objectContaining({ level: 1 })] });
    expect(decideTraining({ ...staff, dueShown: due }, 1, policy, ekb('2026-05-05 15:59'))).toBe(undefined);
    expect(owedTrainingLevel(policy, due, ekb('2026-05-05 16:00'))).toBe(2);
    expect(decideTraining({ ...staff, dueShown: due }, 1, policy, ekb('2026-05-06 08:00'))?.alerts[0].audience).toEqual(
      ['consultant'],
    );
    const missed = decideTraining({ ...staff, dueShown: due }, 2, policy, ekb('2026-05-06 16:00'));
    expect(missed?.alerts.map((a) => [a.level, a.audience])).toEqual([[3, ['director', 'consultant']]]);
  });
  test('trained, left, or listed long ago: no alerts', () => {
    expect(decideTraining({ ...staff, dueShown: due, trained: true }, 2, policy, ekb('2026-05-07 09:00'))).toEqual({
      key: staff.key,
      writeDue: undefined,
      level: undefined,
      alerts: [],
    });
    expect(decideTraining({ ...staff, active: false }, undefined, policy, ekb('2026-05-07 09:00'))).toBe(undefined);
    const old = { ...staff, startDate: '2024-09-02' };
    expect(decideTraining(old, undefined, policy, ekb('2026-05-07 09:00'))?.alerts).toEqual([]);
  });
  test('a staff key: the address, else a hash of name and start date', () => {
    expect(staffKey(' New.Teacher@School.ru ', 'x', '2026-04-30')).toBe('new.teacher@school.ru');
    expect(staffKey('', 'Сидорова Мария', '2026-04-30')).toMatch(/^n[0-9a-z]+$/);
  });
});

describe('the morning digest', () => {
  test('overdue first, then by due time, then the waiting ones, then those without a due time', () => {
    const now = ekb('2026-09-03 07:00');
    const row = (id: string, status: LogFacts['status'], due?: string, assignee = 'a@school.ru') => ({
      facts: { id, requesterType: 'parent' as const, status, dueShown: due ? ekb(due) : undefined },
      topic: 'Учёт посещаемости',
      statusLabel: String(status),
      assignee,
    });
    const groups = digestsByAssignee(
      [
        row('ОБ-5', 'inProgress', '2026-09-04 10:00'),
        row('ОБ-4', 'clarification', '2026-09-01 10:00'),
        row('ОБ-3', 'new', '2026-09-02 10:00'),
        row('ОБ-2', 'new'),
        row('ОБ-1', 'new', '2026-09-01 12:00'),
        row('ОБ-6', 'closed', '2026-09-01 12:00'),
        row('ОБ-7', 'new', '2026-09-03 12:00', ''),
      ],
      'consultant@school.ru',
      now,
    );
    expect(groups.get('a@school.ru')?.map((i) => i.id)).toEqual(['ОБ-1', 'ОБ-3', 'ОБ-5', 'ОБ-4', 'ОБ-2']);
    expect(groups.get('consultant@school.ru')?.map((i) => i.id)).toEqual(['ОБ-7']);
    expect(byUrgency).toBeInstanceOf(Function);
  });
});
