/** «Сотрудники»: who has which role. Roles are stored as their labels; both languages are understood. */
import { ROLES, type StaffMember, type StaffRole } from '../domain/roles';
import { en } from '../locale/en';
import { ru } from '../locale/ru';
import { openTable, readRecords, text } from './table';

function roleFromLabel(label: string): StaffRole | '' {
  const v = label.trim().toLowerCase();
  for (const role of ROLES) {
    if (v === role || v === ru.choices.role[role].toLowerCase() || v === en.choices.role[role].toLowerCase())
      return role;
  }
  return '';
}

export function readStaff(sheet: GoogleAppsScript.Spreadsheet.Sheet): StaffMember[] {
  return readRecords(openTable(sheet), ['email', 'name', 'role', 'active']).map(({ values }) => ({
    email: text(values.email).trim(),
    name: text(values.name).trim(),
    role: roleFromLabel(text(values.role)),
    // An unticked box means the person has left; a blank cell (never set) counts as active.
    active: values.active !== false,
  }));
}
