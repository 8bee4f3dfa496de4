/**
 * `setup`: the owner's one action that makes the spreadsheet a helpdesk, and upgrades it later. Idempotent:
 * a second run finds everything in place and changes nothing; run by anyone but the owner it changes nothing
 * and says who owns the helpdesk.
 */
import { refreshEmbedSnippet } from '../gas/web-app';
import { decideSetup } from '../domain/roles';
import { CHOICE_LISTS, SHEETS, type SheetKey } from '../domain/schema';
import { checkSetting, SETTINGS } from '../domain/settings-catalog';
import { TRIGGER_PLAN } from '../domain/trigger-plan';
import { format, type Messages, messages } from '../locale/index';
import { activeUserEmail } from '../gas/identity';
import {
  readLocale,
  readOwner,
  readSheetIds,
  recordLocale,
  recordOwner,
  recordSheetIds,
  recordTriggerHandlers,
} from '../gas/properties';
import { readSettings, ensureSettingRows } from '../gas/settings-repo';
import { choiceLabelsFor, ensureSheet, type SheetSetupContext } from '../gas/sheet-setup';
import { ensureTriggers } from '../gas/triggers';
import { ensureProductionRows } from '../gas/calendar-repo';
import { openTable } from '../gas/table';
import { productionCalendarRows } from '../domain/production-calendar';
import { ensureForms } from './setup-forms';
import { findSheet } from '../gas/workbook';

export interface SetupReport {
  ok: boolean;
  owner: string;
  sheetsCreated: string[];
  columnsAdded: string[];
  settingsAdded: string[];
  triggersCreated: string[];
  formsCreated: string[];
  calendarDaysAdded: number;
  /** Settings the school must still fill in (the regulation does not give them). */
  toFillIn: string[];
  message: string;
}

const LOCK_WAIT_MS = 30_000;

export function runSetup(): SetupReport {
  const caller = activeUserEmail();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const recordedOwner = readOwner();
  const decision = decideSetup(caller, recordedOwner, recordedOwner ? '' : spreadsheetOwner(ss));
  const ru = messages(readLocale());
  if (!decision.allowed) {
    const text =
      decision.reason === 'blank-identity'
        ? ru.access.blankIdentity
        : format(decision.reason === 'not-owner' ? ru.setup.notOwner : ru.setup.notSpreadsheetOwner, {
            owner: decision.owner,
          });
    return { ...emptyReport(decision.owner), ok: false, message: text };
  }

  const lock = LockService.getScriptLock();
  lock.waitLock(LOCK_WAIT_MS);
  try {
    if (decision.firstRun) recordOwner(caller);
    return upgrade(ss, caller);
  } finally {
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}

function upgrade(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, owner: string): SetupReport {
  const ids = readSheetIds();
  // The settings sheet comes first: the language and the topics it holds shape every other sheet.
  const ruMsgs = messages('ru');
  const settingsSheetBefore = findSheet(ss, 'settings', ids, 'ru') ?? findSheet(ss, 'settings', ids, 'en');
  const settingsBefore = settingsSheetBefore ? readSettings(settingsSheetBefore) : new Map<string, string>();
  const locale = settingsBefore.get('school.locale')?.trim() === 'en' ? 'en' : 'ru';
  const msgs = messages(locale);
  const timeZone = settingsBefore.get('school.timeZone')?.trim() || Session.getScriptTimeZone();
  if (ss.getSpreadsheetTimeZone() !== timeZone) ss.setSpreadsheetTimeZone(timeZone);
  const ssLocale = locale === 'en' ? 'en_US' : 'ru_RU';
  if (ss.getSpreadsheetLocale() !== ssLocale) ss.setSpreadsheetLocale(ssLocale);

  const topics = topicLabels(settingsBefore.get('topics'), msgs);
  const ctx: SheetSetupContext = {
    ss,
    msgs,
    owner,
    choiceLabels: choiceLabelsFor(msgs, topics),
  };

  const report = emptyReport(owner);
  const sheets = new Map<SheetKey, GoogleAppsScript.Spreadsheet.Sheet>();
  const newIds: Record<string, number> = { ...ids };
  const order: SheetKey[] = ['settings', ...SHEETS.map((s) => s.key).filter((k) => k !== 'settings')];
  for (const key of order) {
    const def = SHEETS.find((s) => s.key === key)!;
    const existing = findSheet(ss, key, ids, locale) ?? findSheet(ss, key, ids, locale === 'ru' ? 'en' : 'ru');
    const result = ensureSheet(ctx, def, existing);
    newIds[key] = result.sheet.getSheetId();
    sheets.set(key, result.sheet);
    if (result.created) report.sheetsCreated.push(msgs.sheets[key]);
    if (!result.created) for (const c of result.addedColumns) report.columnsAdded.push(`${msgs.sheets[key]}.${c}`);
    if (key === 'settings') {
      report.settingsAdded = ensureSettingRows(result.sheet, msgs, (k) => defaultSetting(k, ruMsgs, msgs));
    }
  }
  if (JSON.stringify(newIds) !== JSON.stringify(ids)) recordSheetIds(newIds);
  dropDefaultSheet(ss);
  report.calendarDaysAdded = ensureProductionRows(
    openTable(sheets.get('calendar')!),
    productionCalendarRows(),
    msgs,
    timeZone,
    ctx,
  );

  recordLocale(locale);
  // The iframe code for the school's site, once the public page is deployed as a web app (README).
  refreshEmbedSnippet(findSheet(ss, 'settings', newIds, locale)!, locale);
  const settingsNow = readSettings(findSheet(ss, 'settings', newIds, locale)!);
  const forms = ensureForms(ss, settingsNow, topicLabels(settingsNow.get('topics'), msgs), msgs);
  report.formsCreated = forms.created;
  report.columnsAdded.push(...forms.itemsAdded);
  report.triggersCreated = ensureTriggers(ss, {
    requests: forms.record.requests?.formId ?? '',
    complaints: forms.record.complaints?.formId ?? '',
  });
  recordTriggerHandlers(TRIGGER_PLAN.map((t) => t.handler));

  report.toFillIn = SETTINGS.filter((d) => checkSetting(d, settingsNow.get(d.key) ?? '')?.kind === 'missing').map(
    (d) => (msgs.settings[d.key] ?? [d.key])[0],
  );
  report.message = summary(report, msgs);
  return report;
}

function topicLabels(fromSettings: string | undefined, msgs: Messages): string[] {
  const listed = (fromSettings ?? '')
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter(Boolean);
  return listed.length > 0 ? listed : CHOICE_LISTS.topic.map((k) => msgs.choices.topic[k]);
}

function defaultSetting(key: string, ruMsgs: Messages, msgs: Messages): string {
  if (key === 'topics') return CHOICE_LISTS.topic.map((k) => msgs.choices.topic[k]).join('\n');
  if (key === 'form.consentText') {
    const d = (k: string) => SETTINGS.find((s) => s.key === k)?.defaultValue ?? '';
    return format(msgs.form.consentTemplate, {
      school: d('school.name'),
      months: d('retention.months'),
      email: d('school.email'),
      phone: d('school.phone'),
    });
  }
  if (key === 'sla.basis.staff' || key === 'sla.basis.parent') return ruMsgs.basis.working;
  return SETTINGS.find((s) => s.key === key)?.defaultValue ?? '';
}

/** A new spreadsheet comes with an empty «Лист1»/«Sheet1»; once the helpdesk's sheets exist it goes, if still blank. */
function dropDefaultSheet(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): void {
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    if ((name === 'Лист1' || name === 'Sheet1') && sheet.getLastRow() === 0 && sheet.getLastColumn() === 0) {
      ss.deleteSheet(sheet);
    }
  }
}

function spreadsheetOwner(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string {
  const owner = ss.getOwner();
  return owner ? owner.getEmail() : '';
}

function emptyReport(owner: string): SetupReport {
  return {
    ok: true,
    owner,
    sheetsCreated: [],
    columnsAdded: [],
    settingsAdded: [],
    triggersCreated: [],
    formsCreated: [],
    calendarDaysAdded: 0,
    toFillIn: [],
    message: '',
  };
}

function summary(r: SetupReport, msgs: Messages): string {
  const lines: string[] = [];
  const changed =
    r.sheetsCreated.length +
    r.columnsAdded.length +
    r.settingsAdded.length +
    r.triggersCreated.length +
    r.formsCreated.length +
    r.calendarDaysAdded;
  lines.push(changed > 0 ? msgs.setup.done : msgs.setup.nothingChanged);
  if (r.sheetsCreated.length) lines.push(format(msgs.setup.sheetsCreated, { list: r.sheetsCreated.join(', ') }));
  if (r.columnsAdded.length) lines.push(format(msgs.setup.columnsAdded, { list: r.columnsAdded.join(', ') }));
  if (r.formsCreated.length) lines.push(format(msgs.setup.formsCreated, { list: r.formsCreated.join(', ') }));
  if (r.calendarDaysAdded) lines.push(format(msgs.setup.calendarAdded, { count: r.calendarDaysAdded }));
  if (r.settingsAdded.length) lines.push(format(msgs.setup.settingsAdded, { count: r.settingsAdded.length }));
  if (r.triggersCreated.length) lines.push(format(msgs.setup.triggersCreated, { list: r.triggersCreated.join(', ') }));
  if (r.toFillIn.length) lines.push(format(msgs.setup.fillIn, { list: r.toFillIn.join('; ') }));
  lines.push(format(msgs.setup.ownerIs, { owner: r.owner }));
  return lines.join('\n');
}
