/**
 * The e-mails of the request life cycle (SPEC R5.3/R6.3, R8, R9, R10, satisfaction): what the requester hears
 * at each step, and what the assignee hears when the requester moves the request.
 * Russian first; English mirrors it key for key.
 */
export interface WorkflowMailTexts {
  readonly clarification: {
    readonly subject: string;
    readonly intro: string;
    /** The templated question (R5.3), used when the consultant wrote none. */
    readonly defaultQuestion: string;
    readonly paused: string;
    readonly autoClose: string;
  };
  readonly escalation: {
    readonly subject: string;
    readonly passed: string;
    readonly wait: string;
    readonly supportHeading: string;
  };
  readonly answer: {
    readonly subject: string;
    readonly intro: string;
    readonly rateHeading: string;
    readonly helped: string;
    readonly notHelped: string;
    readonly rateHint: string;
    readonly more: string;
  };
  readonly rejection: {
    readonly subject: string;
    readonly rejected: string;
    readonly reason: string;
    readonly again: string;
  };
  readonly etiquetteEnded: {
    readonly subject: string;
    readonly ended: string;
    readonly reason: string;
    readonly complaint: string;
  };
  readonly assignee: {
    readonly repliedSubject: string;
    readonly replied: string;
    readonly notHelpedSubject: string;
    readonly notHelped: string;
    readonly open: string;
  };
  /** One line of the support contacts: {value}. */
  readonly support: { readonly phone: string; readonly vk: string; readonly email: string; readonly hours: string };
}

export const ru: WorkflowMailTexts = {
  clarification: {
    subject: 'Обращение {id}: нужно уточнение',
    intro: 'Чтобы ответить на ваше обращение {id}, нам нужно уточнение.',
    defaultQuestion:
      'Пожалуйста, опишите подробнее: что именно вы делали, что ожидали увидеть и что произошло (текст сообщения об ошибке, раздел электронного журнала или дневника, дата).',
    paused: 'Ответьте, пожалуйста, на это письмо. Срок ответа на обращение приостановлен до вашего ответа.',
    autoClose:
      'Если ответа не будет {days} рабочих дней, обращение будет закрыто по причине «Недостаточно исходной информации» (п. 9.4.3 регламента).',
  },
  escalation: {
    subject: 'Обращение {id} передано в Службу поддержки',
    passed:
      'Ваше обращение {id} требует помощи Службы поддержки СЭДиЖ, и мы передали его туда (п. 8 регламента). Когда Служба поддержки ответит, мы сообщим вам.',
    wait: 'Вы также можете обратиться в Службу поддержки сами:',
    supportHeading: 'Служба поддержки СЭДиЖ',
  },
  answer: {
    subject: 'Ответ на обращение {id}',
    intro: 'Ответ на ваше обращение {id}:',
    rateHeading: 'Помог ли вам ответ?',
    helped: 'Помогло',
    notHelped: 'Не помогло',
    rateHint: 'Ссылка откроет страницу подтверждения; оценку можно поставить один раз.',
    more: 'Если остались вопросы, ответьте на это письмо.',
  },
  rejection: {
    subject: 'Обращение {id} отклонено',
    rejected: 'Ваше обращение {id} отклонено.',
    reason: 'Причина (п. 9.4.3 регламента): {reason}.',
    again: 'Вы можете подать новое обращение, описав вопрос подробнее, или прийти в приёмные часы.',
  },
  etiquetteEnded: {
    subject: 'Консультация по обращению {id} прекращена',
    ended:
      'Консультация по вашему обращению {id} прекращена в связи с нарушением норм делового этикета (п. 10 регламента). Директор школы уведомлён.',
    reason: 'Причина: {reason}',
    complaint: 'Если вы не согласны, вы можете обратиться к директору школы.',
  },
  assignee: {
    repliedSubject: 'Обращение {id}: заявитель ответил на уточнение',
    replied:
      'Заявитель ответил на уточняющий вопрос по обращению {id}. Обращение снова в работе, срок ответа идёт дальше.',
    notHelpedSubject: 'Обращение {id}: ответ не помог',
    notHelped: 'Заявитель отметил, что ответ на обращение {id} не помог. Обращение снова в работе.',
    open: 'Открыть журнал обращений',
  },
  support: {
    phone: 'Телефон (звонок бесплатный): {value}',
    vk: 'Группа ВКонтакте: {value}',
    email: 'Эл. почта: {value}',
    hours: 'Обращения обрабатываются ежедневно с {start} до {end}',
  },
};

export const en: WorkflowMailTexts = {
  clarification: {
    subject: 'Request {id}: we need more details',
    intro: 'To answer your request {id}, we need more details.',
    defaultQuestion:
      'Please describe in more detail what you did, what you expected to see and what happened (the error message, the section of the e-journal or e-diary, the date).',
    paused: 'Please reply to this e-mail. The deadline of your request is paused until you reply.',
    autoClose:
      'Without a reply within {days} working days the request will be closed for «Not enough information» (cl. 9.4.3 of the regulation).',
  },
  escalation: {
    subject: 'Request {id} passed to the support service',
    passed:
      'Your request {id} needs the СЭДиЖ support service, and we have passed it on (cl. 8 of the regulation). We will tell you when the support service answers.',
    wait: 'You can also contact the support service yourself:',
    supportHeading: 'СЭДиЖ support service',
  },
  answer: {
    subject: 'Answer to request {id}',
    intro: 'The answer to your request {id}:',
    rateHeading: 'Did the answer help?',
    helped: 'Helped',
    notHelped: 'Did not help',
    rateHint: 'The link opens a confirmation page; a request can be rated once.',
    more: 'If you have more questions, reply to this e-mail.',
  },
  rejection: {
    subject: 'Request {id} rejected',
    rejected: 'Your request {id} has been rejected.',
    reason: 'Reason (cl. 9.4.3 of the regulation): {reason}.',
    again: 'You may send a new request describing the question in more detail, or come during office hours.',
  },
  etiquetteEnded: {
    subject: 'Consultation on request {id} ended',
    ended:
      'The consultation on your request {id} was ended for a breach of business etiquette (cl. 10 of the regulation). The school director has been told.',
    reason: 'Reason: {reason}',
    complaint: 'If you disagree, you may contact the school director.',
  },
  assignee: {
    repliedSubject: 'Request {id}: the requester replied',
    replied:
      'The requester answered the clarifying question on request {id}. The request is in progress again; its deadline runs on.',
    notHelpedSubject: 'Request {id}: the answer did not help',
    notHelped: 'The requester marked that the answer to request {id} did not help. The request is in progress again.',
    open: 'Open the request log',
  },
  support: {
    phone: 'Phone (free call): {value}',
    vk: 'VK group: {value}',
    email: 'E-mail: {value}',
    hours: 'Requests are handled daily from {start} to {end}',
  },
};

export function workflowMailTexts(locale: string): WorkflowMailTexts {
  return locale === 'en' ? en : ru;
}
