/**
 * New-staff training in the schedule (cl. 3.1, R3.1): the consultant places the training of a new staff
 * member (a «Сотрудники» row with a start date and no «Обучен» date) in one action, in the earliest free
 * working-hours slot from the start date that ends by the training's deadline and does not clash with the
 * consultant's other events. One staff member (chosen by number, e-mail or name) or everyone pending.
 * The event's topic names no one (the public page shows approved events); the notes name the person.
 */

import { formatDue } from '../domain/mail-templates';
import { staffKey } from '../domain/new-staff-training';
import { HELPDESK_ROLES } from '../domain/roles';
import { findTrainingSlot, type ScheduleEvent, trainingEventId } from '../domain/schedule';
import { eventSummary, russianDate, timesOf } from '../domain/schedule-mail';
import { sheetDef } from '../domain/schema';
import type { IsoDate } from '../domain/zoned-time';
import { type Caller, requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { withScriptLock } from '../gas/personal-data';
import { askText } from '../gas/prompts';
import { cellsOfNewEvent, readScheduleRows, writeScheduleCells } from '../gas/schedule-repo';
import { instantOfCell, isoDateOfCell } from '../gas/sla-repo';
import { readRecords, text } from '../gas/table';
import { ensureRoom } from '../gas/table-writer';
import { tellUser } from '../gas/ui';
import { format } from '../locale/index';
import { scheduleTexts } from '../locale/schedule';
import { consultantFor } from './fill-office-hours';
import { notifyAwaitingApproval, recordScheduleAudit } from './schedule-notify';

const LOCK_WAIT_MS = 20_000;
const SCHEDULE = sheetDef('schedule');
/** The setting `training.duration` (minutes) when blank or unreadable. */
export const DEFAULT_TRAINING_MINUTES = 60;

export interface PendingTraining {
  key: string;
  eventId: string;
  name: string;
  email: string;
  startDate: IsoDate;
  dueAt: number;
}

export interface PlacedTraining {
  name: string;
  row: number;
  event: ScheduleEvent;
}

export interface TrainingReport {
  ok: boolean;
  message: string;
  placed: PlacedTraining[];
  /** Names without a slot before their deadline, and names whose deadline has passed. */
  noSlot: string[];
  overdue: string[];
}

/** Minutes a training takes: the setting `training.duration`, else 60. */
export function trainingMinutes(hd: Helpdesk): number {
  const n = Number(hd.setting('training.duration').replace(',', '.'));
  return Number.isInteger(n) && n >= 15 && n <= 480 ? n : DEFAULT_TRAINING_MINUTES;
}

/** Staff with a start date, active, not yet trained, whose training is not in the schedule yet. */
export function pendingTrainings(hd: Helpdesk): PendingTraining[] {
  const zone = hd.zone;
  const policy = hd.sla();
  const planned = new Set(readScheduleRows(hd.table('schedule', true), zone).map((r) => r.event.eventId));
  const out: PendingTraining[] = [];
  const keys = ['email', 'name', 'startDate', 'trainingDue', 'trainingDone', 'active'];
  for (const { values } of readRecords(hd.table('staff', true), keys)) {
    const startDate = isoDateOfCell(values.startDate, zone);
    if (!startDate || values.active === false || text(values.trainingDone).trim() !== '') continue;
    const key = staffKey(text(values.email), text(values.name), startDate);
    const eventId = trainingEventId(key);
    if (planned.has(eventId)) continue;
    out.push({
      key,
      eventId,
      name: text(values.name).trim() || text(values.email).trim(),
      email: text(values.email).trim(),
      startDate,
      // The sweep writes «Срок обучения»; until it has, the same rule gives it.
      dueAt: instantOfCell(values.trainingDue) ?? policy.trainingDueAt(startDate),
    });
  }
  return out;
}

/** The pending trainings an answer picks: blank or «все» all, a number from the list, an e-mail or a name. */
export function choosePending(
  pending: readonly PendingTraining[],
  answer: string,
  allWords: readonly string[],
): PendingTraining[] | undefined {
  const v = answer.trim().toLowerCase();
  if (v === '' || allWords.includes(v)) return [...pending];
  if (/^\d+$/.test(v)) {
    const chosen = pending[Number(v) - 1];
    return chosen ? [chosen] : undefined;
  }
  const norm = (s: string) => s.trim().toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ');
  const byEmail = pending.filter((p) => p.email.toLowerCase() === v);
  if (byEmail.length > 0) return byEmail;
  const byName = pending.filter((p) => norm(p.name) === norm(v));
  return byName.length > 0 ? byName : undefined;
}

/** Menu: lists the staff awaiting training, asks whom, places them, says where. */
export function placeTrainingFromMenu(): TrainingReport {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const t = scheduleTexts(hd.locale);
  const locale = hd.locale;
  const tell = (ok: boolean, message: string): TrainingReport => {
    tellUser(t.training.title, message);
    return { ok, message, placed: [], noSlot: [], overdue: [] };
  };
  const pending = pendingTrainings(hd);
  if (pending.length === 0) return tell(false, t.training.none);
  const list = pending
    .map((p, i) =>
      format(t.training.line, {
        n: i + 1,
        name: p.name,
        start: russianDate(p.startDate),
        due: formatDue(p.dueAt, hd.zone, locale),
      }),
    )
    .join('\n');
  const answer = askText(t.training.title, format(t.training.prompt, { list }));
  if (answer === undefined) return tell(false, t.fill.cancelled);
  const chosen = choosePending(pending, answer, t.training.allWords);
  if (!chosen) return tell(false, format(t.training.badChoice, { input: answer.trim() }));
  const report = placeTrainings(hd, caller, chosen, new Date());
  tellUser(t.training.title, report.message);
  return report;
}

/** Places each training under the lock, in order, each one seeing the ones placed before it. */
export function placeTrainings(
  hd: Helpdesk,
  caller: Caller,
  chosen: readonly PendingTraining[],
  now: Date,
): TrainingReport {
  const t = scheduleTexts(hd.locale);
  const locale = hd.locale;
  const zone = hd.zone;
  const calendar = hd.sla().working;
  const consultant = consultantFor(hd, caller);
  const durationMin = trainingMinutes(hd);
  const outcome = withScriptLock(LOCK_WAIT_MS, () => {
    const table = hd.table('schedule', true);
    const rows = readScheduleRows(table, zone);
    const existing = rows.map((r) => r.event);
    const ids = new Set(existing.map((e) => e.eventId));
    const placed: Array<{ name: string; event: ScheduleEvent }> = [];
    const noSlot: string[] = [];
    const overdue: string[] = [];
    for (const p of chosen) {
      if (ids.has(p.eventId)) continue; // placed meanwhile by someone else
      const due = formatDue(p.dueAt, zone, locale);
      if (p.dueAt <= now.getTime()) {
        overdue.push(format(t.training.overdue, { name: p.name, due }));
        continue;
      }
      const slot = findTrainingSlot(calendar, existing, {
        consultant,
        durationMin,
        fromDate: p.startDate,
        notBefore: now.getTime(),
        dueAt: p.dueAt,
      });
      if (!slot) {
        noSlot.push(format(t.training.noSlot, { name: p.name, due }));
        continue;
      }
      const event: ScheduleEvent = {
        ...slot,
        kind: 'newStaffTraining',
        audience: 'staff',
        topic: t.training.topic,
        place: hd.setting('office.place'),
        consultant,
        approvedBy: '',
        approvedFingerprint: '',
        notes: format(t.training.notes, { name: p.name }),
        eventId: p.eventId,
      };
      existing.push(event);
      ids.add(p.eventId);
      placed.push({ name: p.name, event });
    }
    if (placed.length === 0) return { placed: [] as PlacedTraining[], noSlot, overdue };
    const first = ensureRoom(table, SCHEDULE, placed.length, hd.labels());
    const written = placed.map((p, i) => ({ ...p, row: first + i }));
    writeScheduleCells(
      table,
      written.map((p) => ({ row: p.row, values: cellsOfNewEvent(p.event, hd.msgs, zone) })),
    );
    return { placed: written, noSlot, overdue };
  });
  if (!outcome.done) return { ok: false, message: t.common.busy, placed: [], noSlot: [], overdue: [] };
  const { placed, noSlot, overdue } = outcome.value;
  const lines: string[] = [];
  if (placed.length > 0) {
    lines.push(t.training.heading);
    for (const p of placed) {
      lines.push(
        format(t.training.placed, {
          name: p.name,
          date: russianDate(p.event.date),
          ...timesOf(p.event),
        }),
      );
    }
  }
  lines.push(...noSlot, ...overdue);
  if (placed.length > 0) {
    recordScheduleAudit(
      hd,
      placed.map((p) => ({
        at: now,
        requestId: p.event.eventId,
        action: format(t.audit.trainingPlaced, { name: p.name }),
        actor: caller.email,
        note: eventSummary(hd.locale, p.event),
      })),
    );
    const period = [...new Set(placed.map((p) => russianDate(p.event.date)))].join(', ');
    const told = notifyAwaitingApproval(
      hd,
      'schedule-training',
      placed.map((p) => `${p.event.eventId}-${p.event.date}-${p.event.startMin}`).join('-'),
      period,
      placed.map((p) => p.event),
    );
    lines.push(told ? t.common.directorTold : t.common.noDirector);
  }
  return { ok: placed.length > 0, message: lines.join('\n'), placed, noSlot, overdue };
}
