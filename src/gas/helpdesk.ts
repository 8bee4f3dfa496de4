/**
 * One execution's view of the helpdesk workbook: the language, the settings, the sheets by key and their
 * tables, each opened once and only when used (every open is a service call).
 */
import { CHOICE_LISTS, type SheetKey } from '../domain/schema';
import { type LocaleCode, type Messages, messages } from '../locale/index';
import { productionCalendarRows } from '../domain/production-calendar';
import { SlaPolicy, slaSettingsFromMap } from '../domain/deadlines';
import { readCalendarRows } from './calendar-repo';
import { readLocale, readSheetIds } from './properties';
import { readSettings } from './settings-repo';
import { choiceLabelsFor, type SheetSetupContext } from './sheet-setup';
import { readStaff } from './staff-repo';
import type { StaffMember } from '../domain/roles';
import { openTable, type Table } from './table';
import { findSheet } from './workbook';

export class Helpdesk {
  readonly ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** The school's language (the setting `school.locale`, recorded by setup): 'ru' unless it is 'en'. */
  readonly locale: LocaleCode;
  readonly msgs: Messages;
  private readonly ids: Record<string, number>;
  private readonly tables = new Map<SheetKey, Table>();
  private settingsCache?: Map<string, string>;
  private staffCache?: StaffMember[];
  private policyCache?: SlaPolicy;

  constructor(ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet()) {
    this.ss = ss;
    this.locale = readLocale() === 'en' ? 'en' : 'ru';
    this.msgs = messages(this.locale);
    this.ids = readSheetIds();
  }

  sheet(key: SheetKey): GoogleAppsScript.Spreadsheet.Sheet {
    const sheet = findSheet(this.ss, key, this.ids, this.locale);
    if (!sheet) throw new Error(`${this.msgs.sheets[key]}: ${this.msgs.health.noOwner}`);
    return sheet;
  }

  /** The table of a sheet, opened once per execution; `fresh` re-reads it (after others may have written). */
  table(key: SheetKey, fresh = false): Table {
    let t = fresh ? undefined : this.tables.get(key);
    if (!t) {
      t = openTable(this.sheet(key));
      this.tables.set(key, t);
    }
    return t;
  }

  settings(): Map<string, string> {
    this.settingsCache ??= readSettings(this.sheet('settings'));
    return this.settingsCache;
  }

  setting(key: string): string {
    return (this.settings().get(key) ?? '').trim();
  }

  staff(): StaffMember[] {
    this.staffCache ??= readStaff(this.sheet('staff'));
    return this.staffCache;
  }

  /** The working calendar and deadline targets: the production table, corrected by the school's rows. */
  sla(): SlaPolicy {
    if (!this.policyCache) {
      const { settings } = slaSettingsFromMap(this.settings());
      const school = readCalendarRows(this.table('calendar'), settings.zone);
      this.policyCache = new SlaPolicy(settings, productionCalendarRows(), school);
    }
    return this.policyCache;
  }

  get zone(): string {
    return this.sla().settings.zone;
  }

  topics(): string[] {
    const listed = this.setting('topics')
      .split(/\r?\n/)
      .map((t) => t.trim())
      .filter(Boolean);
    return listed.length > 0 ? listed : CHOICE_LISTS.topic.map((k) => this.msgs.choices.topic[k]);
  }

  labels(): Pick<SheetSetupContext, 'choiceLabels'> {
    return { choiceLabels: choiceLabelsFor(this.msgs, this.topics()) };
  }
}
