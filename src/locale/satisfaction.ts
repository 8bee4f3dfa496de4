/**
 * Texts of the satisfaction pages: the confirmation page a «Помогло / Не помогло» link of the answer e-mail
 * opens, the page after the vote, and every refusal (an incomplete or altered link, an unknown or anonymised
 * request, a second vote). The pages name the request's number and nothing of the requester.
 * Russian first; English mirrors it key for key (the shared type makes a missing key a compile error).
 */
import type { Vote } from '../domain/satisfaction';

/** Why a vote is not taken (domain/satisfaction.ts decides which). */
export type SatisfactionRefusal =
  | 'missingToken'
  | 'badToken'
  | 'badRequest'
  | 'unknownRequest'
  | 'anonymised'
  | 'alreadyRated'
  | 'notAnswered'
  | 'busy'
  | 'unavailable';

export interface SatisfactionTexts {
  /** The browser tab's title of every page. */
  readonly title: string;
  readonly confirm: {
    readonly heading: string;
    /** {id}: the request's number. */
    readonly request: string;
    /** {vote}: the vote's label in «» quotes. */
    readonly chosen: string;
    /** What confirming does, by vote. */
    readonly effect: Readonly<Record<Vote, string>>;
    /** The button: {vote}. */
    readonly button: string;
    readonly mistake: string;
    readonly once: string;
  };
  readonly done: {
    readonly heading: string;
    /** By what happened: closed now, reopened now, recorded on a request that was already closed. */
    readonly closed: string;
    readonly reopened: string;
    readonly recorded: string;
  };
  readonly refused: Readonly<Record<SatisfactionRefusal, { readonly heading: string; readonly message: string }>>;
  /** The school's phone line under a refusal: {phone}. */
  readonly contact: string;
  /** The audit entry of a vote. */
  readonly audit: {
    readonly action: string;
    readonly note: string;
    /** The vote taken back because the status change it asked for was refused: {reason}. */
    readonly withdrawn: string;
  };
}

export const ru: SatisfactionTexts = {
  title: 'Оценка ответа на обращение',
  confirm: {
    heading: 'Подтвердите оценку ответа',
    request: 'Обращение № {id}',
    chosen: 'Вы выбрали: «{vote}».',
    effect: {
      helped: 'После подтверждения обращение будет закрыто.',
      notHelped: 'После подтверждения обращение вернётся в работу, и технический консультант снова займётся им.',
    },
    button: 'Подтвердить: «{vote}»',
    mistake:
      'Если вы выбрали не тот вариант, закройте эту страницу и нажмите другую ссылку в письме: пока вы не нажали кнопку, ничего не записано.',
    once: 'Оценку можно поставить один раз.',
  },
  done: {
    heading: 'Спасибо за оценку',
    closed: 'Ваша оценка записана. Обращение № {id} закрыто.',
    reopened:
      'Ваша оценка записана. Обращение № {id} снова в работе: технический консультант займётся им и ответит вам.',
    recorded: 'Ваша оценка записана. Обращение № {id} уже было закрыто.',
  },
  refused: {
    missingToken: {
      heading: 'Ссылка неполная',
      message:
        'В ссылке нет кода оценки. Откройте ссылку из письма целиком: если почтовая программа разорвала её на две строки, скопируйте её полностью в адресную строку браузера.',
    },
    badToken: {
      heading: 'Ссылка недействительна',
      message:
        'Код оценки в ссылке повреждён или не подходит. Откройте ссылку прямо из письма с ответом, не изменяя её. Оценка не записана.',
    },
    badRequest: {
      heading: 'Запрос не распознан',
      message: 'Оценка не записана. Откройте ссылку из письма с ответом ещё раз и нажмите кнопку подтверждения.',
    },
    unknownRequest: {
      heading: 'Обращение не найдено',
      message: 'Обращения по этой ссылке нет в журнале обращений. Оценка не записана.',
    },
    anonymised: {
      heading: 'Оценить обращение уже нельзя',
      message: 'Срок хранения данных этого обращения истёк, данные обезличены. Оценка не записана.',
    },
    alreadyRated: {
      heading: 'Оценка уже получена',
      message: 'Оценка ответа на это обращение уже записана; поставить её можно один раз. Спасибо!',
    },
    notAnswered: {
      heading: 'Оценить ответ сейчас нельзя',
      message:
        'Обращение сейчас не ожидает оценки: оно снова в работе или ответ по нему ещё не дан. Оценка не записана.',
    },
    busy: {
      heading: 'Сервис занят',
      message: 'Сейчас служба помощи обрабатывает другие запросы. Оценка не записана: попробуйте ещё раз через минуту.',
    },
    unavailable: {
      heading: 'Страница временно недоступна',
      message: 'Оценка не записана. Попробуйте ещё раз позже.',
    },
  },
  contact: 'Телефон службы помощи по электронному журналу: {phone}.',
  audit: {
    action: 'Оценка ответа заявителем',
    note: 'по ссылке из письма с ответом',
    withdrawn: 'Оценка не принята: статус обращения не изменился ({reason})',
  },
};

export const en: SatisfactionTexts = {
  title: 'Rating the answer to a request',
  confirm: {
    heading: 'Confirm your rating of the answer',
    request: 'Request No. {id}',
    chosen: 'You chose: «{vote}».',
    effect: {
      helped: 'Once you confirm, the request is closed.',
      notHelped: 'Once you confirm, the request goes back into work and the technical consultant takes it up again.',
    },
    button: 'Confirm: «{vote}»',
    mistake:
      'If you chose the wrong option, close this page and use the other link in the e-mail: nothing is recorded until you press the button.',
    once: 'A request can be rated once.',
  },
  done: {
    heading: 'Thank you for your rating',
    closed: 'Your rating is recorded. Request No. {id} is closed.',
    reopened:
      'Your rating is recorded. Request No. {id} is in progress again: the technical consultant will take it up and answer you.',
    recorded: 'Your rating is recorded. Request No. {id} was already closed.',
  },
  refused: {
    missingToken: {
      heading: 'The link is incomplete',
      message:
        'The link has no rating code. Open the whole link from the e-mail: if your mail program broke it across two lines, copy all of it into the browser’s address bar.',
    },
    badToken: {
      heading: 'The link is not valid',
      message:
        'The rating code in the link is damaged or does not match. Open the link straight from the answer e-mail without changing it. Nothing was recorded.',
    },
    badRequest: {
      heading: 'The request was not understood',
      message: 'Nothing was recorded. Open the link from the answer e-mail again and press the confirmation button.',
    },
    unknownRequest: {
      heading: 'Request not found',
      message: 'The request of this link is not in the request log. Nothing was recorded.',
    },
    anonymised: {
      heading: 'This request can no longer be rated',
      message:
        'The retention period of this request’s data has ended and the data was anonymised. Nothing was recorded.',
    },
    alreadyRated: {
      heading: 'Already rated',
      message: 'The answer to this request has already been rated; a request can be rated once. Thank you!',
    },
    notAnswered: {
      heading: 'The answer cannot be rated now',
      message:
        'The request is not waiting for a rating: it is in progress again or has not been answered yet. Nothing was recorded.',
    },
    busy: {
      heading: 'The service is busy',
      message: 'The helpdesk is busy with other work right now. Nothing was recorded: please try again in a minute.',
    },
    unavailable: {
      heading: 'The page is unavailable',
      message: 'Nothing was recorded. Please try again later.',
    },
  },
  contact: 'Helpdesk phone for the electronic journal: {phone}.',
  audit: {
    action: 'Answer rated by the requester',
    note: 'by the link in the answer e-mail',
    withdrawn: 'Rating not taken: the status did not change ({reason})',
  },
};

export const satisfactionTexts = { ru, en } as const;

export function satisfactionTextsFor(locale: string): SatisfactionTexts {
  return locale === 'en' ? en : ru;
}
