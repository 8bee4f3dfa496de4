/**
 * Who gets a new request (cl. 7): the technical consultant, or the deputy director while the consultant
 * is absent (dates in the settings, inclusive, in the school's calendar).
 */
export interface Absence {
  from: string; // 'YYYY-MM-DD'
  to: string;
}

export function isAbsentOn(date: string, absence: Absence | undefined): boolean {
  if (!absence?.from) return false;
  return date >= absence.from && date <= (absence.to || absence.from);
}

export function assigneeFor(date: string, consultant: string, deputy: string, absence: Absence | undefined): string {
  if (isAbsentOn(date, absence) && deputy) return deputy;
  return consultant || deputy;
}
