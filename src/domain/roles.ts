/** Who may do what. A blank identity is never a role: Apps Script hides it where it cannot vouch for it. */
export const ROLES = ['consultant', 'deputy', 'director', 'teacher', 'staff'] as const;
export type StaffRole = (typeof ROLES)[number];
/** The owning school account is a role of its own: it runs the triggers and sends the mail. */
export type Role = StaffRole | 'owner';

/** The circle that works the log in the spreadsheet (cl. 7: consultant, deputy director, director). */
export const HELPDESK_ROLES: readonly Role[] = ['owner', 'consultant', 'deputy', 'director'];

export interface StaffMember {
  email: string;
  name: string;
  role: StaffRole | '';
  active: boolean;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The role of `email`, or undefined for a blank identity or a person the school has not listed. */
export function roleOf(email: string, owner: string, staff: readonly StaffMember[]): Role | undefined {
  const who = normalizeEmail(email);
  if (!who) return undefined;
  if (owner && who === normalizeEmail(owner)) return 'owner';
  const member = staff.find((m) => m.active && normalizeEmail(m.email) === who);
  return member?.role || undefined;
}

export type AccessDecision = { allowed: true; role: Role } | { allowed: false; reason: 'blank-identity' | 'no-role' };

export function decideAccess(
  email: string,
  owner: string,
  staff: readonly StaffMember[],
  allowed: readonly Role[],
): AccessDecision {
  if (!normalizeEmail(email)) return { allowed: false, reason: 'blank-identity' };
  const role = roleOf(email, owner, staff);
  if (!role || !allowed.includes(role)) return { allowed: false, reason: 'no-role' };
  return { allowed: true, role };
}

export type SetupDecision =
  | { allowed: true; firstRun: boolean }
  | { allowed: false; reason: 'blank-identity' | 'not-owner' | 'not-spreadsheet-owner'; owner: string };

/**
 * `setup` belongs to one account: the first run must be made by the spreadsheet's owner (the school's
 * dedicated account), which becomes the helpdesk owner; later runs by anyone else change nothing.
 */
export function decideSetup(caller: string, recordedOwner: string, spreadsheetOwner: string): SetupDecision {
  const who = normalizeEmail(caller);
  if (!who) return { allowed: false, reason: 'blank-identity', owner: recordedOwner || spreadsheetOwner };
  if (recordedOwner) {
    return who === normalizeEmail(recordedOwner)
      ? { allowed: true, firstRun: false }
      : { allowed: false, reason: 'not-owner', owner: recordedOwner };
  }
  if (spreadsheetOwner && who !== normalizeEmail(spreadsheetOwner)) {
    return { allowed: false, reason: 'not-spreadsheet-owner', owner: spreadsheetOwner };
  }
  return { allowed: true, firstRun: true };
}
