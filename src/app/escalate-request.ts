/**
 * Escalation to the regional support service (regulation cl. 8, 9, 9.4; SPEC R8): from the sidebar
 * (`escalateRequest`, google.script.run) or from a hand edit of the status to «Передано в Службу поддержки»
 * (`escalateRequestAs` with `via: 'sheet'` and `from`, called by the sheet's edit handler instead of
 * changeStatus). The status change itself — the pause in support hours, «Служебное»'s escalations and
 * lastEscalatedAt, the requester's notice with the support phone, VK group and hours — is the workflow core's
 * `changeStatus`; this use case adds the cl. 9.4 packet to the support's e-mail, the ticket number when it is
 * known, and the journal rows.
 *
 * Decision — no support e-mail in «Настройки»: nothing is sent and the status does not change (a paused clock
 * over a packet nobody received would hide the request), and the consultant is told what to fill in or whom
 * to call. A consultant who passed the request on by phone or in the VK group (cl. 8) gives the ticket number
 * they were told: then the status changes without a packet. A refused hand edit is undone, with the reason as
 * the cell's note.
 */
import { isPlausibleEmail } from '../domain/contacts';
import { checkMessage, mailKey, type OutgoingMessage } from '../domain/mail-queue';
import { mailContextOf } from '../domain/mail-templates';
import type { Status } from '../domain/request';
import { HELPDESK_ROLES } from '../domain/roles';
import {
  type EscalationRequest,
  type PacketInputProblem,
  readEscalationRequest,
  renderSupportPacket,
} from '../domain/support-packet';
import type { AuditEntry } from '../gas/audit-log';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { enqueueMail } from '../gas/mailer';
import { recordAudit } from '../gas/posted-audit';
import { replaceCellIfUnchanged } from '../gas/record-lookup';
import { type ChangeVia, changeStatus, findRequest } from '../gas/request-actions';
import { choiceOf, instantOfCell } from '../gas/sla-repo';
import { type CellValue, type RecordOf, text } from '../gas/table';
import { escalationTexts } from '../locale/escalation';
import { format, type LocaleCode } from '../locale/index';
import { type Actor, workflowTexts } from '../locale/workflow';

export type EscalationResult =
  | {
      ok: true;
      requestId: string;
      /** The packet's mail key; undefined when none was sent (by phone, or already escalated). */
      packetKey?: string;
      /** The requester's notice and other mail of the status change. */
      mailKeys: string[];
      message: string;
    }
  | { ok: false; message: string };

export interface EscalateAs extends Partial<Omit<EscalationRequest, 'requestId'>> {
  requestId: string;
  actor: { email: string; role: Actor | undefined };
  via: ChangeVia;
  /** A hand edit already in the status cell: the status before it. */
  from?: Status;
  now?: Date;
}

function problemText(locale: LocaleCode, problem: PacketInputProblem): string {
  const t = escalationTexts(locale);
  if (problem.code === 'badInput') return t.result.badInput;
  const field = {
    tried: t.packet.triedHeading,
    documents: t.packet.documentsHeading,
    link: t.packet.linkHeading,
    ticket: t.audit.ticket,
  }[problem.field];
  return format(t.result.tooLong, { field, max: problem.max });
}

/** The sidebar's «Передать в Службу поддержки»: what was tried or studied is required (cl. 9.4.2). */
export function escalateRequest(input: unknown): EscalationResult {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const locale = hd.locale;
  const read = readEscalationRequest(input);
  if (!read.ok) return { ok: false, message: problemText(locale, read.problem) };
  const r = read.value;
  if (r.tried === '' && r.documents === '' && r.ticket === '') {
    return { ok: false, message: escalationTexts(locale).result.nothingTried };
  }
  return escalateRequestAs(hd, { ...r, actor: { email: caller.email, role: caller.role }, via: 'sidebar' });
}

export function escalateRequestAs(hd: Helpdesk, e: EscalateAs): EscalationResult {
  const locale = hd.locale;
  const t = escalationTexts(locale).result;
  const requestId = e.requestId.trim();
  const refuse = (message: string): EscalationResult => {
    if (e.via === 'sheet' && e.from !== undefined) undoEdit(hd, requestId, e.from, message);
    return { ok: false, message };
  };
  const found = findRequest(hd, requestId);
  if (!found) return refuse(format(workflowTexts[locale].notFound, { id: requestId }));
  const ticket = (e.ticket ?? '').trim();
  const supportEmail = hd.setting('support.email');
  const phone = hd.setting('support.phone') || '8 800 300 4444';
  // Someone outside the circle hears why they may not (from the core), not what the settings lack.
  const staff = e.actor.role !== undefined && (HELPDESK_ROLES as readonly string[]).indexOf(e.actor.role) >= 0;
  if (staff && !ticket && supportEmail === '') return refuse(format(t.noSupportEmail, { phone }));
  if (staff && !ticket && !isPlausibleEmail(supportEmail)) {
    return refuse(format(t.invalidSupportEmail, { value: supportEmail }));
  }

  const now = e.now ?? new Date();
  const sendPacket = isPlausibleEmail(supportEmail);
  // Composed and checked before the status changes, so a packet the queue would refuse changes nothing.
  const packet = sendPacket ? packetOf(hd, found.cells, e, supportEmail, now) : undefined;
  const problems = packet ? checkMessage(packet) : [];
  if (problems.length > 0) return refuse(format(t.notQueued, { error: problems.map((p) => p.code).join(', ') }));

  const change = changeStatus(hd, { requestId, to: 'escalated', actor: e.actor, via: e.via, from: e.from, now });
  if (!change.ok) return refuse(change.message);
  if (change.outcome.action === 'none')
    return { ok: true, requestId, mailKeys: [], message: format(t.already, { id: requestId }) };

  const messages = [change.message];
  const audit: AuditEntry[] = [];
  const actor = e.actor.email || workflowTexts[locale].actors[e.actor.role ?? 'requester'];
  const note = workflowTexts[locale].via[e.via];
  const texts = escalationTexts(locale);
  let packetKey: string | undefined;
  if (packet) {
    try {
      enqueueMail(packet);
      packetKey = packet.key;
      audit.push({ at: now, requestId, action: texts.audit.packetSent, actor, note: packet.key });
      messages.unshift(format(t.done, { id: requestId, to: supportEmail }));
    } catch (err) {
      messages.push(format(t.notQueued, { error: String((err as Error)?.message ?? err) }));
    }
  } else {
    audit.push({ at: now, requestId, action: texts.audit.escalatedByPhone, actor, note });
    messages.unshift(format(t.doneByPhone, { id: requestId, ticket }));
  }
  if (ticket && writeTicket(hd, found.row, ticket)) {
    audit.push({
      at: now,
      requestId,
      action: texts.audit.ticket,
      columnKey: 'supportTicket',
      actor,
      before: text(found.cells.supportTicket),
      after: ticket,
      note,
    });
  }
  if (packet && !(e.tried ?? '').trim() && !(e.documents ?? '').trim()) messages.push(t.incomplete);
  recordAudit(hd, audit);
  return { ok: true, requestId, packetKey, mailKeys: change.mailKeys, message: messages.join('\n') };
}

function packetOf(hd: Helpdesk, cells: RecordOf, e: EscalateAs, to: string, now: Date): OutgoingMessage {
  const locale = hd.locale;
  const ctx = mailContextOf(hd.settings(), { locale, timeZone: hd.zone, spreadsheetUrl: hd.ss.getUrl() });
  const requestId = text(cells.id).trim();
  const key = mailKey(requestId, 'support', `packet-${now.getTime()}`);
  const received = instantOfCell(cells.createdAt);
  const body = renderSupportPacket(ctx, {
    key,
    requestId,
    // cl. 9.4: who is having the difficulty — the requester's data goes to the support service by the regulation.
    requester: {
      name: text(cells.name).trim(),
      requesterType: choiceOf('requesterType', cells.requesterType) ?? '',
      className: text(cells.className).trim(),
      email: text(cells.email).trim(),
      phone: text(cells.phone).trim(),
    },
    topic: text(cells.topic).trim(),
    description: text(cells.description),
    receivedAt: received === undefined ? null : received,
    escalatedAt: now,
    tried: e.tried ?? '',
    documents: e.documents ?? '',
    link: e.link ?? '',
    ticket: e.ticket ?? '',
    // Sent again after a rejection, or after a ticket was given by phone: the support's number for it.
    previousTicket: (e.ticket ?? '').trim() || text(cells.supportTicket).trim(),
    consultant: { name: hd.setting('consultant.name'), email: hd.setting('consultant.email') },
  });
  const sender = { senderName: hd.setting('school.name') || hd.msgs.appName };
  return { key, requestId, kind: 'support', to, ...body, ...sender };
}

/** The ticket the consultant was told goes into «Заявка в Службе поддержки» (their own action, so it may replace). */
function writeTicket(hd: Helpdesk, row: number, ticket: string): boolean {
  const table = hd.table('requests', true);
  const col = table.columns.get('supportTicket');
  if (col === undefined) return false;
  const cell = table.sheet.getRange(row, col);
  if (text(cell.getValue() as CellValue).trim() === ticket) return false;
  cell.setValue(ticket);
  return true;
}

/** A refused hand edit of the status: back to what it was (unless someone changed it since), with the reason. */
function undoEdit(hd: Helpdesk, requestId: string, from: Status, reason: string): void {
  const found = findRequest(hd, requestId);
  if (!found) return;
  const table = hd.table('requests', true);
  const col = table.columns.get('status');
  if (col === undefined) return;
  const escalated = hd.msgs.choices.status.escalated;
  if (!replaceCellIfUnchanged(table, found.row, 'status', escalated, hd.msgs.choices.status[from])) return;
  table.sheet.getRange(found.row, col).setNote(format(escalationTexts(hd.locale).result.reverted, { reason }));
}
