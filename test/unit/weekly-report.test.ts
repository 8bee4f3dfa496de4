// The director's week (domain/weekly-report.ts) and its rendering (domain/weekly-report-mail.ts): the week
// that ended, the same figures and colours as «Панель», every value escaped, and a message that always fits
// one cell of the mail queue.
import { RAG_COLORS } from '../../src/domain/dashboard-layout';
import { MAX_PAYLOAD_CHARS, payloadOf } from '../../src/domain/mail-queue';
import type { OverdueItem } from '../../src/domain/metrics';
import { lastWeekPeriod, REPORT_OVERDUE_LIMIT, weeklyReportView } from '../../src/domain/weekly-report';
import { renderWeeklyReportMail, weeklyReportHtml } from '../../src/domain/weekly-report-mail';
import { ctx, ekb, fixture } from '../helpers/dashboard-metrics-fixture';

const ZONE = 'Asia/Yekaterinburg';
const opts = {
  locale: 'ru' as const,
  key: 'week-2026-09-07|report|director',
  spreadsheetUrl: 'https://docs.google.com/x',
  openLabel: 'Открыть таблицу',
};

describe('the week that ended', () => {
  test('on Monday morning: last Monday 00:00 to this Monday 00:00 in the school’s zone', () => {
    expect(lastWeekPeriod(ekb('2026-09-14 08:15'), ZONE)).toEqual({
      kind: 'week',
      fromDate: '2026-09-07',
      toDate: '2026-09-13',
      from: ekb('2026-09-07 00:00'),
      to: ekb('2026-09-14 00:00'),
    });
  });

  test('on a Sunday evening the week still running is not it: the one before', () => {
    // Sun 13 Sep 23:30 in Yekaterinburg is 18:30 UTC, still Sunday everywhere west of it.
    expect(lastWeekPeriod(ekb('2026-09-13 23:30'), ZONE)).toMatchObject({
      fromDate: '2026-08-31',
      toDate: '2026-09-06',
    });
  });
});

describe('the report', () => {
  const view = weeklyReportView(fixture(), ctx);

  test('subject and text: the figures as «label: value (note)», then the overdue list and the tables', () => {
    const mail = renderWeeklyReportMail(view, opts);
    expect(mail.subject).toBe('Неделя службы помощи: 07.09.2026 — 13.09.2026');
    expect(mail.text).toContain('Поступило обращений: 13\n');
    expect(mail.text).toContain('Первый ответ в срок: 12 / 13 (92%) (в срок 12 из 13)');
    expect(mail.text).toContain(
      'Просрочены сейчас\nОБ-2026-00003 — Учёт посещаемости — 2 — первый ответ — 09.09.2026 09:00',
    );
    expect(mail.text).toContain('Код письма: week-2026-09-07|report|director');
  });

  test('HTML: tables, the colours of «Панель», the link to the spreadsheet; the dialog shows the same body', () => {
    const mail = renderWeeklyReportMail(view, opts);
    expect(mail.html).toContain(`<td bgcolor="${RAG_COLORS.amber}" align="right">12 / 13 (92%)</td>`);
    expect(mail.html).toContain('<td>ОБ-2026-00003</td><td>Учёт посещаемости</td><td align="right">2</td>');
    expect(mail.html).toContain('<a href="https://docs.google.com/x">Открыть таблицу</a>');
    expect(mail.html).toContain(weeklyReportHtml(view));
  });

  test('every value is escaped: a topic with markup is shown, never run', () => {
    const hostile = '<img src=x onerror=alert(1)> & "кавычки"';
    const m = fixture({
      overdue: [
        { id: 'ОБ-2026-00009', topic: hostile, ageDays: 1, track: 'resolution', dueAt: ekb('2026-09-09 09:00') },
      ],
    });
    const html = weeklyReportHtml(weeklyReportView(m, ctx));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;кавычки&quot;');
  });

  test('nothing overdue is said in words', () => {
    const mail = renderWeeklyReportMail(weeklyReportView(fixture({ overdue: [] }), ctx), opts);
    expect(mail.text).toContain('Просрочены сейчас\nПросроченных обращений нет.');
  });

  test('a very long overdue list: the oldest part is sent, with how many more, and the message fits the queue', () => {
    // A school's own topic label can be long: 100 rows of it would not fit one cell of the queue.
    const topic = 'Доступ к электронному дневнику и журналу, вход через Госуслуги, восстановление пароля, '.repeat(3);
    const many: OverdueItem[] = Array.from({ length: 3000 }, (_, i) => ({
      id: `ОБ-2026-${String(i + 1).padStart(5, '0')}`,
      topic,
      ageDays: 3000 - i,
      track: 'resolution',
      dueAt: ekb('2026-09-01 09:00'),
    }));
    const big = weeklyReportView(fixture({ overdue: many }), ctx);
    expect(big.overdue.rows).toHaveLength(REPORT_OVERDUE_LIMIT);
    const mail = renderWeeklyReportMail(big, opts);
    expect(payloadOf(mail).length).toBeLessThanOrEqual(MAX_PAYLOAD_CHARS);
    const rows = mail.text.split('\n').filter((l) => l.startsWith('ОБ-2026-'));
    expect(rows[0]).toMatch(/^ОБ-2026-00001 — /);
    expect(mail.text).toContain(`и ещё ${3000 - rows.length}`);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(REPORT_OVERDUE_LIMIT);
  });
});
