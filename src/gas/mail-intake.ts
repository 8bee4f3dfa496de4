/**
 * The helpdesk's Gmail, as e-mail intake sees it: the intake label and its processed sub-label, the threads
 * under the intake label, the facts of each message, and the label swap that ends a thread's processing.
 * Processed mail is known by its message ID in the bookkeeping and by the swap — never by "unread", which
 * a person reading the mailbox clears.
 */
import type { IntakeLabelNames, MailFacts } from '../domain/email-intake';
import { effectiveUserEmail } from './identity';

type Thread = GoogleAppsScript.Gmail.GmailThread;
type Message = GoogleAppsScript.Gmail.GmailMessage;
type Label = GoogleAppsScript.Gmail.GmailLabel;

export interface IntakeLabels {
  intake: Label;
  processed: Label;
}

/** Both labels, created when missing (the school picks the intake label in its Gmail filter). */
export function openIntakeLabels(names: IntakeLabelNames): IntakeLabels {
  return { intake: labelNamed(names.intake), processed: labelNamed(names.processed) };
}

function labelNamed(name: string): Label {
  return GmailApp.getUserLabelByName(name) ?? GmailApp.createLabel(name);
}

/**
 * Threads matching the query, oldest first. Gmail lists the most recent first, so a page of `max` is
 * reversed; a backlog longer than a page is worked from its newer end, each thread leaving the search once done.
 */
export function findThreads(query: string, max: number): Thread[] {
  return GmailApp.search(query, 0, max).slice().reverse();
}

/** The messages of each thread, in the order they arrived, in one call. */
export function messagesOfThreads(threads: readonly Thread[]): Message[][] {
  return threads.length === 0 ? [] : GmailApp.getMessagesForThreads(threads.slice());
}

export function threadIdOf(thread: Thread): string {
  return thread.getId();
}

export function messageIdOf(message: Message): string {
  return message.getId();
}

export function isDraftMessage(message: Message): boolean {
  return message.isDraft();
}

/** Everything intake reads of one message. */
export function readMailFacts(message: Message, threadId: string): MailFacts {
  return {
    id: message.getId(),
    threadId,
    from: message.getFrom(),
    replyTo: message.getReplyTo(),
    subject: message.getSubject(),
    plainBody: message.getPlainBody(),
    date: new Date(message.getDate().getTime()),
    autoSubmitted: message.getHeader('Auto-Submitted'),
    precedence: message.getHeader('Precedence'),
    returnPath: message.getHeader('Return-Path'),
  };
}

/** The processed label first: a run that dies between the two calls leaves the thread to be swapped again. */
export function markThreadProcessed(thread: Thread, labels: IntakeLabels): void {
  thread.addLabel(labels.processed);
  thread.removeLabel(labels.intake);
}

/** The helpdesk account and its send-as aliases: mail from them is the helpdesk's own. */
export function ownAddresses(): string[] {
  return [effectiveUserEmail(), ...GmailApp.getAliases()].filter((a) => a !== '');
}

/** A link to the thread that opens in the helpdesk account's Gmail. */
export function threadLink(thread: Thread): string {
  return thread.getPermalink();
}
