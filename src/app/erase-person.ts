/**
 * Erasing one person's data on their request (152-FZ art. 14, 21), found by the e-mail address or phone
 * number they give; a menu action for the owner, the consultant and the director.
 *
 * It runs as the person who clicks, who may write the request log but not the owner-only sheets, the forms
 * or the school's mailbox. So the action clears the personal cells of the person's requests in «Обращения»
 * at once and posts the rest as work for the school account's runQueue (`applyErasureWork`): the rows of
 * the form's responses sheet, the form's own responses, the mail queue's copies (the key stays, so nothing
 * is sent again), the complaints spreadsheet and form, the school's mail threads (to the bin) and the
 * bookkeeping overflow. Run by the owner, it does everything at once. A completed erasure leaves one audit
 * entry: when, how much in each place, and the request IDs — never the data itself.
 *
 * The posted work item holds the person's normalised contacts until the owner's run (minutes): the owner's
 * part needs them to find the rows it alone can reach. It is deleted once done.
 */
import { contactKeys } from '../domain/contacts';
import { formatDue } from '../domain/mail-templates';
import {
  ERASURE_PLACES,
  type ErasureCounts,
  holdsPersonalData,
  keysOfContact,
  matchPerson,
  noErasures,
  type PersonMatch,
  personalColumns,
} from '../domain/retention';
import type { Role } from '../domain/roles';
import { FIRST_DATA_ROW } from '../domain/schema';
import { appendAudit } from '../gas/audit-log';
import { readFormsRecord } from '../gas/forms';
import { type Caller, requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { postWork, type WorkItem } from '../gas/pending-work';
import {
  cellTexts,
  clearedCells,
  clearOverflow,
  clearQueueRows,
  deleteFormResponses,
  deleteRowsMentioning,
  formResponseSheets,
  itemTitle,
  openFormById,
  openSpreadsheetById,
  readRowsAt,
  responsesMentioning,
  sourceKeysByRequest,
  formResponseIdOf,
  trashConversations,
  withScriptLock,
  writeRowCells,
} from '../gas/personal-data';
import { askText, askYesNo } from '../gas/prompts';
import { readOwner } from '../gas/properties';
import { readRecords, text } from '../gas/table';
import { tellUser } from '../gas/ui';
import { format } from '../locale/index';
import { PRIVACY_MARKERS, type PrivacyTexts, privacyTexts } from '../locale/privacy';

/** The work-inbox kind of the owner's part of an erasure. */
export const ERASURE_WORK = 'personal-data-erasure';
export const ERASER_ROLES: readonly Role[] = ['owner', 'consultant', 'director'];
const LOCK_WAIT_MS = 30_000;
/** For the execution log only: the work item stays posted and the next runQueue retries. */
const LOCK_BUSY = 'script lock busy: erasure left for the next run';
/** A response not registered yet (reconciliation looks this far back) would bring the data back: it goes too. */
const RECENT_RESPONSES_MS = 24 * 60 * 60_000;
const IDS_PER_MAIL_QUERY = 20;
/** How far up from the bottom the owner's run looks for requests registered after the action. */
const RECENT_LOG_ROWS = 300;
const PERSONAL = personalColumns('requests');

/** What the owner's run needs to finish an erasure the action began. */
export interface ErasureWork {
  /** The person's normalised contact keys (`email:…`, `phone:…`), the query's and those found on their requests. */
  keys: string[];
  requestIds: string[];
  /** Log rows the action cleared. */
  logRows: number;
  requestedBy: string;
  /** ISO time of the request. */
  requestedAt: string;
}

export interface ErasureSummary {
  ok: boolean;
  /** For the dialog, in the school's language. */
  message: string;
  requestIds: string[];
  counts: ErasureCounts;
  /** The owner-only part waits for the school account's next runQueue. */
  pending: boolean;
}

// ---- entry points ----------------------------------------------------------------------------------------

/** Menu: asks for the contact, says what it found, asks to confirm, erases and tells what was done. */
export function erasePersonFromMenu(): ErasureSummary {
  const caller = requireRole(ERASER_ROLES);
  const hd = new Helpdesk();
  const t = privacyTexts(hd.locale);
  const summary = askAndErase(hd, caller, t);
  tellUser(t.dialog.title, summary.message);
  return summary;
}

/** A dialog's button (google.script.run): the dialog has asked for the confirmation itself. */
export function erasePerson(contact: unknown): ErasureSummary {
  const caller = requireRole(ERASER_ROLES);
  const hd = new Helpdesk();
  return erase(hd, caller, String(contact ?? ''), privacyTexts(hd.locale));
}

/**
 * The owner's part of posted erasures, for runQueue: `drainWork((items) => applyErasureWork(hd, items),
 * ERASURE_WORK)`. Returns the keys of the items done; one that fails stays posted for the next run.
 */
export function applyErasureWork(hd: Helpdesk, items: readonly WorkItem[]): string[] {
  const done: string[] = [];
  for (const item of items) {
    const work = erasureWorkOf(item.payload);
    if (!work) continue;
    try {
      completeErasure(hd, work, privacyTexts(hd.locale));
      done.push(item.key);
    } catch (e) {
      console.log(`${ERASURE_WORK}: ${String((e as Error)?.message ?? e)}`);
    }
  }
  return done;
}

// ---- finding the person ----------------------------------------------------------------------------------

type Lookup = { query: string[]; shared: Set<string> } | { refused: string };

/** Contacts the school shares with everyone (its phone, its mailbox, the support service): they link no one. */
function sharedKeys(hd: Helpdesk): Set<string> {
  const keys = new Set<string>();
  const add = (email: string, phone = '') => {
    for (const k of contactKeys(email, phone)) keys.add(k);
  };
  add(hd.setting('school.email'), hd.setting('school.phone'));
  add(hd.setting('support.email'), hd.setting('support.phone'));
  add(readOwner());
  return keys;
}

function lookUp(hd: Helpdesk, contact: string, t: PrivacyTexts): Lookup {
  const query = keysOfContact(contact);
  if (query.length === 0) return { refused: format(t.dialog.badContact, { contact: contact.trim().slice(0, 100) }) };
  const shared = sharedKeys(hd);
  if (query.some((k) => shared.has(k))) return { refused: t.dialog.schoolContact };
  return { query, shared };
}

function matchInLog(rows: ReturnType<typeof readRecords>, query: string[], shared: Set<string>): PersonMatch {
  const people = rows.map(({ values }) => ({
    id: text(values.id).trim(),
    keys: contactKeys(text(values.email), text(values.phone)),
  }));
  return matchPerson(query, people, shared);
}

function askAndErase(hd: Helpdesk, caller: Caller, t: PrivacyTexts): ErasureSummary {
  const contact = askText(t.dialog.title, t.dialog.prompt);
  if (contact === undefined) return refusal(t.dialog.cancelled);
  const found = lookUp(hd, contact, t);
  if ('refused' in found) return refusal(found.refused);
  const { ids } = matchInLog(readRecords(hd.table('requests', true)), found.query, found.shared);
  const question =
    ids.length > 0 ? format(t.dialog.confirm, { count: ids.length, ids: ids.join(', ') }) : t.dialog.noRequests;
  if (!askYesNo(t.dialog.title, question)) return refusal(t.dialog.cancelled);
  return erase(hd, caller, contact, t);
}

// ---- the caller's part: the request log --------------------------------------------------------------------

function erase(hd: Helpdesk, caller: Caller, contact: string, t: PrivacyTexts): ErasureSummary {
  const found = lookUp(hd, contact, t);
  if ('refused' in found) return refusal(found.refused);
  const asOwner = caller.role === 'owner';
  const outcome = withScriptLock(LOCK_WAIT_MS, () => clearInLog(hd, found, caller, asOwner, t));
  if (!outcome.done) return refusal(t.dialog.busy);
  return asOwner ? finishNow(hd, outcome.value, t) : pendingSummary(outcome.value, t);
}

/** Under the lock: the person's requests found and their personal cells cleared; the rest posted unless the owner runs. */
function clearInLog(
  hd: Helpdesk,
  found: { query: string[]; shared: Set<string> },
  caller: Caller,
  asOwner: boolean,
  t: PrivacyTexts,
): ErasureWork {
  const table = hd.table('requests', true);
  const rows = readRecords(table);
  const match = matchInLog(rows, found.query, found.shared);
  const targets = match.rows
    .map((i) => rows[i])
    .filter((r) => holdsPersonalData(cellTexts(r.values, PERSONAL), PERSONAL, PRIVACY_MARKERS));
  const work: ErasureWork = {
    keys: match.keys,
    requestIds: match.ids,
    logRows: targets.length,
    requestedBy: caller.email,
    requestedAt: new Date().toISOString(),
  };
  // Posted before the log is touched: if the inbox refuses, nothing has changed.
  if (!asOwner) postWork(ERASURE_WORK, work);
  writeRowCells(
    table,
    targets.map((r) => ({ row: r.row, values: clearedCells(r.values, PERSONAL, t.erasedMarker) })),
    PERSONAL,
  );
  return work;
}

/** The owner may do the rest at once; if it fails, the log is cleared already, so the rest is posted for runQueue. */
function finishNow(hd: Helpdesk, work: ErasureWork, t: PrivacyTexts): ErasureSummary {
  try {
    const counts = completeErasure(hd, work, t);
    return {
      ok: true,
      message: format(t.dialog.done, { counts: countsText(counts, t) }),
      requestIds: work.requestIds,
      counts,
      pending: false,
    };
  } catch (e) {
    console.log(`${ERASURE_WORK}: ${String((e as Error)?.message ?? e)}`);
    postWork(ERASURE_WORK, work);
    return pendingSummary(work, t);
  }
}

function pendingSummary(work: ErasureWork, t: PrivacyTexts): ErasureSummary {
  const counts = { ...noErasures(), requests: work.logRows };
  return {
    ok: true,
    message: format(t.dialog.pending, { count: work.logRows }),
    requestIds: work.requestIds,
    counts,
    pending: true,
  };
}

function refusal(message: string): ErasureSummary {
  return { ok: false, message, requestIds: [], counts: noErasures(), pending: false };
}

// ---- the owner's part -----------------------------------------------------------------------------------

function erasureWorkOf(payload: unknown): ErasureWork | undefined {
  const p = payload as Partial<ErasureWork> | null;
  if (!p || typeof p !== 'object' || !Array.isArray(p.keys) || !Array.isArray(p.requestIds)) return undefined;
  if (typeof p.requestedBy !== 'string' || typeof p.requestedAt !== 'string') return undefined;
  return {
    keys: p.keys.map(String),
    requestIds: p.requestIds.map(String),
    logRows: Number(p.logRows) || 0,
    requestedBy: p.requestedBy,
    requestedAt: p.requestedAt,
  };
}

/** Everything beyond the log, then the audit entry. Each step is idempotent: a rerun finds nothing left. */
function completeErasure(hd: Helpdesk, work: ErasureWork, t: PrivacyTexts): ErasureCounts {
  const target: Target = { keys: new Set(work.keys), ids: new Set(work.requestIds) };
  const counts: ErasureCounts = { ...noErasures(), requests: work.logRows };
  const forms = readFormsRecord();
  const requestForm = openFormById(forms.requests?.formId);
  const contactTitle = requestForm ? itemTitle(requestForm, forms.requests?.items.contact) : '';
  const workbook = withScriptLock(LOCK_WAIT_MS, () => eraseInWorkbook(hd, target, contactTitle, counts, t));
  if (!workbook.done) throw new Error(LOCK_BUSY);
  if (requestForm) {
    // Registered responses by their source key; one not registered yet by its contact, so reconciliation cannot bring it back.
    const since = new Date(Date.now() - RECENT_RESPONSES_MS);
    const recent = responsesMentioning(requestForm, forms.requests?.items.contact, target.keys, since);
    counts.formResponses = deleteFormResponses(requestForm, [...workbook.value.responseIds, ...recent]);
  }
  eraseComplaints(forms.complaints, target.keys, counts);
  counts.mailThreads = trashConversations(mailQueries(work.keys, [...target.ids]), workbook.value.threadIds);
  const done = { ...work, requestIds: [...target.ids] };
  const logged = withScriptLock(LOCK_WAIT_MS, () =>
    appendAudit(hd.table('audit', true), [auditEntry(hd, done, counts, t)], hd.labels()),
  );
  if (!logged.done) throw new Error(LOCK_BUSY);
  return counts;
}

interface Target {
  keys: ReadonlySet<string>;
  /** Grows when the log turns up a request of theirs registered after the action. */
  ids: Set<string>;
}

/** The workbook's part, under the lock: late log rows, the queue, the bookkeeping, the responses sheets. */
function eraseInWorkbook(hd: Helpdesk, target: Target, contactTitle: string, counts: ErasureCounts, t: PrivacyTexts) {
  for (const id of clearRecentLogRows(hd, target.keys, t.erasedMarker, counts)) target.ids.add(id);
  const { ids, keys } = target;
  const queue = clearQueueRows(
    hd.table('mailQueue', true),
    (id, to) => ids.has(id) || mentionsContact(to, keys),
    t.queueCleared,
  );
  counts.mailQueue = queue.rows;
  const state = hd.table('state', true);
  const responseIds = [...sourceKeysByRequest(state)]
    .filter(([id]) => ids.has(id))
    .map(([, key]) => formResponseIdOf(key))
    .filter((id): id is string => id !== undefined);
  counts.bookkeeping = clearOverflow(state, ids);
  for (const sheet of formResponseSheets(hd.ss)) counts.responseRows += deleteRowsMentioning(sheet, keys, contactTitle);
  return { threadIds: queue.threadIds, responseIds };
}

/**
 * A request of the person's registered since the action (a form response whose trigger ran meanwhile) is
 * at the bottom of the log: the last rows are checked again, whatever the log's size.
 */
function clearRecentLogRows(hd: Helpdesk, keys: ReadonlySet<string>, marker: string, counts: ErasureCounts): string[] {
  const table = hd.table('requests', true);
  const first = Math.max(FIRST_DATA_ROW, table.lastRow - RECENT_LOG_ROWS + 1);
  if (table.lastRow < first) return [];
  const rows = readRowsAt(table, first, table.lastRow - first + 1).map((values, i) => ({ row: first + i, values }));
  const theirs = rows.filter(
    (r) =>
      contactKeys(text(r.values.email), text(r.values.phone)).some((k) => keys.has(k)) &&
      holdsPersonalData(cellTexts(r.values, PERSONAL), PERSONAL, PRIVACY_MARKERS),
  );
  writeRowCells(
    table,
    theirs.map((r) => ({ row: r.row, values: clearedCells(r.values, PERSONAL, marker) })),
    PERSONAL,
  );
  counts.requests += theirs.length;
  return theirs.map((r) => text(r.values.id).trim()).filter((id) => id !== '');
}

function mentionsContact(to: string, keys: ReadonlySet<string>): boolean {
  return to
    .split(',')
    .some((address) => contactKeys(address.replace(/^.*</, '').replace(/>.*$/, ''), '').some((k) => keys.has(k)));
}

/** The complaints spreadsheet's response rows and the complaints form's responses that give the contact. */
function eraseComplaints(
  record: ReturnType<typeof readFormsRecord>['complaints'],
  keys: ReadonlySet<string>,
  counts: ErasureCounts,
): void {
  if (!record) return;
  const form = openFormById(record.formId);
  const contactTitle = form ? itemTitle(form, record.items.contact) : '';
  const spreadsheet = openSpreadsheetById(record.spreadsheetId);
  if (spreadsheet) {
    for (const sheet of formResponseSheets(spreadsheet))
      counts.complaintRows += deleteRowsMentioning(sheet, keys, contactTitle);
  }
  if (form)
    counts.complaintResponses = deleteFormResponses(form, responsesMentioning(form, record.items.contact, keys));
}

/** Conversations with the person's addresses, and every conversation that names one of their requests. */
function mailQueries(keys: readonly string[], requestIds: readonly string[]): string[] {
  const addresses = keys.filter((k) => k.indexOf('email:') === 0).map((k) => k.slice('email:'.length));
  const queries = addresses.map((a) => `from:${a} OR to:${a} OR "${a}"`);
  for (let i = 0; i < requestIds.length; i += IDS_PER_MAIL_QUERY) {
    queries.push(
      requestIds
        .slice(i, i + IDS_PER_MAIL_QUERY)
        .map((id) => `"${id}"`)
        .join(' OR '),
    );
  }
  return queries;
}

function countsText(counts: ErasureCounts, t: PrivacyTexts): string {
  const parts = ERASURE_PLACES.filter((p) => counts[p] > 0).map((p) => `${t.places[p]}: ${counts[p]}`);
  return parts.length > 0 ? parts.join('; ') : '—';
}

function auditEntry(hd: Helpdesk, work: ErasureWork, counts: ErasureCounts, t: PrivacyTexts) {
  const requestedAt = formatDue(new Date(work.requestedAt), hd.zone, hd.locale);
  return {
    at: new Date(),
    requestId: work.requestIds.length === 1 ? work.requestIds[0] : '',
    action: t.audit.erasureDone,
    actor: work.requestedBy,
    note: format(t.audit.erasureNote, {
      requestedAt,
      counts: countsText(counts, t),
      ids: work.requestIds.join(', ') || '—',
    }),
  };
}
