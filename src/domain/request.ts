/**
 * A request as the helpdesk knows it: what came in (from any channel) and the record kept in «Обращения».
 * Choice fields hold keys here; the sheet shows their labels in the school's language.
 */
import type { CHOICE_LISTS } from './schema';

export type RequesterType = (typeof CHOICE_LISTS.requesterType)[number];
export type Channel = (typeof CHOICE_LISTS.channel)[number];
export type Status = (typeof CHOICE_LISTS.status)[number];
export type PreferredChannel = (typeof CHOICE_LISTS.preferredChannel)[number];
export type RejectReason = (typeof CHOICE_LISTS.rejectReason)[number];

/** Marks on a request that a person should see (the «Отметки» column); stored as their keys. */
export type RequestFlag =
  | 'invalid-email' // an address that cannot be written to: call back instead
  | 'callback-needed'
  | 'etiquette' // obscene or insulting words (cl. 10): the director is told
  | 'truncated' // text longer than a cell holds; the overflow is kept in the bookkeeping
  | 'possible-duplicate'
  | 'no-consent'; // registered by the consultant without the form's consent question

/** Where a request came from, and the key that makes registering it twice impossible. */
export type RequestSource =
  | { kind: 'form'; responseId: string }
  | { kind: 'manual'; registeredBy: string; token: string }
  | { kind: 'email'; messageId: string; threadId: string };

/** What a requester gave, before the helpdesk has looked at it. Everything is plain text as typed. */
export interface IncomingRequest {
  source: RequestSource;
  channel: Channel;
  receivedAt: Date;
  requesterType: RequesterType | '';
  name: string;
  className: string;
  email: string;
  phone: string;
  preferredChannel: PreferredChannel | '';
  /** The topic's label as chosen (topics are the school's editable list). */
  topic: string;
  description: string;
  consent: boolean;
}

export interface RequestRecord {
  id: string;
  createdAt: Date;
  channel: Channel;
  requesterType: RequesterType | '';
  name: string;
  className: string;
  email: string;
  phone: string;
  preferredChannel: PreferredChannel | '';
  topic: string;
  description: string;
  status: Status;
  assignee: string;
  dueAt: Date | null;
  firstResponseAt: Date | null;
  resolvedAt: Date | null;
  answer: string;
  rejectReason: RejectReason | '';
  supportTicket: string;
  flags: RequestFlag[];
  duplicateOf: string;
  satisfaction: string;
  notes: string;
}

/** The idempotency key of a source: one request per form response, e-mail or dialog submission. */
export function sourceKey(source: RequestSource): string {
  switch (source.kind) {
    case 'form':
      return `form:${source.responseId}`;
    case 'manual':
      return `manual:${source.token}`;
    case 'email':
      return `email:${source.messageId}`;
  }
}
