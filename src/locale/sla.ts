/**
 * Texts of the service-level jobs that are not e-mail (those are in mail.ts): audit entries and the
 * training record. Russian first; English mirrors it key for key (one shared type).
 */
export interface SlaTexts {
  /** Who the audit log names for the sweep's own changes. */
  readonly actor: string;
  readonly audit: {
    readonly autoClosed: string;
    readonly autoClosedNote: string;
    readonly dueChanged: string;
    readonly dueNextTarget: string;
    readonly dueAfterPause: string;
    readonly pauseRequester: string;
    readonly pauseSupport: string;
    readonly pauseEnded: string;
    readonly trainingDue: string;
  };
}

export const ru: SlaTexts = {
  actor: 'система (проверка сроков)',
  audit: {
    autoClosed: 'Отклонено автоматически: нет ответа на уточнение',
    autoClosedNote: 'Ответ заявителя не поступил в течение {days} рабочих дней (п. 9.4.3 регламента)',
    dueChanged: 'Срок ответа обновлён',
    dueNextTarget: 'Первый ответ дан: показан срок решения',
    dueAfterPause: 'Срок перенесён на время ожидания',
    pauseRequester: 'Отсчёт срока приостановлен: ожидание ответа заявителя',
    pauseSupport: 'Отсчёт срока приостановлен: ожидание Службы поддержки',
    pauseEnded: 'Отсчёт срока возобновлён после ожидания ({hours} ч)',
    trainingDue: 'Срок обучения нового сотрудника, строка {row}',
  },
};

export const en: SlaTexts = {
  actor: 'system (service-level check)',
  audit: {
    autoClosed: 'Rejected automatically: no answer to the clarifying question',
    autoClosedNote: 'The requester did not answer within {days} working days (regulation cl. 9.4.3)',
    dueChanged: 'Due time updated',
    dueNextTarget: 'First response given: the resolution due time is shown',
    dueAfterPause: 'Due time moved by the time spent waiting',
    pauseRequester: 'Clock paused: waiting for the requester',
    pauseSupport: 'Clock paused: waiting for the support service',
    pauseEnded: 'Clock resumed after waiting ({hours} h)',
    trainingDue: 'New staff training due, row {row}',
  },
};

export function slaTexts(locale: string): SlaTexts {
  return locale === 'en' ? en : ru;
}
