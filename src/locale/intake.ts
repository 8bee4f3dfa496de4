/**
 * Texts of request intake (SPEC R1, R5.1/R6.1, R5.3/R6.3, R10): the overflow marker written into a cell,
 * the messages a person registering a request sees about its input, and the labels of request flags.
 * Russian first; English mirrors it key for key (the shared type makes a missing key a compile error).
 */
import type { RequestFlag } from '../domain/request';

/** What intake can say about one request's input; none of them stops the request from being registered. */
export type IntakeProblemCode =
  | 'invalidEmail'
  | 'invalidPhone'
  | 'noContact'
  | 'noConsent'
  | 'truncated'
  | 'missingTopic'
  | 'emptyDescription'
  | 'shortDescription'
  | 'etiquetteCheckFailed';

export interface IntakeTexts {
  /** Appended to a cell whose text did not fit; the rest is in the request's bookkeeping. */
  readonly continuedMarker: string;
  readonly problems: Readonly<Record<IntakeProblemCode, string>>;
  readonly flags: Readonly<Record<RequestFlag, string>>;
}

export const ru: IntakeTexts = {
  continuedMarker: '\n[…продолжение текста сохранено в служебных записях обращения]',
  problems: {
    invalidEmail:
      'Адрес электронной почты выглядит неверным: письмо может не дойти. Обращение зарегистрировано с отметкой «Нужно перезвонить».',
    invalidPhone: 'Номер телефона выглядит неполным или неверным. Он сохранён так, как введён.',
    noContact:
      'Нет ни действующего адреса почты, ни телефона: ответить письмом нельзя. Обращение зарегистрировано с отметкой «Нужно перезвонить».',
    noConsent: 'Нет согласия на обработку персональных данных. Обращение зарегистрировано с отметкой об этом.',
    truncated:
      'Текст длиннее, чем вмещает ячейка (50 000 знаков): в ячейке его начало, полный текст сохранён в служебных записях.',
    missingTopic: 'Не выбрана тема обращения: выберите её, чтобы обращение попало к нужному специалисту.',
    emptyDescription: 'Описание затруднения пустое: уточните у заявителя, в чём вопрос.',
    shortDescription: 'Описание затруднения очень короткое: возможно, понадобится уточнение (регламент, п. 5.3, 6.3).',
    etiquetteCheckFailed: 'Проверку текста на нарушение этикета выполнить не удалось; обращение зарегистрировано.',
  },
  flags: {
    'invalid-email': 'Неверный адрес почты',
    'callback-needed': 'Нужно перезвонить',
    etiquette: 'Нарушение этикета',
    truncated: 'Текст сокращён',
    'possible-duplicate': 'Возможный повтор',
    'no-consent': 'Нет согласия на обработку данных',
  },
};

export const en: IntakeTexts = {
  continuedMarker: "\n[…the rest of the text is kept in the request's service records]",
  problems: {
    invalidEmail:
      'The e-mail address looks wrong: a message may not arrive. The request is registered and marked "Call back".',
    invalidPhone: 'The phone number looks incomplete or wrong. It is kept exactly as typed.',
    noContact:
      'There is neither a working e-mail address nor a phone number: no answer can be sent by e-mail. The request is registered and marked "Call back".',
    noConsent: 'There is no consent to personal data processing. The request is registered and marked so.',
    truncated:
      'The text is longer than a cell holds (50,000 characters): the cell has its beginning, the full text is kept in the service records.',
    missingTopic: 'No topic is chosen: choose one so that the request reaches the right person.',
    emptyDescription: 'The description is empty: ask the requester what the question is.',
    shortDescription: 'The description is very short: it may need clarification (regulation, cl. 5.3, 6.3).',
    etiquetteCheckFailed: 'The etiquette check of the text could not run; the request is registered.',
  },
  flags: {
    'invalid-email': 'Invalid e-mail address',
    'callback-needed': 'Call back',
    etiquette: 'Etiquette breach',
    truncated: 'Text shortened',
    'possible-duplicate': 'Possible repeat',
    'no-consent': 'No data-processing consent',
  },
};

export function intakeTexts(locale: string): IntakeTexts {
  return locale === 'en' ? en : ru;
}
