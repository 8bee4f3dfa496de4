/**
 * «Журнал»: append-only. Entries name the request, the column key, who and when, and before → after for
 * non-personal columns only; never a copy of personal data. Written by the owning account's runs.
 */
import { sheetDef } from '../domain/schema';
import type { SheetSetupContext } from './sheet-setup';
import type { Table } from './table';
import { ensureRoom, writeRecords } from './table-writer';

const AUDIT = sheetDef('audit');

export interface AuditEntry {
  at: Date;
  requestId: string;
  action: string;
  columnKey?: string;
  actor: string;
  before?: string;
  after?: string;
  note?: string;
}

export function appendAudit(
  table: Table,
  entries: readonly AuditEntry[],
  labels: Pick<SheetSetupContext, 'choiceLabels'>,
): void {
  if (entries.length === 0) return;
  const first = ensureRoom(table, AUDIT, entries.length, labels);
  writeRecords(
    table,
    first,
    entries.map((e) => ({
      at: e.at,
      requestId: e.requestId,
      action: e.action,
      columnKey: e.columnKey ?? '',
      actor: e.actor,
      before: e.before ?? '',
      after: e.after ?? '',
      note: e.note ?? '',
    })),
    AUDIT.columns,
  );
}
