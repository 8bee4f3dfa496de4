/**
 * New staff (regulation cl. 3.1, SPEC R3.1): a row of «Сотрудники» with a start date is a training task due
 * at the end of the 3rd working day after it (SlaPolicy.trainingDueAt). Decided here, written by the sweep.
 *
 * Rules chosen:
 * - Levels, each once: 1 the task is new — the consultant (who trains, cl. 3) hears of it with its due
 *   date; 2 its last working day has begun (at most one regular working day left) — the consultant again;
 *   3 missed — the director and the consultant. A late sweep sends the highest level owed only.
 * - A «Обучен» date closes the task; an inactive row (the person has left) has none.
 * - A start date whose due time passed more than `TRAINING_HISTORY_MS` before the task was first seen is an
 *   employee listed for the record: the due date is written, no alert goes out.
 * - The levels live in the document properties by staff key (the bookkeeping sheet is keyed by request);
 *   an entry goes when its task is closed or its row is gone, so the record stays small.
 */
import type { SlaPolicy } from './deadlines';
import { type IsoDate, DAY_MS } from './zoned-time';

export const TRAINING_HISTORY_MS = 30 * DAY_MS;

export interface StaffTrainingFacts {
  /** Stable identity of the row: its e-mail, else its name and start date (staffKey). */
  key: string;
  active: boolean;
  startDate?: IsoDate;
  /** «Срок обучения» as it stands. */
  dueShown?: number;
  trained: boolean;
}

export interface TrainingAlert {
  level: number;
  kind: 'reminder' | 'escalation';
  audience: ReadonlyArray<'consultant' | 'director'>;
  dueAt: number;
  event: string;
}

export interface TrainingDecision {
  key: string;
  /** The due time to write into «Срок обучения», when it changes. */
  writeDue?: number;
  /** The level after this sweep; undefined: the task is closed or gone, forget it. */
  level: number | undefined;
  alerts: TrainingAlert[];
}

/** A key part for mail keys and the level record: an address as it is, else a short hash of name and date. */
export function staffKey(email: string, name: string, startDate: string): string {
  const address = email
    .trim()
    .toLowerCase()
    .replace(/[\s|"]/g, '');
  if (address) return address;
  let h = 5381;
  for (const ch of `${name.trim().toLowerCase()}|${startDate}`) h = ((h * 33) ^ ch.charCodeAt(0)) >>> 0;
  return `n${h.toString(36)}`;
}

export function owedTrainingLevel(policy: SlaPolicy, due: number, now: number): number {
  if (now >= due) return 3;
  return policy.working.workingTimeBetween(now, due) <= policy.working.regularDayMs ? 2 : 1;
}

export function decideTraining(
  facts: StaffTrainingFacts,
  storedLevel: number | undefined,
  policy: SlaPolicy,
  now: number,
): TrainingDecision | undefined {
  if (!facts.active || facts.startDate === undefined) {
    return storedLevel === undefined ? undefined : { key: facts.key, level: undefined, alerts: [] };
  }
  const due = policy.trainingDueAt(facts.startDate);
  const writeDue = due !== facts.dueShown ? due : undefined;
  if (facts.trained) {
    const nothing = writeDue === undefined && storedLevel === undefined;
    return nothing ? undefined : { key: facts.key, writeDue, level: undefined, alerts: [] };
  }
  // Listed for the record: nothing is remembered, so nothing is ever sent for it.
  if (storedLevel === undefined && now - due > TRAINING_HISTORY_MS) {
    return writeDue === undefined ? undefined : { key: facts.key, writeDue, level: undefined, alerts: [] };
  }
  const sent = storedLevel ?? 0;
  const owed = owedTrainingLevel(policy, due, now);
  const alerts = owed > sent ? [trainingAlert(owed, due)] : [];
  const level = Math.max(sent, owed);
  if (writeDue === undefined && alerts.length === 0 && level === storedLevel) return undefined;
  return { key: facts.key, writeDue, level, alerts };
}

function trainingAlert(level: number, dueAt: number): TrainingAlert {
  return {
    level,
    kind: level === 3 ? 'escalation' : 'reminder',
    audience: level === 3 ? ['director', 'consultant'] : ['consultant'],
    dueAt,
    event: `training-${level}`,
  };
}
