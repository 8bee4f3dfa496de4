/** The helpdesk's own records in the document properties: who owns it, where its sheets are, heartbeats. */
const OWNER = 'helpdesk.owner';
const SHEETS = 'helpdesk.sheets';
const HEARTBEAT_PREFIX = 'helpdesk.heartbeat.';
const TRIGGERS = 'helpdesk.triggers';

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readOwner(): string {
  return props().getProperty(OWNER) ?? '';
}

export function recordOwner(email: string): void {
  props().setProperty(OWNER, email);
}

/** Sheet IDs by sheet key, so a sheet renamed by people is still found. */
export function readSheetIds(): Record<string, number> {
  const raw = props().getProperty(SHEETS);
  if (!raw) return {};
  try {
    return JSON.parse(raw) as Record<string, number>;
  } catch {
    return {};
  }
}

export function recordSheetIds(ids: Record<string, number>): void {
  props().setProperty(SHEETS, JSON.stringify(ids));
}

export function recordHeartbeat(job: string, at: Date): void {
  props().setProperty(HEARTBEAT_PREFIX + job, at.toISOString());
}

export function readHeartbeat(job: string): Date | undefined {
  const raw = props().getProperty(HEARTBEAT_PREFIX + job);
  return raw ? new Date(raw) : undefined;
}

/** The handlers the owner's triggers run, recorded by setup: other people cannot list the owner's triggers. */
export function recordTriggerHandlers(handlers: readonly string[]): void {
  props().setProperty(TRIGGERS, JSON.stringify(handlers));
}

export function readTriggerHandlers(): string[] {
  const raw = props().getProperty(TRIGGERS);
  return raw ? (JSON.parse(raw) as string[]) : [];
}

const LOCALE = 'helpdesk.locale';

/** The interface language chosen in the settings, recorded by setup so every run need not read the sheet. */
export function readLocale(): string {
  return props().getProperty(LOCALE) ?? 'ru';
}

export function recordLocale(locale: string): void {
  props().setProperty(LOCALE, locale);
}
