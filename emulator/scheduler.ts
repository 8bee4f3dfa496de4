/**
 * Runs triggers on the virtual clock. `advance`/`advanceTo` move time forward and fire every time-driven
 * trigger that falls due on the way, in time order, each as its own installable-trigger execution run as
 * the trigger's owner; failures land in rt.executions (as on the Executions page) and are not thrown.
 * `fireEventTriggers` and `runSimpleTrigger` are what spreadsheet edits, opens and form submissions build on.
 *
 * Model (see services/triggers/schedule.ts for the firing times): a firing missed while an earlier run
 * was still going is skipped, not queued; one-off triggers (at, after, atDate) are removed once their run ends.
 */
import type { Execution, Outcome, Runtime } from './runtime';
import { nextFiring } from './services/triggers/schedule';
import { type TriggerEventType, type TriggerRecord, triggerStore } from './services/triggers/store';
import { toRealmValue, usWeekOfYear } from './services/utilities';

export interface TriggerRun {
  triggerUid: string;
  handler: string;
  owner: string;
  /** When it was due (virtual ms); the run may start later if an earlier run overran. */
  dueAt: number;
  outcome: Outcome;
}

/** The documented time-driven event (guides/triggers/events#time-driven-events), in UTC. */
export function timeDrivenEvent(ms: number, triggerUid: string): Record<string, unknown> {
  const d = new Date(ms);
  const weekday = d.getUTCDay();
  return {
    authMode: 'FULL',
    'day-of-month': d.getUTCDate(),
    'day-of-week': weekday === 0 ? 7 : weekday,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    month: d.getUTCMonth() + 1,
    second: d.getUTCSeconds(),
    timezone: 'UTC',
    triggerUid,
    'week-of-year': usWeekOfYear(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()).week,
    year: d.getUTCFullYear(),
  };
}

function dueTrigger(rt: Runtime, until: number): TriggerRecord | undefined {
  let best: TriggerRecord | undefined;
  for (const r of triggerStore(rt).records) {
    if (r.nextRun === undefined || r.nextRun > until) continue;
    if (!best || r.nextRun < (best.nextRun ?? Number.POSITIVE_INFINITY)) best = r;
  }
  return best;
}

/** Moves the virtual clock to `when`, firing every time-driven trigger due up to it. */
export function advanceTo(rt: Runtime, when: Date | number | string): TriggerRun[] {
  const target = typeof when === 'number' ? when : new Date(when).getTime();
  if (!Number.isFinite(target)) throw new Error(`advanceTo: bad time ${String(when)}`);
  const runs: TriggerRun[] = [];
  for (;;) {
    const trigger = dueTrigger(rt, target);
    if (!trigger || trigger.schedule === undefined || trigger.nextRun === undefined) break;
    const dueAt = trigger.nextRun;
    if (dueAt > rt.clock.now()) rt.clock.set(dueAt);
    // Reschedule before running; the trigger stays listed during its own run (a handler checking its
    // event's triggerUid against getProjectTriggers() finds it, and may delete it).
    trigger.nextRun = nextFiring(trigger.schedule, dueAt);
    const lastRun = trigger.nextRun === undefined;
    const startedAt = rt.clock.now();
    const outcome = rt.execute(
      trigger.handler,
      (exec) => [toRealmValue(exec, timeDrivenEvent(startedAt, trigger.uid))],
      {
        kind: 'installable-trigger',
        effectiveUser: trigger.owner,
        actingUser: trigger.owner,
        authMode: 'FULL',
        triggerUid: trigger.uid,
      },
    );
    runs.push({ triggerUid: trigger.uid, handler: trigger.handler, owner: trigger.owner, dueAt, outcome });
    if (lastRun) triggerStore(rt).remove(trigger.uid);
    // Firings that fell due while this run was going are skipped.
    else if (trigger.nextRun !== undefined && trigger.nextRun <= rt.clock.now()) {
      trigger.nextRun = nextFiring(trigger.schedule, rt.clock.now());
    }
  }
  if (target > rt.clock.now()) rt.clock.set(target);
  return runs;
}

/** Moves the virtual clock forward by `ms`, firing what falls due. */
export function advance(rt: Runtime, ms: number): TriggerRun[] {
  if (ms < 0) throw new Error('advance: time does not run backwards');
  return advanceTo(rt, rt.clock.now() + ms);
}

export interface EventTriggerRequest {
  /** Spreadsheet or form id the triggers were installed for. */
  sourceId: string;
  eventType: Exclude<TriggerEventType, 'CLOCK'>;
  /** The person behind the event ('' when anonymous); Apps Script may hide them from the script. */
  actingUser: string;
  /** Builds the event for one run; it may hold facades made for that execution. */
  makeEvent: (exec: Execution, trigger: { uid: string; handler: string; owner: string }) => Record<string, unknown>;
}

/**
 * Runs every installable trigger of that source and event type, in creation order, each as its owner
 * (kind installable-trigger, FULL); the event gets the trigger's `triggerUid` and `authMode`.
 */
export function fireEventTriggers(rt: Runtime, req: EventTriggerRequest): TriggerRun[] {
  const matching = triggerStore(rt).records.filter((r) => r.sourceId === req.sourceId && r.eventType === req.eventType);
  const runs: TriggerRun[] = [];
  for (const trigger of matching) {
    const info = { uid: trigger.uid, handler: trigger.handler, owner: trigger.owner };
    const dueAt = rt.clock.now();
    const outcome = rt.execute(
      trigger.handler,
      (exec) => {
        const event = toRealmValue(exec, req.makeEvent(exec, info)) as Record<string, unknown>;
        if (event.authMode === undefined) event.authMode = 'FULL';
        event.triggerUid = trigger.uid;
        return [event];
      },
      {
        kind: 'installable-trigger',
        effectiveUser: trigger.owner,
        actingUser: req.actingUser,
        authMode: 'FULL',
        triggerUid: trigger.uid,
      },
    );
    runs.push({ triggerUid: trigger.uid, handler: trigger.handler, owner: trigger.owner, dueAt, outcome });
  }
  return runs;
}

const definedNames = new WeakMap<Runtime, Set<string>>();

/** Does the bundle define this top-level function (what Apps Script would find as a simple trigger)? */
export function bundleDefines(rt: Runtime, name: string): boolean {
  let names = definedNames.get(rt);
  if (!names) {
    names = new Set(rt.bundleGlobals());
    definedNames.set(rt, names);
  }
  return names.has(name);
}

/**
 * Runs a simple trigger (onOpen, onEdit...) if the bundle defines it: kind simple-trigger, LIMITED, run as
 * the person who acted. Returns undefined when there is no such function.
 */
export function runSimpleTrigger(
  rt: Runtime,
  fnName: string,
  actingUser: string,
  makeEvent: (exec: Execution) => Record<string, unknown>,
): Outcome | undefined {
  if (!bundleDefines(rt, fnName)) return undefined;
  return rt.execute(
    fnName,
    (exec) => {
      const event = toRealmValue(exec, makeEvent(exec)) as Record<string, unknown>;
      if (event.authMode === undefined) event.authMode = 'LIMITED';
      return [event];
    },
    { kind: 'simple-trigger', effectiveUser: actingUser, actingUser, authMode: 'LIMITED' },
  );
}

export { listTriggers, nextRun, type TriggerInfo } from './services/triggers/store';
