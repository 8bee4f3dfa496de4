/**
 * What «Журнал» says about hand edits of «Обращения» (issue 5 part 7). Pure: the edit handler reads the cells
 * and writes the entries; this module decides which columns are watched and what an entry holds.
 *
 * - Watched: every column of «Обращения» the script knows by key (row 1). People's own columns (no key) are
 *   theirs and are not audited; header rows are not records.
 * - A single-cell edit: request ID, column key, who (when the spreadsheet tells), when, before → after —
 *   except for personal columns (`personal: true` in schema.ts): the entry says the column changed and copies
 *   neither value.
 * - A multi-cell edit (paste, fill, clear, a dragged row): the event gives only the range, no earlier values.
 *   One entry per request row reached, naming the watched columns and the values now in its non-personal
 *   cells; beyond MAX_AUDITED_ROWS rows one summary entry (a sort or a whole-column fill would otherwise write
 *   thousands of entries into an append-only sheet).
 */
import { type ColumnDef, sheetDef } from './schema';
import { format, type LocaleCode } from '../locale/index';
import { type SheetEditTexts, sheetEditTexts } from '../locale/sheet-edit';
import { workflowTexts } from '../locale/workflow';

/** The shape of an audit row (src/gas/audit-log.ts AuditEntry has the same fields). */
export interface AuditRecord {
  at: Date;
  requestId: string;
  action: string;
  columnKey?: string;
  actor: string;
  before?: string;
  after?: string;
  note?: string;
}

const REQUEST_COLUMNS: readonly ColumnDef[] = sheetDef('requests').columns;

/** Longest value copied into an entry; a longer one is cut with «…» (the cell holds 50 000 characters). */
export const AUDIT_VALUE_MAX = 500;
/** Rows of one multi-cell edit audited one by one; more get one summary entry. */
export const MAX_AUDITED_ROWS = 200;

/** The watched column of «Обращения» with this key, or undefined for a key the script does not know. */
export function watchedColumn(key: string | undefined): ColumnDef | undefined {
  if (!key) return undefined;
  return REQUEST_COLUMNS.find((c) => c.key === key);
}

export function isPersonalColumn(key: string): boolean {
  return watchedColumn(key)?.personal === true;
}

export function clip(value: string, max = AUDIT_VALUE_MAX): string {
  return value.length <= max ? value : `${value.slice(0, max - 1)}…`;
}

export interface HandEdit {
  at: Date;
  requestId: string;
  columnKey: string;
  /** The editor's e-mail; '' when the spreadsheet did not tell. */
  actor: string;
  before: string;
  after: string;
}

function textsOf(locale: LocaleCode): SheetEditTexts {
  return sheetEditTexts[locale];
}

export function actorLabel(email: string, locale: LocaleCode): string {
  return email.trim() || textsOf(locale).unknownEditor;
}

/** The entry of one single-cell hand edit; undefined when nothing changed (the same value typed again). */
export function handEditEntry(edit: HandEdit, locale: LocaleCode, action?: string): AuditRecord | undefined {
  if (edit.before === edit.after) return undefined;
  const texts = textsOf(locale);
  const base: AuditRecord = {
    at: edit.at,
    requestId: edit.requestId,
    action: action ?? texts.audit.handEdit,
    columnKey: edit.columnKey,
    actor: actorLabel(edit.actor, locale),
  };
  if (isPersonalColumn(edit.columnKey)) return { ...base, note: texts.audit.personalNote };
  return { ...base, before: clip(edit.before), after: clip(edit.after) };
}

export interface PastedRow {
  row: number;
  requestId: string;
  /** The watched cells the edit reached in this row, as text, by key. */
  values: Readonly<Record<string, string>>;
}

/** The entries of one multi-cell edit of at most MAX_AUDITED_ROWS rows: one per request row reached. */
export function pastedEntries(
  rows: readonly PastedRow[],
  keys: readonly string[],
  actor: string,
  at: Date,
  locale: LocaleCode,
): AuditRecord[] {
  const texts = textsOf(locale);
  if (keys.length === 0) return [];
  const who = actorLabel(actor, locale);
  const open = keys.filter((k) => !isPersonalColumn(k));
  return rows
    .filter((r) => r.requestId !== '')
    .map((r) => ({
      at,
      requestId: r.requestId,
      action: texts.audit.pasted,
      columnKey: keys.join(', '),
      actor: who,
      after: clip(open.map((k) => `${k}: ${r.values[k] ?? ''}`).join('; ')),
      note: texts.audit.pastedNote,
    }));
}

/** The one entry of a multi-cell edit of more than MAX_AUDITED_ROWS rows (rows first..last), which is not read. */
export function pastedSummary(
  first: number,
  last: number,
  keys: readonly string[],
  actor: string,
  at: Date,
  locale: LocaleCode,
): AuditRecord {
  const texts = textsOf(locale);
  return {
    at,
    requestId: '',
    action: format(texts.audit.pastedMany, { rows: last - first + 1, first, last }),
    columnKey: keys.join(', '),
    actor: actorLabel(actor, locale),
    note: texts.audit.pastedNote,
  };
}

/**
 * Whether a cell note is one this handler wrote (a reverted status, a waiting answer), so it may be cleared
 * when the cell's status is next accepted; a note a person wrote stays.
 */
export function isHandlerNote(note: string): boolean {
  if (!note) return false;
  const heads: string[] = [];
  for (const locale of ['ru', 'en'] as const) {
    heads.push(workflowTexts[locale].reverted.split('{')[0]);
    heads.push(textsOf(locale).notes.staged.split('{')[0]);
  }
  return heads.some((h) => h.trim() !== '' && note.indexOf(h.trim()) === 0);
}
