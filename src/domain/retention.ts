/**
 * Keeping requesters' personal data no longer than needed (152-FZ; SPEC "Personal data care"), as plain
 * decisions: which requests are due for anonymisation, what each personal cell becomes, and which requests
 * belong to one person who asks for their data to be erased.
 *
 * Rules chosen:
 * - Due are requests in a final status — «Закрыто», «Отклонено», «Прекращено (нарушение этикета)» and also
 *   «Дан ответ» (an answered request nobody closed is finished too; left out, it would keep its data for
 *   ever) — whose retention period has run out. Open requests are never anonymised automatically.
 * - The period is `retention.months`, counted from the resolution date (the creation date when the request
 *   has none), in the school's zone: it starts the day after (Civil Code art. 191) and ends on the
 *   corresponding date of its last month, or that month's last day (art. 192 p. 3); the data goes the day
 *   after it ends.
 * - What reaches or pins down the person (e-mail, phone, class, the machine copies) becomes blank; their
 *   words (name, description, answer, notes) become a marker, so a reader sees the row was cleared, not lost.
 */
import { contactKeys } from './contacts';
import type { Status } from './request';
import { type SheetKey, sheetDef } from './schema';
import { settingDef } from './settings-catalog';
import { dateOf, formatIsoDate, type IsoDate, parseIsoDate } from './zoned-time';

/** Statuses after which nothing more is done with a request. */
export const FINAL_STATUSES: readonly Status[] = ['closed', 'rejected', 'etiquetteEnded', 'answered'];

export const DEFAULT_RETENTION_MONTHS = Number(settingDef('retention.months')?.defaultValue ?? '36');

/** The setting as whole months; blank or nonsense falls back to the default rather than to "keep for ever". */
export function retentionMonths(value: string): number {
  const v = value.trim().replace(',', '.');
  const n = Number(v);
  if (v === '' || !Number.isFinite(n) || n < 0) return DEFAULT_RETENTION_MONTHS;
  return Math.floor(n);
}

/** `date` plus whole months; a day the target month lacks becomes its last day (Civil Code art. 192 p. 3). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const p = parseIsoDate(date);
  if (!p) throw new RangeError(`Not a date: ${date}`);
  const index = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return formatIsoDate({ y, m, d: Math.min(p.d, lastDay) });
}

/** What the decision needs of a request: its status key and its dates (epoch ms), when known. */
export interface RetentionFacts {
  status: Status | undefined;
  createdAt: number | undefined;
  resolvedAt: number | undefined;
}

/** The last day the request's personal data is kept, or undefined when the request has no date at all. */
export function retentionEndsOn(facts: RetentionFacts, months: number, zone: string): IsoDate | undefined {
  const start = facts.resolvedAt ?? facts.createdAt;
  return start === undefined ? undefined : addMonths(dateOf(start, zone), months);
}

export function isDueForAnonymisation(facts: RetentionFacts, now: number, months: number, zone: string): boolean {
  if (facts.status === undefined || FINAL_STATUSES.indexOf(facts.status) < 0) return false;
  const endsOn = retentionEndsOn(facts, months, zone);
  // ISO dates compare as text.
  return endsOn !== undefined && dateOf(now, zone) > endsOn;
}

// ---- the cells -------------------------------------------------------------------------------------------

/** The columns of a sheet that hold a requester's personal data (the schema's `personal` flag). */
export function personalColumns(sheet: SheetKey): string[] {
  return sheetDef(sheet)
    .columns.filter((c) => c.personal)
    .map((c) => c.key);
}

/** The person's own words: kept as a marker when there was something, so the row does not look lost. */
const MARKED_KEYS = new Set(['name', 'description', 'answer', 'notes']);

/** What a personal cell becomes: the marker for the person's words, blank for everything else. */
export function clearedValue(key: string, current: string, marker: string): string {
  return MARKED_KEYS.has(key) && current.trim() !== '' ? marker : '';
}

/** Whether a cell holds nothing personal any more: blank, or one of the markers (either kind, either language). */
export function isCleared(key: string, current: string, markers: readonly string[]): boolean {
  const v = current.trim();
  return v === '' || (MARKED_KEYS.has(key) && markers.indexOf(v) >= 0);
}

export function holdsPersonalData(
  cells: Readonly<Record<string, string>>,
  keys: readonly string[],
  markers: readonly string[],
): boolean {
  return keys.some((k) => !isCleared(k, cells[k] ?? '', markers));
}

// ---- one person ------------------------------------------------------------------------------------------

/** The keys of what someone typed into the erasure dialog: an e-mail address or a phone number. */
export function keysOfContact(input: string): string[] {
  const v = input.trim();
  return v.indexOf('@') >= 0 ? contactKeys(v, '') : contactKeys('', v);
}

const EMAIL_IN_TEXT = /[^\s@<>()[\]\\,;:"'«»]+@[^\s@<>()[\]\\,;:"'«»]+/gu;
const PHONE_IN_TEXT = /\+?\d[\d\s()\-\u2010-\u2015\u2212.]{3,22}\d/gu;

/** Contact keys of every address and phone number written anywhere in a text (a responses row, a complaint). */
export function contactKeysIn(text: string): string[] {
  const keys = new Set<string>();
  for (const found of text.match(EMAIL_IN_TEXT) ?? []) {
    for (const k of contactKeys(found.replace(/\.+$/, ''), '')) keys.add(k);
  }
  for (const found of text.match(PHONE_IN_TEXT) ?? []) for (const k of contactKeys('', found)) keys.add(k);
  return [...keys];
}

export function mentionsAny(text: string, keys: ReadonlySet<string>): boolean {
  return text !== '' && contactKeysIn(text).some((k) => keys.has(k));
}

export interface PersonRow {
  id: string;
  keys: readonly string[];
}

export interface PersonMatch {
  /** Positions in `rows` of the person's requests, in order. */
  rows: number[];
  /** Their request IDs (rows without one are left out). */
  ids: string[];
  /** Every contact key found on them, the query's included. */
  keys: string[];
}

/**
 * One person's requests: those sharing a contact key with the query, then those sharing a key with these,
 * until nothing new turns up (a parent who wrote once from an address, once from a phone, and gave both on a
 * third request). Keys in `shared` — the school's own phone and addresses — never link people.
 */
export function matchPerson(
  query: readonly string[],
  rows: readonly PersonRow[],
  shared: ReadonlySet<string>,
): PersonMatch {
  const keys = new Set(query);
  const matched = new Set<number>();
  let grew = true;
  while (grew) {
    grew = false;
    rows.forEach((row, i) => {
      if (matched.has(i) || !row.keys.some((k) => keys.has(k))) return;
      matched.add(i);
      for (const k of row.keys) {
        if (keys.has(k) || shared.has(k)) continue;
        keys.add(k);
        grew = true;
      }
    });
  }
  const positions = [...matched].sort((a, b) => a - b);
  const ids = positions.map((i) => rows[i].id).filter((id) => id !== '');
  return { rows: positions, ids, keys: [...keys] };
}

// ---- blocks ----------------------------------------------------------------------------------------------

export interface Run {
  start: number;
  count: number;
}

/** Numbers as runs of consecutive ones (sorted, duplicates dropped), none longer than `max`: one range call each. */
export function consecutiveRuns(numbers: readonly number[], max = Number.POSITIVE_INFINITY): Run[] {
  const sorted = [...new Set(numbers)].sort((a, b) => a - b);
  const runs: Run[] = [];
  for (const n of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.count === n && last.count < max) last.count++;
    else runs.push({ start: n, count: 1 });
  }
  return runs;
}

/** Where personal data is erased for one person; the audit entry and the dialog count each place. */
export const ERASURE_PLACES = [
  'requests',
  'responseRows',
  'formResponses',
  'complaintRows',
  'complaintResponses',
  'mailQueue',
  'mailThreads',
  'bookkeeping',
] as const;
export type ErasurePlace = (typeof ERASURE_PLACES)[number];
export type ErasureCounts = Record<ErasurePlace, number>;

export function noErasures(): ErasureCounts {
  return {
    requests: 0,
    responseRows: 0,
    formResponses: 0,
    complaintRows: 0,
    complaintResponses: 0,
    mailQueue: 0,
    mailThreads: 0,
    bookkeeping: 0,
  };
}
