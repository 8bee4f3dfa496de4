/** «Обращения»: request records as rows (choice keys shown as their labels), read and appended by key. */
import type { RequestFlag, RequestRecord } from '../domain/request';
import { FIRST_DATA_ROW, sheetDef } from '../domain/schema';
import type { Messages } from '../locale/index';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import type { SheetSetupContext } from './sheet-setup';
import { type CellValue, isDateCell, type Table, text } from './table';
import { ensureRoom, writeRecords } from './table-writer';

const REQUESTS = sheetDef('requests');
const FLAG_SEPARATOR = '; ';

function label<T extends string>(labels: Record<T, string>, key: T | ''): string {
  return key ? labels[key] : '';
}

export function requestCells(record: RequestRecord, msgs: Messages): Record<string, CellValue> {
  return {
    id: record.id,
    createdAt: record.createdAt,
    channel: label(msgs.choices.channel, record.channel),
    requesterType: label(msgs.choices.requesterType, record.requesterType),
    name: record.name,
    className: record.className,
    email: record.email,
    phone: record.phone,
    preferredChannel: label(msgs.choices.preferredChannel, record.preferredChannel),
    topic: record.topic,
    description: record.description,
    status: label(msgs.choices.status, record.status),
    assignee: record.assignee,
    dueAt: record.dueAt ?? '',
    firstResponseAt: record.firstResponseAt ?? '',
    resolvedAt: record.resolvedAt ?? '',
    answer: record.answer,
    rejectReason: label(msgs.choices.rejectReason, record.rejectReason),
    supportTicket: record.supportTicket,
    flags: record.flags.map((f) => msgs.flags[f]).join(FLAG_SEPARATOR),
    duplicateOf: record.duplicateOf,
    satisfaction: record.satisfaction,
    notes: record.notes,
  };
}

/** Flags shown in either language back to their keys. */
export function parseFlags(cell: CellValue | undefined): RequestFlag[] {
  const out: RequestFlag[] = [];
  for (const part of text(cell).split(FLAG_SEPARATOR)) {
    const wanted = part.trim();
    if (!wanted) continue;
    for (const key of Object.keys(ru.flags) as RequestFlag[]) {
      if (ru.flags[key] === wanted || en.flags[key] === wanted) out.push(key);
    }
  }
  return out;
}

/** Appends one request as the next row; returns its row number. */
export function appendRequest(
  table: Table,
  record: RequestRecord,
  msgs: Messages,
  labels: Pick<SheetSetupContext, 'choiceLabels'>,
): number {
  const row = ensureRoom(table, REQUESTS, 1, labels);
  writeRecords(table, row, [requestCells(record, msgs)], REQUESTS.columns);
  return row;
}

export interface RecentRequest {
  row: number;
  id: string;
  createdAt: Date | null;
  email: string;
  phone: string;
  topic: string;
  status: string;
}

/** The last `count` rows of the log in one read: enough for IDs and duplicate checks, whatever the log's size. */
export function readRecentRequests(table: Table, count: number): RecentRequest[] {
  if (table.lastRow < FIRST_DATA_ROW || table.lastColumn === 0) return [];
  const first = Math.max(FIRST_DATA_ROW, table.lastRow - count + 1);
  const grid = table.sheet.getRange(first, 1, table.lastRow - first + 1, table.lastColumn).getValues() as CellValue[][];
  const at = (key: string) => (table.columns.get(key) ?? 0) - 1;
  const [id, created, email, phone, topic, status] = ['id', 'createdAt', 'email', 'phone', 'topic', 'status'].map(at);
  return grid
    .map((line, i) => ({
      row: first + i,
      id: text(line[id]),
      createdAt: isDateCell(line[created]) ? line[created] : null,
      email: text(line[email]),
      phone: text(line[phone]),
      topic: text(line[topic]),
      status: text(line[status]),
    }))
    .filter((r) => r.id !== '');
}
