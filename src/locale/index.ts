import { en } from './en';
import { type Messages, ru } from './ru';

export type { Messages };
export type LocaleCode = 'ru' | 'en';

export function messages(locale: string): Messages {
  return locale === 'en' ? en : ru;
}

/** Fills {placeholders}; an unknown placeholder stays visible rather than vanishing. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] !== undefined ? String(values[name]) : whole,
  );
}
