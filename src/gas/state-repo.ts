/** «Служебное»: the script's own bookkeeping per request (source key, due times, alert level, overflow). */
import { FIRST_DATA_ROW, sheetDef } from '../domain/schema';
import type { SheetSetupContext } from './sheet-setup';
import { type CellValue, type Table, text } from './table';
import { ensureRoom, writeRecords } from './table-writer';

const STATE = sheetDef('state');

export interface StateEntry {
  requestId: string;
  sourceKey: string;
  firstResponseDueAt: Date | null;
  resolutionDueAt: Date | null;
  overflow: Record<string, string>;
  updatedAt: Date;
}

/** Source key → request ID, from one read of two columns. */
export function readSourceKeys(table: Table): Map<string, string> {
  const out = new Map<string, string>();
  const keyCol = table.columns.get('sourceKey');
  const idCol = table.columns.get('requestId');
  if (!keyCol || !idCol || table.lastRow < FIRST_DATA_ROW) return out;
  const left = Math.min(keyCol, idCol);
  const width = Math.abs(keyCol - idCol) + 1;
  const grid = table.sheet.getRange(FIRST_DATA_ROW, left, table.lastRow - FIRST_DATA_ROW + 1, width).getValues() as CellValue[][];
  for (const line of grid) {
    const key = text(line[keyCol - left]);
    if (key) out.set(key, text(line[idCol - left]));
  }
  return out;
}

export function appendState(table: Table, entry: StateEntry, labels: Pick<SheetSetupContext, 'choiceLabels'>): void {
  const row = ensureRoom(table, STATE, 1, labels);
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
        overflow: Object.keys(entry.overflow).length ? JSON.stringify(entry.overflow) : '',
        updatedAt: entry.updatedAt,
      },
    ],
    STATE.columns,
  );
}
