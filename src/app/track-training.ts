/**
 * New staff (regulation cl. 3.1, SPEC R3.1), run by the hourly sweep: a row of «Сотрудники» with a start
 * date gets its training due date written (the end of the 3rd working day after the start), the consultant
 * hears of the task and of its last day, the director of a missed one; a «Обучен» date closes it. The
 * decisions are domain/new-staff-training.ts's; the alert levels live in the document properties.
 */
import { checkMessage } from '../domain/mail-queue';
import type { SlaPolicy } from '../domain/deadlines';
import type { MailContext } from '../domain/mail-templates';
import { decideTraining, staffKey, type TrainingDecision } from '../domain/new-staff-training';
import { FIRST_DATA_ROW } from '../domain/schema';
import { type Addresses, type Sender, trainingMessages } from '../domain/sla-messages';
import type { Helpdesk } from '../gas/helpdesk';
import { enqueueMail } from '../gas/mailer';
import { withScriptLock } from '../gas/personal-data';
import {
  instantOfCell,
  isoDateOfCell,
  readRowsFrom,
  readTrainingLevels,
  recordTrainingLevels,
  sameCell,
  writeChangedCells,
} from '../gas/sla-repo';
import { type RecordOf, readRecords, type Table, text } from '../gas/table';

/** What the sweep hands over: the workbook, the calendar, the mail's context and the time of the run. */
export interface TrainingRun {
  hd: Helpdesk;
  policy: SlaPolicy;
  mail: MailContext;
  sender: Sender;
  people: Addresses;
  now: number;
  lockWaitMs: number;
}

/** Read, and compared under the lock before a due date is written. */
const STAFF_KEYS = ['email', 'name', 'startDate', 'trainingDue', 'trainingDone', 'active'];

interface StaffPlan {
  row: number;
  values: RecordOf;
  startDate: string;
  decision: TrainingDecision;
}

/** Training tasks: due dates written under the lock, alerts queued, then their levels recorded. */
export function trackTraining(sweep: TrainingRun): { tasks: number; messages: number } {
  const table = sweep.hd.table('staff', true);
  const stored = readTrainingLevels();
  const next: Record<string, number> = {};
  const plans: StaffPlan[] = [];
  let tasks = 0;
  for (const { row, values } of readRecords(table, STAFF_KEYS)) {
    const plan = planStaff(sweep, row, values, stored);
    if (plan.open) tasks++;
    if (plan.level !== undefined) next[plan.key] = plan.level;
    if (plan.plan) plans.push(plan.plan);
  }
  const kept = plans.length > 0 ? commitStaff(table, plans, sweep.lockWaitMs) : [];
  const keptKeys = new Set(kept.map((p) => p.decision.key));
  // A task a person changed meanwhile keeps its old level: decided again next hour.
  for (const p of plans) {
    if (keptKeys.has(p.decision.key)) continue;
    if (stored[p.decision.key] === undefined) delete next[p.decision.key];
    else next[p.decision.key] = stored[p.decision.key];
  }
  const messages = kept
    .flatMap((p) => trainingMessages(sweep.mail, sweep.sender, sweep.people, staffSubject(p), p.decision.alerts))
    .filter((m) => checkMessage(m).length === 0);
  if (messages.length > 0) enqueueMail(messages);
  if (JSON.stringify(next) !== JSON.stringify(stored)) recordTrainingLevels(next);
  return { tasks, messages: messages.length };
}

function staffSubject(p: StaffPlan): { key: string; name: string; startDate: string } {
  return {
    key: p.decision.key,
    name: text(p.values.name).trim() || text(p.values.email).trim(),
    startDate: p.startDate,
  };
}

function planStaff(
  sweep: TrainingRun,
  row: number,
  values: RecordOf,
  stored: Readonly<Record<string, number>>,
): { key: string; open: boolean; level: number | undefined; plan?: StaffPlan } {
  const startDate = isoDateOfCell(values.startDate, sweep.hd.zone);
  const key = staffKey(text(values.email), text(values.name), startDate ?? '');
  const trained = text(values.trainingDone).trim() !== '';
  const facts = {
    key,
    active: values.active !== false,
    startDate,
    dueShown: instantOfCell(values.trainingDue),
    trained,
  };
  const decision = decideTraining(facts, stored[key], sweep.policy, sweep.now);
  const level = decision ? decision.level : stored[key];
  const open = facts.active && startDate !== undefined && !trained;
  const plan = decision && startDate !== undefined ? { row, values, startDate, decision } : undefined;
  return { key, open, level, plan };
}

/** Under the lock: re-read «Сотрудники», write the due dates of the rows nobody changed meanwhile. */
function commitStaff(table: Table, plans: readonly StaffPlan[], lockWaitMs: number): StaffPlan[] {
  const outcome = withScriptLock(lockWaitMs, () => {
    const count = table.lastRow - FIRST_DATA_ROW + 1;
    const fresh = count > 0 ? readRowsFrom(table, FIRST_DATA_ROW, count) : [];
    const kept = plans.filter((p) => {
      const now = fresh[p.row - FIRST_DATA_ROW];
      return now !== undefined && STAFF_KEYS.every((k) => sameCell(p.values[k], now[k]));
    });
    const writes = kept
      .filter((p) => p.decision.writeDue !== undefined)
      .map((p) => ({ row: p.row, values: { trainingDue: new Date(p.decision.writeDue as number) } }));
    writeChangedCells(table, writes);
    return kept;
  });
  return outcome.done ? outcome.value : [];
}
