// The scheduler: time-driven triggers on the virtual clock, event triggers, simple triggers
// (guides/triggers, guides/triggers/installable, guides/triggers/events).
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';
import { advance, advanceTo, fireEventTriggers, nextRun, runSimpleTrigger } from '../../emulator/scheduler';
import { listTriggers } from '../../emulator/services/script-app';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const EDITOR = 'consultant@gmail.com';

// The default clock starts on Tuesday 1 September 2026, 04:00 UTC = 09:00 in Yekaterinburg (UTC+5).
function install(builder: string, extra = '') {
  return inlineRuntime(`
    function setup() { return ScriptApp.newTrigger('tick').timeBased()${builder}.create().getUniqueId(); }
    function tick(e) { ${extra} return JSON.stringify(e); }
    function whoami(e) { return Session.getEffectiveUser().getEmail() + '|' + Session.getActiveUser().getEmail(); }
    function handleEdit(e) { return [e.triggerUid, e.authMode, e.value, e.range.a1, Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail()].join('|'); }
    function onOpen(e) { return e.authMode + '|' + Session.getEffectiveUser().getEmail(); }
    function editTrigger() { return ScriptApp.newTrigger('handleEdit').forSpreadsheet('sheet-1').onEdit().create().getUniqueId(); }
  `);
}

function localHourMinute(ms: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    new Date(ms),
  );
}

describe('time-driven triggers', () => {
  test('everyMinutes(5) fires every 5 minutes, each run an installable-trigger execution as its owner', () => {
    const rt = install('.everyMinutes(5)');
    rt.runAsOwner('setup');
    const runs = advance(rt, HOUR);
    expect(runs).toHaveLength(12);
    expect(runs.every((r) => r.outcome.ok && r.outcome.execution.kind === 'installable-trigger')).toBe(true);
    expect(
      runs.every((r) => r.outcome.execution.effectiveUser === OWNER && r.outcome.execution.activeUser === OWNER),
    ).toBe(true);
    const gaps = runs.slice(1).map((r, i) => r.dueAt - runs[i].dueAt);
    expect(new Set(gaps)).toEqual(new Set([5 * MIN]));
  });

  test("the event has the documented time-driven shape, in UTC, with the trigger's uid (guides/triggers/events#time-driven-events)", () => {
    const rt = install('.everyHours(1)');
    const uid = rt.runAsOwner<string>('setup');
    const [run] = advance(rt, HOUR);
    const e = JSON.parse(String(run.outcome.value)) as Record<string, unknown>;
    expect(Object.keys(e).sort()).toEqual(
      [
        'authMode',
        'day-of-month',
        'day-of-week',
        'hour',
        'minute',
        'month',
        'second',
        'timezone',
        'triggerUid',
        'week-of-year',
        'year',
      ].sort(),
    );
    const at = new Date(run.outcome.execution.startedAt);
    expect(e).toMatchObject({
      authMode: 'FULL',
      timezone: 'UTC',
      triggerUid: uid,
      year: 2026,
      month: 9,
      'day-of-month': at.getUTCDate(),
      'day-of-week': 2, // Tuesday, counting Monday as 1
      hour: at.getUTCHours(),
      minute: at.getUTCMinutes(),
    });
  });

  test('everyHours fires at the same minute of the hour, n hours apart', () => {
    const rt = install('.everyHours(2)');
    rt.runAsOwner('setup');
    const runs = advance(rt, 12 * HOUR);
    expect(runs).toHaveLength(6);
    expect(new Set(runs.map((r) => new Date(r.dueAt).getUTCMinutes())).size).toBe(1);
    expect(runs[1].dueAt - runs[0].dueAt).toBe(2 * HOUR);
  });

  test("everyDays(1).atHour(7) fires daily in the 7 o'clock hour of the script's zone", () => {
    const rt = install('.everyDays(1).atHour(7)');
    rt.runAsOwner('setup');
    const runs = advance(rt, 3 * DAY);
    expect(runs).toHaveLength(3);
    for (const r of runs) expect(localHourMinute(r.dueAt, 'Asia/Yekaterinburg').startsWith('07:')).toBe(true);
  });

  test('inTimezone moves the hour to that zone', () => {
    const rt = install(".everyDays(1).atHour(7).inTimezone('America/New_York')");
    rt.runAsOwner('setup');
    const runs = advance(rt, 2 * DAY);
    expect(runs).toHaveLength(2);
    for (const r of runs) expect(localHourMinute(r.dueAt, 'America/New_York').startsWith('07:')).toBe(true);
  });

  test('nearMinute(30) fires within ±15 minutes of hh:30 (reference/script/clock-trigger-builder#nearminuteminute)', () => {
    const rt = install('.everyDays(1).atHour(18).nearMinute(30)');
    const uid = rt.runAsOwner<string>('setup');
    const due = nextRun(rt, uid);
    expect(due).toBeDefined();
    const [hh, mm] = localHourMinute(due ?? 0, 'Asia/Yekaterinburg')
      .split(':')
      .map(Number);
    expect(hh).toBe(18);
    expect(mm).toBeGreaterThanOrEqual(15);
    expect(mm).toBeLessThanOrEqual(45);
  });

  test('onWeekDay(MONDAY) fires on Mondays only, weekly', () => {
    const rt = install('.onWeekDay(ScriptApp.WeekDay.MONDAY).atHour(8)');
    rt.runAsOwner('setup');
    const runs = advance(rt, 14 * DAY);
    expect(runs).toHaveLength(2);
    for (const r of runs) {
      expect(
        new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Yekaterinburg', weekday: 'long' }).format(new Date(r.dueAt)),
      ).toBe('Monday');
    }
    expect(runs[1].dueAt - runs[0].dueAt).toBe(7 * DAY);
  });

  test('after(ms) fires once, not before the delay, and is then gone (reference/script/clock-trigger-builder#afterdurationmilliseconds)', () => {
    const listed =
      'return ScriptApp.getProjectTriggers().some(function (t) { return t.getUniqueId() === e.triggerUid; });';
    const rt = install('.after(10 * 60 * 1000)', listed);
    const start = rt.clock.now();
    rt.runAsOwner('setup');
    const runs = advance(rt, HOUR);
    expect(runs).toHaveLength(1);
    expect(runs[0].dueAt - start).toBeGreaterThanOrEqual(10 * MIN);
    // Still listed during its own run, so a handler can check its event's triggerUid.
    expect(runs[0].outcome.value).toBe(true);
    expect(listTriggers(rt)).toHaveLength(0);
  });

  test('at(date) fires once at that time', () => {
    const rt = install('.at(new Date(Date.UTC(2026, 8, 2, 6, 0)))');
    rt.runAsOwner('setup');
    expect(advanceTo(rt, '2026-09-02T05:59:00Z')).toHaveLength(0);
    const runs = advanceTo(rt, '2026-09-03T00:00:00Z');
    expect(runs).toHaveLength(1);
    expect(runs[0].dueAt).toBeGreaterThanOrEqual(Date.parse('2026-09-02T06:00:00Z'));
    expect(rt.clock.now()).toBe(Date.parse('2026-09-03T00:00:00Z'));
  });

  test('a trigger installed by a second editor runs as that editor', () => {
    const rt = install('.everyMinutes(10)');
    rt.run('setup', [], { kind: 'menu', effectiveUser: EDITOR, actingUser: EDITOR });
    const [run] = advance(rt, 10 * MIN);
    expect(run.owner).toBe(EDITOR);
    expect(run.outcome.execution.effectiveUser).toBe(EDITOR);
  });

  test('a failing run is recorded like the Executions page shows it, not thrown, and later runs go on', () => {
    const rt = install('.everyMinutes(15)', "throw new Error('sheet missing');");
    rt.runAsOwner('setup');
    const runs = advance(rt, HOUR);
    expect(runs).toHaveLength(4);
    expect(runs.every((r) => !r.outcome.ok)).toBe(true);
    const failed = rt.executions.filter((e) => e.functionName === 'tick');
    expect(failed).toHaveLength(4);
    expect(failed[0]).toMatchObject({ status: 'failed', kind: 'installable-trigger', error: 'Error: sheet missing' });
  });

  test('a run that overruns the 6-minute limit is recorded as timed out', () => {
    const rt = install('.everyMinutes(30)', 'while (true) Utilities.sleep(60000);');
    rt.runAsOwner('setup');
    const [run] = advance(rt, 30 * MIN);
    expect(run.outcome.execution.status).toBe('timed-out');
  });

  test('a handler that deletes its own trigger runs no more', () => {
    const rt = install(
      '.everyMinutes(1)',
      'ScriptApp.getProjectTriggers().forEach(function (t) { if (t.getUniqueId() === e.triggerUid) ScriptApp.deleteTrigger(t); });',
    );
    rt.runAsOwner('setup');
    expect(advance(rt, 10 * MIN)).toHaveLength(1);
  });

  test('triggers of different owners fire in time order', () => {
    const rt = install('.everyMinutes(30)');
    rt.runAsOwner('setup');
    rt.run('setup', [], { kind: 'menu', effectiveUser: EDITOR, actingUser: EDITOR });
    const runs = advance(rt, 2 * HOUR);
    expect(runs).toHaveLength(8);
    const times = runs.map((r) => r.dueAt);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    expect(new Set(runs.map((r) => r.owner))).toEqual(new Set([OWNER, EDITOR]));
  });
});

describe('event triggers and simple triggers', () => {
  test('fireEventTriggers runs each installable trigger of that source and type as its owner, with triggerUid', () => {
    const rt = install('.everyMinutes(30)');
    const uid = rt.runAsOwner<string>('editTrigger');
    const runs = fireEventTriggers(rt, {
      sourceId: 'sheet-1',
      eventType: 'ON_EDIT',
      actingUser: 'teacher@gmail.com',
      makeEvent: () => ({ value: 'Новая', range: { a1: 'B2' } }),
    });
    expect(runs).toHaveLength(1);
    // The consumer-account teacher is hidden from a trigger owned by the school account.
    expect(runs[0].outcome.value).toBe(`${uid}|FULL|Новая|B2||${OWNER}`);
    expect(runs[0].outcome.execution.kind).toBe('installable-trigger');
    expect(
      fireEventTriggers(rt, { sourceId: 'sheet-2', eventType: 'ON_EDIT', actingUser: '', makeEvent: () => ({}) }),
    ).toHaveLength(0);
  });

  test('runSimpleTrigger runs onOpen as the person who opened, LIMITED; an undefined handler is skipped', () => {
    const rt = install('.everyMinutes(30)');
    const out = runSimpleTrigger(rt, 'onOpen', 'teacher@school.ru', () => ({ source: null }));
    expect(out?.value).toBe('LIMITED|teacher@school.ru');
    expect(out?.execution.kind).toBe('simple-trigger');
    expect(runSimpleTrigger(rt, 'onEdit', 'teacher@school.ru', () => ({}))).toBeUndefined();
  });
});
