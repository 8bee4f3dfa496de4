/**
 * Registering a request from any channel: one row of «Обращения» with its ID and due time, the
 * bookkeeping and the audit entry, under the script lock, at most once per source (a form response, an
 * e-mail, a dialog submission). The row is written before any mail; mail is the caller's next step.
 */
import { assigneeFor } from '../domain/assignment';
import { contactKeys } from '../domain/contacts';
import { findPossibleDuplicate, type PriorRequest } from '../domain/duplicates';
import { prepareIncoming } from '../domain/intake';
import { type IncomingRequest, type RequestRecord, sourceKey } from '../domain/request';
import { formatRequestId, nextRequestId, parseRequestId, registrationYear } from '../domain/request-id';
import { parseDayMonthYear } from '../domain/settings-catalog';
import { dateOf } from '../domain/zoned-time';
import { appendAudit } from '../gas/audit-log';
import type { Helpdesk } from '../gas/helpdesk';
import { postWork } from '../gas/pending-work';
import { appendRequest, readRecentRequests } from '../gas/requests-repo';
import { appendState, findSourceRecord, markNotified, type StateEntry } from '../gas/state-repo';
import type { Table } from '../gas/table';
import { FIRST_DATA_ROW } from '../domain/schema';
import type { AuditEntry } from '../gas/audit-log';

/** How far back the log is read for duplicates and IDs: constant, whatever the log's size. */
export const RECENT_ROWS = 300;
const LOCK_WAIT_MS = 30_000;
const SEQUENCE_PROPERTY = 'helpdesk.seq.';
/** Work posted by people's runs for the owner's runQueue: the owner-only sheets' part of a registration. */
export const BOOKKEEPING_WORK = 'registration-bookkeeping';

export interface BookkeepingWork {
  state: Omit<StateEntry, 'firstResponseDueAt' | 'resolutionDueAt' | 'updatedAt'> & {
    firstResponseDueAt: string | null;
    resolutionDueAt: string | null;
    updatedAt: string;
  };
  audit: Array<Omit<AuditEntry, 'at'> & { at: string }>;
}

export interface Registration {
  id: string;
  /** False when this source had been registered before. */
  created: boolean;
  /** The request as registered now, or as it was registered (repair mode). */
  record?: RequestRecord;
  /** Its bookkeeping row, when the owner wrote one. */
  stateRow?: number;
  /** Its registration mail was already enqueued. */
  notified: boolean;
}

export interface RegistrationOptions {
  /** Who registers: '' for the form or mail intake (the school account's trigger), else the consultant. */
  actor: string;
  /** The run belongs to the owning account, which alone writes the owner-only sheets. */
  asOwner: boolean;
  detectAbuse?: (text: string) => boolean;
  /**
   * Reconciliation: for a source registered before, check its row is really there (a run that died between
   * the bookkeeping and the row leaves it missing) and write it again under the same ID if not.
   */
  repair?: boolean;
}

export function registerRequest(hd: Helpdesk, incoming: IncomingRequest, opts: RegistrationOptions): Registration {
  const key = sourceKey(incoming.source);
  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    const known = findSourceRecord(hd.table('state', true), key);
    if (known && !opts.repair)
      return { id: known.requestId, created: false, stateRow: known.row, notified: known.notified };
    const pending = known ? undefined : pendingSourceKey(key);
    if (pending) return { id: pending, created: false, notified: true };

    const requests = hd.table('requests', true);
    const recent = readRecentRequests(requests, RECENT_ROWS);
    const rowThere = known ? requestRowExists(requests, recent, known.requestId) : false;
    const minLength = Number(hd.setting('form.descriptionMinLength'));
    const prepared = prepareIncoming(incoming, {
      detectAbuse: opts.detectAbuse,
      locale: hd.locale,
      minDescriptionLength: Number.isFinite(minLength) ? minLength : undefined,
    });
    const fields = prepared.fields;
    const policy = hd.sla();
    const zone = policy.settings.zone;
    const received = fields.receivedAt.getTime();

    const id = known
      ? known.requestId
      : allocateId(
          registrationYear(received, zone),
          recent.map((r) => r.id),
        );
    const target = policy.target('firstResponse', fields.requesterType || 'parent');
    const due = policy.dueAt(target, { start: received, pauses: [] });
    const resolution = policy.dueAt(policy.target('resolution', fields.requesterType || 'parent'), {
      start: received,
      pauses: [],
    });
    const priors: PriorRequest[] = recent
      .filter((r) => r.createdAt !== null)
      .map((r) => ({
        id: r.id,
        contactKeys: contactKeys(r.email, r.phone),
        topic: r.topic,
        createdAt: r.createdAt as Date,
        status: r.status === hd.msgs.choices.status.rejected ? 'rejected' : r.status,
      }));
    const duplicate = findPossibleDuplicate(
      { id, contactKeys: prepared.contactKeys, topic: fields.topic, receivedAt: fields.receivedAt },
      priors,
      policy.working,
    );
    const flags = duplicate ? [...prepared.flags, 'possible-duplicate' as const] : prepared.flags;

    const record: RequestRecord = {
      id,
      createdAt: fields.receivedAt,
      channel: fields.channel,
      requesterType: fields.requesterType,
      name: fields.name,
      className: fields.className,
      email: fields.email,
      phone: fields.phone,
      preferredChannel: fields.preferredChannel,
      topic: fields.topic,
      description: fields.description,
      status: 'new',
      assignee: assigneeFor(dateOf(received, zone), hd.setting('consultant.email'), deputyEmail(hd), absence(hd)),
      dueAt: due === null ? null : new Date(due),
      firstResponseAt: null,
      resolvedAt: null,
      answer: '',
      rejectReason: '',
      supportTicket: '',
      flags,
      duplicateOf: duplicate?.id ?? '',
      satisfaction: '',
      notes: '',
    };
    if (known) {
      if (!rowThere) appendRequest(requests, record, hd.msgs, hd.labels());
      SpreadsheetApp.flush();
      return { id, created: false, record, stateRow: known.row, notified: known.notified };
    }

    const now = new Date();
    const state: StateEntry = {
      requestId: id,
      sourceKey: key,
      firstResponseDueAt: record.dueAt,
      resolutionDueAt: resolution === null ? null : new Date(resolution),
      overflow: prepared.overflow,
      updatedAt: now,
    };
    const audit = auditOf(record, opts.actor, hd);
    if (opts.asOwner) {
      // The bookkeeping first: a run that dies before the row leaves a key reconciliation can repair.
      const stateRow = appendState(hd.table('state'), state, hd.labels());
      appendRequest(requests, record, hd.msgs, hd.labels());
      appendAudit(hd.table('audit', true), audit, hd.labels());
      SpreadsheetApp.flush();
      return { id, created: true, record, stateRow, notified: false };
    }
    // People cannot write the owner-only sheets: the owner's runQueue writes that part. Posted first, so a
    // refusal (too much text for the inbox) leaves nothing half-registered.
    postWork(BOOKKEEPING_WORK, bookkeepingWork(state, audit));
    appendRequest(requests, record, hd.msgs, hd.labels());
    rememberPendingSourceKey(key, id);
    SpreadsheetApp.flush();
    return { id, created: true, record, notified: false };
  } finally {
    lock.releaseLock();
  }
}

/** Whether the log has a row with this ID: the recent rows first, the whole ID column only if needed. */
function requestRowExists(table: Table, recent: readonly { id: string }[], id: string): boolean {
  if (recent.some((r) => r.id === id)) return true;
  const col = table.columns.get('id');
  if (!col || table.lastRow < FIRST_DATA_ROW) return false;
  const ids = table.sheet.getRange(FIRST_DATA_ROW, col, table.lastRow - FIRST_DATA_ROW + 1, 1).getValues();
  return ids.some((line) => line[0] === id);
}

/** The next ID of the year, never below the recorded sequence (a row deleted by hand never frees its ID). */
function allocateId(year: number, recentIds: readonly string[]): string {
  const props = PropertiesService.getDocumentProperties();
  const recorded = Number(props.getProperty(SEQUENCE_PROPERTY + year) ?? '0');
  const fromLog = parseRequestId(nextRequestId(year, recentIds))?.seq ?? 1;
  const seq = Math.max(fromLog, recorded + 1);
  props.setProperty(SEQUENCE_PROPERTY + year, String(seq));
  return formatRequestId(year, seq);
}

function deputyEmail(hd: Helpdesk): string {
  return hd.staff().find((m) => m.active && m.role === 'deputy')?.email ?? '';
}

function absence(hd: Helpdesk): { from: string; to: string } | undefined {
  const from = parseDayMonthYear(hd.setting('consultant.absentFrom'));
  if (!from) return undefined;
  return { from, to: parseDayMonthYear(hd.setting('consultant.absentTo')) ?? from };
}

function auditOf(record: RequestRecord, actor: string, hd: Helpdesk): AuditEntry[] {
  const at = new Date();
  const entries: AuditEntry[] = [
    {
      at,
      requestId: record.id,
      action: hd.msgs.audit.registered,
      columnKey: 'channel',
      actor,
      after: record.channel,
      note: record.flags.join(', '),
    },
  ];
  if (record.flags.includes('etiquette'))
    entries.push({ at, requestId: record.id, action: hd.msgs.audit.etiquetteFlagged, actor });
  if (record.duplicateOf) {
    entries.push({
      at,
      requestId: record.id,
      action: hd.msgs.audit.duplicateLinked,
      columnKey: 'duplicateOf',
      actor,
      after: record.duplicateOf,
    });
  }
  return entries;
}

function bookkeepingWork(state: StateEntry, audit: AuditEntry[]): BookkeepingWork {
  return {
    state: {
      ...state,
      firstResponseDueAt: state.firstResponseDueAt?.toISOString() ?? null,
      resolutionDueAt: state.resolutionDueAt?.toISOString() ?? null,
      updatedAt: state.updatedAt.toISOString(),
    },
    audit: audit.map((e) => ({ ...e, at: e.at.toISOString() })),
  };
}

/** Applies a person's posted bookkeeping in the owner's run. */
export function applyBookkeepingWork(hd: Helpdesk, work: BookkeepingWork): void {
  if (!findSourceRecord(hd.table('state', true), work.state.sourceKey)) {
    const row = appendState(
      hd.table('state'),
      {
        ...work.state,
        firstResponseDueAt: work.state.firstResponseDueAt ? new Date(work.state.firstResponseDueAt) : null,
        resolutionDueAt: work.state.resolutionDueAt ? new Date(work.state.resolutionDueAt) : null,
        updatedAt: new Date(work.state.updatedAt),
      },
      hd.labels(),
    );
    appendAudit(
      hd.table('audit', true),
      work.audit.map((e) => ({ ...e, at: new Date(e.at) })),
      hd.labels(),
    );
    // The person's run enqueued the registration mail itself.
    markNotified(hd.table('state'), row, new Date());
  }
}

// Between a person's registration and the owner's run, the source key lives in the script cache, so a
// double click on the dialog's button does not register the same thing twice.
const PENDING_PREFIX = 'src:';

function pendingSourceKey(key: string): string | undefined {
  return CacheService.getScriptCache().get(PENDING_PREFIX + key) ?? undefined;
}

function rememberPendingSourceKey(key: string, id: string): void {
  CacheService.getScriptCache().put(PENDING_PREFIX + key, id, 21_600);
}
