import { assigneeFor, isAbsentOn } from '../../src/domain/assignment';

describe('assigneeFor (cl. 7)', () => {
  const absence = { from: '2026-10-05', to: '2026-10-09' };
  test('the consultant normally, the deputy on the absence days inclusive', () => {
    expect(assigneeFor('2026-10-02', 'k@school.ru', 'z@school.ru', absence)).toBe('k@school.ru');
    expect(assigneeFor('2026-10-05', 'k@school.ru', 'z@school.ru', absence)).toBe('z@school.ru');
    expect(assigneeFor('2026-10-09', 'k@school.ru', 'z@school.ru', absence)).toBe('z@school.ru');
    expect(assigneeFor('2026-10-10', 'k@school.ru', 'z@school.ru', absence)).toBe('k@school.ru');
  });
  test('a one-day absence has no end date; no deputy leaves the request with the consultant', () => {
    expect(isAbsentOn('2026-10-05', { from: '2026-10-05', to: '' })).toBe(true);
    expect(assigneeFor('2026-10-05', 'k@school.ru', '', absence)).toBe('k@school.ru');
    expect(assigneeFor('2026-10-05', '', 'z@school.ru', undefined)).toBe('z@school.ru');
  });
});
