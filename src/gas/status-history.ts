/**
 * The status the helpdesk last recorded for a request, read from «Журнал» (append-only, owner-only, so people
 * cannot rewrite it): every change the script makes or accepts writes a `status` entry whose `after` is the
 * label the cell was given; a registration without any such entry means «Новое». This is what a multi-cell
 * edit of the status column is checked against, since its event carries no earlier values.
 *
 * Cost: the journal's last TAIL_ROWS rows in four column reads answer most requests (recent work); a request
 * not seen there costs a TextFinder over the ID column stepped backwards, a few calls a step, at most
 * STEPS_PER_ID steps a request and STEPS_PER_EDIT for all; a request left unresolved counts as unrecorded.
 */
import type { Status } from '../domain/request';
import { FIRST_DATA_ROW } from '../domain/schema';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import { statusOfLabel } from './personal-data';
import { type CellValue, type Table, text } from './table';

const TAIL_ROWS = 2000;
const STEPS_PER_ID = 15;
/** Rows read back above the tail for one edit, all requests together (a paste of many old requests). */
const STEPS_PER_EDIT = 120;
const REGISTERED = new Set([ru.audit.registered, en.audit.registered]);

interface Entry {
  requestId: string;
  action: string;
  columnKey: string;
  after: string;
}

/** undefined: nothing recorded yet (no entry at all: a row typed by hand, or a journal cleared before). */
export type Recorded = Status | undefined;

export function lastRecordedStatuses(audit: Table, ids: readonly string[]): Map<string, Recorded> {
  const out = new Map<string, Recorded>();
  const wanted = new Set(ids.filter((id) => id !== ''));
  if (wanted.size === 0 || audit.lastRow < FIRST_DATA_ROW) return out;
  const tail = readTail(audit);
  for (let i = tail.length - 1; i >= 0 && out.size < wanted.size; i--) {
    const e = tail[i];
    if (!wanted.has(e.requestId) || out.has(e.requestId)) continue;
    const decided = decide(e);
    if (decided !== null) out.set(e.requestId, decided);
  }
  const tailStart = Math.max(FIRST_DATA_ROW, audit.lastRow - TAIL_ROWS + 1);
  const budget = { steps: STEPS_PER_EDIT };
  for (const id of wanted) {
    if (!out.has(id)) out.set(id, searchBack(audit, id, tailStart, budget));
  }
  return out;
}

/** What one entry says of the status: a status, 'new' for a registration, null when it says nothing. */
function decide(e: Entry): Recorded | null {
  if (e.columnKey === 'status') {
    return statusOfLabel(e.after) ?? null;
  }
  if (e.columnKey === 'channel' && REGISTERED.has(e.action)) return 'new';
  return null;
}

function readTail(audit: Table): Entry[] {
  const first = Math.max(FIRST_DATA_ROW, audit.lastRow - TAIL_ROWS + 1);
  const count = audit.lastRow - first + 1;
  const column = (key: string): CellValue[] => {
    const col = audit.columns.get(key);
    if (col === undefined) return new Array<CellValue>(count).fill('');
    return (audit.sheet.getRange(first, col, count, 1).getValues() as CellValue[][]).map((r) => r[0]);
  };
  const ids = column('requestId');
  const actions = column('action');
  const keys = column('columnKey');
  const afters = column('after');
  return ids.map((id, i) => ({
    requestId: text(id).trim(),
    action: text(actions[i]),
    columnKey: text(keys[i]).trim(),
    after: text(afters[i]),
  }));
}

/** The request's entries above the tail, newest first, until one tells the status. */
function searchBack(audit: Table, id: string, tailStart: number, budget: { steps: number }): Recorded {
  const idCol = audit.columns.get('requestId');
  if (idCol === undefined || tailStart <= FIRST_DATA_ROW || budget.steps <= 0) return undefined;
  const finder = audit.sheet
    .getRange(FIRST_DATA_ROW, idCol, tailStart - FIRST_DATA_ROW, 1)
    .createTextFinder(id)
    .matchEntireCell(true)
    .matchCase(true);
  let firstSeen: number | undefined;
  for (let step = 0; step < STEPS_PER_ID && budget.steps > 0; step++) {
    budget.steps--;
    const match = finder.findPrevious();
    if (!match) return undefined;
    const row = match.getRow();
    if (row === firstSeen) return undefined; // wrapped around: every match seen
    firstSeen ??= row;
    const line = audit.sheet.getRange(row, 1, 1, audit.lastColumn).getValues()[0] as CellValue[];
    const cell = (key: string) => {
      const col = audit.columns.get(key);
      return col === undefined ? '' : text(line[col - 1]);
    };
    const decided = decide({
      requestId: id,
      action: cell('action'),
      columnKey: cell('columnKey').trim(),
      after: cell('after'),
    });
    if (decided !== null) return decided;
  }
  return undefined;
}
