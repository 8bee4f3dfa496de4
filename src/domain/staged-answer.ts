/**
 * An answer typed into the sheet with the status set to «Дан ответ» waits out an undo window before it goes
 * (issue 5 part 3). Pure: the record kept per request, the window's length, when it is due.
 *
 * Decisions:
 * - The window is `workflow.undoMinutes` (default 10; blank or not a number → 10; 0 → the next runQueue;
 *   at most a day). It starts when the status is set and starts again when the answer text changes.
 * - The change is applied with `now` = the moment the window last (re)started, i.e. when the person gave the
 *   final answer: the first-response and resolution times are the person's, not the queue's (the window is the
 *   product's safety net, not the consultant's delay), and the answer e-mail's key (`answer-<now>`) is the same
 *   for every retry, so a runQueue that dies half-way and is retried cannot send it twice.
 */
import type { Actor } from '../locale/workflow';
import type { Status } from './request';
import { isStatus } from './workflow';

export const DEFAULT_UNDO_MINUTES = 10;
const MAX_UNDO_MINUTES = 24 * 60;

export interface StagedAnswer {
  requestId: string;
  /** When the status was set, or the answer last changed (ms). */
  at: number;
  /** When it may go (ms). */
  due: number;
  /** The status before «Дан ответ»: where «set it back» returns, and the change's `from`. */
  from: Status;
  /** Who staged it: the change is theirs. */
  email: string;
  role: Actor;
}

/** The undo window in ms from the setting's text. */
export function undoWindowMs(setting: string): number {
  const text = setting.trim().replace(',', '.');
  const minutes = text === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(minutes) || minutes < 0) return DEFAULT_UNDO_MINUTES * 60_000;
  return Math.round(Math.min(minutes, MAX_UNDO_MINUTES) * 60_000);
}

export function stageAnswer(
  requestId: string,
  from: Status,
  actor: { email: string; role: Actor },
  at: number,
  windowMs: number,
): StagedAnswer {
  return { requestId, at, due: at + windowMs, from, email: actor.email, role: actor.role };
}

/** The same staging with its window started again at `at` (the answer changed). */
export function restartWindow(staged: StagedAnswer, at: number, windowMs: number): StagedAnswer {
  return { ...staged, at, due: at + windowMs };
}

export function isDue(staged: StagedAnswer, now: number): boolean {
  return staged.due <= now;
}

const ACTORS: readonly string[] = [
  'owner',
  'consultant',
  'deputy',
  'director',
  'teacher',
  'staff',
  'requester',
  'system',
];

/** A stored record read back; undefined for anything malformed (it is then dropped, never sent). */
export function parseStaged(requestId: string, raw: string | null | undefined): StagedAnswer | undefined {
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<StagedAnswer>;
    if (typeof v.at !== 'number' || typeof v.due !== 'number') return undefined;
    if (typeof v.from !== 'string' || !isStatus(v.from)) return undefined;
    if (typeof v.email !== 'string' || typeof v.role !== 'string' || ACTORS.indexOf(v.role) < 0) return undefined;
    return { requestId, at: v.at, due: v.due, from: v.from, email: v.email, role: v.role as Actor };
  } catch {
    return undefined;
  }
}

export function serializeStaged(staged: StagedAnswer): string {
  const { at, due, from, email, role } = staged;
  return JSON.stringify({ at, due, from, email, role });
}
