/**
 * Texts of assigning a request and of helpers who work by e-mail (regulation cl. 7, SPEC R7): the message a
 * teacher outside the consultant–deputy–director circle receives, the consultant's notice when the teacher
 * replies, the note left with the answer draft, the assignment's messages and journal actions.
 * Russian first; English mirrors it key for key (the shared interface makes a missing key a compile error).
 * Placeholders are {name}, filled by `format()`; the values are escaped by the renderer, not here.
 */
export interface HelpersTexts {
  /** To the helper: the request to answer, without the requester's identity. */
  readonly helperMail: {
    /** {id}, {topic} */
    readonly subject: string;
    readonly intro: string;
    readonly request: string;
    readonly topic: string;
    readonly requester: string;
    readonly due: string;
    readonly question: string;
    /** Appended below the question when names, addresses or phone numbers were hidden. */
    readonly redacted: string;
    /** Appended when the question was too long for the message. */
    readonly shortened: string;
    readonly howToReply: string;
    readonly privacy: string;
    readonly cannotHelp: string;
  };
  /** What replaces the requester's data in the text the helper reads. */
  readonly redaction: {
    readonly email: string;
    readonly phone: string;
    readonly name: string;
  };
  /** To the consultant on duty: a helper replied. */
  readonly replyNotice: {
    /** {id} */
    readonly subject: string;
    /** {id}, {helper} */
    readonly intro: string;
    readonly inCell: string;
    readonly inNote: string;
    readonly already: string;
    readonly empty: string;
    /** The request is no longer open: the reply is kept in the note only. */
    readonly finished: string;
    readonly openRequest: string;
    readonly openMail: string;
  };
  /** The note on the «Ответ» cell that holds (or lists) a draft: {who}, {at}. */
  readonly draftNote: {
    readonly helper: string;
    readonly support: string;
    /** First line when the draft went into the note because the cell already held text. */
    readonly inNote: string;
    /** First line when the draft is the cell's value. */
    readonly inCell: string;
    readonly cut: string;
  };
  /** Results of the sidebar's «Назначить исполнителя» and of an edit of the «Исполнитель» cell. */
  readonly assignment: {
    /** {id}, {assignee} */
    readonly done: string;
    readonly doneHelper: string;
    readonly unchanged: string;
    readonly badInput: string;
    /** {value} */
    readonly invalidAssignee: string;
    /** {id} */
    readonly notFound: string;
    /** {id}, {status} */
    readonly finished: string;
    readonly changedMeanwhile: string;
    readonly notAllowed: string;
    readonly blankIdentity: string;
    readonly busy: string;
    /** The cell note when an edit of «Исполнитель» is undone: {reason}. */
    readonly reverted: string;
  };
  readonly audit: {
    readonly assigned: string;
    readonly sentToHelper: string;
    readonly helperReplied: string;
  };
}

export const ru: HelpersTexts = {
  helperMail: {
    subject: 'Просьба помочь с ответом: обращение {id} ({topic})',
    intro:
      'Здравствуйте! Технический консультант просит вас помочь ответить на вопрос по работе с электронным журналом и дневником (п. 7 регламента).',
    request: 'Обращение',
    topic: 'Тема',
    requester: 'Кто спрашивает',
    due: 'Ответить желательно до',
    question: 'Вопрос',
    redacted: '[Имя и контакты заявителя скрыты: для ответа они не нужны.]',
    shortened: '[Текст сокращён: полностью его видит технический консультант.]',
    howToReply:
      'Как ответить: просто ответьте на это письмо. Ваш ответ получит технический консультант, проверит его и передаст заявителю. Доступ к таблице не нужен.',
    privacy:
      'Письмо может содержать персональные данные: не пересылайте его и не связывайтесь с заявителем напрямую. Если для ответа нужны подробности, напишите об этом в ответе.',
    cannotHelp: 'Если не можете помочь, ответьте об этом одной строкой — консультант передаст вопрос другому.',
  },
  redaction: {
    email: '[адрес скрыт]',
    phone: '[телефон скрыт]',
    name: '[имя скрыто]',
  },
  replyNotice: {
    subject: 'Ответ помощника по обращению {id}',
    intro: '{helper} ответил(а) на просьбу помочь с обращением {id}.',
    inCell:
      'Ответ записан черновиком в столбец «Ответ»; статус не изменён. Проверьте текст, при необходимости поправьте и поставьте статус «Дан ответ» — только тогда ответ уйдёт заявителю.',
    inNote:
      'В столбце «Ответ» уже был текст, поэтому ответ помощника — в примечании к этой ячейке. Ваш текст не изменён.',
    already: 'Этот ответ уже был записан раньше.',
    empty: 'Письмо без текста: откройте его в почте помощи.',
    finished: 'Обращение уже не в работе: ответ помощника сохранён в примечании к ячейке «Ответ».',
    openRequest: 'Открыть обращение в таблице',
    openMail: 'Открыть переписку в почте помощи',
  },
  draftNote: {
    helper: 'помощник {who}, {at}',
    support: 'Служба поддержки {who}, {at}',
    inNote: 'Черновик ответа ({source}) — в ячейке уже был текст, он не изменён:',
    inCell:
      'Черновик ответа ({source}). Статус не изменён: проверьте текст и поставьте «Дан ответ», чтобы отправить его заявителю.',
    cut: '[Дальше письмо не поместилось: полностью оно в почте помощи.]',
  },
  assignment: {
    done: 'Исполнитель обращения {id}: {assignee}.',
    doneHelper:
      'Обращение {id} отправлено помощнику {assignee} по почте (без имени и контактов заявителя). Его ответ появится черновиком в столбце «Ответ».',
    unchanged: 'Исполнитель обращения {id} уже {assignee}: ничего не изменено.',
    badInput: 'Не указано обращение или исполнитель.',
    invalidAssignee:
      '«{value}» — не адрес эл. почты и не ФИО из листа «Сотрудники». Укажите адрес исполнителя, например teacher@school.ru.',
    notFound: 'Обращение {id} не найдено в листе «Обращения».',
    finished:
      'Обращение {id} уже в статусе «{status}»: назначать исполнителя не нужно. Если работа продолжается, сначала верните его «В работу».',
    changedMeanwhile: 'Пока вы выбирали, исполнителя обращения изменили. Обновите панель и повторите.',
    notAllowed:
      'Назначать исполнителя могут технический консультант, заместитель директора по УВР и директор (или учётная запись школы).',
    blankIdentity:
      'Таблица не сообщила, кто вы, поэтому исполнителя менять нельзя. Войдите в свою учётную запись или воспользуйтесь боковой панелью.',
    busy: 'Таблица сейчас занята другой операцией. Попробуйте ещё раз через минуту — ничего не потеряно.',
    reverted: 'Исполнитель возвращён.\n{reason}',
  },
  audit: {
    assigned: 'Назначен исполнитель',
    sentToHelper: 'Обращение отправлено помощнику по почте (п. 7)',
    helperReplied: 'Получен ответ помощника: черновик ответа',
  },
};

export const en: HelpersTexts = {
  helperMail: {
    subject: 'Please help with an answer: request {id} ({topic})',
    intro:
      'Hello! The technical consultant asks you to help answer a question about the electronic journal and diary (cl. 7 of the regulation).',
    request: 'Request',
    topic: 'Topic',
    requester: 'Asked by',
    due: 'Please answer by',
    question: 'Question',
    redacted: "[The requester's name and contacts are hidden: they are not needed to answer.]",
    shortened: '[The text is shortened: the technical consultant sees all of it.]',
    howToReply:
      'How to answer: simply reply to this e-mail. The technical consultant receives your answer, checks it and passes it on to the requester. You need no access to the spreadsheet.',
    privacy:
      'This message may contain personal data: do not forward it and do not contact the requester directly. If you need more details to answer, say so in your reply.',
    cannotHelp: 'If you cannot help, reply in one line saying so — the consultant will ask someone else.',
  },
  redaction: {
    email: '[address hidden]',
    phone: '[phone hidden]',
    name: '[name hidden]',
  },
  replyNotice: {
    subject: "A helper's answer on request {id}",
    intro: '{helper} replied to the request for help with request {id}.',
    inCell:
      'The answer is written as a draft into the «Answer» column; the status is unchanged. Check the text, edit it if needed and set the status «Answered» — only then does it go to the requester.',
    inNote:
      "The «Answer» column already held text, so the helper's answer is in that cell's note. Your text is unchanged.",
    already: 'This answer had already been recorded.',
    empty: 'The message has no text: open it in the helpdesk mailbox.',
    finished: "The request is no longer being worked on: the helper's answer is kept in the «Answer» cell's note.",
    openRequest: 'Open the request in the spreadsheet',
    openMail: 'Open the conversation in the helpdesk mailbox',
  },
  draftNote: {
    helper: 'helper {who}, {at}',
    support: 'support service {who}, {at}',
    inNote: 'Draft answer ({source}) — the cell already held text, which is unchanged:',
    inCell:
      'Draft answer ({source}). The status is unchanged: check the text and set «Answered» to send it to the requester.',
    cut: '[The rest of the message did not fit: all of it is in the helpdesk mailbox.]',
  },
  assignment: {
    done: 'Request {id} is assigned to {assignee}.',
    doneHelper:
      "Request {id} was sent to the helper {assignee} by e-mail (without the requester's name and contacts). Their answer will appear as a draft in the «Answer» column.",
    unchanged: 'Request {id} is already assigned to {assignee}: nothing changed.',
    badInput: 'The request or the assignee is missing.',
    invalidAssignee:
      "«{value}» is neither an e-mail address nor a name from the «Staff» sheet. Give the assignee's address, e.g. teacher@school.ru.",
    notFound: 'Request {id} is not in the «Requests» sheet.',
    finished:
      'Request {id} is already «{status}»: it needs no assignee. If the work goes on, set it back to «In progress» first.',
    changedMeanwhile: 'The assignee was changed while you were choosing. Refresh the sidebar and try again.',
    notAllowed:
      'Only the technical consultant, the deputy director and the director (or the school account) may assign requests.',
    blankIdentity:
      'The spreadsheet did not tell who you are, so the assignee cannot be changed. Sign in to your account or use the sidebar.',
    busy: 'The spreadsheet is busy with another operation. Try again in a minute — nothing is lost.',
    reverted: 'Assignee restored.\n{reason}',
  },
  audit: {
    assigned: 'Assignee set',
    sentToHelper: 'Request sent to a helper by e-mail (cl. 7)',
    helperReplied: "Helper's answer received: draft answer",
  },
};

export function helpersTexts(locale: string): HelpersTexts {
  return locale === 'en' ? en : ru;
}
