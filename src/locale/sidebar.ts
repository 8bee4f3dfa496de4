/**
 * Texts of the request sidebar (issue 5): the consultant's main way to act on the request in the active row —
 * its card, its history, the knowledge base of its topic and the allowed next steps.
 * Russian first; English mirrors it key for key (one shared type).
 */
/** What a button or form of the sidebar does (the status it leads to decides which ones are offered). */
export type SidebarActionKind =
  | 'take'
  | 'resume'
  | 'supportReturned'
  | 'reopen'
  | 'close'
  | 'answer'
  | 'clarify'
  | 'escalate'
  | 'reject'
  | 'endForEtiquette';

/** Why a sidebar call is turned down before the life cycle is asked. */
export type SidebarProblem =
  | 'badInput'
  | 'notFound'
  | 'unknownStatus'
  | 'staleStatus'
  | 'alreadyThere'
  | 'answerRequired'
  | 'reasonRequired'
  | 'etiquetteReasonRequired'
  | 'assigneeRequired'
  | 'tooLong'
  | 'notOffered'
  | 'failed';

export interface SidebarTexts {
  /** The menu item «Помощь по ЭЖ → …» that opens the sidebar. */
  readonly menuItem: string;
  /** The sidebar's title: {id}. */
  readonly title: string;
  /** The alert when the cursor is not on a request: {sheet} the log's name, {item} the menu item. */
  readonly notOnRequestTitle: string;
  readonly notOnRequest: string;
  /** The row under the cursor has no request ID: {row}, {column}. */
  readonly noIdInRow: string;
  readonly fields: {
    readonly id: string;
    readonly status: string;
    readonly topic: string;
    readonly requesterType: string;
    readonly channel: string;
    readonly createdAt: string;
    readonly due: string;
    readonly assignee: string;
    readonly flags: string;
    readonly description: string;
    readonly you: string;
  };
  readonly none: string;
  readonly refresh: string;
  readonly history: {
    readonly heading: string;
    readonly empty: string;
    /** Shown when more entries exist than are shown: {shown}, {total}, {sheet}. */
    readonly truncated: string;
    /** A column's change: {column}, {before}, {after}. */
    readonly change: string;
    /** A value given where there was none: {column}, {after}. */
    readonly set: string;
    readonly hint: string;
  };
  readonly knowledge: {
    readonly heading: string;
    readonly canned: string;
    readonly empty: string;
    readonly insert: string;
    readonly open: string;
  };
  readonly actions: {
    readonly heading: string;
    /** No step is open to this role from this status: {status}. */
    readonly none: string;
    /** The steps: the plain ones are buttons, the others open their form. */
    readonly buttons: Readonly<Record<SidebarActionKind, string>>;
    /** The button that sends a form. */
    readonly submit: Readonly<
      Record<'answer' | 'clarify' | 'escalate' | 'reject' | 'endForEtiquette' | 'assign', string>
    >;
    readonly assign: string;
    readonly preview: string;
    readonly answerLabel: string;
    readonly previewHeading: string;
    readonly previewSubject: string;
    /** Above the preview: {to} the requester's address. */
    readonly previewTo: string;
    /** No address to write to: {phone}. */
    readonly previewNoEmail: string;
    readonly questionLabel: string;
    readonly rejectReasonLabel: string;
    readonly chooseReason: string;
    readonly escalateTried: string;
    readonly escalateDocuments: string;
    readonly escalateLink: string;
    readonly escalateTicket: string;
    readonly escalateHint: string;
    readonly assigneeLabel: string;
    readonly chooseAssignee: string;
    readonly etiquetteReasonLabel: string;
    readonly etiquetteHint: string;
    /** The support service rejected the packet (cl. 9.4.3): the form under «Служба поддержки отклонила». */
    readonly supportRejected: { readonly summary: string; readonly hint: string; readonly submit: string };
  };
  readonly working: string;
  /** The call itself failed (network, a server error): {error}. The typed text stays. */
  readonly failed: string;
  /** Added to a done message when the mail waits for the school account's queue run. */
  readonly mailQueued: string;
  readonly problems: Readonly<Record<SidebarProblem, string>>;
}

export const ru: SidebarTexts = {
  menuItem: 'Открыть обращение в боковой панели',
  title: 'Обращение {id}',
  notOnRequestTitle: 'Обращение не выбрано',
  notOnRequest: 'Поставьте курсор на строку обращения на листе «{sheet}» (с третьей строки) и снова выберите «{item}».',
  noIdInRow: 'В строке {row} нет номера обращения. Выберите строку с номером в столбце «{column}».',
  fields: {
    id: 'Номер',
    status: 'Статус',
    topic: 'Тема',
    requesterType: 'Кто обратился',
    channel: 'Канал',
    createdAt: 'Поступило',
    due: 'Срок ответа',
    assignee: 'Исполнитель',
    flags: 'Отметки',
    description: 'Описание затруднения',
    you: 'Вы действуете как',
  },
  none: '—',
  refresh: 'Обновить',
  history: {
    heading: 'История',
    empty: 'Записей в журнале пока нет.',
    truncated: 'Показаны последние {shown} записей из {total}; все записи — на листе «{sheet}».',
    change: '{column}: «{before}» → «{after}»',
    set: '{column}: «{after}»',
    hint: 'Действия из панели попадают в журнал при ближайшей обработке очереди (до 5 минут).',
  },
  knowledge: {
    heading: 'База знаний по теме',
    canned: 'Готовые ответы',
    empty: 'По этой теме в базе знаний ничего нет.',
    insert: 'Вставить в ответ',
    open: 'Открыть',
  },
  actions: {
    heading: 'Действия',
    none: 'Из статуса «{status}» вам не доступно ни одного действия.',
    buttons: {
      take: 'Взять в работу',
      resume: 'Уточнение получено — в работу',
      supportReturned: 'Служба поддержки ответила — в работу',
      reopen: 'Возобновить обращение',
      close: 'Закрыть (ответ помог)',
      answer: 'Ответить',
      clarify: 'Запросить уточнение',
      escalate: 'Передать в Службу поддержки',
      reject: 'Отклонить',
      endForEtiquette: 'Прекратить консультацию (п. 10)',
    },
    submit: {
      answer: 'Отправить ответ',
      clarify: 'Отправить вопрос',
      escalate: 'Отправить в Службу поддержки',
      reject: 'Отклонить обращение',
      endForEtiquette: 'Прекратить консультацию',
      assign: 'Назначить',
    },
    assign: 'Назначить исполнителя',
    preview: 'Показать письмо',
    answerLabel: 'Ответ заявителю',
    previewHeading: 'Так письмо увидит заявитель',
    previewSubject: 'Тема письма',
    previewTo: 'Письмо уйдёт на адрес {to} с адреса школы.',
    previewNoEmail:
      'У обращения нет действующего адреса эл. почты: письмо не уйдёт, сообщите ответ заявителю по телефону {phone}.',
    supportRejected: {
      summary: 'Служба поддержки отклонила заявку',
      hint: 'Причина из п. 9.4.3 запишется в «Заметки»; обращение вернётся в работу — дополните пакет и передайте снова.',
      submit: 'Записать отказ Службы поддержки',
    },
    questionLabel: 'Уточняющий вопрос (п. 5.3, 6.3 регламента)',
    rejectReasonLabel: 'Причина отклонения (п. 9.4.3 регламента)',
    chooseReason: '— выберите причину —',
    escalateTried: 'Что уже сделано для решения',
    escalateDocuments: 'Какие документы изучены',
    escalateLink: 'Ссылка на исходный документ или обсуждение',
    escalateTicket: 'Номер заявки, если обращение уже передано по телефону или ВКонтакте',
    escalateHint: 'Пакет по п. 9.4 регламента уйдёт в Службу поддержки, заявитель получит уведомление.',
    assigneeLabel: 'Исполнитель',
    chooseAssignee: '— выберите сотрудника —',
    etiquetteReasonLabel: 'Причина прекращения консультации',
    etiquetteHint: 'Директор получит уведомление (п. 10 регламента).',
  },
  working: 'Выполняется…',
  failed: 'Не удалось выполнить действие: {error}. Введённый текст остался в поле.',
  mailQueued: 'Письма уходят с адреса школы при ближайшей обработке очереди (до 5 минут).',
  problems: {
    badInput: 'Панель передала неполные данные. Нажмите «Обновить» и повторите.',
    notFound: 'Обращение {id} не найдено: возможно, строку удалили или номер изменили.',
    unknownStatus:
      'В строке обращения статус «{status}», которого нет в списке. Выберите статус из выпадающего списка в таблице.',
    staleStatus:
      'Пока панель была открыта, статус обращения изменился: теперь «{status}». Панель обновлена, проверьте и повторите. Введённый текст сохранён.',
    alreadyThere: 'Обращение {id} уже в статусе «{status}».',
    answerRequired: 'Впишите текст ответа.',
    reasonRequired: 'Выберите причину отклонения из списка п. 9.4.3 регламента.',
    etiquetteReasonRequired: 'Укажите причину прекращения консультации: директор получит уведомление.',
    assigneeRequired: 'Выберите исполнителя.',
    tooLong: 'Текст длиннее {max} символов — столько не помещается в ячейку. Сократите его; введённое сохранено.',
    notOffered: 'Это действие не выполняется из панели.',
    failed: 'Не удалось выполнить действие: {error}. Введённый текст сохранён, повторите попытку.',
  },
};

export const en: SidebarTexts = {
  menuItem: 'Open the request in the sidebar',
  title: 'Request {id}',
  notOnRequestTitle: 'No request selected',
  notOnRequest: 'Put the cursor on a request row of the «{sheet}» sheet (from row 3) and choose «{item}» again.',
  noIdInRow: 'Row {row} has no request ID. Choose a row with an ID in the «{column}» column.',
  fields: {
    id: 'ID',
    status: 'Status',
    topic: 'Topic',
    requesterType: 'Requester',
    channel: 'Channel',
    createdAt: 'Received',
    due: 'Due',
    assignee: 'Assignee',
    flags: 'Flags',
    description: 'Description of the problem',
    you: 'You act as',
  },
  none: '—',
  refresh: 'Refresh',
  history: {
    heading: 'History',
    empty: 'No journal entries yet.',
    truncated: 'The last {shown} of {total} entries are shown; all of them are on the «{sheet}» sheet.',
    change: '{column}: «{before}» → «{after}»',
    set: '{column}: «{after}»',
    hint: 'Actions taken in the sidebar reach the journal with the next queue run (within 5 minutes).',
  },
  knowledge: {
    heading: 'Knowledge base for the topic',
    canned: 'Canned answers',
    empty: 'The knowledge base has nothing on this topic.',
    insert: 'Insert into the answer',
    open: 'Open',
  },
  actions: {
    heading: 'Actions',
    none: 'No action is open to you from «{status}».',
    buttons: {
      take: 'Take into work',
      resume: 'Clarification received — back to work',
      supportReturned: 'Support service answered — back to work',
      reopen: 'Reopen the request',
      close: 'Close (the answer helped)',
      answer: 'Answer',
      clarify: 'Ask for clarification',
      escalate: 'Pass to the support service',
      reject: 'Reject',
      endForEtiquette: 'End the consultation (cl. 10)',
    },
    submit: {
      answer: 'Send the answer',
      clarify: 'Send the question',
      escalate: 'Send to the support service',
      reject: 'Reject the request',
      endForEtiquette: 'End the consultation',
      assign: 'Assign',
    },
    assign: 'Assign the request',
    preview: 'Preview the e-mail',
    answerLabel: 'Answer to the requester',
    previewHeading: 'The e-mail as the requester will see it',
    previewSubject: 'Subject',
    previewTo: 'The e-mail goes to {to} from the school address.',
    previewNoEmail: 'The request has no valid e-mail address: no e-mail will go; tell the requester by phone {phone}.',
    supportRejected: {
      summary: 'The support service rejected the ticket',
      hint: 'The cl. 9.4.3 reason goes into «Notes»; the request returns to work — complete the packet and pass it on again.',
      submit: "Record the support service's refusal",
    },
    questionLabel: 'Clarifying question (cl. 5.3, 6.3 of the regulation)',
    rejectReasonLabel: 'Rejection reason (cl. 9.4.3 of the regulation)',
    chooseReason: '— choose a reason —',
    escalateTried: 'What has been done so far',
    escalateDocuments: 'Documents studied',
    escalateLink: 'Link to the source document or discussion',
    escalateTicket: 'Ticket number, if the request was already passed on by phone or in VK',
    escalateHint: 'The cl. 9.4 packet goes to the support service; the requester is told.',
    assigneeLabel: 'Assignee',
    chooseAssignee: '— choose a staff member —',
    etiquetteReasonLabel: 'Why the consultation is ended',
    etiquetteHint: 'The director will be told (cl. 10 of the regulation).',
  },
  working: 'Working…',
  failed: 'The action failed: {error}. The text you typed is still in the box.',
  mailQueued: 'E-mails leave from the school address with the next queue run (within 5 minutes).',
  problems: {
    badInput: 'The sidebar sent incomplete data. Press «Refresh» and try again.',
    notFound: 'Request {id} was not found: the row may have been deleted or its ID changed.',
    unknownStatus:
      'The request row has the status «{status}», which is not in the list. Choose a status from the drop-down in the sheet.',
    staleStatus:
      'While the sidebar was open the status changed to «{status}». The sidebar is refreshed; check and try again. Your text is kept.',
    alreadyThere: 'Request {id} already has the status «{status}».',
    answerRequired: 'Type the answer.',
    reasonRequired: 'Choose a rejection reason from the cl. 9.4.3 list.',
    etiquetteReasonRequired: 'Give the reason for ending the consultation: the director will be told.',
    assigneeRequired: 'Choose an assignee.',
    tooLong: 'The text is longer than {max} characters, more than a cell holds. Shorten it; what you typed is kept.',
    notOffered: 'This action is not available from the sidebar.',
    failed: 'The action failed: {error}. Your text is kept; try again.',
  },
};

export function sidebarTexts(locale: string): SidebarTexts {
  return locale === 'en' ? en : ru;
}
