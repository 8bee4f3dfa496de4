/**
 * A person's edit of «График», handed over by the installable on-edit dispatcher (it runs as the owning
 * account). For the edited rows only:
 * - an approved event whose published fields changed loses its approval (R3: an event changed afterwards
 *   needs approval again): the approval cells are cleared, the journal records it and the director is told;
 * - a clash (the same consultant at overlapping times) or an end not after the start is flagged in a note
 *   on the row's date cell (a person's own note there is kept above ours); the flag goes when fixed;
 * - a new row (or a row copied with another's ID) gets its event ID; once a typed event can be approved,
 *   the director is told it awaits approval (once per event).
 */
import {
  type ApprovedFields,
  clashesOf,
  eventProblems,
  isTypedEventId,
  lostApproval,
  newEventId,
  type RowEvent,
} from '../domain/schedule';
import { eventSummary, russianDate } from '../domain/schedule-mail';
import { FIRST_DATA_ROW } from '../domain/schema';
import type { Helpdesk } from '../gas/helpdesk';
import { withScriptLock } from '../gas/personal-data';
import { readOwner } from '../gas/properties';
import { clearedApproval, readScheduleRows, SCHEDULE_KEYS, writeScheduleCells } from '../gas/schedule-repo';
import { protectApprovalColumns } from '../gas/sheet-setup';
import type { CellChange } from '../gas/sla-repo';
import { format } from '../locale/index';
import { type ScheduleTexts, scheduleTexts } from '../locale/schedule';
import { notifyApprovalLost, notifyAwaitingApproval, recordScheduleAudit } from './schedule-notify';

const LOCK_WAIT_MS = 10_000;
/** Columns whose before/after an e-mail may quote (text and dropdown labels; dates and times are shown whole). */
const QUOTABLE = new Set(['kind', 'audience', 'topic', 'place', 'consultant']);

export interface ScheduleEditReport {
  /** Rows whose approval was removed. */
  approvalRemoved: number[];
  /** Rows flagged now (clash or times), and rows whose flag was cleared. */
  flagged: number[];
  cleared: number[];
  /** Rows given an event ID. */
  identified: number[];
  /** Typed rows announced to the director as awaiting approval (once per event: the mail key is its ID). */
  announced: number[];
}

const emptyReport = (): ScheduleEditReport => ({
  approvalRemoved: [],
  flagged: [],
  cleared: [],
  identified: [],
  announced: [],
});

/** The note's part the script owns: the marker line and what follows it. */
function splitNote(note: string, marker: string): { own: string; ours: string } {
  const at = note.indexOf(marker);
  if (at < 0) return { own: note, ours: '' };
  return { own: note.slice(0, at).replace(/\n+$/, ''), ours: note.slice(at) };
}

function flagOf(t: ScheduleTexts, e: ApprovedFields, clashWith: readonly number[], lostBy?: string): string {
  const parts: string[] = [];
  if (lostBy !== undefined) parts.push(format(t.notes.approvalLost, { who: lostBy }));
  const timesRead = Number.isFinite(e.startMin) && Number.isFinite(e.endMin);
  if (timesRead && e.startMin >= e.endMin) parts.push(t.notes.times);
  if (clashWith.length > 0) parts.push(format(t.notes.clash, { rows: clashWith.join(', ') }));
  return parts.length > 0 ? `${t.notes.marker} ${parts.join(' ')}` : '';
}

function editorOf(e: GoogleAppsScript.Events.SheetsOnEdit, t: ScheduleTexts): string {
  try {
    return e.user?.getEmail?.() || t.common.unknownActor;
  } catch {
    return t.common.unknownActor;
  }
}

export function handleScheduleEdit(e: GoogleAppsScript.Events.SheetsOnEdit, hd: Helpdesk): ScheduleEditReport {
  const report = emptyReport();
  const range = e?.range;
  if (!range) return report;
  const sheet = hd.sheet('schedule');
  if (range.getSheet().getSheetId() !== sheet.getSheetId()) return report;
  const top = Math.max(range.getRow(), FIRST_DATA_ROW);
  const bottom = range.getLastRow();
  if (bottom < top) return report;
  const t = scheduleTexts(hd.locale);
  const who = editorOf(e, t);
  const zone = hd.zone;
  const singleCell = range.getNumRows() === 1 && range.getNumColumns() === 1;

  const outcome = withScriptLock(LOCK_WAIT_MS, () => {
    // Read under the lock: a director's approval finishing meanwhile is seen, not overwritten.
    const table = hd.table('schedule', true);
    const rows = readScheduleRows(table, zone);
    const edited = rows.filter((r) => r.row >= top && r.row <= bottom);
    const lost = edited.filter((r) => lostApproval(r.event));
    const changes: CellChange[] = lost.map((r) => clearedApproval(r.row));
    const ids: RowEvent[] = [];
    for (const r of edited) {
      // A new row, or a row copied with another row's ID (which would mix their journal and mail keys).
      const copied = r.event.eventId !== '' && rows.some((o) => o.row < r.row && o.event.eventId === r.event.eventId);
      if (!r.event.date || (r.event.eventId && !copied)) continue;
      const eventId = newEventId(r.event.date, Utilities.getUuid(), 'typed');
      changes.push({ row: r.row, values: { eventId } });
      ids.push({ row: r.row, event: { ...r.event, eventId } });
    }
    writeScheduleCells(table, changes);
    const dateColumn = table.columns.get('date');
    const lostRows = new Set(lost.map((r) => r.row));
    if (dateColumn !== undefined) {
      const block = sheet.getRange(top, dateColumn, bottom - top + 1, 1);
      const notes = block.getNotes().map((line) => String(line[0] ?? ''));
      let changed = false;
      const next = notes.map((note, i) => {
        const row = top + i;
        const r = edited.find((x) => x.row === row);
        const { own, ours } = splitNote(note, t.notes.marker);
        const flag = r ? flagOf(t, r.event, clashesOf(rows, row), lostRows.has(row) ? who : undefined) : '';
        if (flag === ours) return note;
        changed = true;
        if (flag) report.flagged.push(row);
        else report.cleared.push(row);
        return [own, flag].filter(Boolean).join('\n');
      });
      if (changed) block.setNotes(next.map((n) => [n]));
    }
    // A typed event that has become approvable is announced to the director once (the key is its ID).
    const announce = edited
      .map((r) => ids.find((x) => x.row === r.row) ?? r)
      .filter(
        (r) =>
          isTypedEventId(r.event.eventId) &&
          r.event.approvedBy === '' &&
          eventProblems(r.event).length === 0 &&
          clashesOf(rows, r.row).length === 0,
      );
    return { lost, ids, announce };
  });
  if (!outcome.done) {
    // The lock was busy: nothing was written. The changed event is unpublished all the same (its fingerprint
    // no longer matches the approval); the next edit of the row clears the cells and tells the director.
    console.log('schedule edit: script lock busy, approval check skipped');
    return report;
  }
  const { lost, ids, announce } = outcome.value;
  report.approvalRemoved = lost.map((r) => r.row);
  report.identified = ids.map((r) => r.row);
  for (const r of announce) {
    if (notifyAwaitingApproval(hd, r.event.eventId, 'typed', russianDate(r.event.date), [r.event])) {
      report.announced.push(r.row);
    }
  }
  const now = new Date();
  const idOf = (r: RowEvent) => r.event.eventId || ids.find((x) => x.row === r.row)?.event.eventId || `row-${r.row}`;
  recordScheduleAudit(
    hd,
    lost.map((r) => ({
      at: now,
      requestId: idOf(r),
      action: t.audit.approvalLost,
      columnKey: 'approvedFingerprint',
      actor: who,
      before: r.event.approvedFingerprint,
      note: eventSummary(hd.locale, r.event),
    })),
  );
  const editedKey = singleCell ? keyOfColumn(hd, range.getColumn()) : undefined;
  for (const r of lost) {
    const change =
      editedKey && QUOTABLE.has(editedKey)
        ? {
            column: (hd.msgs.columns.schedule as Record<string, string>)[editedKey] ?? editedKey,
            before: String(e.oldValue ?? ''),
            after: String(e.value ?? ''),
          }
        : undefined;
    notifyApprovalLost(hd, idOf(r), r.event.approvedAt ?? 0, { who, event: r.event, change });
  }
  return report;
}

function keyOfColumn(hd: Helpdesk, column: number): string | undefined {
  for (const [key, col] of hd.table('schedule').columns) {
    if (col === column && (SCHEDULE_KEYS as readonly string[]).includes(key)) return key;
  }
  return undefined;
}

/**
 * For the edit dispatcher on «Настройки» and «Сотрудники» edits (it runs as the owner, who may change
 * protections): the approval columns follow the director named there now, without waiting for setup.
 */
export function refreshApprovalEditors(hd: Helpdesk): void {
  protectApprovalColumns(hd.ss, hd.sheet('schedule'), readOwner(), hd.locale);
}
