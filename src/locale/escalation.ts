/**
 * Texts of escalation to the regional support service (regulation cl. 8, 9, 9.4; SPEC R8, R9): the packet
 * cl. 9.4 asks for, the consultant's messages, the support's outcome, the notice when the support writes back,
 * and the journal actions. The requester's own escalation notice is the workflow core's (locale/workflow-mail).
 * Russian first; English mirrors it key for key. Placeholders are {name}, filled by `format()`.
 */
export interface EscalationTexts {
  /** The message to the support service's e-mail. */
  readonly packet: {
    /** {school}, {id} */
    readonly subject: string;
    readonly subjectRepeat: string;
    /** {school} */
    readonly intro: string;
    /** {ticket}: the support's number of the earlier, rejected or unanswered, submission. */
    readonly repeat: string;
    readonly whoHeading: string;
    readonly name: string;
    readonly requesterType: string;
    readonly className: string;
    readonly email: string;
    readonly phone: string;
    readonly whatHeading: string;
    readonly request: string;
    readonly topic: string;
    readonly received: string;
    readonly escalated: string;
    readonly description: string;
    readonly shortened: string;
    readonly triedHeading: string;
    readonly documentsHeading: string;
    readonly linkHeading: string;
    readonly notStated: string;
    readonly contactHeading: string;
    readonly consultant: string;
    readonly consultantEmail: string;
    readonly schoolPhone: string;
    readonly schoolEmail: string;
    /** {id} */
    readonly replyHint: string;
  };
  readonly result: {
    /** {id}, {to} */
    readonly done: string;
    /** {id}, {ticket}: escalated by phone or VK, no packet mailed. */
    readonly doneByPhone: string;
    /** {id} */
    readonly already: string;
    readonly badInput: string;
    /** {field}, {max} */
    readonly tooLong: string;
    readonly nothingTried: string;
    /** {phone} */
    readonly noSupportEmail: string;
    /** {value} */
    readonly invalidSupportEmail: string;
    /** The sheet path sends what the row holds: what was tried and studied is not stated. */
    readonly incomplete: string;
    /** {error} */
    readonly notQueued: string;
    /** The cell note when a hand edit to «Передано в Службу поддержки» is undone: {reason}. */
    readonly reverted: string;
    /** {id}, {status} */
    readonly notEscalated: string;
    readonly outcomeBad: string;
    readonly reasonRequired: string;
    /** {id} */
    readonly answered: string;
    readonly answerInCell: string;
    readonly answerInNote: string;
    /** {id}, {reason} */
    readonly rejected: string;
    /** {ticket} */
    readonly ticketRecorded: string;
  };
  /** The line added to «Заметки» when the support rejects a packet: {date}, {ticket}, {reason}. */
  readonly rejectedNote: string;
  readonly audit: {
    readonly packetSent: string;
    readonly escalatedByPhone: string;
    readonly ticket: string;
    readonly supportAnswered: string;
    readonly supportRejected: string;
    readonly supportMail: string;
  };
  /** To the consultant on duty when the support writes back. */
  readonly supportNotice: {
    /** {id} */
    readonly subject: string;
    readonly intro: string;
    /** {ticket} */
    readonly ticketRecorded: string;
    /** {ticket}, {recorded} */
    readonly ticketDiffers: string;
    readonly automated: string;
    readonly inCell: string;
    readonly inNote: string;
    readonly already: string;
    readonly empty: string;
    readonly whatNext: string;
    readonly openRequest: string;
    readonly openMail: string;
  };
}

export const ru: EscalationTexts = {
  packet: {
    subject: 'Нештатная ситуация в СЭДиЖ: {school}, обращение {id}',
    subjectRepeat: 'Повторно: нештатная ситуация в СЭДиЖ: {school}, обращение {id}',
    intro:
      'Технический консультант {school} передаёт в Службу поддержки обращение, по которому школа не может проконсультировать сама (п. 8, 9.4 регламента).',
    repeat: 'Это повторное обращение: ранее — заявка № {ticket}. Пакет дополнен.',
    whoHeading: 'Кто обратился',
    name: 'ФИО',
    requesterType: 'Категория',
    className: 'Класс',
    email: 'Эл. почта',
    phone: 'Телефон',
    whatHeading: 'Затруднение',
    request: 'Номер обращения в школе',
    topic: 'Тема',
    received: 'Поступило в школу',
    escalated: 'Передано в Службу поддержки',
    description: 'Описание',
    shortened: '[Описание сокращено: полный текст — у технического консультанта.]',
    triedHeading: 'Что уже сделано для решения',
    documentsHeading: 'Изученные документация и руководства (п. 9.4.2)',
    linkHeading: 'Ссылка на исходный документ или обсуждение (п. 9.4.2)',
    notStated: 'не указано',
    contactHeading: 'Контакт для обратной связи',
    consultant: 'Технический консультант',
    consultantEmail: 'Эл. почта консультанта',
    schoolPhone: 'Телефон школы',
    schoolEmail: 'Эл. почта школы',
    replyHint:
      'Пожалуйста, отвечайте на это письмо, сохраняя в теме номер обращения {id}: номер заявки и ответ Службы поддержки будут учтены автоматически.',
  },
  result: {
    done: 'Обращение {id} передано в Службу поддержки: пакет по п. 9.4 уйдёт на {to}, заявитель получит уведомление.',
    doneByPhone:
      'Обращение {id} отмечено как переданное в Службу поддержки по телефону или в группе «ВКонтакте», заявка № {ticket}. Письмо в Службу поддержки не отправлялось.',
    already: 'Обращение {id} уже передано в Службу поддержки: повторно пакет не отправлен.',
    badInput: 'Не указано обращение, которое нужно передать.',
    tooLong: 'Поле «{field}» длиннее {max} символов. Сократите его — ничего не отправлено.',
    nothingTried:
      'Опишите, что уже сделано для решения и какие документы изучены (п. 9.4.2): без этого Служба поддержки может отклонить обращение (п. 9.4.3). Ничего не отправлено.',
    noSupportEmail:
      'В «Настройках» не заполнен адрес эл. почты Службы поддержки — пакет отправить некуда, статус не изменён. Заполните адрес или позвоните в Службу поддержки ({phone}) и укажите номер заявки, который вам сообщат.',
    invalidSupportEmail:
      'Адрес Службы поддержки в «Настройках» («{value}») не похож на адрес эл. почты — пакет не отправлен, статус не изменён. Исправьте адрес или укажите номер заявки, полученный по телефону.',
    incomplete:
      'В пакете не указано, что уже сделано и какие документы изучены: при передаче из боковой панели эти поля можно заполнить.',
    notQueued:
      'Статус изменён, но пакет для Службы поддержки не удалось поставить в очередь писем ({error}). Сообщите учётной записи школы или передайте обращение по телефону.',
    reverted: 'Статус возвращён.\n{reason}',
    notEscalated: 'Обращение {id} сейчас «{status}», а не «Передано в Службу поддержки»: ответ Службы записать нельзя.',
    outcomeBad: 'Укажите результат: Служба поддержки ответила или отклонила обращение.',
    reasonRequired: 'Выберите причину отклонения из списка п. 9.4.3 регламента.',
    answered: 'Ответ Службы поддержки по обращению {id} записан, обращение снова в работе: ответьте заявителю.',
    answerInCell: 'Текст ответа Службы — черновиком в столбце «Ответ».',
    answerInNote: 'В столбце «Ответ» уже был текст: ответ Службы — в примечании к этой ячейке.',
    rejected:
      'Отклонение обращения {id} Службой поддержки записано ({reason}); обращение снова в работе. Дополните пакет и передайте снова.',
    ticketRecorded: 'Номер заявки: {ticket}.',
  },
  rejectedNote: '{date}: Служба поддержки отклонила обращение{ticket}: {reason} (п. 9.4.3).',
  audit: {
    packetSent: 'Пакет по п. 9.4 поставлен в очередь для Службы поддержки',
    escalatedByPhone: 'Передано в Службу поддержки по телефону или «ВКонтакте»',
    ticket: 'Номер заявки в Службе поддержки',
    supportAnswered: 'Служба поддержки ответила',
    supportRejected: 'Служба поддержки отклонила обращение (п. 9.4.3)',
    supportMail: 'Получено письмо Службы поддержки',
  },
  supportNotice: {
    subject: 'Письмо Службы поддержки по обращению {id}',
    intro: 'Служба поддержки написала по обращению {id}.',
    ticketRecorded: 'Номер заявки в Службе поддержки: {ticket} — записан в таблицу.',
    ticketDiffers: 'В письме номер заявки {ticket}, а в таблице записан {recorded}: таблица не изменена, проверьте.',
    automated: 'Это автоматическое уведомление: в черновик ответа его текст не переносился.',
    inCell: 'Текст письма записан черновиком в столбец «Ответ»; статус не изменён.',
    inNote:
      'В столбце «Ответ» уже был текст, поэтому письмо Службы — в примечании к этой ячейке. Ваш текст не изменён.',
    already: 'Текст этого письма уже был записан раньше.',
    empty: 'Письмо без текста: откройте его в почте помощи.',
    whatNext:
      'Прочитав письмо, отметьте результат в боковой панели: «Служба поддержки ответила» (затем ответьте заявителю) или «Служба поддержки отклонила» с причиной по п. 9.4.3 (затем дополните пакет и передайте снова).',
    openRequest: 'Открыть обращение в таблице',
    openMail: 'Открыть переписку в почте помощи',
  },
};

export const en: EscalationTexts = {
  packet: {
    subject: 'Non-standard situation in SEDiZh: {school}, request {id}',
    subjectRepeat: 'Again: non-standard situation in SEDiZh: {school}, request {id}',
    intro:
      "The technical consultant of {school} passes to the support service a request the school cannot answer itself (the regulation's cl. 8, 9.4).",
    repeat: 'This is a repeated submission: earlier, ticket No. {ticket}. The packet has been completed.',
    whoHeading: 'Who asked',
    name: 'Name',
    requesterType: 'Category',
    className: 'Class',
    email: 'E-mail',
    phone: 'Phone',
    whatHeading: 'The difficulty',
    request: "The school's request number",
    topic: 'Topic',
    received: 'Received by the school',
    escalated: 'Passed to the support service',
    description: 'Description',
    shortened: '[The description is shortened: the technical consultant has the whole text.]',
    triedHeading: 'What has been done so far',
    documentsHeading: 'Documentation and guides studied (cl. 9.4.2)',
    linkHeading: 'Link to the source document or discussion (cl. 9.4.2)',
    notStated: 'not stated',
    contactHeading: 'Contact for feedback',
    consultant: 'Technical consultant',
    consultantEmail: "Consultant's e-mail",
    schoolPhone: 'School phone',
    schoolEmail: 'School e-mail',
    replyHint:
      "Please reply to this message keeping the request number {id} in the subject: the ticket number and the support service's answer are then recorded automatically.",
  },
  result: {
    done: 'Request {id} is passed to the support service: the cl. 9.4 packet goes to {to}, the requester is notified.',
    doneByPhone:
      'Request {id} is marked as passed to the support service by phone or in the VK group, ticket No. {ticket}. No e-mail was sent to the support service.',
    already: 'Request {id} is already with the support service: the packet was not sent again.',
    badInput: 'The request to pass on is missing.',
    tooLong: 'The field «{field}» is longer than {max} characters. Shorten it — nothing was sent.',
    nothingTried:
      'Describe what has been done and which documents were studied (cl. 9.4.2): without it the support service may reject the request (cl. 9.4.3). Nothing was sent.',
    noSupportEmail:
      "The support service's e-mail is not filled in «Settings»: there is nowhere to send the packet, and the status is unchanged. Fill in the address, or call the support service ({phone}) and enter the ticket number they give you.",
    invalidSupportEmail:
      "The support service's address in «Settings» («{value}») is not an e-mail address: nothing was sent, the status is unchanged. Correct it, or enter the ticket number you got by phone.",
    incomplete:
      'The packet does not say what has been done and which documents were studied: passing the request from the sidebar lets you fill these in.',
    notQueued:
      'The status changed, but the packet for the support service could not be queued ({error}). Tell the school account, or pass the request on by phone.',
    reverted: 'Status restored.\n{reason}',
    notEscalated:
      "Request {id} is «{status}», not «Passed to support service»: the support service's outcome cannot be recorded.",
    outcomeBad: 'Give the outcome: the support service answered or rejected the request.',
    reasonRequired: 'Choose a rejection reason from the list of cl. 9.4.3.',
    answered:
      "The support service's answer on request {id} is recorded, the request is back in work: answer the requester.",
    answerInCell: "The support service's text is a draft in the «Answer» column.",
    answerInNote: "The «Answer» column already held text: the support service's answer is in that cell's note.",
    rejected:
      "The support service's rejection of request {id} is recorded ({reason}); the request is back in work. Complete the packet and pass it on again.",
    ticketRecorded: 'Ticket number: {ticket}.',
  },
  rejectedNote: '{date}: the support service rejected the request{ticket}: {reason} (cl. 9.4.3).',
  audit: {
    packetSent: 'Cl. 9.4 packet queued for the support service',
    escalatedByPhone: 'Passed to the support service by phone or VK',
    ticket: 'Support service ticket number',
    supportAnswered: 'Support service answered',
    supportRejected: 'Support service rejected the request (cl. 9.4.3)',
    supportMail: 'Message from the support service received',
  },
  supportNotice: {
    subject: 'Support service message on request {id}',
    intro: 'The support service wrote about request {id}.',
    ticketRecorded: 'Support service ticket number: {ticket} — recorded in the spreadsheet.',
    ticketDiffers:
      'The message gives ticket number {ticket}, the spreadsheet holds {recorded}: the spreadsheet is unchanged, please check.',
    automated: 'This is an automatic notification: its text was not made a draft answer.',
    inCell: 'The text is written as a draft into the «Answer» column; the status is unchanged.',
    inNote:
      "The «Answer» column already held text, so the support service's message is in that cell's note. Your text is unchanged.",
    already: 'The text of this message had already been recorded.',
    empty: 'The message has no text: open it in the helpdesk mailbox.',
    whatNext:
      'Once you have read it, record the outcome in the sidebar: «Support service answered» (then answer the requester) or «Support service rejected» with a cl. 9.4.3 reason (then complete the packet and pass it on again).',
    openRequest: 'Open the request in the spreadsheet',
    openMail: 'Open the conversation in the helpdesk mailbox',
  },
};

export function escalationTexts(locale: string): EscalationTexts {
  return locale === 'en' ? en : ru;
}
