/**
 * The check every entry point makes first. `google.script.run` on any page the script serves can call any
 * global with any arguments, so: trigger handlers accept only an event of one of the project's own
 * triggers; people's actions need a known role; a blank identity is denied (APPS_SCRIPT_FACTS: identity).
 */
import { decideAccess, type Role } from '../domain/roles';
import { format, messages } from '../locale/index';
import { activeUserEmail } from './identity';
import { readLocale, readOwner } from './properties';
import { readStaff } from './staff-repo';
import { findSheet } from './workbook';

export class AccessDenied extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccessDenied';
  }
}

/** A trigger event is genuine only if its triggerUid is one of this project's triggers of the running account. */
export function requireTriggerEvent(e: unknown): void {
  const uid = e !== null && typeof e === 'object' ? (e as { triggerUid?: unknown }).triggerUid : undefined;
  const known =
    typeof uid === 'string' && uid !== '' && ScriptApp.getProjectTriggers().some((t) => t.getUniqueId() === uid);
  if (!known) throw new AccessDenied(messages(readLocale()).access.forgedTrigger);
}

export interface Caller {
  email: string;
  role: Role;
}

export function requireRole(allowed: readonly Role[]): Caller {
  const email = activeUserEmail();
  const msgs = messages(readLocale());
  if (!email) throw new AccessDenied(msgs.access.blankIdentity);
  const owner = readOwner();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const staffSheet = owner && email.toLowerCase() !== owner.toLowerCase() ? findSheet(ss, 'staff') : undefined;
  const staff = staffSheet ? readStaff(staffSheet) : [];
  const decision = decideAccess(email, owner, staff, allowed);
  if (!decision.allowed) {
    if (decision.reason === 'blank-identity') throw new AccessDenied(msgs.access.blankIdentity);
    const roles = allowed.filter((r) => r !== 'owner').map((r) => msgs.choices.role[r as Exclude<Role, 'owner'>]);
    throw new AccessDenied(format(msgs.access.noRole, { roles: roles.join(', ') }));
  }
  return { email, role: decision.role };
}
