/**
 * A person's edit of «Обращения», as the installable edit trigger reports it (issue 5 parts 1, 3, 7). Runs as
 * the owning account, so it may write «Журнал»; it writes only the edited row's own cells.
 *
 * One cell:
 * - «Статус»: the change is checked with the state machine (via `changeStatus`, which records the times, the
 *   bookkeeping, the journal and the e-mail); an illegal one is set back to the status it came from, with the
 *   reason as the cell's note and a journal entry. «Дан ответ» is not applied at once: the answer waits out the
 *   undo window (`workflow.undoMinutes`) and runQueue sends it (src/app/send-staged-answers.ts); setting the
 *   status back within the window cancels it, and no e-mail ever leaves.
 * - «Ответ» while an answer waits: a changed text starts the window again; a deleted one cancels the answer.
 * - «Исполнитель»: the assignment use case (src/app/assign-request.ts `assignRequestAs`, via 'sheet') checks,
 *   writes, journals and tells the assignee.
 * - any other watched column: journaled (personal columns without their values).
 * Several cells at once (paste, fill, clear, a dragged row): the event has no earlier values, so nothing can be
 * checked as a change. Each request row reached gets a journal entry; a status the edit reached is compared with
 * the one the journal last recorded and set back where it differs (a status changes one cell at a time); a
 * waiting answer the edit reached is cancelled. Beyond MAX_AUDITED_ROWS rows (a sort, a whole-column fill) one
 * summary entry is written and nothing is checked.
 */
import {
  actorLabel,
  clip,
  handEditEntry,
  isHandlerNote,
  MAX_AUDITED_ROWS,
  type PastedRow,
  pastedEntries,
  pastedSummary,
  watchedColumn,
  type AuditRecord,
} from '../domain/edit-audit';
import type { Status } from '../domain/request';
import type { Role } from '../domain/roles';
import { type ColumnDef, FIRST_DATA_ROW } from '../domain/schema';
import { restartWindow, stageAnswer, type StagedAnswer, undoWindowMs } from '../domain/staged-answer';
import { decideTransition, revertNote, type TransitionProblem } from '../domain/workflow';
import { formatDue } from '../domain/mail-templates';
import { format, type LocaleCode } from '../locale/index';
import { sheetEditTexts } from '../locale/sheet-edit';
import { workflowTexts } from '../locale/workflow';
import type { Helpdesk } from '../gas/helpdesk';
import { statusOfLabel, withScriptLock } from '../gas/personal-data';
import { readRow } from '../gas/record-lookup';
import { changeStatus } from '../gas/request-actions';
import { escalateRequestAs } from './escalate-request';
import { dropStaged, listStaged, readStaged, saveStaged } from '../gas/staged-answers';
import { lastRecordedStatuses } from '../gas/status-history';
import { recordAudit } from '../gas/posted-audit';
import { assignRequestAs } from './assign-request';
import { type CellValue, instantOfCell, type RecordOf, type Table, text } from '../gas/table';

const LOCK_WAIT_MS = 20_000;

/** Who edited: the e-mail the spreadsheet told ('' when it did not) and the role it has, looked up when needed. */
export interface Editor {
  email: string;
  role: () => Role | undefined;
}

/** An edit of «Обращения» as the dispatcher hands it over. */
export interface RequestEdit {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** Only for a single cell (guides/triggers/events): what it shows now and showed before. */
  value?: string;
  oldValue?: string;
  editor: Editor;
  at: Date;
}

interface Cell {
  hd: Helpdesk;
  table: Table;
  edit: RequestEdit;
  id: string;
  cells: RecordOf;
  locale: LocaleCode;
}

export function handleRequestEdit(hd: Helpdesk, edit: RequestEdit): void {
  const table = hd.table('requests');
  if (edit.numRows === 1 && edit.numColumns === 1) handleCell(hd, table, edit);
  else handleRange(hd, table, edit);
}

function keyAt(table: Table, column: number): string | undefined {
  for (const [key, col] of table.columns) if (col === column) return key;
  return undefined;
}

// ---- one cell ---------------------------------------------------------------------------------------------

function handleCell(hd: Helpdesk, table: Table, edit: RequestEdit): void {
  if (edit.row < FIRST_DATA_ROW) return;
  const key = keyAt(table, edit.column);
  if (!watchedColumn(key)) return; // a column people added: theirs
  const cells = readRow(table, edit.row);
  const id = text(cells.id).trim();
  if (!id) return; // not a request row (typing below the log)
  const cell: Cell = { hd, table, edit, id, cells, locale: hd.locale };
  if (key === 'status') {
    const locked = withScriptLock(LOCK_WAIT_MS, () => statusEdited(cell));
    // The lock timed out: the change cannot be checked now, so it does not stand.
    if (!locked.done) revertStatus(cell, fromOf(cell, readStaged(id)), workflowTexts[cell.locale].busy);
    return;
  }
  if (key === 'answer') {
    withScriptLock(LOCK_WAIT_MS, () => answerEdited(cell));
    return;
  }
  if (key === 'assignee') {
    // The assignment use case checks who may assign, writes the cell, journals it and tells the assignee.
    const editor = { email: edit.editor.email, role: edit.editor.role() };
    assignRequestAs(hd, {
      requestId: id,
      assignee: edit.value ?? text(cells.assignee),
      actor: editor,
      via: 'sheet',
      previous: edit.oldValue ?? '',
      now: edit.at,
    });
    return;
  }
  const column = watchedColumn(key) as ColumnDef;
  const entry = handEditEntry(
    {
      at: edit.at,
      requestId: id,
      columnKey: column.key,
      actor: edit.editor.email,
      before: shown(hd, column, edit.oldValue),
      after: shown(hd, column, cells[column.key]),
    },
    cell.locale,
  );
  journal(hd, entry ? [entry] : []);
}

/**
 * A cell's value as the journal shows it: dates and times in the school's zone as the sheet shows them (the
 * event's oldValue of a date is a date string), everything else as text.
 */
function shown(hd: Helpdesk, column: ColumnDef, value: CellValue | undefined): string {
  if (value === undefined) return '';
  const isTime = column.type === 'datetime' || column.type === 'date' || column.type === 'time';
  if (!isTime) return text(value);
  const ms =
    instantOfCell(value) ?? (typeof value === 'string' && value.trim() !== '' ? Date.parse(value) : Number.NaN);
  return Number.isFinite(ms) ? formatDue(ms, hd.zone, hd.locale) : text(value);
}

function label(hd: Helpdesk, status: Status): string {
  return hd.msgs.choices.status[status];
}

/** The status a single-cell edit came from: the waiting answer's, else the event's old value, else the journal's. */
function fromOf(cell: Cell, staged: StagedAnswer | undefined): Status {
  if (staged) return staged.from;
  const told = statusOfLabel(cell.edit.oldValue);
  if (told) return told;
  return lastRecordedStatuses(cell.hd.table('audit', true), [cell.id]).get(cell.id) ?? 'new';
}

function statusEdited(cell: Cell): void {
  const { hd, edit, id } = cell;
  const typed = statusOfLabel(edit.value);
  const staged = readStaged(id);
  const from = fromOf(cell, staged);
  if (staged) {
    if (typed === 'answered') return; // chosen again: the answer still waits
    dropStaged(id);
    journal(hd, [
      stagedEntry(cell, sheetEditTexts[cell.locale].audit.stagedCancelled, label(hd, 'answered'), edit.value ?? ''),
    ]);
    if (typed === staged.from) {
      clearHandlerNote(cell);
      return;
    }
  }
  if (typed === from) return;
  const editor = { email: edit.editor.email, role: edit.editor.role() };
  if (typed === undefined) {
    refuse(cell, from, { code: 'unknownStatus', from });
    return;
  }
  if (typed === 'answered') {
    const first = instantOfCell(cell.cells.firstResponseAt);
    const decision = decideTransition(from, 'answered', {
      role: editor.role,
      now: edit.at,
      firstResponseAt: first === undefined ? null : new Date(first),
      answer: text(cell.cells.answer),
    });
    if (!decision.ok) {
      refuse(cell, from, decision.problem);
      return;
    }
    const windowMs = undoWindowMs(hd.setting('workflow.undoMinutes'));
    // decideTransition accepted a role, so it is defined here.
    const waiting = stageAnswer(
      id,
      from,
      { email: editor.email, role: editor.role as Role },
      edit.at.getTime(),
      windowMs,
    );
    saveStaged(waiting);
    showWaiting(cell, waiting);
    journal(hd, [
      stagedEntry(
        cell,
        format(sheetEditTexts[cell.locale].audit.staged, { time: when(cell, waiting.due) }),
        label(hd, from),
        label(hd, 'answered'),
      ),
    ]);
    return;
  }
  if (typed === 'escalated') {
    // The cl. 9.4 packet goes with the change; a refusal is undone by the use case, with its reason as the note.
    const escalated = escalateRequestAs(hd, { requestId: id, actor: editor, via: 'sheet', from, now: edit.at });
    if (escalated.ok) clearHandlerNote(cell);
    return;
  }
  const result = changeStatus(hd, { requestId: id, to: typed, from, actor: editor, via: 'sheet', now: edit.at });
  if (result.ok) clearHandlerNote(cell);
  else if (result.problem) refuse(cell, from, result.problem);
  else revertStatus(cell, from, result.message);
}

function answerEdited(cell: Cell): void {
  const { hd, edit, id } = cell;
  const staged = readStaged(id);
  const t = sheetEditTexts[cell.locale];
  if (!staged) {
    const entry = handEditEntry(
      {
        at: edit.at,
        requestId: id,
        columnKey: 'answer',
        actor: edit.editor.email,
        before: edit.oldValue ?? '',
        after: text(cell.cells.answer),
      },
      cell.locale,
    );
    journal(hd, entry ? [entry] : []);
    return;
  }
  if (text(cell.cells.answer).trim() === '') {
    dropStaged(id);
    restoreStatusCell(cell, label(hd, 'answered'), staged.from, revertedNote(cell, staged.from, t.notes.stagedCleared));
    journal(hd, [
      stagedEntry(cell, t.audit.stagedCancelled, label(hd, 'answered'), label(hd, staged.from), t.notes.stagedCleared),
    ]);
    return;
  }
  const restarted = restartWindow(staged, edit.at.getTime(), undoWindowMs(hd.setting('workflow.undoMinutes')));
  saveStaged(restarted);
  showWaiting(cell, restarted);
  const entry = stagedEntry(cell, format(t.audit.stagedRestarted, { time: when(cell, restarted.due) }));
  journal(hd, [{ ...entry, columnKey: 'answer', note: t.audit.personalNote }]);
}

function when(cell: Cell, ms: number): string {
  return formatDue(ms, cell.hd.zone, cell.locale);
}

function stagedEntry(cell: Cell, action: string, before?: string, after?: string, note?: string): AuditRecord {
  return {
    at: cell.edit.at,
    requestId: cell.id,
    action,
    columnKey: 'status',
    actor: actorLabel(cell.edit.editor.email, cell.locale),
    before: before === undefined ? undefined : clip(before),
    after: after === undefined ? undefined : clip(after),
    note,
  };
}

// ---- setting a status back --------------------------------------------------------------------------------

function revertedNote(cell: Cell, from: Status, reason: string): string {
  return `${format(workflowTexts[cell.locale].reverted, { from: label(cell.hd, from) })}\n${reason}`;
}

function refuse(cell: Cell, from: Status, problem: TransitionProblem): void {
  // A known address without a role: say so, rather than "the spreadsheet did not tell who you are".
  const email = cell.edit.editor.email;
  if (problem.code === 'blankIdentity' && email) {
    revertStatus(cell, from, format(sheetEditTexts[cell.locale].notes.noRole, { email }));
    return;
  }
  const note = revertNote(problem, cell.locale);
  revertStatusWithNote(cell, from, note, note.split('\n').slice(1).join(' '));
}

function revertStatus(cell: Cell, from: Status, reason: string): void {
  revertStatusWithNote(cell, from, revertedNote(cell, from, reason), reason);
}

function revertStatusWithNote(cell: Cell, from: Status, note: string, reason: string): void {
  const shown = cell.edit.value ?? '';
  if (!restoreStatusCell(cell, shown, from, note)) return;
  journal(cell.hd, [
    {
      at: cell.edit.at,
      requestId: cell.id,
      action: sheetEditTexts[cell.locale].audit.statusReverted,
      columnKey: 'status',
      actor: actorLabel(cell.edit.editor.email, cell.locale),
      before: clip(shown, 100),
      after: label(cell.hd, from),
      note: reason,
    },
  ]);
}

/**
 * Puts `from`'s label back into the row's status cell, with the note, if the cell still shows `expected`
 * (a person who changed it again meanwhile wins: their edit has its own trigger run). Returns whether it wrote.
 */
function restoreStatusCell(cell: Cell, expected: string, from: Status, note: string): boolean {
  const col = cell.table.columns.get('status');
  if (col === undefined) return false;
  const range = cell.table.sheet.getRange(cell.edit.row, col);
  if (text(range.getValue() as CellValue) !== expected) return false;
  range.setValue(label(cell.hd, from));
  range.setNote(note);
  return true;
}

function showWaiting(cell: Cell, staged: StagedAnswer): void {
  const col = cell.table.columns.get('status');
  if (col === undefined) return;
  const note = format(sheetEditTexts[cell.locale].notes.staged, {
    time: when(cell, staged.due),
    from: label(cell.hd, staged.from),
  });
  cell.table.sheet.getRange(cell.edit.row, col).setNote(note);
}

function clearHandlerNote(cell: Cell): void {
  const col = cell.table.columns.get('status');
  if (col === undefined) return;
  const range = cell.table.sheet.getRange(cell.edit.row, col);
  if (isHandlerNote(range.getNote())) range.setNote('');
}

// ---- several cells ----------------------------------------------------------------------------------------

function handleRange(hd: Helpdesk, table: Table, edit: RequestEdit): void {
  const first = Math.max(edit.row, FIRST_DATA_ROW);
  const last = edit.row + edit.numRows - 1;
  if (last < first) return;
  const keys: string[] = [];
  for (const [key, col] of table.columns) {
    if (col >= edit.column && col < edit.column + edit.numColumns && watchedColumn(key)) keys.push(key);
  }
  if (keys.length === 0) return;
  const locale = hd.locale;
  const count = last - first + 1;
  if (count > MAX_AUDITED_ROWS) {
    // Rows are not read: a sort or a whole-column fill would move the whole log for nothing checkable.
    journal(hd, [pastedSummary(first, last, keys, edit.editor.email, edit.at, locale)]);
    return;
  }
  const grid = table.sheet.getRange(first, 1, count, table.lastColumn).getValues() as CellValue[][];
  const rows = grid.map((line, i) => rowOf(table, first + i, line, keys)).filter((r) => r.requestId !== '');
  if (rows.length === 0) return;
  const entries = pastedEntries(rows, keys, edit.editor.email, edit.at, locale);
  const touchesStatus = keys.indexOf('status') >= 0;
  const touchesAnswer = keys.indexOf('answer') >= 0;
  if (touchesStatus || touchesAnswer) {
    const locked = withScriptLock(LOCK_WAIT_MS, () => recheckStatuses(hd, table, edit, rows, entries, touchesStatus));
    if (!locked.done) journal(hd, entries);
    return;
  }
  journal(hd, entries);
}

function rowOf(table: Table, row: number, line: readonly CellValue[], keys: readonly string[]): PastedRow {
  const at = (key: string) => {
    const col = table.columns.get(key);
    return col === undefined ? '' : line[col - 1];
  };
  const values: Record<string, string> = {};
  for (const key of keys) values[key] = text(at(key));
  return { row, requestId: text(at('id')).trim(), values };
}

/**
 * Under the lock: each row whose status the edit reached is compared with the status the journal recorded and
 * set back where it differs; a row whose answer was waiting is cancelled and set back to where it came from.
 */
function recheckStatuses(
  hd: Helpdesk,
  table: Table,
  edit: RequestEdit,
  rows: readonly PastedRow[],
  entries: AuditRecord[],
  touchesStatus: boolean,
): void {
  const locale = hd.locale;
  const t = sheetEditTexts[locale];
  const waiting = new Map(listStaged().map((s) => [s.requestId, s]));
  const unstaged = rows.filter((r) => !waiting.has(r.requestId)).map((r) => r.requestId);
  const recorded = touchesStatus
    ? lastRecordedStatuses(hd.table('audit', true), unstaged)
    : new Map<string, Status | undefined>();
  const extra: AuditRecord[] = [];
  const entryOf = (id: string) => entries.find((e) => e.requestId === id);
  for (const r of rows) {
    const cell: Cell = {
      hd,
      table,
      edit: { ...edit, row: r.row, value: r.values.status },
      id: r.requestId,
      cells: {},
      locale,
    };
    const staged = waiting.get(r.requestId);
    const shownText = touchesStatus ? r.values.status : label(hd, 'answered');
    if (staged) {
      dropStaged(r.requestId);
      if (restoreStatusCell(cell, shownText, staged.from, revertedNote(cell, staged.from, t.notes.pastedStaged))) {
        extra.push(stagedEntry(cell, t.audit.stagedCancelled, shownText, label(hd, staged.from), t.notes.pastedStaged));
      }
      continue;
    }
    if (!touchesStatus) continue;
    const known = recorded.get(r.requestId);
    if (known === undefined) {
      const entry = entryOf(r.requestId);
      if (entry) entry.note = `${entry.note ?? ''}; ${t.audit.pastedUnverified}`;
      continue;
    }
    if (shownText === label(hd, known)) continue;
    if (restoreStatusCell(cell, shownText, known, revertedNote(cell, known, t.notes.pastedStatus))) {
      extra.push({
        at: edit.at,
        requestId: r.requestId,
        action: t.audit.statusReverted,
        columnKey: 'status',
        actor: actorLabel(edit.editor.email, locale),
        before: clip(shownText, 100),
        after: label(hd, known),
        note: t.notes.pastedStatus,
      });
    }
  }
  journal(hd, [...entries, ...extra]);
}

// ---- the journal ------------------------------------------------------------------------------------------

/** The trigger is the owning account's, so entries are appended at once (posted otherwise, see posted-audit.ts). */
function journal(hd: Helpdesk, entries: readonly AuditRecord[]): void {
  recordAudit(hd, entries);
}
