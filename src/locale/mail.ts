/**
 * The texts of the helpdesk's e-mails and of the mailer's refusals, Russian first, English mirrored.
 * Placeholders are {name}, filled by `format()`; the values are escaped by the templates, not here.
 */
export interface MailTexts {
  /** The key line every message carries, so a send interrupted by a dying run can be found in the sent mail. */
  keyLine: string;
  automatic: string;
  dueFormat: string;
  ack: {
    subject: string;
    registered: string;
    due: string;
    replyHint: string;
    contactsHeading: string;
    schoolPhone: string;
    schoolEmail: string;
    officeHours: string;
    consultant: string;
    appointment: string;
    supportHeading: string;
    supportPhone: string;
    supportVk: string;
    supportEmail: string;
    supportHours: string;
    articlesHeading: string;
  };
  assignee: {
    subject: string;
    intro: string;
    request: string;
    topic: string;
    requester: string;
    channel: string;
    due: string;
    description: string;
    open: string;
  };
  etiquette: {
    subject: string;
    flagged: string;
    ended: string;
    where: string;
  };
  complaint: {
    subject: string;
    arrived: string;
    where: string;
  };
  digest: {
    subject: string;
    intro: string;
  };
  /** Service levels (the hourly sweep): alerts to staff about one request. */
  sla: {
    reminderSubject: string;
    overdueSubject: string;
    directorSubject: string;
    supportSubject: string;
    what: { firstResponse: string; resolution: string };
    reminder: string;
    overdue: string;
    director: string;
    support: string;
    request: string;
    topic: string;
    requester: string;
    status: string;
    assignee: string;
    due: string;
    ticket: string;
    unassigned: string;
  };
  /** To the requester: the request closed for want of an answer to the clarifying question (cl. 9.4.3). */
  autoClose: {
    subject: string;
    closed: string;
    reason: string;
    again: string;
  };
  /** New staff training (cl. 3.1). */
  training: {
    assignedSubject: string;
    lastDaySubject: string;
    missedSubject: string;
    assigned: string;
    lastDay: string;
    missed: string;
    hint: string;
  };
  /** The morning list of one assignee's open requests. */
  dailyDigest: {
    subject: string;
    intro: string;
    overdueHeading: string;
    upcomingHeading: string;
    waitingHeading: string;
    noDueHeading: string;
    line: string;
    lineNoDue: string;
  };
  errors: {
    badKey: string;
    badKind: string;
    noRecipient: string;
    noSubject: string;
    tooLarge: string;
    workTooLarge: string;
    workInboxFull: string;
    noQueueSheet: string;
    interrupted: string;
    unreadablePayload: string;
  };
}

export const ru: MailTexts = {
  keyLine: 'Код письма: {key}',
  automatic: 'Письмо отправлено автоматически системой помощи по электронному журналу.',
  dueFormat: '{day}.{month}.{year} {hour}:{minute}',
  ack: {
    subject: 'Обращение {id} зарегистрировано',
    registered: 'Ваше обращение зарегистрировано под номером {id}.',
    due: 'Ответ будет дан не позднее {due} (местное время школы).',
    replyHint: 'Чтобы дополнить обращение, ответьте на это письмо, сохранив номер обращения в теме.',
    contactsHeading: 'Как связаться со школой',
    schoolPhone: 'Телефон: {value}',
    schoolEmail: 'Эл. почта: {value}',
    officeHours: 'Приёмные часы: по рабочим дням с {start} до {end}',
    consultant: 'Технический консультант: {value}',
    appointment: 'Назначен приказом: {value}',
    supportHeading: 'Служба поддержки СЭДиЖ',
    supportPhone: 'Телефон (звонок бесплатный): {value}',
    supportVk: 'Группа ВКонтакте: {value}',
    supportEmail: 'Эл. почта: {value}',
    supportHours: 'Обращения обрабатываются ежедневно с {start} до {end}',
    articlesHeading: 'Возможно, ответ уже есть в справочных материалах',
  },
  assignee: {
    subject: 'Новое обращение {id}: {topic}',
    intro: 'Вам назначено обращение.',
    request: 'Номер',
    topic: 'Тема',
    requester: 'Кто обратился',
    channel: 'Канал',
    due: 'Срок ответа',
    description: 'Описание (начало)',
    open: 'Открыть таблицу обращений',
  },
  etiquette: {
    subject: 'Нарушение этикета в обращении {id}',
    flagged: 'В обращении {id} найдены нецензурные или оскорбительные выражения.',
    ended: 'Консультация по обращению {id} прекращена из-за нарушения этикета.',
    where: 'Подробности — в таблице обращений (строка обращения {id}).',
  },
  complaint: {
    subject: 'Поступила жалоба на специалиста',
    arrived: 'Поступила жалоба на работу специалиста ({at}).',
    where: 'Текст жалобы доступен только вам и владельцу системы — в таблице жалоб.',
  },
  digest: {
    subject: 'Сводка уведомлений: {count}',
    intro: 'Чтобы не превысить дневной лимит писем, несколько уведомлений собраны в одно письмо.',
  },
  sla: {
    reminderSubject: 'Скоро срок {what}: обращение {id}',
    overdueSubject: 'Просрочен срок {what}: обращение {id}',
    directorSubject: 'Эскалация: обращение {id}, просрочен срок {what}',
    supportSubject: 'Служба поддержки не ответила в срок: обращение {id}',
    what: { firstResponse: 'первого ответа', resolution: 'решения' },
    reminder: 'Приближается срок {what} по обращению {id}: {due}.',
    overdue: 'Срок {what} по обращению {id} истёк {due}.',
    director: 'Срок {what} по обращению {id} истёк {due}, и с тех пор прошло более {hours} ч. Нужно ваше решение.',
    support:
      'Обращение {id} ждёт ответа Службы поддержки СЭДиЖ с {since}. Срок ответа в часы её работы истёк {due}: напомните Службе поддержки о заявке.',
    request: 'Номер',
    topic: 'Тема',
    requester: 'Кто обратился',
    status: 'Статус',
    assignee: 'Исполнитель',
    due: 'Срок',
    ticket: 'Заявка в Службе поддержки',
    unassigned: 'не назначен',
  },
  autoClose: {
    subject: 'Обращение {id} закрыто',
    closed: 'Ваше обращение {id} закрыто: ответ на уточняющий вопрос не поступил в течение {days} рабочих дней.',
    reason: 'Причина: {reason} (п. 9.4.3 регламента).',
    again: 'Если вопрос остался, подайте новое обращение и опишите затруднение подробнее (п. 5.3, 6.3 регламента).',
  },
  training: {
    assignedSubject: 'Обучение нового сотрудника: {name}',
    lastDaySubject: 'Сегодня последний день обучения: {name}',
    missedSubject: 'Просрочено обучение нового сотрудника: {name}',
    assigned: '{name} приступает к работе {start}. Обучить работе с СЭДиЖ нужно не позднее {due} (п. 3.1 регламента).',
    lastDay: 'Срок обучения сотрудника {name} работе с СЭДиЖ истекает {due}.',
    missed: 'Срок обучения сотрудника {name} работе с СЭДиЖ истёк {due}, отметки об обучении нет.',
    hint: 'Когда обучение проведено, поставьте дату в столбце «Обучен» листа «Сотрудники».',
  },
  dailyDigest: {
    subject: 'Ваши открытые обращения на {date}: {count}',
    intro: 'Открытые обращения, назначенные вам, — самые срочные сверху.',
    overdueHeading: 'Просрочены',
    upcomingHeading: 'В работе',
    waitingHeading: 'Ждут ответа заявителя или Службы поддержки',
    noDueHeading: 'Без срока',
    line: '{id} — {topic} — {status} — срок {due}',
    lineNoDue: '{id} — {topic} — {status}',
  },
  errors: {
    badKey: 'Неверный код письма «{key}»: нужен вид «обращение|вид|событие» без пробелов, кавычек и лишних «|».',
    badKind: 'Неизвестный вид письма «{kind}».',
    noRecipient: 'У письма {key} не указан получатель.',
    noSubject: 'У письма {key} нет темы.',
    tooLarge: 'Письмо {key} слишком большое для очереди ({size} знаков, допустимо {max}). Сократите текст.',
    workTooLarge:
      'Задание слишком большое для передачи владельцу системы ({size} байт, допустимо {max}). Сократите текст и повторите.',
    workInboxFull:
      'Очередь заданий для владельца системы переполнена: автоматическое задание давно не запускалось. Сообщите владельцу системы.',
    noQueueSheet: 'Лист «Очередь писем» не найден. Запустите «Настроить или обновить таблицу».',
    interrupted: 'Отправка была прервана, в отправленных письмо не найдено: оно будет отправлено снова.',
    unreadablePayload: 'Содержимое письма в очереди повреждено, письмо не может быть отправлено.',
  },
};

export const en: MailTexts = {
  keyLine: 'Message code: {key}',
  automatic: 'This message was sent automatically by the e-journal helpdesk.',
  dueFormat: '{day}.{month}.{year} {hour}:{minute}',
  ack: {
    subject: 'Request {id} registered',
    registered: 'Your request has been registered as {id}.',
    due: 'You will get an answer by {due} (school local time).',
    replyHint: 'To add to your request, reply to this message keeping the request number in the subject.',
    contactsHeading: 'How to reach the school',
    schoolPhone: 'Phone: {value}',
    schoolEmail: 'E-mail: {value}',
    officeHours: 'Office hours: working days from {start} to {end}',
    consultant: 'Technical consultant: {value}',
    appointment: 'Appointed by order: {value}',
    supportHeading: 'СЭДиЖ support service',
    supportPhone: 'Phone (free call): {value}',
    supportVk: 'VK group: {value}',
    supportEmail: 'E-mail: {value}',
    supportHours: 'Requests are handled daily from {start} to {end}',
    articlesHeading: 'The answer may already be in the reference materials',
  },
  assignee: {
    subject: 'New request {id}: {topic}',
    intro: 'A request has been assigned to you.',
    request: 'ID',
    topic: 'Topic',
    requester: 'Requester',
    channel: 'Channel',
    due: 'Answer due',
    description: 'Description (beginning)',
    open: 'Open the request log',
  },
  etiquette: {
    subject: 'Etiquette breach in request {id}',
    flagged: 'Request {id} contains obscene or insulting words.',
    ended: 'The consultation on request {id} was ended for an etiquette breach.',
    where: 'Details are in the request log (the row of request {id}).',
  },
  complaint: {
    subject: 'A complaint about a specialist has arrived',
    arrived: 'A complaint about a specialist has arrived ({at}).',
    where: 'Only you and the system owner can read it, in the complaints spreadsheet.',
  },
  digest: {
    subject: 'Notification digest: {count}',
    intro: 'To stay within the daily mail limit, several notifications are collected in one message.',
  },
  sla: {
    reminderSubject: 'Due soon, {what}: request {id}',
    overdueSubject: 'Overdue, {what}: request {id}',
    directorSubject: 'Escalation: request {id}, {what} overdue',
    supportSubject: 'The support service has not answered in time: request {id}',
    what: { firstResponse: 'first response', resolution: 'resolution' },
    reminder: 'The {what} of request {id} is due {due}.',
    overdue: 'The {what} of request {id} was due {due}.',
    director: 'The {what} of request {id} was due {due}, more than {hours} h ago. Your decision is needed.',
    support:
      'Request {id} has been waiting for the СЭДиЖ support service since {since}. Its answer was due {due} in its working hours: remind the support service of the ticket.',
    request: 'ID',
    topic: 'Topic',
    requester: 'Requester',
    status: 'Status',
    assignee: 'Assignee',
    due: 'Due',
    ticket: 'Support ticket',
    unassigned: 'not assigned',
  },
  autoClose: {
    subject: 'Request {id} closed',
    closed: 'Your request {id} has been closed: no answer to the clarifying question came within {days} working days.',
    reason: 'Reason: {reason} (regulation cl. 9.4.3).',
    again: 'If the question remains, please send a new request describing the problem in more detail.',
  },
  training: {
    assignedSubject: 'New staff training: {name}',
    lastDaySubject: 'Last day for training: {name}',
    missedSubject: 'New staff training overdue: {name}',
    assigned: '{name} starts on {start}. Training in СЭДиЖ is due by {due} (regulation cl. 3.1).',
    lastDay: 'The СЭДиЖ training of {name} is due {due}.',
    missed: 'The СЭДиЖ training of {name} was due {due} and is not marked done.',
    hint: 'When the training is done, enter its date in the "Trained" column of the "Staff" sheet.',
  },
  dailyDigest: {
    subject: 'Your open requests on {date}: {count}',
    intro: 'Open requests assigned to you, the most urgent first.',
    overdueHeading: 'Overdue',
    upcomingHeading: 'In progress',
    waitingHeading: 'Waiting for the requester or the support service',
    noDueHeading: 'No due time',
    line: '{id} — {topic} — {status} — due {due}',
    lineNoDue: '{id} — {topic} — {status}',
  },
  errors: {
    badKey: 'Invalid message code "{key}": it must be "request|kind|event" without spaces, quotes or extra "|".',
    badKind: 'Unknown message kind "{kind}".',
    noRecipient: 'Message {key} has no recipient.',
    noSubject: 'Message {key} has no subject.',
    tooLarge: 'Message {key} is too large for the queue ({size} characters, at most {max}). Shorten the text.',
    workTooLarge:
      'The task is too large to hand to the system owner ({size} bytes, at most {max}). Shorten the text and retry.',
    workInboxFull:
      "The system owner's task inbox is full: the scheduled job has not run for a long time. Tell the system owner.",
    noQueueSheet: 'The "Mail queue" sheet was not found. Run "Set up or upgrade the spreadsheet".',
    interrupted: 'The send was interrupted and the message is not in the sent mail: it will be sent again.',
    unreadablePayload: 'The queued message content is damaged; the message cannot be sent.',
  },
};

export function mailTexts(locale: string): MailTexts {
  return locale === 'en' ? en : ru;
}
