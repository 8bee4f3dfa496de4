/**
 * What the schedule's actions share: the director's e-mails (awaiting approval, approval removed) and the
 * audit entries. A person's run may not write «Журнал» or send as the school: the mail goes through
 * `enqueueMail` (posted when not the owner) and the audit entries are posted as work that the owner's
 * runQueue appends (`applyScheduleAuditWork`).
 */
import { normalizeEmail } from '../domain/contacts';
import { mailKey, type OutgoingMessage } from '../domain/mail-queue';
import { type MailContext, mailContextOf } from '../domain/mail-templates';
import type { ApprovedFields } from '../domain/schedule';
import { type ApprovalLostData, renderApprovalLost, renderAwaitingApproval } from '../domain/schedule-mail';
import { type AuditEntry, appendAudit } from '../gas/audit-log';
import type { Helpdesk } from '../gas/helpdesk';
import { effectiveUserEmail } from '../gas/identity';
import { enqueueMail } from '../gas/mailer';
import { postWork, type WorkItem } from '../gas/pending-work';
import { readOwner } from '../gas/properties';
import { directorAddresses } from '../gas/schedule-repo';
import { instantOfCell, readRecords, text } from '../gas/table';

/** The work-inbox kind of audit entries a person's schedule action leaves for the owner's run. */
export const SCHEDULE_AUDIT_WORK = 'schedule-audit';
/**
 * The mail kind of the director's schedule notices: an internal alert (it may fold into a digest when the
 * day's quota is short). TODO(lead): a dedicated `schedule: 'internal'` kind in MAIL_KINDS would name it.
 */
const SCHEDULE_MAIL_KIND = 'report';

function isOwnerRun(): boolean {
  const owner = normalizeEmail(readOwner());
  return owner !== '' && normalizeEmail(effectiveUserEmail()) === owner;
}

function mailContext(hd: Helpdesk): MailContext {
  const locale = hd.locale;
  return mailContextOf(hd.settings(), { locale, timeZone: hd.zone, spreadsheetUrl: hd.ss.getUrl() });
}

function sender(hd: Helpdesk): { senderName: string } {
  return { senderName: hd.setting('school.name') || hd.msgs.appName };
}

/** A mail-key part: no spaces, bars or quotes. */
function keyPart(value: string): string {
  return value.replace(/[\s|"]+/g, '-') || '-';
}

/**
 * Tells the director that events await approval. `scope` and `event` make the key (`scope|report|event`),
 * so the same batch is never announced twice. Returns whether a director's address was known.
 */
export function notifyAwaitingApproval(
  hd: Helpdesk,
  scope: string,
  event: string,
  period: string,
  events: readonly ApprovedFields[],
): boolean {
  const to = directorAddresses(hd);
  if (to.length === 0 || events.length === 0) return to.length > 0;
  const key = mailKey(keyPart(scope), SCHEDULE_MAIL_KIND, keyPart(`await-${event}`));
  const body = renderAwaitingApproval(mailContext(hd), { key, period, events });
  const message: OutgoingMessage = {
    key,
    requestId: keyPart(scope),
    kind: SCHEDULE_MAIL_KIND,
    to: to.join(', '),
    ...body,
    ...sender(hd),
  };
  enqueueMail(message);
  return true;
}

/** Tells the director that an approved event was changed and lost its approval (once per approval). */
export function notifyApprovalLost(
  hd: Helpdesk,
  eventKey: string,
  approvedAt: number,
  data: Omit<ApprovalLostData, 'key'>,
): boolean {
  const to = directorAddresses(hd);
  if (to.length === 0) return false;
  const key = mailKey(keyPart(eventKey), SCHEDULE_MAIL_KIND, `lost-${approvedAt}`);
  const body = renderApprovalLost(mailContext(hd), { ...data, key });
  enqueueMail({
    key,
    requestId: keyPart(eventKey),
    kind: SCHEDULE_MAIL_KIND,
    to: to.join(', '),
    ...body,
    ...sender(hd),
  });
  return true;
}

// ---- audit ----------------------------------------------------------------------------------------------------

interface PostedEntry extends Omit<AuditEntry, 'at'> {
  /** Epoch ms (a work item is JSON). */
  at: number;
}

/** Appends now in the owner's run; posts for the owner's runQueue otherwise. */
export function recordScheduleAudit(hd: Helpdesk, entries: readonly AuditEntry[]): void {
  if (entries.length === 0) return;
  if (isOwnerRun()) {
    appendAudit(hd.table('audit', true), entries, hd.labels());
    return;
  }
  const posted: PostedEntry[] = entries.map((e) => ({ ...e, at: e.at.getTime() }));
  postWork(SCHEDULE_AUDIT_WORK, posted);
}

function entriesOf(payload: unknown): AuditEntry[] | undefined {
  if (!Array.isArray(payload)) return undefined;
  const out: AuditEntry[] = [];
  for (const p of payload as Array<Partial<PostedEntry>>) {
    if (!p || typeof p.at !== 'number' || typeof p.action !== 'string' || typeof p.actor !== 'string') return undefined;
    out.push({
      at: new Date(p.at),
      requestId: String(p.requestId ?? ''),
      action: p.action,
      columnKey: p.columnKey === undefined ? undefined : String(p.columnKey),
      actor: p.actor,
      before: p.before === undefined ? undefined : String(p.before),
      after: p.after === undefined ? undefined : String(p.after),
      note: p.note === undefined ? undefined : String(p.note),
    });
  }
  return out;
}

/** Seconds, not milliseconds: a date-time cell need not keep the milliseconds it was given. */
const signature = (at: number, requestId: string, action: string, actor: string) =>
  `${Math.round(at / 1000)}|${requestId}|${action}|${actor}`;

/** How far up from the bottom of «Журнал» a replayed item's entries are looked for. */
const RECENT_AUDIT_ROWS = 500;

/**
 * The owner's part, for runQueue: `drainWork((items) => applyScheduleAuditWork(hd, items), SCHEDULE_AUDIT_WORK)`.
 * Appends every posted entry in one write and returns the items done. An item handed over again (a run that
 * died after the write) finds its entries among the journal's last rows and adds nothing twice.
 */
export function applyScheduleAuditWork(hd: Helpdesk, items: readonly WorkItem[]): string[] {
  const parsed = items.map((item) => ({ item, entries: entriesOf(item.payload) }));
  const readable = parsed.filter((p): p is { item: WorkItem; entries: AuditEntry[] } => p.entries !== undefined);
  if (readable.length === 0) return [];
  const table = hd.table('audit', true);
  const present = new Set(
    readRecords(table, ['at', 'requestId', 'action', 'actor'], RECENT_AUDIT_ROWS).map(({ values }) =>
      signature(instantOfCell(values.at) ?? 0, text(values.requestId), text(values.action), text(values.actor)),
    ),
  );
  const fresh = readable
    .flatMap((p) => p.entries)
    .filter((e) => !present.has(signature(e.at.getTime(), e.requestId, e.action, e.actor)));
  appendAudit(table, fresh, hd.labels());
  SpreadsheetApp.flush();
  return readable.map((p) => p.item.key);
}
