// «Панель» as a grid (domain/dashboard-layout.ts) and the figures it shares with the weekly report
// (domain/dashboard-figures.ts): colours against the thresholds, where the charts' data lives, the drop-down.
import { DEFAULT_THRESHOLDS, keyFigures, ragOf, thresholdsOf } from '../../src/domain/dashboard-figures';
import {
  CHART_DATA,
  chartSignature,
  type DashboardLayout,
  dashboardLayout,
  type LayoutCell,
  OVERDUE_LIMIT,
  PERIOD_CELL,
  periodKindOfLabel,
  RAG_COLORS,
} from '../../src/domain/dashboard-layout';
import type { DashboardMetrics, OverdueItem } from '../../src/domain/metrics';
import type { PeriodKind } from '../../src/domain/metrics-period';
import { addDays } from '../../src/domain/zoned-time';
import { en as dashEn, ru as dash } from '../../src/locale/dashboard';
import { ru } from '../../src/locale/ru';
import { compliance, ctx, ekb, fixture, H, week } from '../helpers/dashboard-metrics-fixture';

function layoutOf(m: DashboardMetrics, periodKind: PeriodKind = 'week', warnings: string[] = []): DashboardLayout {
  return dashboardLayout(m, { ...ctx, periodKind, warnings });
}

/** The row whose first cell is `label`. */
function row(layout: DashboardLayout, label: string): LayoutCell[] {
  const found = layout.cells.find((r) => r[0].value === label);
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

const cellAt = (layout: DashboardLayout, r: number, c: number) => layout.cells[r - 1][c - 1];

describe('thresholds and colours', () => {
  test('the settings, blank meaning the defaults; nonsense refused with the defaults', () => {
    expect(thresholdsOf('', '')).toEqual({ thresholds: { greenPct: 95, amberPct: 80 }, ok: true });
    expect(thresholdsOf('90', '75,5%')).toEqual({ thresholds: { greenPct: 90, amberPct: 75.5 }, ok: true });
    for (const [g, a] of [
      ['80', '90'],
      ['101', '80'],
      ['девяносто', '80'],
      ['95', '-1'],
    ]) {
      expect(thresholdsOf(g, a)).toEqual({ thresholds: DEFAULT_THRESHOLDS, ok: false });
    }
  });

  test('green from the green threshold, amber from the amber one, red below, none when nothing is decided', () => {
    const t = { greenPct: 95, amberPct: 80 };
    expect([100, 95, 94.99, 80, 79.99, 0].map((p) => ragOf(p, t))).toEqual([
      'green',
      'green',
      'amber',
      'amber',
      'red',
      'red',
    ]);
    expect(ragOf(null, t)).toBeUndefined();
  });

  test('the key figures: compliance as met / decided (pct), the overdue count against 0, the sweep by its state', () => {
    const byKey = Object.fromEntries(keyFigures(fixture(), ctx).map((f) => [f.key, f]));
    expect(byKey.firstResponse).toMatchObject({ text: '12 / 13 (92%)', note: 'в срок 12 из 13', rag: 'amber' });
    expect(byKey.resolution).toMatchObject({
      text: '4 / 4 (100%)',
      note: 'в срок 4 из 4; ещё не наступил срок: 9',
      rag: 'green',
    });
    expect(byKey.frtMedian).toMatchObject({ value: 1.5, text: '1,5 ч' });
    expect(byKey.frtP90).toMatchObject({ value: 6.3, text: '6,3 ч' });
    expect(byKey.overdue).toMatchObject({ value: 1, target: '0', rag: 'red' });
    expect(byKey.training).toMatchObject({ text: '1 / 2 (50%)', rag: 'red' });
    expect(byKey.consultations).toMatchObject({ value: 3, text: '3 из 4' });
    expect(byKey.sweep).toMatchObject({ text: 'работает', note: 'последний запуск 10.09.2026 11:34', rag: 'green' });
    const quiet = fixture({ overdue: [] });
    const stale = {
      job: 'runSlaSweep',
      lastRun: ekb('2026-09-10 07:34'),
      staleAfterMs: 2 * H,
      state: 'stale' as const,
    };
    quiet.health = { ...quiet.health, sweep: stale };
    const q = Object.fromEntries(keyFigures(quiet, ctx).map((f) => [f.key, f]));
    expect(q.overdue.rag).toBe('green');
    expect(q.sweep).toMatchObject({ text: 'молчит', note: 'молчит с 10.09.2026 07:34', rag: 'red' });
  });
});

describe('the grid', () => {
  test('the head: the drop-down at B2 with the chosen period, the dates, the "as of" time, the warnings', () => {
    const layout = layoutOf(fixture(), 'week', ['Настройка не прочитана.']);
    expect(layout.period).toEqual({ ...PERIOD_CELL, choices: Object.values(dash.periods) });
    expect(cellAt(layout, 2, 2).value).toBe('Эта неделя');
    expect(row(layout, dash.datesLabel)[1].value).toBe('07.09.2026 — 13.09.2026');
    expect(row(layout, dash.asOfLabel)[1].value).toBe('10.09.2026 12:00');
    expect(row(layout, 'Настройка не прочитана.')[0]).toMatchObject({ bold: true, fontColor: '#b31412' });
    // Every row as wide as the widest; the widths cover every column.
    const width = layout.cells[0].length;
    expect(layout.cells.every((r) => r.length === width)).toBe(true);
    expect(layout.columnWidths).toHaveLength(width);
  });

  test('a percentage is a fraction under a % format, coloured by its RAG; a dash when nothing is decided', () => {
    const layout = layoutOf(fixture());
    expect(row(layout, dash.figures.firstResponse).slice(0, 3)).toEqual([
      { value: dash.figures.firstResponse, numberFormat: '@' },
      { value: 0.923, numberFormat: '0%', background: RAG_COLORS.amber },
      { value: 'не ниже 95%', numberFormat: '@' },
    ]);
    expect(row(layout, dash.figures.frtMedian)[1]).toEqual({ value: 1.5, numberFormat: '0.0' });
    const student = row(layout, ru.choices.requesterType.student);
    expect(student[1]).toEqual({ value: 1, numberFormat: '0%', background: RAG_COLORS.green });
    expect(student[2]).toEqual({ value: '—', numberFormat: '@' });
  });

  test('a topic that looks like a formula is a text cell', () => {
    const layout = layoutOf(fixture());
    const cells = layout.cells.flat().filter((c) => String(c.value).startsWith('=HYPERLINK'));
    expect(cells.length).toBe(2);
    expect(cells.every((c) => c.numberFormat === '@')).toBe(true);
  });

  test('the overdue list is cut at its cap, oldest first, with how many more', () => {
    const many: OverdueItem[] = Array.from({ length: OVERDUE_LIMIT + 7 }, (_, i) => ({
      id: `ОБ-2026-${String(i + 1).padStart(5, '0')}`,
      topic: 'Учёт посещаемости',
      ageDays: 50 - i,
      track: 'resolution',
      dueAt: ekb('2026-09-01 09:00'),
    }));
    const layout = layoutOf(fixture({ overdue: many }));
    const heading = layout.cells.findIndex((r) => r[0].value === dash.sections.overdue);
    expect(layout.cells[heading + 2].map((c) => c.value).slice(0, 5)).toEqual([
      'ОБ-2026-00001',
      'Учёт посещаемости',
      50,
      'решение',
      '01.09.2026 09:00',
    ]);
    expect(layout.cells[heading + 2 + OVERDUE_LIMIT][0].value).toBe('и ещё 7');
  });
});

describe('the charts', () => {
  test('each draws from the fixed cells of its data, header row first', () => {
    const layout = layoutOf(fixture());
    const [volume, trend, topics] = layout.charts;
    const { headerRow, weeksColumn: w, topicsColumn: t } = CHART_DATA;
    expect(volume).toMatchObject({
      type: 'COLUMN',
      ranges: [{ row: headerRow, column: w, numRows: 2, numColumns: 2 }],
    });
    expect(trend).toMatchObject({
      type: 'LINE',
      percentAxis: true,
      ranges: [
        { row: headerRow, column: w, numRows: 2, numColumns: 1 },
        { row: headerRow, column: w + 2, numRows: 2, numColumns: 2 },
      ],
    });
    expect(topics).toMatchObject({ type: 'PIE', ranges: [{ row: headerRow, column: t, numRows: 3, numColumns: 2 }] });
    const values = (r: number, c: number, n: number) => layout.cells[r - 1].slice(c - 1, c - 1 + n).map((x) => x.value);
    expect(values(headerRow, w, 4)).toEqual(['Неделя', 'Поступило', 'Первый ответ в срок', 'Решение в срок']);
    expect(values(headerRow + 1, w, 4)).toEqual(['07.09', 13, 0.923, 1]);
    expect(values(headerRow + 1, t, 2)).toEqual(['Учёт посещаемости', 8]);
  });

  test('their ranges start at the same cells for a week and for a school year: the writer finds them again', () => {
    const year = fixture({
      volume: {
        ...fixture().volume,
        byWeek: Array.from({ length: 40 }, (_, i) =>
          week(addDays('2026-08-31', 7 * i), i, compliance(0, 0), compliance(0, 0)),
        ),
      },
    });
    const a = layoutOf(fixture()).charts.map((c) => chartSignature(c.ranges));
    const b = layoutOf(year, 'schoolYear').charts.map((c) => chartSignature(c.ranges));
    expect(b).toEqual(a);
    expect(new Set(a).size).toBe(3);
    expect(layoutOf(year, 'schoolYear').charts[0].ranges[0].numRows).toBe(41);
    // A week where nothing was decided has blank points, not zeros.
    expect(layoutOf(year).cells[CHART_DATA.headerRow][CHART_DATA.weeksColumn + 1].value).toBe('');
  });

  test('a pie of more than eight topics sums the smallest into «Прочие темы»; no topic gives one empty slice', () => {
    const topics = Array.from({ length: 11 }, (_, i) => ({ key: `Тема ${i + 1}`, count: 20 - i }));
    const layout = layoutOf(fixture({ volume: { ...fixture().volume, byTopic: topics } }));
    const pie = layout.charts[2].ranges[0];
    expect(pie.numRows).toBe(1 + 8);
    const last = layout.cells[pie.row + 8 - 1].slice(pie.column - 1, pie.column + 1).map((c) => c.value);
    // Topics 8–11: 13 + 12 + 11 + 10.
    expect(last).toEqual([dash.charts.others, 46]);
    const none = layoutOf(fixture({ volume: { ...fixture().volume, byTopic: [] } }));
    expect(none.charts[2].ranges[0].numRows).toBe(2);
  });
});

test('the drop-down is read in either language, by label or by key; anything else is undefined', () => {
  const both = [dash.periods, dashEn.periods];
  expect(periodKindOfLabel('Учебный год', both)).toBe('schoolYear');
  expect(periodKindOfLabel(' school quarter ', both)).toBe('quarter');
  expect(periodKindOfLabel('month', both)).toBe('month');
  expect(periodKindOfLabel('', both)).toBeUndefined();
  expect(periodKindOfLabel('Неделька', both)).toBeUndefined();
});
