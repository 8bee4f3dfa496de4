import { mailContextOf } from '../../src/domain/mail-templates';
import type { ScheduleEvent } from '../../src/domain/schedule';
import { eventSummary, renderApprovalLost, renderAwaitingApproval, russianDate } from '../../src/domain/schedule-mail';

const ctx = mailContextOf(new Map([['school.name', 'МБОУ «СОШ»']]), {
  locale: 'ru',
  timeZone: 'Asia/Yekaterinburg',
  spreadsheetUrl: 'https://docs.google.com/spreadsheets/d/abc',
});

function event(over: Partial<ScheduleEvent> = {}): ScheduleEvent {
  return {
    date: '2026-10-15',
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
    eventId: 'ev-20261015-1',
    ...over,
  };
}

describe("the director's schedule e-mails", () => {
  it('awaiting approval: the period, each event, how to approve, the key', () => {
    const mail = renderAwaitingApproval(ctx, {
      key: 'schedule-2026-10|report|await-ev-1',
      period: 'октябрь 2026',
      events: [event(), event({ date: '2026-10-16' })],
    });
    expect(mail.subject).toBe('График консультаций ждёт утверждения: октябрь 2026');
    expect(mail.text).toContain(
      'В график консультаций добавлены события (2), они ждут вашего утверждения: октябрь 2026.',
    );
    expect(mail.text).toContain(
      '15.10.2026 15:00–16:00, Приёмные часы, каб. 12\n16.10.2026 15:00–16:00, Приёмные часы, каб. 12',
    );
    expect(mail.text).toContain('«Помощь по ЭЖ → Утвердить график…»');
    expect(mail.text).toContain('schedule-2026-10|report|await-ev-1');
    expect(mail.html).toContain('href="https://docs.google.com/spreadsheets/d/abc"');
  });

  it('approval removed: who, the event, the one change, everything escaped', () => {
    const mail = renderApprovalLost(ctx, {
      key: 'ev-1|report|lost-1',
      who: 'ivanova@school59.ru',
      event: event({ place: '<b>актовый</b> зал', topic: '=IMPORTXML("x")' }),
      change: { column: 'Место', before: 'каб. 12', after: '<b>актовый</b> зал' },
    });
    expect(mail.subject).toBe('График: утверждение снято — 15.10.2026 15:00–16:00, Приёмные часы');
    expect(mail.text).toContain('изменено (ivanova@school59.ru)');
    expect(mail.text).toContain('Изменение: Место: «каб. 12» → «<b>актовый</b> зал».');
    expect(mail.text).toContain('=IMPORTXML("x")');
    expect(mail.html).not.toContain('<b>актовый');
    expect(mail.html).toContain('&lt;b&gt;актовый&lt;/b&gt; зал');
  });

  it('dates and times as the school writes them; unreadable ones shown as they are', () => {
    expect(russianDate('2026-10-15')).toBe('15.10.2026');
    expect(russianDate('')).toBe('');
    expect(eventSummary('ru', event({ startMin: Number.NaN, place: '' }))).toBe('15.10.2026 ?–16:00, Приёмные часы');
    expect(eventSummary('en', event())).toBe('15.10.2026 15:00–16:00, Office hours, каб. 12');
  });
});
