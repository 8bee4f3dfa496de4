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
  /** Month names as a month is named alone («сентябрь 2026»), January first. */
  readonly months: readonly string[];
  /** The menu's items of the schedule. */
  readonly menu: {
    readonly fillOfficeHours: string;
    readonly approve: string;
    readonly sidebar: string;
    readonly placeTraining: string;
  };
  /** «Заполнить приёмные часы на месяц…». */
  readonly fill: {
    readonly title: string;
    /** {start}, {end}, {place}, {example}, {default}. */
    readonly prompt: string;
    /** {input}. */
    readonly badMonth: string;
    /** {start}, {end}. */
    readonly badHours: string;
    /** {month}, {count}. */
    readonly done: string;
    /** {month}. */
    readonly nothing: string;
    /** {count}. */
    readonly skippedDayOff: string;
    readonly skippedPlanned: string;
    /** {list}: dates. */
    readonly skippedClash: string;
    readonly placeNotSet: string;
    readonly cancelled: string;
  };
  /** «Утвердить график…» and the sidebar's approval. */
  readonly approve: {
    readonly title: string;
    readonly prompt: string;
    /** {input}. */
    readonly badPeriod: string;
    /** {count}, {period}. */
    readonly confirm: string;
    /** {list}: lines of events that will stay unapproved. */
    readonly blocked: string;
    /** {period}. */
    readonly none: string;
    /** {count}, {period}. */
    readonly done: string;
    /** {count}. */
    readonly changedMeanwhile: string;
    /** {owner}. */
    readonly notEditor: string;
    readonly cancelled: string;
    /** {from}: a blank answer, from today on. */
    readonly periodFrom: string;
    /** {from}, {to}. */
    readonly periodRange: string;
    /** {row}, {date}, {start}, {end}, {kind}, {why}. */
    readonly eventLine: string;
    readonly problems: {
      readonly date: string;
      readonly time: string;
      readonly kind: string;
      readonly audience: string;
      readonly consultant: string;
      /** {rows}. */
      readonly clash: string;
    };
  };
  /** Shared by the actions: the lock, the director's address, a refusal. */
  readonly common: {
    readonly busy: string;
    readonly directorTold: string;
    readonly noDirector: string;
    readonly onlyApprovers: string;
    readonly unknownActor: string;
  };
  readonly sidebar: {
    readonly title: string;
    readonly notSchedule: string;
    readonly emptyRow: string;
    /** {row}. */
    readonly rowHeading: string;
    readonly time: string;
    /** {who}, {when}. */
    readonly approved: string;
    /** {who}, {when}. */
    readonly lost: string;
    readonly awaiting: string;
    readonly problemsHeading: string;
    readonly approveButton: string;
    readonly refreshButton: string;
    readonly closeButton: string;
    readonly saving: string;
    /** {error}. */
    readonly failed: string;
    /** {row}. */
    readonly approvedNow: string;
    /** {row}. */
    readonly changed: string;
    readonly alreadyApproved: string;
    readonly onlyDirector: string;
    readonly badInput: string;
  };
  /** Notes the edit handler puts on the consultant's cell of an edited row (the marker starts each). */
  readonly notes: {
    readonly marker: string;
    /** {rows}. */
    readonly clash: string;
    readonly times: string;
    /** {who}. */
    readonly approvalLost: string;
  };
  readonly audit: {
    readonly approved: string;
    readonly approvalLost: string;
    /** {month}, {count}. */
    readonly filled: string;
    /** {name}. */
    readonly trainingPlaced: string;
  };
  readonly mail: {
    /** {period}. */
    readonly awaitingSubject: string;
    /** {count}, {period}. */
    readonly awaiting: string;
    readonly howToApprove: string;
    readonly notPublished: string;
    /** {date}, {start}, {end}, {kind}. */
    readonly lostSubject: string;
    /** {who}. */
    readonly lost: string;
    /** {column}, {before}, {after}. */
    readonly change: string;
    readonly approveAgain: string;
    readonly open: string;
    readonly time: string;
  };
  /** «Запланировать обучение новых сотрудников…» (cl. 3.1). */
  readonly training: {
    readonly title: string;
    readonly none: string;
    /** {list}. */
    readonly prompt: string;
    /** {n}, {name}, {start}, {due}. */
    readonly line: string;
    /** {input}. */
    readonly badChoice: string;
    readonly allWords: readonly string[];
    /** {name}, {date}, {start}, {end}. */
    readonly placed: string;
    /** {name}, {due}. */
    readonly noSlot: string;
    /** {name}, {due}. */
    readonly overdue: string;
    readonly heading: string;
    readonly topic: string;
    /** {name}. */
    readonly notes: string;
  };
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
  months: [
    'январь',
    'февраль',
    'март',
    'апрель',
    'май',
    'июнь',
    'июль',
    'август',
    'сентябрь',
    'октябрь',
    'ноябрь',
    'декабрь',
  ],
  menu: {
    fillOfficeHours: 'Заполнить приёмные часы на месяц…',
    approve: 'Утвердить график…',
    sidebar: 'График: событие и утверждение',
    placeTraining: 'Запланировать обучение новых сотрудников…',
  },
  fill: {
    title: 'Приёмные часы на месяц',
    prompt:
      'На какой месяц заполнить приёмные часы ({start}–{end}, {place}) по рабочим дням производственного календаря? ' +
      'Например: «{example}», «декабрь 2026», «2026-12». Пусто — {default}.',
    badMonth:
      'Не удалось понять месяц «{input}». Напишите, например, «12.2026», «декабрь 2026» или «2026-12». Ничего не записано.',
    badHours:
      'Приёмные часы в «Настройках» заданы неверно: «{start}»–«{end}». Укажите время как ЧЧ:ММ, начало раньше окончания. Ничего не записано.',
    done: 'Добавлено приёмных часов на {month}: {count}. Они ждут утверждения директором.',
    nothing: 'На {month} новых приёмных часов нет: все рабочие дни уже запланированы.',
    skippedDayOff: 'Выходных и праздничных дней: {count}.',
    skippedPlanned: 'Уже были в графике: {count}.',
    skippedClash: 'Пропущены, потому что у консультанта в это время другое событие: {list}.',
    placeNotSet: 'место не указано',
    cancelled: 'Отменено. Ничего не записано.',
  },
  approve: {
    title: 'Утверждение графика',
    prompt:
      'Какой период утвердить? Месяц («12.2026», «декабрь 2026»), дата («15.09.2026») или две даты через тире ' +
      '(«01.09.2026–15.09.2026»). Пусто — все события, ожидающие утверждения, с сегодняшнего дня.',
    badPeriod:
      'Не удалось понять период «{input}». Напишите месяц («12.2026», «декабрь 2026»), дату («15.09.2026») или ' +
      'две даты через тире. Ничего не изменено.',
    confirm: 'Утвердить событий: {count} ({period})?',
    blocked: 'Не будут утверждены, пока их не исправят:\n{list}',
    none: 'Событий, ожидающих утверждения, нет ({period}).',
    done: 'Утверждено событий: {count} ({period}). Они появятся на публичной странице.',
    changedMeanwhile:
      'Изменились, пока вы утверждали, и остались неутверждёнными: {count}. Проверьте их и утвердите снова.',
    notEditor:
      'Не удалось записать утверждение: столбцы утверждения защищены, и вас нет среди их редакторов. Попросите ' +
      'владельца таблицы ({owner}) указать вашу почту в «Настройках» («Почта директора») или в «Сотрудниках» с ролью ' +
      '«Директор» и запустить «Настроить или обновить таблицу». Ничего не изменено.',
    cancelled: 'Отменено. Ничего не изменено.',
    periodFrom: 'с {from}',
    periodRange: '{from}–{to}',
    eventLine: 'строка {row}: {date} {start}–{end}, {kind} — {why}',
    problems: {
      date: 'дата не распознана',
      time: 'время начала и окончания не распознано или окончание не позже начала',
      kind: 'вид не из списка',
      audience: '«Для кого» не из списка',
      consultant: 'не указан ведущий',
      clash: 'у ведущего в это же время событие в строке {rows}',
    },
  },
  common: {
    busy: 'Таблица занята другим действием. Повторите через минуту. Ничего не изменено.',
    directorTold: 'Директору отправлено письмо: график ждёт утверждения.',
    noDirector:
      'Почта директора не указана («Настройки» → «Почта директора» или «Сотрудники» с ролью «Директор»): письмо об утверждении не отправлено.',
    onlyApprovers: 'Утверждать график может только директор (или учётная запись школы).',
    unknownActor: 'не определён',
  },
  sidebar: {
    title: 'График: событие',
    notSchedule: 'Выделите строку события на листе «График» и нажмите «Обновить».',
    emptyRow: 'В выделенной строке нет события.',
    rowHeading: 'Строка {row}',
    time: 'Время',
    approved: 'Утверждено: {who}, {when}.',
    lost: 'Изменено после утверждения ({who}, {when}): нужно утвердить снова.',
    awaiting: 'Ожидает утверждения.',
    problemsHeading: 'Утвердить нельзя:',
    approveButton: 'Утвердить событие',
    refreshButton: 'Обновить',
    closeButton: 'Закрыть',
    saving: 'Сохраняю…',
    failed: 'Не удалось: {error}',
    approvedNow: 'Событие в строке {row} утверждено.',
    changed: 'Событие в строке {row} изменилось после того, как вы его открыли. Нажмите «Обновить» и проверьте его.',
    alreadyApproved: 'Событие уже утверждено.',
    onlyDirector: 'Утвердить событие может директор.',
    badInput: 'Неверный запрос: выберите строку и нажмите «Обновить».',
  },
  notes: {
    marker: '⚠ График:',
    clash: 'у ведущего в это же время событие в строке {rows}.',
    times: 'окончание должно быть позже начала (время как ЧЧ:ММ).',
    approvalLost: 'событие изменено после утверждения ({who}), утверждение снято; директор уведомлён.',
  },
  audit: {
    approved: 'График: событие утверждено',
    approvalLost: 'График: утверждение снято (событие изменено)',
    filled: 'График: приёмные часы на {month} ({count})',
    trainingPlaced: 'График: обучение нового сотрудника ({name})',
  },
  mail: {
    awaitingSubject: 'График консультаций ждёт утверждения: {period}',
    awaiting: 'В график консультаций добавлены события ({count}), они ждут вашего утверждения: {period}.',
    howToApprove:
      'Утвердить весь период: меню «Помощь по ЭЖ → Утвердить график…»; одно событие: выделите его строку и откройте ' +
      '«Помощь по ЭЖ → График: событие и утверждение».',
    notPublished: 'Пока события не утверждены, на публичной странице их нет.',
    lostSubject: 'График: утверждение снято — {date} {start}–{end}, {kind}',
    lost: 'Утверждённое событие графика изменено ({who}), поэтому утверждение снято и на публичной странице его больше нет.',
    change: 'Изменение: {column}: «{before}» → «{after}».',
    approveAgain: 'Если изменение верное, утвердите событие снова.',
    open: 'Открыть график',
    time: 'Время',
  },
  training: {
    title: 'Обучение новых сотрудников',
    none: 'Нет новых сотрудников, ожидающих обучения: у всех с датой начала есть отметка «Обучен» или обучение уже в графике.',
    prompt: 'Кого запланировать? Введите номер, почту или имя; пусто — всех.\n{list}',
    line: '{n} — {name} (начало {start}, срок {due})',
    badChoice: 'В списке нет сотрудника «{input}». Введите номер из списка, почту или имя. Ничего не записано.',
    allWords: ['все', 'всех', 'all'],
    placed: '{name}: {date} {start}–{end}',
    noSlot: '{name}: до срока ({due}) нет свободного времени в рабочие часы — запланируйте обучение вручную.',
    overdue: '{name}: срок обучения ({due}) уже прошёл — запланируйте обучение вручную.',
    heading: 'Обучение запланировано (ждёт утверждения директором):',
    topic: 'Обучение нового сотрудника работе с СЭДиЖ (п. 3.1 регламента)',
    notes: 'Новый сотрудник: {name}',
  },
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
  months: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  menu: {
    fillOfficeHours: 'Fill office hours for a month…',
    approve: 'Approve the schedule…',
    sidebar: 'Schedule: event and approval',
    placeTraining: 'Schedule new-staff training…',
  },
  fill: {
    title: 'Office hours for a month',
    prompt:
      'Which month should office hours ({start}–{end}, {place}) be filled for, on the working days of the production ' +
      'calendar? For example: "{example}", "December 2026", "2026-12". Blank: {default}.',
    badMonth:
      'Could not read the month "{input}". Write e.g. "12.2026", "December 2026" or "2026-12". Nothing was written.',
    badHours:
      'The office hours in Settings are wrong: "{start}"–"{end}". Give times as HH:MM, the start before the end. Nothing was written.',
    done: "Office hours added for {month}: {count}. They await the director's approval.",
    nothing: 'No new office hours for {month}: every working day is already planned.',
    skippedDayOff: 'Weekends and holidays: {count}.',
    skippedPlanned: 'Already in the schedule: {count}.',
    skippedClash: 'Skipped because the consultant has another event at that time: {list}.',
    placeNotSet: 'place not set',
    cancelled: 'Cancelled. Nothing was written.',
  },
  approve: {
    title: 'Schedule approval',
    prompt:
      'Which period should be approved? A month ("12.2026", "December 2026"), a date ("15.09.2026") or two dates with ' +
      'a dash ("01.09.2026–15.09.2026"). Blank: every event awaiting approval from today on.',
    badPeriod:
      'Could not read the period "{input}". Write a month ("12.2026", "December 2026"), a date ("15.09.2026") or two ' +
      'dates with a dash. Nothing was changed.',
    confirm: 'Approve events: {count} ({period})?',
    blocked: 'Will not be approved until they are fixed:\n{list}',
    none: 'No events await approval ({period}).',
    done: 'Events approved: {count} ({period}). They will appear on the public page.',
    changedMeanwhile: 'Changed while you were approving and left unapproved: {count}. Check them and approve again.',
    notEditor:
      'The approval could not be written: the approval columns are protected and you are not one of their editors. ' +
      'Ask the spreadsheet\'s owner ({owner}) to put your address into Settings ("Director\'s e-mail") or into Staff ' +
      'with the role "Director" and to run "Set up or upgrade the spreadsheet". Nothing was changed.',
    cancelled: 'Cancelled. Nothing was changed.',
    periodFrom: 'from {from}',
    periodRange: '{from}–{to}',
    eventLine: 'row {row}: {date} {start}–{end}, {kind} — {why}',
    problems: {
      date: 'the date cannot be read',
      time: 'the start and end times cannot be read or the end is not after the start',
      kind: 'the kind is not on the list',
      audience: 'the audience is not on the list',
      consultant: 'no consultant given',
      clash: 'the consultant has another event at that time in row {rows}',
    },
  },
  common: {
    busy: 'The spreadsheet is busy with another action. Try again in a minute. Nothing was changed.',
    directorTold: 'The director has been e-mailed: the schedule awaits approval.',
    noDirector:
      'The director\'s e-mail is not set (Settings → "Director\'s e-mail" or Staff with the role "Director"): no approval e-mail was sent.',
    onlyApprovers: 'Only the director (or the school account) may approve the schedule.',
    unknownActor: 'unknown',
  },
  sidebar: {
    title: 'Schedule: event',
    notSchedule: 'Select an event\'s row on the "Schedule" sheet and press "Refresh".',
    emptyRow: 'The selected row holds no event.',
    rowHeading: 'Row {row}',
    time: 'Time',
    approved: 'Approved: {who}, {when}.',
    lost: 'Changed after approval ({who}, {when}): needs approval again.',
    awaiting: 'Awaiting approval.',
    problemsHeading: 'Cannot be approved:',
    approveButton: 'Approve the event',
    refreshButton: 'Refresh',
    closeButton: 'Close',
    saving: 'Saving…',
    failed: 'Failed: {error}',
    approvedNow: 'The event in row {row} is approved.',
    changed: 'The event in row {row} changed after you opened it. Press "Refresh" and check it.',
    alreadyApproved: 'The event is already approved.',
    onlyDirector: 'The director may approve the event.',
    badInput: 'Bad request: select a row and press "Refresh".',
  },
  notes: {
    marker: '⚠ Schedule:',
    clash: 'the consultant has another event at that time in row {rows}.',
    times: 'the end must be after the start (times as HH:MM).',
    approvalLost: 'the event was changed after approval ({who}); the approval was removed and the director told.',
  },
  audit: {
    approved: 'Schedule: event approved',
    approvalLost: 'Schedule: approval removed (event changed)',
    filled: 'Schedule: office hours for {month} ({count})',
    trainingPlaced: 'Schedule: new-staff training ({name})',
  },
  mail: {
    awaitingSubject: 'The consultation schedule awaits approval: {period}',
    awaiting: 'Events were added to the consultation schedule ({count}) and await your approval: {period}.',
    howToApprove:
      'To approve the whole period: menu "E-journal help → Approve the schedule…"; one event: select its row ' +
      'and open "E-journal help → Schedule: event and approval".',
    notPublished: 'Until the events are approved, the public page does not show them.',
    lostSubject: 'Schedule: approval removed — {date} {start}–{end}, {kind}',
    lost: 'An approved schedule event was changed ({who}), so its approval was removed and the public page no longer shows it.',
    change: 'Change: {column}: "{before}" → "{after}".',
    approveAgain: 'If the change is right, approve the event again.',
    open: 'Open the schedule',
    time: 'Time',
  },
  training: {
    title: 'New-staff training',
    none: 'No new staff await training: everyone with a start date is marked trained or already has a training in the schedule.',
    prompt: 'Whom should the training be scheduled for? Enter a number, an e-mail or a name; blank: everyone.\n{list}',
    line: '{n} — {name} (started {start}, due {due})',
    badChoice:
      'No staff member "{input}" is on the list. Enter a number from the list, an e-mail or a name. Nothing was written.',
    allWords: ['all', 'все', 'всех'],
    placed: '{name}: {date} {start}–{end}',
    noSlot: '{name}: no free time in working hours before the deadline ({due}) — schedule the training by hand.',
    overdue: '{name}: the training deadline ({due}) has passed — schedule the training by hand.',
    heading: "Training scheduled (awaiting the director's approval):",
    topic: 'New staff member training in SEDiZh (regulation cl. 3.1)',
    notes: 'New staff member: {name}',
  },
};

export function scheduleTexts(locale: string): ScheduleTexts {
  return locale === 'en' ? en : ru;
}
