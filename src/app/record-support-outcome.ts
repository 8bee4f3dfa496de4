/**
 * The regional support service's outcome on an escalated request (regulation cl. 9.4.3; SPEC R8, R9), recorded
 * by the consultant from the sidebar (`recordSupportOutcome`, google.script.run) once they have read the
 * support's answer (pollHelpdeskMail has put its text in «Ответ» as a draft and told them):
 * - answered: the request is back «В работе» (the support clock stops, its wait is added in support hours by
 *   the workflow core); the answer text, when given here, becomes the draft in «Ответ» unless the cell holds
 *   text; the consultant then answers the requester with «Дан ответ»;
 * - rejected with a cl. 9.4.3 reason: back «В работе» too, the reason added as a line to «Заметки» (the
 *   «Причина отклонения» column is the school's own rejection of the request, which the reports count), so
 *   the consultant completes the packet and escalates again (the new packet names the earlier ticket).
 * A ticket number given here goes into «Заявка в Службе поддержки».
 */
import { isRejectReason } from '../domain/workflow';
import { CHOICE_LISTS } from '../domain/schema';
import { HELPDESK_ROLES } from '../domain/roles';
import type { RejectReason } from '../domain/request';
import { isSupportOutcome, type SupportOutcome, supportRejectedNote } from '../domain/support-packet';
import { CELL_LIMIT } from '../domain/text-safety';
import { placeAnswerDraft } from '../gas/answer-draft';
import type { AuditEntry } from '../gas/audit-log';
import { requireRole } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { statusOfLabel, withScriptLock } from '../gas/personal-data';
import { recordAudit } from '../gas/posted-audit';
import { replaceCellIfUnchanged } from '../gas/record-lookup';
import { type ChangeVia, changeStatus, findRequest } from '../gas/request-actions';
import { type CellValue, text } from '../gas/table';
import { escalationTexts } from '../locale/escalation';
import { format } from '../locale/index';
import { type Actor, workflowTexts } from '../locale/workflow';

const LOCK_WAIT_MS = 15_000;
const TICKET_MAX = 100;

export interface SupportOutcomeInput {
  requestId: string;
  outcome: SupportOutcome;
  /** For 'rejected': a cl. 9.4.3 reason, as its key or its label. */
  reason?: string;
  /** For 'answered': the support's answer, when the consultant has it (e.g. given by phone). */
  answer?: string;
  ticket?: string;
}

export type SupportOutcomeResult =
  | { ok: true; requestId: string; mailKeys: string[]; message: string }
  | { ok: false; message: string };

export interface SupportOutcomeAs extends SupportOutcomeInput {
  actor: { email: string; role: Actor | undefined };
  via: ChangeVia;
  now?: Date;
}

function optionalText(v: unknown): string | undefined | null {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return String(v);
  return null; // not text: bad input
}

/** The sidebar's «Служба поддержки ответила» / «Служба поддержки отклонила». */
export function recordSupportOutcome(input: unknown): SupportOutcomeResult {
  const caller = requireRole(HELPDESK_ROLES);
  const hd = new Helpdesk();
  const t = escalationTexts(hd.locale).result;
  const raw = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
  if (typeof raw.requestId !== 'string' || raw.requestId.trim() === '') return { ok: false, message: t.badInput };
  if (!isSupportOutcome(raw.outcome)) return { ok: false, message: t.outcomeBad };
  const reason = optionalText(raw.reason);
  const answer = optionalText(raw.answer);
  const ticket = optionalText(raw.ticket);
  if (reason === null || answer === null || ticket === null) return { ok: false, message: t.badInput };
  if ((answer ?? '').length > CELL_LIMIT) {
    return { ok: false, message: format(t.tooLong, { field: hd.msgs.columns.requests.answer, max: CELL_LIMIT }) };
  }
  if ((ticket ?? '').length > TICKET_MAX) {
    return {
      ok: false,
      message: format(t.tooLong, { field: hd.msgs.columns.requests.supportTicket, max: TICKET_MAX }),
    };
  }
  return recordSupportOutcomeAs(hd, {
    requestId: raw.requestId,
    outcome: raw.outcome,
    reason,
    answer,
    ticket,
    actor: { email: caller.email, role: caller.role },
    via: 'sidebar',
  });
}

function reasonKey(hd: Helpdesk, value: string): RejectReason | undefined {
  const v = value.trim();
  if (isRejectReason(v)) return v;
  return CHOICE_LISTS.rejectReason.find((k) => hd.msgs.choices.rejectReason[k].toLowerCase() === v.toLowerCase());
}

export function recordSupportOutcomeAs(hd: Helpdesk, o: SupportOutcomeAs): SupportOutcomeResult {
  const locale = hd.locale;
  const texts = escalationTexts(locale);
  const t = texts.result;
  const w = workflowTexts[locale];
  const requestId = o.requestId.trim();
  const found = findRequest(hd, requestId);
  if (!found) return { ok: false, message: format(w.notFound, { id: requestId }) };
  const status = statusOfLabel(found.cells.status);
  if (status !== 'escalated') {
    const label = status ? hd.msgs.choices.status[status] : text(found.cells.status);
    return { ok: false, message: format(t.notEscalated, { id: requestId, status: label }) };
  }
  const reason = o.outcome === 'rejected' ? reasonKey(hd, o.reason ?? '') : undefined;
  if (o.outcome === 'rejected' && !reason) return { ok: false, message: t.reasonRequired };

  const now = o.now ?? new Date();
  const change = changeStatus(hd, { requestId, to: 'inProgress', actor: o.actor, via: o.via, now });
  if (!change.ok) return { ok: false, message: change.message };

  const ticket = (o.ticket ?? '').trim();
  const recorded = text(found.cells.supportTicket).trim();
  const actor = o.actor.email || w.actors[o.actor.role ?? 'requester'];
  const note = w.via[o.via];
  const messages: string[] = [];
  const locked = withScriptLock(LOCK_WAIT_MS, () => {
    const table = hd.table('requests', true);
    const extra: string[] = [];
    if (ticket && ticket !== recorded) replaceCellIfUnchanged(table, found.row, 'supportTicket', recorded, ticket);
    if (o.outcome === 'answered' && (o.answer ?? '').trim()) {
      const who = ticket || recorded || hd.setting('support.email');
      const placed = placeAnswerDraft(
        hd,
        found.row,
        o.answer ?? '',
        { kind: 'support', who, at: now, timeZone: hd.zone },
        true,
      );
      if (placed === 'cell') extra.push(t.answerInCell);
      if (placed === 'note') extra.push(t.answerInNote);
    }
    if (o.outcome === 'rejected' && reason) {
      const col = table.columns.get('notes');
      const before = col === undefined ? '' : text(table.sheet.getRange(found.row, col).getValue() as CellValue);
      const line = supportRejectedNote(locale, {
        at: now,
        timeZone: hd.zone,
        ticket: ticket || recorded,
        reason: hd.msgs.choices.rejectReason[reason],
      });
      replaceCellIfUnchanged(table, found.row, 'notes', before, before.trim() ? `${before}\n${line}` : line);
    }
    return extra;
  });
  if (locked.done) messages.push(...locked.value);
  else messages.push(w.busy);

  const audit: AuditEntry[] = [
    o.outcome === 'answered'
      ? { at: now, requestId, action: texts.audit.supportAnswered, actor, note }
      : {
          at: now,
          requestId,
          action: texts.audit.supportRejected,
          columnKey: 'notes',
          actor,
          after: reason,
          note,
        },
  ];
  if (ticket && ticket !== recorded) {
    audit.push({
      at: now,
      requestId,
      action: texts.audit.ticket,
      columnKey: 'supportTicket',
      actor,
      before: recorded,
      after: ticket,
      note,
    });
  }
  recordAudit(hd, audit);
  const head =
    o.outcome === 'answered'
      ? format(t.answered, { id: requestId })
      : format(t.rejected, { id: requestId, reason: hd.msgs.choices.rejectReason[reason as RejectReason] });
  if (ticket) messages.push(format(t.ticketRecorded, { ticket }));
  return { ok: true, requestId, mailKeys: change.mailKeys, message: [head, ...messages].join('\n') };
}
