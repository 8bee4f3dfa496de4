/**
 * Texts of the consultation schedule's public page and print view (R3, R4, R7.1, cl. 4, 7.1, 8). Russian
 * first; English mirrors it key for key (one shared type). Placeholders in {braces} are filled by `format`.
 */
export interface ScheduleTexts {
  readonly page: {
    /** The page title: "{school}: помощь по электронному журналу". */
    readonly title: string;
    readonly intro: string;
    readonly printLink: string;
    readonly printHeading: string;
    readonly eventsHeading: string;
    readonly noEvents: string;
    readonly columns: {
      readonly date: string;
      readonly time: string;
      readonly kind: string;
      readonly audience: string;
      readonly topic: string;
      readonly place: string;
    };
    readonly helpHeading: string;
    readonly officeHours: string;
    /** "ежедневно по рабочим дням с {start} до {end}". */
    readonly officeHoursValue: string;
    readonly phone: string;
    readonly email: string;
    readonly form: string;
    readonly formLinkText: string;
    readonly complaints: string;
    readonly complaintsLinkText: string;
    readonly online: string;
    readonly onlineValue: string;
    readonly consultant: string;
    readonly order: string;
    readonly regulation: string;
    readonly supportHeading: string;
    readonly supportIntro: string;
    readonly supportPhone: string;
    readonly supportPhoneNote: string;
    readonly supportVk: string;
    readonly supportEmail: string;
    readonly supportHours: string;
    /** "ежедневно с {start} до {end}; обращения по почте принимаются круглосуточно". */
    readonly supportHoursValue: string;
    readonly articlesHeading: string;
    readonly noArticles: string;
    readonly updated: string;
    readonly notSet: string;
    readonly badRequestTitle: string;
    readonly badRequest: string;
    readonly unavailableTitle: string;
    readonly unavailable: string;
  };
  /** Short weekday names, Monday first (ISO 1…7). */
  readonly weekdays: readonly string[];
}

export const ru: ScheduleTexts = {
  page: {
    title: '{school}: помощь по электронному журналу',
    intro:
      'Консультации по работе с электронным журналом и электронным дневником (СЭДиЖ) для сотрудников, ' +
      'обучающихся и родителей (законных представителей).',
    printLink: 'Версия для печати (А4)',
    printHeading: 'График оказания помощи при работе с СЭДиЖ',
    eventsHeading: 'Утверждённый график консультаций',
    noEvents: 'Ближайших утверждённых консультаций пока нет.',
    columns: {
      date: 'Дата',
      time: 'Время',
      kind: 'Вид',
      audience: 'Для кого',
      topic: 'Тема',
      place: 'Место',
    },
    helpHeading: 'Как получить помощь',
    officeHours: 'Приёмные часы',
    officeHoursValue: 'по рабочим дням с {start} до {end}',
    phone: 'Телефон',
    email: 'Электронная почта',
    form: 'Заявка через форму',
    formLinkText: 'Оставить заявку',
    complaints: 'Жалоба на работу специалиста (рассматривает директор)',
    complaintsLinkText: 'Подать жалобу',
    online: 'Онлайн',
    onlineValue: 'в режиме on-line при работе в СЭДиЖ',
    consultant: 'Технический консультант',
    order: 'Назначен приказом директора',
    regulation: 'Регламент',
    supportHeading: 'Нештатная ситуация: Служба поддержки СЭДиЖ',
    supportIntro:
      'При нештатной ситуации обратитесь самостоятельно в Службу поддержки СЭДиЖ по телефону или в группу «ВКонтакте».',
    supportPhone: 'Телефон Службы поддержки',
    supportPhoneNote: 'звонок бесплатный',
    supportVk: 'Группа «ВКонтакте»',
    supportEmail: 'Электронная почта Службы поддержки',
    supportHours: 'Часы работы',
    supportHoursValue:
      'обработка обращений ежедневно с {start} до {end}; по почте обращения принимаются круглосуточно, ' +
      'в нерабочие часы по телефону можно оставить голосовое сообщение',
    articlesHeading: 'Справочные материалы',
    noArticles: 'Справочные материалы пока не опубликованы.',
    updated: 'Обновлено',
    notSet: 'уточняется',
    badRequestTitle: 'Неверный запрос',
    badRequest: 'Страница не понимает этот адрес. Откройте её без параметров или с ?view=print.',
    unavailableTitle: 'Страница недоступна',
    unavailable: 'График временно недоступен. Попробуйте позже или позвоните в школу.',
  },
  weekdays: ['пн', 'вт', 'ср', 'чт', 'пт', 'сб', 'вс'],
};

export const en: ScheduleTexts = {
  page: {
    title: '{school}: help with the electronic journal',
    intro:
      'Consultations on the electronic journal and e-diary (SEDiZh) for staff, students and parents ' +
      '(legal representatives).',
    printLink: 'Print version (A4)',
    printHeading: 'Schedule of help with SEDiZh',
    eventsHeading: 'Approved consultation schedule',
    noEvents: 'No approved consultations are coming up yet.',
    columns: {
      date: 'Date',
      time: 'Time',
      kind: 'Kind',
      audience: 'Audience',
      topic: 'Topic',
      place: 'Place',
    },
    helpHeading: 'How to get help',
    officeHours: 'Office hours',
    officeHoursValue: 'on working days from {start} to {end}',
    phone: 'Phone',
    email: 'E-mail',
    form: 'Request form',
    formLinkText: 'Submit a request',
    complaints: 'Complaint about a specialist (handled by the director)',
    complaintsLinkText: 'File a complaint',
    online: 'Online',
    onlineValue: 'online while working in SEDiZh',
    consultant: 'Technical consultant',
    order: "Appointed by the director's order",
    regulation: 'Regulation',
    supportHeading: 'Non-standard situation: SEDiZh support service',
    supportIntro: 'In a non-standard situation contact the SEDiZh support service by phone or in its VK group.',
    supportPhone: 'Support phone',
    supportPhoneNote: 'free call',
    supportVk: 'VK group',
    supportEmail: 'Support e-mail',
    supportHours: 'Hours',
    supportHoursValue:
      'requests handled daily from {start} to {end}; e-mail accepted 24×7, after hours the phone takes a voice message',
    articlesHeading: 'Reference materials',
    noArticles: 'No reference materials are published yet.',
    updated: 'Updated',
    notSet: 'to be announced',
    badRequestTitle: 'Bad request',
    badRequest: 'This address is not understood. Open the page without parameters or with ?view=print.',
    unavailableTitle: 'Page unavailable',
    unavailable: 'The schedule is unavailable for now. Please try later or call the school.',
  },
  weekdays: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};
