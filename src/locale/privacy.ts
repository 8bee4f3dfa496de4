/**
 * Texts of retention and erasure (152-FZ): the markers written into cleared cells, the audit entries (which
 * name requests and counts, never the data), and the erasure dialog. Russian first; English mirrors it key
 * for key (the shared type makes a missing key a compile error).
 */
import type { ErasurePlace } from '../domain/retention';

export interface PrivacyTexts {
  /** Written over a requester's words once the retention period has run out. */
  readonly anonymisedMarker: string;
  /** Written over a requester's words erased at their request. */
  readonly erasedMarker: string;
  /** The error of a queued message whose recipient's data was cleared: it is never sent. */
  readonly queueCleared: string;
  readonly audit: {
    readonly anonymised: string;
    readonly anonymisedNote: string;
    readonly deferred: string;
    readonly erasureDone: string;
    readonly erasureNote: string;
  };
  readonly places: Readonly<Record<ErasurePlace, string>>;
  readonly dialog: {
    /** The menu item (the lead adds it to the menu). */
    readonly menu: string;
    readonly title: string;
    readonly prompt: string;
    readonly confirm: string;
    readonly noRequests: string;
    readonly done: string;
    readonly pending: string;
    readonly cancelled: string;
    readonly badContact: string;
    readonly schoolContact: string;
    readonly busy: string;
  };
}

export const ru: PrivacyTexts = {
  anonymisedMarker: 'обезличено',
  erasedMarker: 'удалено по запросу',
  queueCleared: 'Не отправлено: данные получателя удалены (152-ФЗ).',
  audit: {
    anonymised: 'Обезличены обращения: {count}',
    anonymisedNote:
      'Срок хранения {months} мес. истёк. Обращения: {ids}. Ответы формы: {responses}, их строки в таблице ответов: {rows}. Очередь писем: {queue}. Служебные записи: {bookkeeping}.',
    deferred: ' Изменены во время обработки (решит следующий запуск): {changed}. Не успели за этот запуск: {left}.',
    erasureDone: 'Удаление данных заявителя по его запросу выполнено',
    erasureNote: 'Запрошено {requestedAt}. {counts}. Обращения: {ids}.',
  },
  places: {
    requests: 'обращения',
    responseRows: 'строки ответов формы в таблице',
    formResponses: 'ответы в самой форме',
    complaintRows: 'строки таблицы жалоб',
    complaintResponses: 'ответы формы жалоб',
    mailQueue: 'письма в очереди',
    mailThreads: 'переписки в почте школы (в корзине)',
    bookkeeping: 'служебные записи',
  },
  dialog: {
    menu: 'Удалить данные заявителя (152-ФЗ)…',
    title: 'Удаление данных заявителя',
    prompt:
      'Адрес электронной почты или телефон заявителя, чьи данные нужно удалить (152-ФЗ). Удаляются ФИО, контакты, описание, ответ и заметки во всех его обращениях, ответы формы, письма и жалобы с этим контактом.',
    confirm: 'Найдено обращений: {count} ({ids}). Удалить данные заявителя безвозвратно?',
    noRequests:
      'Обращений с этим контактом нет. Удалить данные с этим контактом из ответов формы, почты и таблицы жалоб?',
    done: 'Данные заявителя удалены. {counts}.',
    pending:
      'В листе «Обращения» данные удалены: {count}. Ответы формы, письма, жалобы и служебные записи удалит запуск от имени школы в ближайшие минуты; итог будет в «Журнале».',
    cancelled: 'Удаление отменено: ничего не изменено.',
    badContact: 'Это не похоже на адрес электронной почты или номер телефона: «{contact}». Ничего не изменено.',
    schoolContact: 'Это общий контакт школы или Службы поддержки, а не заявителя. Ничего не изменено.',
    busy: 'Таблица занята другой операцией. Повторите через минуту; ничего не изменено.',
  },
};

export const en: PrivacyTexts = {
  anonymisedMarker: 'anonymised',
  erasedMarker: 'erased on request',
  queueCleared: "Not sent: the recipient's data was erased (152-FZ).",
  audit: {
    anonymised: 'Requests anonymised: {count}',
    anonymisedNote:
      'Retention period of {months} months is over. Requests: {ids}. Form responses: {responses}, their rows in the responses sheet: {rows}. Mail queue: {queue}. Service records: {bookkeeping}.',
    deferred: ' Changed during the run (the next run decides): {changed}. Not reached in this run: {left}.',
    erasureDone: "Erasure of a requester's data at their request completed",
    erasureNote: 'Requested {requestedAt}. {counts}. Requests: {ids}.',
  },
  places: {
    requests: 'requests',
    responseRows: 'form response rows in the spreadsheet',
    formResponses: "responses in the form's own store",
    complaintRows: 'rows of the complaints spreadsheet',
    complaintResponses: 'complaints form responses',
    mailQueue: 'queued messages',
    mailThreads: "conversations in the school's mailbox (moved to the bin)",
    bookkeeping: 'service records',
  },
  dialog: {
    menu: "Erase a requester's data (152-FZ)…",
    title: "Erase a requester's data",
    prompt:
      "The requester's e-mail address or phone number whose data is to be erased (152-FZ). Names, contacts, descriptions, answers and notes in all their requests are erased, with form responses, mail and complaints carrying that contact.",
    confirm: "Requests found: {count} ({ids}). Erase the requester's data for good?",
    noRequests:
      'No request has this contact. Erase data with this contact from the form responses, the mail and the complaints spreadsheet?',
    done: "The requester's data is erased. {counts}.",
    pending:
      "Erased in «Requests»: {count}. The school account's run erases the form responses, mail, complaints and service records within minutes; the result goes to the «Audit log».",
    cancelled: 'Erasure cancelled: nothing was changed.',
    badContact: 'This does not look like an e-mail address or a phone number: "{contact}". Nothing was changed.',
    schoolContact:
      "This is a shared contact of the school or the support service, not a requester's. Nothing was changed.",
    busy: 'The spreadsheet is busy with another operation. Try again in a minute; nothing was changed.',
  },
};

/** Every marker a cleared cell may hold: either kind, either language (the school may switch languages). */
export const PRIVACY_MARKERS: readonly string[] = [
  ru.anonymisedMarker,
  ru.erasedMarker,
  en.anonymisedMarker,
  en.erasedMarker,
];

export function privacyTexts(locale: string): PrivacyTexts {
  return locale === 'en' ? en : ru;
}
