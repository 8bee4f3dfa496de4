/**
 * `onSheetEdit`, the installable edit trigger created by setup as the owning account (so it may write the
 * owner-only sheets and enqueue mail): hands a person's edit to the use case of the sheet edited.
 * - «Обращения»: src/app/request-edit.ts (statuses, waiting answers, the journal of hand edits);
 * - «График»: src/app/schedule-edit.ts (approval voided by a change);
 * - any other sheet: nothing.
 * The event (guides/triggers/events): `range`, `value`/`oldValue` only for a single cell, `user` — whose
 * e-mail is blank where Apps Script hides it (another consumer account than the trigger's owner, outside one
 * Workspace domain; APPS_SCRIPT_FACTS.md): a blank editor has no role, so a status change is refused with a
 * note saying so, and the journal names the editor as unknown.
 */
import { roleOf } from '../domain/roles';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { readOwner, readSheetIds } from '../gas/properties';
import { type Editor, handleRequestEdit } from './request-edit';
import { refreshDashboardOnEdit } from './refresh-dashboard';
import { handleScheduleEdit, refreshApprovalEditors } from './schedule-edit';

/** The fields of the edit event this handler reads. */
export interface SheetEditEvent {
  triggerUid?: string;
  range?: GoogleAppsScript.Spreadsheet.Range;
  source?: GoogleAppsScript.Spreadsheet.Spreadsheet;
  value?: unknown;
  oldValue?: unknown;
  user?: { getEmail?: () => string } | string;
}

export function handleSheetEdit(e: unknown): void {
  requireTriggerEvent(e);
  const event = e as SheetEditEvent;
  const range = event.range;
  if (!range || typeof range.getSheet !== 'function') return;
  const sheetId = range.getSheet().getSheetId();
  const ids = readSheetIds();
  const hd = new Helpdesk(event.source ?? SpreadsheetApp.getActiveSpreadsheet());
  const isRequests =
    ids.requests !== undefined ? sheetId === ids.requests : range.getSheet().getName() === hd.msgs.sheets.requests;
  if (isRequests) {
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    handleRequestEdit(hd, {
      row: range.getRow(),
      column: range.getColumn(),
      numRows: range.getNumRows(),
      numColumns: range.getNumColumns(),
      value: single ? optionalText(event.value) : undefined,
      oldValue: single ? optionalText(event.oldValue) : undefined,
      editor: editorOf(hd, event),
      at: new Date(),
    });
  } else if (sheetId === ids.schedule) handleScheduleEdit(e as GoogleAppsScript.Events.SheetsOnEdit, hd);
  else if (sheetId === ids.dashboard) refreshDashboardOnEdit(event);
  // A new director may approve at once, without waiting for setup.
  if (sheetId === ids.settings || sheetId === ids.staff) refreshApprovalEditors(hd);
}

function optionalText(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : String(value);
}

/** The editor as the event tells (e.user), falling back to the session; the role is looked up only when needed. */
function editorOf(hd: Helpdesk, event: SheetEditEvent): Editor {
  let email = '';
  const user = event.user;
  if (typeof user === 'string') email = user;
  else if (user && typeof user.getEmail === 'function') email = String(user.getEmail() ?? '');
  if (!email) email = Session.getActiveUser().getEmail() ?? '';
  email = email.trim();
  let role: ReturnType<Editor['role']> | null = null;
  return {
    email,
    role: () => {
      if (role === null) role = email ? roleOf(email, readOwner(), hd.staff()) : undefined;
      return role;
    },
  };
}
