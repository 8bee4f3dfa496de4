/**
 * Texts of the director's dashboard «Панель» and of the weekly report (e-mail and the print dialog).
 * Russian first; English mirrors it key for key (the shared type makes a missing key a compile error).
 * Choice labels (requester types, channels, reasons, kinds of events) are the main locale's `choices`.
 */
import type { PeriodKind, PeriodTextErrorCode } from '../domain/metrics-period';
import type { LocaleCode } from './index';

export interface DashboardTexts {
  readonly menu: { readonly refresh: string; readonly weeklyReport: string };
  readonly refreshed: string;
  readonly refreshedTitle: string;
  readonly title: string;
  readonly periodLabel: string;
  /** The four choices of the period drop-down. */
  readonly periods: Readonly<Record<PeriodKind, string>>;
  readonly periodHelp: string;
  readonly datesLabel: string;
  /** {from} — {to}; {quarter} for the quarter. */
  readonly dates: string;
  readonly quarterDates: string;
  readonly asOfLabel: string;
  readonly ragLegend: string;
  readonly columns: { readonly figure: string; readonly value: string; readonly target: string; readonly note: string };
  readonly sections: {
    readonly key: string;
    readonly slaByType: string;
    readonly byRequesterType: string;
    readonly byChannel: string;
    readonly byTopic: string;
    readonly backlogAge: string;
    readonly rejections: string;
    readonly consultations: string;
    readonly health: string;
    readonly overdue: string;
    readonly chartData: string;
  };
  readonly figures: {
    readonly received: string;
    readonly firstResponse: string;
    readonly resolution: string;
    readonly frtMedian: string;
    readonly frtP90: string;
    readonly open: string;
    readonly oldest: string;
    readonly overdue: string;
    readonly clarifications: string;
    readonly escalations: string;
    readonly supportWait: string;
    readonly rejections: string;
    readonly etiquette: string;
    readonly training: string;
    readonly consultations: string;
    readonly satisfaction: string;
    readonly sweep: string;
  };
  readonly notes: {
    /** {met} of {decided} in time; {pending} not yet due. */
    readonly compliance: string;
    readonly pending: string;
    readonly frt: string;
    readonly waiting: string;
    readonly medianAge: string;
    readonly clarifications: string;
    readonly escalations: string;
    readonly supportWait: string;
    readonly training: string;
    readonly trainingNow: string;
    readonly consultations: string;
    readonly satisfaction: string;
    readonly sweepOk: string;
    readonly sweepStale: string;
    readonly sweepNever: string;
    readonly missingDue: string;
    readonly pauseOutOfStep: string;
  };
  /** A value as the report shows it. */
  readonly values: {
    readonly compliance: string;
    readonly hours: string;
    readonly days: string;
    readonly ofTotal: string;
    readonly none: string;
  };
  readonly targetAtLeast: string;
  readonly targetZero: string;
  readonly tableColumns: {
    readonly requesterType: string;
    readonly firstResponse: string;
    readonly resolution: string;
    readonly decided: string;
    readonly count: string;
    readonly channel: string;
    readonly topic: string;
    readonly age: string;
    readonly reason: string;
    readonly kind: string;
    readonly planned: string;
    readonly approved: string;
    readonly job: string;
    readonly lastRun: string;
    readonly state: string;
    readonly id: string;
    readonly ageDays: string;
    readonly track: string;
    readonly dueAt: string;
    readonly week: string;
    readonly received: string;
  };
  /** {from}–{to} days; {from}+ for the last bucket. */
  readonly ageBucket: string;
  readonly ageBucketOpen: string;
  readonly tracks: { readonly firstResponse: string; readonly resolution: string };
  readonly jobStates: { readonly ok: string; readonly stale: string; readonly never: string; readonly event: string };
  readonly unknown: string;
  /** {count} more not shown. */
  readonly more: string;
  readonly skipped: string;
  readonly charts: {
    readonly volume: string;
    readonly compliance: string;
    readonly topics: string;
    readonly week: string;
    readonly requests: string;
    readonly percent: string;
    readonly others: string;
  };
  readonly warnings: {
    readonly quarters: string;
    readonly schoolYear: string;
    readonly thresholds: string;
    readonly period: string;
  };
  readonly periodErrors: Readonly<Record<PeriodTextErrorCode, string>>;
  readonly weekly: {
    readonly subject: string;
    readonly dialogTitle: string;
    readonly heading: string;
    readonly intro: string;
    readonly overdue: string;
    readonly noneOverdue: string;
    readonly print: string;
    readonly close: string;
    readonly open: string;
  };
}

export const ru: DashboardTexts = {
  menu: { refresh: 'Обновить панель', weeklyReport: 'Отчёт за неделю (для печати)…' },
  refreshed: 'Панель обновлена: {period}, {from} — {to}.',
  refreshedTitle: 'Панель',
  title: 'Панель службы помощи по электронному журналу',
  periodLabel: 'Период',
  periods: { week: 'Эта неделя', month: 'Этот месяц', quarter: 'Учебная четверть', schoolYear: 'Учебный год' },
  periodHelp:
    'Выберите период в списке: панель пересчитается при следующем обновлении (меню «Помощь по ЭЖ → Обновить панель» или ежечасная проверка сроков).',
  datesLabel: 'Даты',
  dates: '{from} — {to}',
  quarterDates: '{quarter}-я четверть: {from} — {to}',
  asOfLabel: 'По состоянию на',
  ragLegend: 'Цвета: зелёный — не ниже {green}%, жёлтый — не ниже {amber}%, красный — ниже.',
  columns: { figure: 'Показатель', value: 'Значение', target: 'Цель', note: 'Пояснение' },
  sections: {
    key: 'Основные показатели',
    slaByType: 'Сроки по типу заявителя',
    byRequesterType: 'Кто обращался',
    byChannel: 'Каналы',
    byTopic: 'Темы',
    backlogAge: 'Возраст открытых обращений',
    rejections: 'Отказы по причинам (п. 9.4.3)',
    consultations: 'Консультации по видам',
    health: 'Автоматические задания',
    overdue: 'Просрочены сейчас',
    chartData: 'Данные диаграмм',
  },
  figures: {
    received: 'Поступило обращений',
    firstResponse: 'Первый ответ в срок',
    resolution: 'Решение в срок',
    frtMedian: 'Время первого ответа, медиана (раб. ч)',
    frtP90: 'Время первого ответа, 90-й процентиль (раб. ч)',
    open: 'Открыто сейчас',
    oldest: 'Самое старое открытое (дн.)',
    overdue: 'Просрочено сейчас',
    clarifications: 'Уточнения у заявителя',
    escalations: 'Передано в Службу поддержки',
    supportWait: 'Ожидание Службы поддержки, медиана (ч)',
    rejections: 'Отказы (п. 9.4.3)',
    etiquette: 'Нарушения этикета (п. 10)',
    training: 'Обучение новых сотрудников в срок (п. 3.1)',
    consultations: 'Консультации утверждены',
    satisfaction: 'Ответ помог',
    sweep: 'Проверка сроков',
  },
  notes: {
    compliance: 'в срок {met} из {decided}',
    pending: 'ещё не наступил срок: {pending}',
    frt: 'ответов: {count}',
    waiting: 'ждут заявителя: {requester}, Службу поддержки: {support}',
    medianAge: 'медиана возраста: {days} дн.',
    clarifications: 'обращений: {requests}, вопросов: {questions}',
    escalations: 'передач: {escalations}, ждут сейчас: {waiting}',
    supportWait: '90-й процентиль: {p90} ч; дольше цели: {over}',
    training: 'в срок {onTime}, с опозданием {late}, пропущено {missed}, срок не наступил {pending}',
    trainingNow: 'не обучены сейчас: {untrained}, из них просрочено: {overdue}',
    consultations: 'запланировано {planned}, утверждено {approved}',
    satisfaction: 'помогло {helped}, не помогло {notHelped}, без оценки {noMark}',
    sweepOk: 'последний запуск {at}',
    sweepStale: 'молчит с {at}',
    sweepNever: 'ещё не запускалась',
    missingDue: 'без срока в «Служебном»: {count}',
    pauseOutOfStep: 'пауза не совпадает со статусом: {count}',
  },
  values: {
    compliance: '{met} / {decided} ({pct})',
    hours: '{value} ч',
    days: '{value} дн.',
    ofTotal: '{part} из {whole}',
    none: '—',
  },
  targetAtLeast: 'не ниже {pct}%',
  targetZero: '0',
  tableColumns: {
    requesterType: 'Тип заявителя',
    firstResponse: 'Первый ответ в срок',
    resolution: 'Решение в срок',
    decided: 'Со сроком в периоде',
    count: 'Обращений',
    channel: 'Канал',
    topic: 'Тема',
    age: 'Возраст',
    reason: 'Причина',
    kind: 'Вид',
    planned: 'Запланировано',
    approved: 'Утверждено',
    job: 'Задание',
    lastRun: 'Последний запуск',
    state: 'Состояние',
    id: 'Номер',
    ageDays: 'Возраст, дн.',
    track: 'Просрочен',
    dueAt: 'Срок',
    week: 'Неделя',
    received: 'Поступило',
  },
  ageBucket: '{from}–{to} дн.',
  ageBucketOpen: '{from} дн. и больше',
  tracks: { firstResponse: 'первый ответ', resolution: 'решение' },
  jobStates: { ok: 'работает', stale: 'молчит', never: 'не запускалось', event: 'по событию' },
  unknown: '(не указано)',
  more: 'и ещё {count}',
  skipped: 'Строк без даты поступления пропущено: {count}.',
  charts: {
    volume: 'Обращения по неделям',
    compliance: 'Соблюдение сроков по неделям',
    topics: 'Темы обращений',
    week: 'Неделя',
    requests: 'Обращений',
    percent: 'В срок, %',
    others: 'Прочие темы',
  },
  warnings: {
    quarters: 'Настройка «Учебные четверти» не прочитана ({problem}); взяты четверти по умолчанию.',
    schoolYear: 'Настройка «Учебный год» не прочитана ({problem}); взят учебный год по умолчанию.',
    thresholds:
      'Пороги цветов в «Настройках» неверны (нужны числа от 0 до 100, жёлтый не выше зелёного); взяты 95% и 80%.',
    period: 'В списке периода стоит «{value}» — такого периода нет; показана эта неделя.',
  },
  periodErrors: {
    notARange: '«{part}» — не диапазон ДД.ММ.ГГГГ–ДД.ММ.ГГГГ',
    badDate: '«{part}» — неверная дата',
    reversed: '«{part}» — конец раньше начала',
    overlap: '«{part}» — пересекается с предыдущим диапазоном',
    tooMany: 'больше шести четвертей',
    notOneRange: 'нужен ровно один диапазон',
  },
  weekly: {
    subject: 'Неделя службы помощи: {from} — {to}',
    dialogTitle: 'Отчёт за неделю',
    heading: 'Служба помощи по ЭЖ: неделя {from} — {to}',
    intro: 'Итоги недели для директора. В отчёте нет персональных данных заявителей: только номера, темы и сроки.',
    overdue: 'Просрочены сейчас',
    noneOverdue: 'Просроченных обращений нет.',
    print: 'Печать',
    close: 'Закрыть',
    open: 'Открыть таблицу',
  },
};

export const en: DashboardTexts = {
  menu: { refresh: 'Refresh the dashboard', weeklyReport: 'Weekly report (printable)…' },
  refreshed: 'Dashboard refreshed: {period}, {from} — {to}.',
  refreshedTitle: 'Dashboard',
  title: 'Electronic journal helpdesk dashboard',
  periodLabel: 'Period',
  periods: { week: 'This week', month: 'This month', quarter: 'School quarter', schoolYear: 'School year' },
  periodHelp:
    'Choose the period in the list: the dashboard is recalculated at the next refresh (menu «Helpdesk → Refresh the dashboard» or the hourly deadline check).',
  datesLabel: 'Dates',
  dates: '{from} — {to}',
  quarterDates: 'Quarter {quarter}: {from} — {to}',
  asOfLabel: 'As of',
  ragLegend: 'Colours: green — at least {green}%, amber — at least {amber}%, red — below.',
  columns: { figure: 'Figure', value: 'Value', target: 'Target', note: 'Details' },
  sections: {
    key: 'Key figures',
    slaByType: 'Deadlines by requester type',
    byRequesterType: 'Requesters',
    byChannel: 'Channels',
    byTopic: 'Topics',
    backlogAge: 'Age of open requests',
    rejections: 'Rejections by reason (cl. 9.4.3)',
    consultations: 'Consultations by kind',
    health: 'Scheduled jobs',
    overdue: 'Overdue now',
    chartData: 'Chart data',
  },
  figures: {
    received: 'Requests received',
    firstResponse: 'First response in time',
    resolution: 'Resolution in time',
    frtMedian: 'First-response time, median (working h)',
    frtP90: 'First-response time, 90th percentile (working h)',
    open: 'Open now',
    oldest: 'Oldest open request (days)',
    overdue: 'Overdue now',
    clarifications: 'Clarifications asked',
    escalations: 'Passed to the support service',
    supportWait: 'Support service wait, median (h)',
    rejections: 'Rejections (cl. 9.4.3)',
    etiquette: 'Etiquette incidents (cl. 10)',
    training: 'New staff trained in time (cl. 3.1)',
    consultations: 'Consultations approved',
    satisfaction: 'The answer helped',
    sweep: 'Deadline check',
  },
  notes: {
    compliance: '{met} of {decided} in time',
    pending: 'not yet due: {pending}',
    frt: 'responses: {count}',
    waiting: 'waiting for the requester: {requester}, for the support service: {support}',
    medianAge: 'median age: {days} d',
    clarifications: 'requests: {requests}, questions: {questions}',
    escalations: 'escalations: {escalations}, waiting now: {waiting}',
    supportWait: '90th percentile: {p90} h; over the target: {over}',
    training: 'in time {onTime}, late {late}, missed {missed}, not yet due {pending}',
    trainingNow: 'untrained now: {untrained}, of them overdue: {overdue}',
    consultations: 'planned {planned}, approved {approved}',
    satisfaction: 'helped {helped}, did not help {notHelped}, no mark {noMark}',
    sweepOk: 'last run {at}',
    sweepStale: 'silent since {at}',
    sweepNever: 'has not run yet',
    missingDue: 'no due time in the bookkeeping: {count}',
    pauseOutOfStep: 'pause out of step with the status: {count}',
  },
  values: {
    compliance: '{met} / {decided} ({pct})',
    hours: '{value} h',
    days: '{value} d',
    ofTotal: '{part} of {whole}',
    none: '—',
  },
  targetAtLeast: 'at least {pct}%',
  targetZero: '0',
  tableColumns: {
    requesterType: 'Requester type',
    firstResponse: 'First response in time',
    resolution: 'Resolution in time',
    decided: 'Due in the period',
    count: 'Requests',
    channel: 'Channel',
    topic: 'Topic',
    age: 'Age',
    reason: 'Reason',
    kind: 'Kind',
    planned: 'Planned',
    approved: 'Approved',
    job: 'Job',
    lastRun: 'Last run',
    state: 'State',
    id: 'ID',
    ageDays: 'Age, days',
    track: 'Overdue',
    dueAt: 'Due',
    week: 'Week',
    received: 'Received',
  },
  ageBucket: '{from}–{to} d',
  ageBucketOpen: '{from} d and more',
  tracks: { firstResponse: 'first response', resolution: 'resolution' },
  jobStates: { ok: 'running', stale: 'silent', never: 'never ran', event: 'on event' },
  unknown: '(not given)',
  more: 'and {count} more',
  skipped: 'Rows without a received date skipped: {count}.',
  charts: {
    volume: 'Requests by week',
    compliance: 'Deadlines met by week',
    topics: 'Topics of requests',
    week: 'Week',
    requests: 'Requests',
    percent: 'In time, %',
    others: 'Other topics',
  },
  warnings: {
    quarters: 'The «School quarters» setting could not be read ({problem}); the default quarters are used.',
    schoolYear: 'The «School year» setting could not be read ({problem}); the default school year is used.',
    thresholds:
      'The colour thresholds in the settings are wrong (numbers from 0 to 100, amber not above green); 95% and 80% are used.',
    period: 'The period list holds «{value}», which is no period; this week is shown.',
  },
  periodErrors: {
    notARange: '«{part}» is not a range DD.MM.YYYY–DD.MM.YYYY',
    badDate: '«{part}» is not a valid date',
    reversed: '«{part}» ends before it starts',
    overlap: '«{part}» overlaps the range before it',
    tooMany: 'more than six quarters',
    notOneRange: 'exactly one range is needed',
  },
  weekly: {
    subject: 'Helpdesk week: {from} — {to}',
    dialogTitle: 'Weekly report',
    heading: 'Electronic journal helpdesk: week {from} — {to}',
    intro: "The week's figures for the director. No requester's personal data: IDs, topics and times only.",
    overdue: 'Overdue now',
    noneOverdue: 'Nothing is overdue.',
    print: 'Print',
    close: 'Close',
    open: 'Open the spreadsheet',
  },
};

export function dashboardTexts(locale: LocaleCode | string): DashboardTexts {
  return locale === 'en' ? en : ru;
}
