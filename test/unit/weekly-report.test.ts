import { type ReportRow, weeklyFigures } from '../../src/domain/weekly-report';

const H = 3_600_000;
// The week of Mon 7 Sep 2026 00:00 (UTC+5) to Mon 14 Sep.
const from = Date.parse('2026-09-07T00:00:00+05:00');
const to = from + 7 * 24 * H;
const now = to + 8 * H;

function row(id: string, extra: Partial<ReportRow>): ReportRow {
  return {
    id,
    createdAt: from + 10 * H,
    requesterType: 'parent',
    channel: 'form',
    topic: 'Учёт посещаемости',
    status: 'new',
    rejectReason: '',
    firstResponseAt: null,
    resolvedAt: null,
    firstResponseDueAt: from + 34 * H,
    resolutionDueAt: from + 82 * H,
    ...extra,
  };
}

describe('weeklyFigures', () => {
  test('a hand-worked week', () => {
    const rows = [
      // Answered in time (10 h after coming in, due at 34 h), closed on Tuesday.
      row('A', { firstResponseAt: from + 20 * H, status: 'closed', resolvedAt: from + 30 * H }),
      // Answered late (40 h > 34 h), still in progress, resolution due at 82 h: overdue now.
      row('B', { requesterType: 'staff', channel: 'phone', firstResponseAt: from + 40 * H, status: 'inProgress' }),
      // No answer at all: first response overdue since 34 h.
      row('C', { topic: 'Учёт расписания' }),
      // Rejected for want of information on Friday.
      row('D', { status: 'rejected', rejectReason: 'Недостаточно исходной информации', resolvedAt: from + 100 * H }),
      // Last week's request: not received this week; its first response fell due last week.
      row('E', {
        createdAt: from - 48 * H,
        firstResponseDueAt: from - 24 * H,
        resolutionDueAt: to + 48 * H,
        status: 'inProgress',
        firstResponseAt: from - 30 * H,
      }),
    ];
    const f = weeklyFigures(rows, from, to, now);
    // Received: A, B, C, D (E came last week).
    expect(f.received).toBe(4);
    expect(f.byRequesterType).toEqual([
      ['parent', 3],
      ['staff', 1],
    ]);
    expect(f.byChannel).toEqual([
      ['form', 3],
      ['phone', 1],
    ]);
    expect(f.byTopic).toEqual([
      ['Учёт посещаемости', 3],
      ['Учёт расписания', 1],
    ]);
    // Due in the week: A, B, C, D (34 h); in time: A only (B late, C and D never answered).
    expect(f.firstResponseDue).toBe(4);
    expect(f.firstResponseInTime).toBe(1);
    // Resolved in the week: A (closed), D (rejected).
    expect(f.resolved).toBe(2);
    expect(f.rejectedByReason).toEqual([['Недостаточно исходной информации', 1]]);
    // Open now: B, C, E. Overdue: B (resolution due 82 h), C (first response due 34 h); E's is due next week.
    expect(f.openNow).toBe(3);
    expect(f.overdue.map((o) => o.id)).toEqual(['B', 'C']);
    // B came in at 10 h; now is 7 days + 8 h = 176 h: 166 h old, 6 whole days.
    expect(f.overdue[0].ageDays).toBe(6);
  });

  test('an empty week is all zeros, not an error', () => {
    const f = weeklyFigures([], from, to, now);
    expect(f).toMatchObject({ received: 0, firstResponseDue: 0, firstResponseInTime: 0, openNow: 0, overdue: [] });
  });
});
