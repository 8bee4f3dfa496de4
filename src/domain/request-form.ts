/**
 * The request form (R5.3/R6.3, R3.2, 152-FZ): which questions it asks, how each is validated by Google
 * Forms itself, and how a response's answers become an incoming request. Google Forms validates each item
 * on its own, so "an e-mail or a phone" is one required contact question with a pattern (APPS_SCRIPT_FACTS).
 */
import type { IncomingRequest, PreferredChannel, RequesterType, RequestSource } from './request';
import { CHOICE_LISTS } from './schema';

export const FORM_FIELDS = [
  'requesterType',
  'name',
  'className',
  'contact',
  'preferredChannel',
  'topic',
  'description',
  'consent',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export type FormItemKind = 'text' | 'paragraph' | 'multipleChoice' | 'list' | 'checkbox';

export interface FormItemSpec {
  field: FormField;
  kind: FormItemKind;
  title: string;
  help: string;
  required: boolean;
  choices?: string[];
  /** A whole-answer pattern (Google Forms' "matches pattern") and its message. */
  pattern?: { regex: string; message: string };
  minLength?: { length: number; message: string };
}

/** An e-mail address, or a phone number of 5–20 digits with the usual separators. */
export const CONTACT_PATTERN = '\\s*([^@\\s]+@[^@\\s]+\\.[^@\\s]+|\\+?[0-9][0-9 ()\\-]{3,22}[0-9])\\s*';

export interface FormTexts {
  requesterType: readonly [string, string];
  name: readonly [string, string];
  className: readonly [string, string];
  contact: readonly [string, string];
  contactInvalid: string;
  preferredChannel: readonly [string, string];
  topic: readonly [string, string];
  description: readonly [string, string];
  descriptionTooShort: string;
  consent: readonly [string, string];
  consentChoice: string;
}

export interface FormOptions {
  texts: FormTexts;
  requesterTypeLabels: Record<RequesterType, string>;
  preferredChannelLabels: Record<PreferredChannel, string>;
  topics: readonly string[];
  askClassName: boolean;
  descriptionMinLength: number;
  consentText: string;
}

export function requestFormItems(o: FormOptions): FormItemSpec[] {
  const t = o.texts;
  const items: FormItemSpec[] = [
    {
      field: 'requesterType',
      kind: 'multipleChoice',
      title: t.requesterType[0],
      help: t.requesterType[1],
      required: true,
      choices: CHOICE_LISTS.requesterType.map((k) => o.requesterTypeLabels[k]),
    },
    { field: 'name', kind: 'text', title: t.name[0], help: t.name[1], required: true },
  ];
  if (o.askClassName) {
    items.push({ field: 'className', kind: 'text', title: t.className[0], help: t.className[1], required: false });
  }
  items.push(
    {
      field: 'contact',
      kind: 'text',
      title: t.contact[0],
      help: t.contact[1],
      required: true,
      pattern: { regex: CONTACT_PATTERN, message: t.contactInvalid },
    },
    {
      field: 'preferredChannel',
      kind: 'multipleChoice',
      title: t.preferredChannel[0],
      help: t.preferredChannel[1],
      required: true,
      choices: CHOICE_LISTS.preferredChannel.map((k) => o.preferredChannelLabels[k]),
    },
    { field: 'topic', kind: 'list', title: t.topic[0], help: t.topic[1], required: true, choices: [...o.topics] },
    {
      field: 'description',
      kind: 'paragraph',
      title: t.description[0],
      help: t.description[1],
      required: true,
      minLength: {
        length: o.descriptionMinLength,
        message: t.descriptionTooShort.replace('{min}', String(o.descriptionMinLength)),
      },
    },
    {
      field: 'consent',
      kind: 'checkbox',
      title: t.consent[0],
      help: o.consentText,
      required: true,
      choices: [t.consentChoice],
    },
  );
  return items;
}

/** Splits the contact answer into an e-mail or a phone, as typed. */
export function splitContact(contact: string): { email: string; phone: string } {
  const value = contact.trim();
  return value.includes('@') ? { email: value, phone: '' } : { email: '', phone: value };
}

function keyOfLabel<K extends string>(labels: Record<K, string>, label: string): K | '' {
  const wanted = label.trim().toLowerCase();
  for (const key of Object.keys(labels) as K[]) if (labels[key].toLowerCase() === wanted) return key;
  return '';
}

/** A form response's answers (by field) as an incoming request; answers are kept exactly as given. */
export function incomingFromForm(
  answers: Partial<Record<FormField, string | string[]>>,
  responseId: string,
  submittedAt: Date,
  o: Pick<FormOptions, 'requesterTypeLabels' | 'preferredChannelLabels'>,
): IncomingRequest {
  const one = (f: FormField): string => {
    const v = answers[f];
    return Array.isArray(v) ? v.join(', ') : (v ?? '');
  };
  const source: RequestSource = { kind: 'form', responseId };
  return {
    source,
    channel: 'form',
    receivedAt: submittedAt,
    requesterType: keyOfLabel(o.requesterTypeLabels, one('requesterType')),
    name: one('name'),
    className: one('className'),
    ...splitContact(one('contact')),
    preferredChannel: keyOfLabel(o.preferredChannelLabels, one('preferredChannel')),
    topic: one('topic'),
    description: one('description'),
    consent: one('consent') !== '',
  };
}
