// The request sidebar's pure parts: the steps offered to each role (the life cycle's TRANSITIONS and nothing
// more), the shape a google.script.run call must have, and the journal rows read in runs.
import { isWebLink, parseSidebarCall, sidebarActions } from '../../src/domain/request-sidebar';
import { CHOICE_LISTS } from '../../src/domain/schema';
import { TRANSITIONS } from '../../src/domain/workflow';
import { runsOf } from '../../src/gas/request-history';

describe('sidebarActions', () => {
  it('offers the consultant every step of a new request, named for what it does', () => {
    expect(sidebarActions('new', 'consultant')).toEqual([
      { kind: 'take', to: 'inProgress' },
      { kind: 'clarify', to: 'clarification' },
      { kind: 'escalate', to: 'escalated' },
      { kind: 'answer', to: 'answered' },
      { kind: 'reject', to: 'rejected' },
      { kind: 'endForEtiquette', to: 'etiquetteEnded' },
    ]);
  });

  it('names the way back into work by where it comes from', () => {
    const back = (from: Parameters<typeof sidebarActions>[0]) =>
      sidebarActions(from, 'deputy').find((a) => a.to === 'inProgress')?.kind;
    expect(back('clarification')).toBe('resume');
    expect(back('escalated')).toBe('supportReturned');
    expect(back('answered')).toBe('reopen');
    expect(back('closed')).toBe('reopen');
    expect(back('rejected')).toBe('reopen');
  });

  it('lets only the director reopen an ended consultation (cl. 10)', () => {
    expect(sidebarActions('etiquetteEnded', 'consultant')).toEqual([]);
    expect(sidebarActions('etiquetteEnded', 'director')).toEqual([{ kind: 'reopen', to: 'inProgress' }]);
  });

  it('offers nothing to an unknown caller, a teacher or a plain staff member', () => {
    for (const from of CHOICE_LISTS.status) {
      expect(sidebarActions(from, undefined)).toEqual([]);
      expect(sidebarActions(from, 'teacher')).toEqual([]);
      expect(sidebarActions(from, 'staff')).toEqual([]);
    }
  });

  it('offers exactly the transitions the life cycle allows the role, for every status and staff role', () => {
    for (const from of CHOICE_LISTS.status) {
      for (const role of ['owner', 'consultant', 'deputy', 'director'] as const) {
        const allowed = CHOICE_LISTS.status.filter((to) => (TRANSITIONS[from][to] ?? []).includes(role));
        expect(sidebarActions(from, role).map((a) => a.to)).toEqual(allowed);
      }
    }
  });
});

describe('parseSidebarCall', () => {
  it('reads the request, the status shown and the text fields; absent fields are empty', () => {
    expect(
      parseSidebarCall({ requestId: ' ОБ-2026-00001 ', expected: 'new', answer: 'Текст' }, ['answer', 'x']),
    ).toEqual({
      ok: true,
      value: { requestId: 'ОБ-2026-00001', expected: 'new', fields: { answer: 'Текст', x: '' } },
    });
    expect(parseSidebarCall({ requestId: 'A', expected: '' }, [])).toEqual({
      ok: true,
      value: { requestId: 'A', expected: undefined, fields: {} },
    });
  });

  it.each([
    ['nothing', undefined],
    ['a string', 'ОБ-2026-00001'],
    ['an array', ['ОБ-2026-00001']],
    ['a numeric ID', { requestId: 1 }],
    ['a blank ID', { requestId: '  ' }],
    ['an ID with a line break', { requestId: 'A\nB' }],
    ['an ID longer than any', { requestId: 'A'.repeat(65) }],
    ['an unknown status', { requestId: 'A', expected: 'done' }],
    ['an object for a text', { requestId: 'A', answer: { toString: 'x' } }],
  ])('refuses %s as bad input', (_what, raw) => {
    expect(parseSidebarCall(raw, ['answer'])).toEqual({ ok: false, problem: 'badInput' });
  });

  it('refuses text longer than a cell holds rather than cutting it', () => {
    expect(parseSidebarCall({ requestId: 'A', answer: 'я'.repeat(50_000) }, ['answer']).ok).toBe(true);
    expect(parseSidebarCall({ requestId: 'A', answer: 'я'.repeat(50_001) }, ['answer'])).toEqual({
      ok: false,
      problem: 'tooLong',
    });
  });
});

describe('isWebLink', () => {
  it('accepts web links only', () => {
    expect(isWebLink('https://school.example/a?b=1')).toBe(true);
    expect(isWebLink(' http://x.example ')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'https://a.example/"onmouseover="x', 'ftp://x', ''])
      expect(isWebLink(bad)).toBe(false);
  });
});

describe('runsOf', () => {
  it('groups neighbouring journal rows so each run is one read', () => {
    expect(runsOf([3, 4, 5, 9, 11, 12])).toEqual([
      [3, 3],
      [9, 1],
      [11, 2],
    ]);
    expect(runsOf([])).toEqual([]);
    expect(runsOf([7, 7])).toEqual([[7, 1]]);
  });
});
