/** «Служебное»: the script's own bookkeeping per request (source key, due times, alert level, overflow). */
import { sheetDef } from '../domain/schema';
import { CELL_LIMIT } from '../domain/text-safety';
import type { SheetSetupContext } from './sheet-setup';
import { type Table, text } from './table';
import { ensureRoom, writeRecords } from './table-writer';
import { findRowByCell, readRow } from './record-lookup';

const STATE = sheetDef('state');

export interface StateEntry {
  requestId: string;
  sourceKey: string;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  overflow: Record<string, string>;
  updatedAt: Date;
}

export interface SourceRecord {
  requestId: string;
  row: number;
  notified: boolean;
}

/**
 * The bookkeeping of one source, found with a TextFinder over the source-key column: a few calls and one
 * row read, whatever the size of the log (a full read would move every cell of a 50 000-row sheet).
 */
export function findSourceRecord(table: Table, sourceKey: string): SourceRecord | undefined {
  const row = findRowByCell(table, 'sourceKey', sourceKey);
  if (row === undefined) return undefined;
  const cells = readRow(table, row);
  return { requestId: text(cells.requestId), row, notified: cells.notifiedAt !== '' && cells.notifiedAt !== undefined };
}

/** Appends the bookkeeping row of a new request; returns its row. */
export function appendState(table: Table, entry: StateEntry, labels: Pick<SheetSetupContext, 'choiceLabels'>): number {
  const row = ensureRoom(table, STATE, 1, labels);
  const overflow = Object.keys(entry.overflow).length ? JSON.stringify(entry.overflow) : '';
  writeRecords(
    table,
    row,
    [
      {
        requestId: entry.requestId,
        sourceKey: entry.sourceKey,
        firstResponseDueAt: entry.firstResponseDueAt ?? '',
        resolutionDueAt: entry.resolutionDueAt ?? '',
        pausedSince: '',
        pausedMs: 0,
        alertLevel: 0,
        // Beyond one cell the text stays whole in its source (the form response, the e-mail).
        overflow: overflow.slice(0, CELL_LIMIT),
        notifiedAt: '',
        updatedAt: entry.updatedAt,
      },
    ],
    STATE.columns,
  );
  return row;
}

/** Marks a request's registration mail as enqueued. */
export function markNotified(table: Table, row: number, at: Date): void {
  const col = table.columns.get('notifiedAt');
  if (col) table.sheet.getRange(row, col).setValue(at);
}
