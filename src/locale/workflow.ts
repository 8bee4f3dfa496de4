/**
 * Texts of the request life cycle (SPEC R5.3/R6.3, R8, R9, R10): why a status change is refused. The sheet's
 * edit handler reverts an illegal hand edit and shows one of these as the cell's note.
 * Russian first; English mirrors it key for key (the shared type makes a missing key a compile error).
 */
import type { Role } from '../domain/roles';

/** Why a status change is refused. */
export type TransitionProblemCode =
  | 'unknownStatus'
  | 'blankIdentity'
  | 'notAllowed'
  | 'roleNotAllowed'
  | 'answerRequired'
  | 'rejectReasonRequired'
  | 'etiquetteReasonRequired';

/** Who may make a change: a staff role, the requester (by a reply or a satisfaction link), or the script. */
export type Actor = Role | 'requester' | 'system';

export interface WorkflowTexts {
  /** The note's first line: {from} is the status the cell was returned to. */
  readonly reverted: string;
  /** {from}, {to}, {allowed}, {who}: labels in «» quotes, joined by commas. */
  readonly problems: Readonly<Record<TransitionProblemCode, string>>;
  readonly actors: Readonly<Record<Actor, string>>;
  /** {id}: the request ID. */
  readonly notFound: string;
  readonly busy: string;
  /** The requester left no e-mail: {id}, {phone}. */
  readonly noEmail: string;
  readonly done: string;
  readonly audit: {
    readonly status: string;
    readonly firstResponse: string;
    readonly resolved: string;
    readonly reopened: string;
    readonly answer: string;
    readonly rejectReason: string;
    readonly etiquetteReason: string;
  };
  /** Where a change came from, in the audit note. */
  readonly via: Readonly<Record<'sidebar' | 'sheet' | 'mail' | 'satisfaction' | 'sweep' | 'staged', string>>;
  /** The line added to «Заметки» when a consultation is ended (cl. 10): {date}, {reason}. */
  readonly etiquetteNote: string;
}

export const ru: WorkflowTexts = {
  reverted: 'Статус возвращён: «{from}».',
  problems: {
    unknownStatus: 'Такого статуса нет в списке. Выберите статус из выпадающего списка.',
    blankIdentity:
      'Таблица не сообщила, кто вы, поэтому статус менять нельзя. Войдите в свою учётную запись или воспользуйтесь боковой панелью.',
    notAllowed: 'Из «{from}» нельзя перейти в «{to}». Допустимо: {allowed}.',
    roleNotAllowed: 'Перевести обращение из «{from}» в «{to}» может только: {who}.',
    answerRequired: 'Для статуса «Дан ответ» сначала впишите текст ответа в столбец «Ответ».',
    rejectReasonRequired:
      'Для отклонения выберите причину из списка п. 9.4.3 регламента в столбце «Причина отклонения».',
    etiquetteReasonRequired:
      'Для прекращения консультации (п. 10 регламента) укажите причину: директор получит уведомление.',
  },
  actors: {
    owner: 'учётная запись школы',
    consultant: 'технический консультант',
    deputy: 'заместитель директора по УВР',
    director: 'директор',
    teacher: 'педагог',
    staff: 'сотрудник',
    requester: 'заявитель',
    system: 'система',
  },
  notFound: 'Обращение {id} не найдено в листе «Обращения».',
  busy: 'Таблица сейчас занята другой операцией. Попробуйте ещё раз через минуту — ничего не потеряно.',
  noEmail: 'У обращения {id} нет адреса эл. почты: письмо не отправлено, сообщите заявителю по телефону {phone}.',
  done: 'Готово: обращение {id} — «{status}».',
  audit: {
    status: 'Статус изменён',
    firstResponse: 'Записано время первого ответа',
    resolved: 'Записано время решения',
    reopened: 'Обращение снова в работе: время решения снято',
    answer: 'Ответ записан',
    rejectReason: 'Причина отклонения',
    etiquetteReason: 'Консультация прекращена (п. 10)',
  },
  via: {
    sidebar: 'боковая панель',
    sheet: 'правка в таблице',
    mail: 'ответ по почте',
    satisfaction: 'оценка заявителя',
    sweep: 'контроль сроков',
    staged: 'отложенная отправка ответа',
  },
  etiquetteNote: '{date}: консультация прекращена (п. 10 регламента): {reason}',
};

export const en: WorkflowTexts = {
  reverted: 'Status restored: «{from}».',
  problems: {
    unknownStatus: 'There is no such status. Choose one from the drop-down list.',
    blankIdentity:
      'The spreadsheet did not tell who you are, so the status cannot be changed. Sign in to your account or use the sidebar.',
    notAllowed: 'A request cannot go from «{from}» to «{to}». Allowed: {allowed}.',
    roleNotAllowed: 'Only {who} may move a request from «{from}» to «{to}».',
    answerRequired: 'Before setting «Answered», type the answer into the «Answer» column.',
    rejectReasonRequired: 'To reject, choose a reason from the cl. 9.4.3 list in the «Rejection reason» column.',
    etiquetteReasonRequired: 'To end a consultation (cl. 10), give the reason: the director will be told.',
  },
  actors: {
    owner: 'the school account',
    consultant: 'the technical consultant',
    deputy: 'the deputy director',
    director: 'the director',
    teacher: 'a teacher',
    staff: 'a staff member',
    requester: 'the requester',
    system: 'the system',
  },
  notFound: 'Request {id} is not in the «Requests» sheet.',
  busy: 'The spreadsheet is busy with another operation. Try again in a minute — nothing is lost.',
  noEmail: 'Request {id} has no e-mail address: nothing was sent; tell the requester by phone {phone}.',
  done: 'Done: request {id} is «{status}».',
  audit: {
    status: 'Status changed',
    firstResponse: 'First response time recorded',
    resolved: 'Resolution time recorded',
    reopened: 'Reopened: resolution time cleared',
    answer: 'Answer recorded',
    rejectReason: 'Rejection reason',
    etiquetteReason: 'Consultation ended (cl. 10)',
  },
  via: {
    sidebar: 'sidebar',
    sheet: 'edit in the sheet',
    mail: 'e-mail reply',
    satisfaction: "requester's rating",
    sweep: 'deadline control',
    staged: 'delayed answer',
  },
  etiquetteNote: '{date}: consultation ended (cl. 10): {reason}',
};

export const workflowTexts = { ru, en } as const;
