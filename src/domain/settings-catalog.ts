/**
 * Every setting the helpdesk reads from «Настройки», with its default. Defaults come from the school's
 * regulation (seed: cl. 5.1, 6.1, 8, 9, 3.1) where it gives them; what it does not give is left blank
 * for the school, and the sheet says so.
 */
export type SettingType = 'text' | 'email' | 'time' | 'number' | 'list' | 'basis' | 'yesno' | 'date';

export interface SettingDef {
  readonly key: string;
  readonly type: SettingType;
  /** Default in the Russian locale; `null` means the school must fill it in (the description says why). */
  readonly defaultValue: string | null;
}

export const SETTINGS: readonly SettingDef[] = [
  { key: 'school.name', type: 'text', defaultValue: 'МБОУ «Северокоммунарская СОШ»' },
  { key: 'school.phone', type: 'text', defaultValue: '2-34-81' },
  { key: 'school.email', type: 'email', defaultValue: 'fsk1-siva@mail.ru' },
  { key: 'school.timeZone', type: 'text', defaultValue: 'Asia/Yekaterinburg' },
  { key: 'school.locale', type: 'text', defaultValue: 'ru' },
  { key: 'regulation.order', type: 'text', defaultValue: 'Приложение 5 к приказу № 98-од от 18.06.2018' },
  { key: 'consultant.name', type: 'text', defaultValue: null },
  { key: 'consultant.email', type: 'email', defaultValue: null },
  { key: 'consultant.appointmentOrder', type: 'text', defaultValue: null },
  { key: 'consultant.absentFrom', type: 'date', defaultValue: '' },
  { key: 'consultant.absentTo', type: 'date', defaultValue: '' },
  { key: 'director.name', type: 'text', defaultValue: null },
  { key: 'director.email', type: 'email', defaultValue: null },
  { key: 'office.start', type: 'time', defaultValue: '15:00' },
  { key: 'office.end', type: 'time', defaultValue: '16:00' },
  { key: 'office.place', type: 'text', defaultValue: '' },
  { key: 'work.start', type: 'time', defaultValue: '08:00' },
  { key: 'work.end', type: 'time', defaultValue: '16:00' },
  { key: 'support.phone', type: 'text', defaultValue: '8 800 300 4444' },
  { key: 'support.vk', type: 'text', defaultValue: null },
  { key: 'support.email', type: 'email', defaultValue: null },
  { key: 'support.start', type: 'time', defaultValue: '09:00' },
  { key: 'support.end', type: 'time', defaultValue: '18:00' },
  { key: 'sla.firstResponse.staff', type: 'number', defaultValue: '1' },
  { key: 'sla.firstResponse.parent', type: 'number', defaultValue: '1' },
  { key: 'sla.firstResponse.student', type: 'number', defaultValue: '1' },
  { key: 'sla.basis.staff', type: 'basis', defaultValue: 'рабочее' },
  { key: 'sla.basis.parent', type: 'basis', defaultValue: 'рабочее' },
  { key: 'sla.resolution.days', type: 'number', defaultValue: '3' },
  { key: 'sla.training.days', type: 'number', defaultValue: '3' },
  { key: 'sla.supportAnswer.hours', type: 'number', defaultValue: '9' },
  { key: 'sla.reminder.hours', type: 'number', defaultValue: '2' },
  { key: 'sla.director.hours', type: 'number', defaultValue: '8' },
  { key: 'sla.autoClose.days', type: 'number', defaultValue: '5' },
  { key: 'topics', type: 'list', defaultValue: null },
  { key: 'form.askClassName', type: 'yesno', defaultValue: 'да' },
  { key: 'form.descriptionMinLength', type: 'number', defaultValue: '30' },
  { key: 'form.consentText', type: 'text', defaultValue: null },
  { key: 'intake.ackPerAddressPerDay', type: 'number', defaultValue: '3' },
  { key: 'mail.label', type: 'text', defaultValue: 'Помощь ЭЖ' },
  { key: 'retention.months', type: 'number', defaultValue: '36' },
  { key: 'workflow.undoMinutes', type: 'number', defaultValue: '10' },
  {
    key: 'period.quarters',
    type: 'text',
    defaultValue: '01.09.2026–26.10.2026; 05.11.2026–28.12.2026; 12.01.2027–21.03.2027; 01.04.2027–31.05.2027',
  },
  { key: 'period.schoolYear', type: 'text', defaultValue: '01.09.2026–31.05.2027' },
  { key: 'dashboard.greenPct', type: 'number', defaultValue: '95' },
  { key: 'dashboard.amberPct', type: 'number', defaultValue: '80' },
  { key: 'training.duration', type: 'number', defaultValue: '60' },
  { key: 'web.embedSnippet', type: 'text', defaultValue: '' },
];

export function settingDef(key: string): SettingDef | undefined {
  return SETTINGS.find((s) => s.key === key);
}

export interface SettingProblem {
  key: string;
  kind: 'missing' | 'invalid';
}

const TIME = /^([01]?\d|2[0-3]):[0-5]\d$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks one value against its type; blank is "missing" only for settings the school must fill in. */
export function checkSetting(def: SettingDef, value: string): SettingProblem | undefined {
  const v = value.trim();
  if (!v) return def.defaultValue === null ? { key: def.key, kind: 'missing' } : undefined;
  const ok =
    def.type === 'time'
      ? TIME.test(v)
      : def.type === 'email'
        ? EMAIL.test(v)
        : def.type === 'date'
          ? parseDayMonthYear(v) !== undefined
          : def.type === 'yesno'
            ? /^(да|нет|yes|no)$/i.test(v)
            : def.type === 'number'
              ? Number.isFinite(Number(v.replace(',', '.'))) && Number(v.replace(',', '.')) >= 0
              : true;
  return ok ? undefined : { key: def.key, kind: 'invalid' };
}

/** "15:00" → minutes after midnight. */
export function parseTimeOfDay(value: string): number | undefined {
  const v = value.trim();
  if (!TIME.test(v)) return undefined;
  const [h, m] = v.split(':').map(Number);
  return h * 60 + m;
}

/** "05.10.2026" → "2026-10-05" (the school writes dates the Russian way). */
export function parseDayMonthYear(value: string): string | undefined {
  const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value.trim());
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return undefined;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
