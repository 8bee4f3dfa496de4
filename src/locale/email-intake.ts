/**
 * Texts of e-mail intake (SPEC R5.1/R6.1, R5.3): the default Gmail label, the note left in a description
 * whose quoted history or signature was not copied, the audit action of a requester's reply and the
 * internal notice that tells the assignee about it. Russian first; English mirrors it key for key.
 * Placeholders are {name}, filled by `format()`; the values are escaped by the renderer, not here.
 */
export interface EmailIntakeTexts {
  /**
   * The helpdesk's Gmail label when the «mail.label» setting is empty: the same in every language, so that
   * switching the interface language never leaves mail under a label nobody reads.
   */
  readonly defaultLabel: string;
  /** The processed label is `<label>/<this>`. */
  readonly processedSuffix: string;
  /** Appended to a description whose quoted history or signature stayed in the mailbox only. */
  readonly trimmedNote: string;
  readonly audit: {
    readonly replyReceived: string;
    /** A message in the request's conversation from another address (a helper, a colleague, a second address). */
    readonly mailReceived: string;
  };
  readonly replyNotice: {
    readonly subject: string;
    readonly intro: string;
    readonly introOther: string;
    readonly resumed: string;
    readonly whereToRead: string;
    readonly openRequest: string;
    readonly openMail: string;
  };
}

export const ru: EmailIntakeTexts = {
  defaultLabel: 'Помощь ЭЖ',
  processedSuffix: 'обработано',
  trimmedNote: '[Цитата прежней переписки и подпись письма сюда не перенесены: письмо целиком — в почте помощи.]',
  audit: {
    replyReceived: 'Получен ответ заявителя',
    mailReceived: 'Получено письмо по обращению',
  },
  replyNotice: {
    subject: 'Ответ заявителя по обращению {id}',
    intro: 'Заявитель ответил на письмо по обращению {id}.',
    introOther: 'По обращению {id} пришло письмо не с адреса заявителя.',
    resumed: 'Статус изменён с «{before}» на «{after}»: срок ответа снова идёт.',
    whereToRead:
      'Текст ответа в это письмо не копируется (персональные данные): он в почте помощи, в переписке по обращению.',
    openRequest: 'Открыть обращение в таблице',
    openMail: 'Открыть переписку в почте помощи',
  },
};

export const en: EmailIntakeTexts = {
  defaultLabel: 'Помощь ЭЖ',
  processedSuffix: 'processed',
  trimmedNote:
    '[The quoted earlier correspondence and the signature are not copied here: the whole message is in the helpdesk mailbox.]',
  audit: {
    replyReceived: 'Requester replied',
    mailReceived: 'Message received on the request',
  },
  replyNotice: {
    subject: 'The requester replied on request {id}',
    intro: 'The requester replied to the message about request {id}.',
    introOther: "A message about request {id} arrived from an address other than the requester's.",
    resumed: 'The status changed from "{before}" to "{after}": the response clock runs again.',
    whereToRead:
      "The reply is not copied into this message (personal data): it is in the helpdesk mailbox, in the request's conversation.",
    openRequest: 'Open the request in the spreadsheet',
    openMail: 'Open the conversation in the helpdesk mailbox',
  },
};

export function emailIntakeTexts(locale: string): EmailIntakeTexts {
  return locale === 'en' ? en : ru;
}
