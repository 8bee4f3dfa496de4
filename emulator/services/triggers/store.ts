/**
 * The project's installable triggers, persistent across executions. Each belongs to the account that
 * created it (guides/triggers/installable): it runs as that account and only that account sees it in
 * ScriptApp.getProjectTriggers().
 */
import type { Runtime } from '../../runtime';
import { type ClockSchedule, nextFiring } from './schedule';

export type TriggerEventType = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
export type TriggerSourceType = 'CLOCK' | 'SPREADSHEETS' | 'FORMS';

/** Apps Script's per-user, per-script trigger limit (guides/services/quotas). */
export const MAX_TRIGGERS_PER_USER = 20;
export const TOO_MANY_TRIGGERS =
  'This script has too many triggers. Triggers must be deleted from the script before more can be added.';

export interface TriggerRecord {
  readonly uid: string;
  readonly owner: string;
  readonly handler: string;
  readonly eventType: TriggerEventType;
  readonly source: TriggerSourceType;
  /** Spreadsheet or form id; null for time-driven triggers. */
  readonly sourceId: string | null;
  readonly createdAt: number;
  readonly schedule?: ClockSchedule;
  /** Next firing of a time-driven trigger (virtual ms). */
  nextRun?: number;
}

export class TriggerStore {
  readonly records: TriggerRecord[] = [];
  private counter = 0;

  constructor(private readonly rt: Runtime) {}

  /** Unique ids look like Apps Script's: decimal strings. */
  newUid(): string {
    this.counter += 1;
    return String(7_034_533 + this.counter * 1_013);
  }

  ownedBy(user: string): TriggerRecord[] {
    const u = user.toLowerCase();
    return this.records.filter((r) => r.owner.toLowerCase() === u);
  }

  add(record: TriggerRecord): void {
    if (this.ownedBy(record.owner).length >= MAX_TRIGGERS_PER_USER) throw new Error(TOO_MANY_TRIGGERS);
    if (record.schedule) record.nextRun = nextFiring(record.schedule, this.rt.clock.now());
    this.records.push(record);
  }

  remove(uid: string): boolean {
    const i = this.records.findIndex((r) => r.uid === uid);
    if (i < 0) return false;
    this.records.splice(i, 1);
    return true;
  }

  get(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }
}

export function triggerStore(rt: Runtime): TriggerStore {
  return rt.store('triggers', () => new TriggerStore(rt));
}

/** What tests and the demo see of a trigger. */
export interface TriggerInfo {
  uid: string;
  owner: string;
  handler: string;
  eventType: TriggerEventType;
  source: TriggerSourceType;
  sourceId: string | null;
  nextRun?: number;
}

/** Every installable trigger of the project, whoever owns it (the script editor's "all triggers" view). */
export function listTriggers(rt: Runtime): TriggerInfo[] {
  return triggerStore(rt).records.map((r) => ({
    uid: r.uid,
    owner: r.owner,
    handler: r.handler,
    eventType: r.eventType,
    source: r.source,
    sourceId: r.sourceId,
    nextRun: r.nextRun,
  }));
}

/** When a time-driven trigger fires next (virtual ms), or undefined. */
export function nextRun(rt: Runtime, uid: string): number | undefined {
  return triggerStore(rt).get(uid)?.nextRun;
}
