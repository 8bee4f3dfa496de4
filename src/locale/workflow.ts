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
};

export const workflowTexts = { ru, en } as const;
