/**
 * A request the consultant registers from the dialog (cl. 5.1, 6.1: phone, in person, seminar, parent
 * meeting, e-mail, online): checked field by field, so the dialog can say what is missing and keep what
 * was typed. Everything typed is kept as plain text.
 */
import type { Channel, IncomingRequest, PreferredChannel, RequesterType } from './request';
import { CHOICE_LISTS } from './schema';

/** The channels a person registers by hand; form requests register themselves. */
export const MANUAL_CHANNELS: readonly Channel[] = CHOICE_LISTS.channel.filter((c) => c !== 'form');

export interface ManualRequestInput {
  token: string;
  channel: string;
  requesterType: string;
  name: string;
  className: string;
  email: string;
  phone: string;
  preferredChannel: string;
  topic: string;
  description: string;
  consent: boolean;
}

export type ManualProblem = 'missingChannel' | 'badChannel' | 'missingTopic' | 'missingDescription';

const asText = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Whatever google.script.run delivered, as the input's shape (a forged call may send anything). */
export function manualInputOf(raw: unknown): ManualRequestInput {
  const r = (raw !== null && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  return {
    token: asText(r.token),
    channel: asText(r.channel),
    requesterType: asText(r.requesterType),
    name: asText(r.name),
    className: asText(r.className),
    email: asText(r.email),
    phone: asText(r.phone),
    preferredChannel: asText(r.preferredChannel),
    topic: asText(r.topic),
    description: asText(r.description),
    consent: r.consent === true,
  };
}

export function checkManualInput(input: ManualRequestInput, topics: readonly string[]): ManualProblem[] {
  const problems: ManualProblem[] = [];
  if (!input.channel) problems.push('missingChannel');
  else if (!MANUAL_CHANNELS.includes(input.channel as Channel)) problems.push('badChannel');
  if (!input.topic.trim() || !topics.includes(input.topic)) problems.push('missingTopic');
  if (!input.description.trim()) problems.push('missingDescription');
  return problems;
}

export function incomingFromManual(input: ManualRequestInput, registeredBy: string, receivedAt: Date): IncomingRequest {
  const requesterType = (CHOICE_LISTS.requesterType as readonly string[]).includes(input.requesterType)
    ? (input.requesterType as RequesterType)
    : '';
  const preferredChannel = (CHOICE_LISTS.preferredChannel as readonly string[]).includes(input.preferredChannel)
    ? (input.preferredChannel as PreferredChannel)
    : '';
  return {
    source: { kind: 'manual', registeredBy, token: input.token },
    channel: input.channel as Channel,
    receivedAt,
    requesterType,
    name: input.name,
    className: input.className,
    email: input.email,
    phone: input.phone,
    preferredChannel,
    topic: input.topic,
    description: input.description,
    consent: input.consent,
  };
}
