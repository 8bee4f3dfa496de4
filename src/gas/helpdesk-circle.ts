/**
 * Who works the log in the spreadsheet (cl. 7: the consultant, the deputy director, the director, and the school
 * account) and who is on duty for notices: anyone else helps by e-mail only (SPEC R7).
 */
import { assigneeFor } from '../domain/assignment';
import { isPlausibleEmail, normalizeEmail } from '../domain/contacts';
import { HELPDESK_ROLES, roleOf } from '../domain/roles';
import { parseDayMonthYear } from '../domain/settings-catalog';
import { dateOf } from '../domain/zoned-time';
import type { Helpdesk } from './helpdesk';
import { readOwner } from './properties';

/**
 * Whether `email` belongs to the circle: the owner, an active consultant, deputy or director in «Сотрудники»,
 * or the consultant's or director's address in «Настройки» (a school that has not listed its staff yet).
 */
export function isInHelpdeskCircle(hd: Helpdesk, email: string): boolean {
  const who = normalizeEmail(email);
  if (!who) return false;
  const configured = [hd.setting('consultant.email'), hd.setting('director.email')].map(normalizeEmail);
  if (configured.indexOf(who) >= 0) return true;
  const role = roleOf(who, readOwner(), hd.staff());
  return role !== undefined && HELPDESK_ROLES.indexOf(role) >= 0;
}

export function deputyEmail(hd: Helpdesk): string {
  return hd.staff().find((m) => m.active && m.role === 'deputy' && isPlausibleEmail(m.email))?.email ?? '';
}

/** The consultant, or the deputy while the consultant is absent (the dates in «Настройки»), as intake assigns. */
export function consultantOnDuty(hd: Helpdesk, now: Date = new Date()): string {
  const from = parseDayMonthYear(hd.setting('consultant.absentFrom'));
  const absence = from ? { from, to: parseDayMonthYear(hd.setting('consultant.absentTo')) ?? from } : undefined;
  return assigneeFor(dateOf(now.getTime(), hd.zone), hd.setting('consultant.email'), deputyEmail(hd), absence);
}
