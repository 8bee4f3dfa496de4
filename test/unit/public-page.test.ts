import {
  buildPublicPage,
  checkPageParams,
  embedSnippet,
  fitOnSheet,
  type PageEvent,
  PRINT_LINE_BUDGET,
  type PublicPageInput,
  safeHref,
  wrappedLines,
} from '../../src/domain/public-page';
import { approvalOf, type ScheduleEvent } from '../../src/domain/schedule';
import { ru as choices } from '../../src/locale/ru';
import { ru } from '../../src/locale/schedule';

const EKB = 'Asia/Yekaterinburg';
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);

function event(over: Partial<ScheduleEvent>, approve = true): ScheduleEvent {
  const e: ScheduleEvent = {
    date: '2026-09-15',
    startMin: 900,
    endMin: 960,
    kind: 'officeHours',
    audience: 'all',
    topic: '',
    place: 'каб. 12',
    consultant: 'Иванова А. С.',
    approvedBy: '',
    approvedFingerprint: '',
    notes: '',
    eventId: '',
    ...over,
  };
  return approve ? { ...e, ...approvalOf(e, 'director@x.ru', ekb('2026-09-01 10:00')) } : e;
}

function input(over: Partial<PublicPageInput> = {}): PublicPageInput {
  return {
    now: ekb('2026-09-10 12:00'),
    zone: EKB,
    lang: 'ru',
    view: 'page',
    settings: new Map([
      ['school.name', 'МБОУ «Северокоммунарская СОШ»'],
      ['school.phone', '2-34-81'],
      ['school.email', 'fsk1-siva@mail.ru'],
      ['office.start', '15:00'],
      ['office.end', '16:00'],
      ['support.phone', '8 800 300 4444'],
      ['support.vk', 'https://vk.com/sedizh'],
      ['consultant.name', 'Иванова Анна Сергеевна'],
      ['consultant.appointmentOrder', 'Приказ № 101-од от 01.09.2026'],
    ]),
    events: [
      event({ date: '2026-09-11', kind: 'seminar', audience: 'staff', topic: 'Журнал' }),
      event({ date: '2026-09-09' }),
      event({ date: '2026-09-12' }, false),
    ],
    articles: [
      { topic: 'Посещаемость', question: 'Как отметить?', answer: 'Так.', link: 'javascript:alert(1)', public: true },
      { topic: 'Оценки', question: 'Скрытая', answer: '', link: '', public: false },
    ],
    formUrl: 'https://docs.google.com/forms/d/e/abc/viewform',
    complaintsUrl: 'https://docs.google.com/forms/d/e/def/viewform',
    pageUrl: 'https://script.google.com/macros/s/x/exec',
    texts: ru,
    kindLabels: choices.choices.scheduleKind,
    audienceLabels: choices.choices.audience,
    ...over,
  };
}

describe('public page model', () => {
  it('shows the approved upcoming events only, with labels and the Russian date', () => {
    const page = buildPublicPage(input());
    expect(page.events).toEqual([
      {
        date: '11.09.2026',
        weekday: 'пт',
        time: '15:00–16:00',
        kind: 'Семинар',
        audience: 'Сотрудники',
        topic: 'Журнал',
        place: 'каб. 12',
      },
    ]);
    expect(page.title).toBe('МБОУ «Северокоммунарская СОШ»: помощь по электронному журналу');
    expect(page.printUrl).toBe('https://script.google.com/macros/s/x/exec?view=print');
  });

  it('lists every contact of cl. 5.1, 7.1 and 8 and R2', () => {
    const page = buildPublicPage(input());
    const all = [...page.help, ...page.support].map((c) => `${c.label}|${c.value}|${c.href}|${c.note}`).join('\n');
    for (const s of [
      'с 15:00 до 16:00',
      '2-34-81|tel:23481',
      'fsk1-siva@mail.ru|mailto:fsk1-siva@mail.ru',
      'https://docs.google.com/forms/d/e/abc/viewform',
      'https://docs.google.com/forms/d/e/def/viewform',
      '8 800 300 4444|tel:88003004444|звонок бесплатный',
      'https://vk.com/sedizh',
      'Иванова Анна Сергеевна',
      'Приказ № 101-од от 01.09.2026',
      'с 09:00 до 18:00',
    ]) {
      expect(all).toContain(s);
    }
  });

  it('says "уточняется" for a blank setting and links only safe URLs', () => {
    const page = buildPublicPage(input({ settings: new Map(), formUrl: '' }));
    expect(page.help.find((c) => c.label === ru.page.consultant)?.value).toBe('уточняется');
    expect(page.help.find((c) => c.label === ru.page.form)).toMatchObject({ value: 'уточняется', href: '' });
    expect(page.support[0].value).toBe('8 800 300 4444');
    expect(buildPublicPage(input()).articles).toEqual([
      { topic: 'Посещаемость', question: 'Как отметить?', answer: 'Так.', href: '' },
    ]);
    expect(safeHref('https://a.ru/x')).toBe('https://a.ru/x');
    expect(safeHref('data:text/html,x')).toBe('');
  });

  it('accepts only the documented view parameter', () => {
    expect(checkPageParams(undefined)).toEqual({ ok: true, view: 'page' });
    expect(checkPageParams({ view: ['print'] })).toEqual({ ok: true, view: 'print' });
    expect(checkPageParams({ utm_source: ['vk'] })).toEqual({ ok: true, view: 'page' });
    expect(checkPageParams({ view: ['<script>'] })).toEqual({ ok: false });
    expect(checkPageParams({ view: ['print', 'page'] })).toEqual({ ok: false });
    expect(buildPublicPage(input({ view: 'print' })).printUrl).toBe('');
  });

  it('puts the office room after the hours when the school gave one (cl. 5.1)', () => {
    const hours = (place?: string) => {
      const settings = new Map(input().settings);
      if (place !== undefined) settings.set('office.place', place);
      return buildPublicPage(input({ settings })).help.find((c) => c.label === ru.page.officeHours)?.value;
    };
    expect(hours()).toBe('по рабочим дням с 15:00 до 16:00');
    expect(hours('  ')).toBe('по рабочим дням с 15:00 до 16:00');
    expect(hours('каб. 12')).toBe('по рабочим дням с 15:00 до 16:00, каб. 12');
  });
});

describe('the iframe snippet for the school site', () => {
  it('frames the https URL with an escaped title and a fallback link', () => {
    expect(embedSnippet('https://script.google.com/macros/s/AKfycbX/exec', 'Школа «Ромашка» & Co')).toBe(
      '<iframe src="https://script.google.com/macros/s/AKfycbX/exec" title="Школа «Ромашка» &amp; Co" ' +
        'width="100%" height="1600" style="border:0;max-width:100%" loading="lazy">' +
        '<a href="https://script.google.com/macros/s/AKfycbX/exec">Школа «Ромашка» &amp; Co</a></iframe>',
    );
  });

  it('is blank without a URL and for anything but https', () => {
    expect(embedSnippet('', 'x')).toBe('');
    expect(embedSnippet('http://script.google.com/macros/s/X/exec', 'x')).toBe('');
    expect(embedSnippet('javascript:alert(1)', 'x')).toBe('');
    expect(embedSnippet('https://a.ru/x" onload="alert(1)', 'x')).toBe('');
  });
});

describe('the print view fills one A4 sheet', () => {
  it('counts lines as a browser wraps words', () => {
    expect(wrappedLines('', 10)).toBe(1);
    expect(wrappedLines('каб. 12', 14)).toBe(1);
    expect(wrappedLines('Приёмные часы', 14)).toBe(1);
    expect(wrappedLines('Обучение нового сотрудника', 14)).toBe(3);
    expect(wrappedLines('Поурочное планирование: шаблоны, копирование тем, домашние задания', 30)).toBe(3);
    // A word longer than the column breaks across lines.
    expect(wrappedLines('https://vk.com/very_long_group_name', 14)).toBe(3);
  });

  it('keeps the earliest events that fit the line budget', () => {
    const row = (topic: string): PageEvent => ({
      date: '15.09.2026',
      weekday: 'вт',
      time: '15:00–16:00',
      kind: 'Приёмные часы',
      audience: 'Все',
      topic,
      place: 'каб. 12',
    });
    const short = Array.from({ length: 40 }, (_, i) => row(`Приём ${i}`));
    // One line and a fifth each: 26 rows fill 31.2 of 32 lines.
    expect(fitOnSheet(short)).toEqual(short.slice(0, 26));
    expect(PRINT_LINE_BUDGET).toBe(32);
    const long = Array.from({ length: 40 }, () =>
      row('Поурочное планирование: шаблоны, копирование тем, домашние задания'),
    );
    // Three lines and a fifth each: 10 rows.
    expect(fitOnSheet(long)).toHaveLength(10);
    expect(fitOnSheet([])).toEqual([]);
  });

  it('applies to the print view only', () => {
    const many = Array.from({ length: 40 }, (_, i) =>
      event({ date: `2026-10-${String((i % 28) + 1).padStart(2, '0')}`, startMin: 600 + i, endMin: 660 + i }),
    );
    expect(buildPublicPage(input({ events: many })).events).toHaveLength(40);
    expect(buildPublicPage(input({ events: many, view: 'print' })).events).toHaveLength(26);
  });
});
