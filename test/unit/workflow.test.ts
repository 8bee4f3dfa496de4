import type { Status } from '../../src/domain/request';
import { CHOICE_LISTS } from '../../src/domain/schema';
import {
  type Actor,
  decideTransition,
  nextStatuses,
  revertNote,
  type TransitionContext,
  type TransitionProblem,
} from '../../src/domain/workflow';

const NOW = new Date(Date.UTC(2025, 2, 3, 9, 30));
const EARLIER = new Date(Date.UTC(2025, 2, 3, 8, 0));
const STAFF: Actor[] = ['owner', 'consultant', 'deputy', 'director'];
const ALL_ACTORS: Actor[] = [...STAFF, 'teacher', 'staff', 'requester', 'system'];

/** A context that meets every requirement, so only the table and the role decide. */
function ctx(role: Actor | undefined, over: Partial<TransitionContext> = {}): TransitionContext {
  return { role, now: NOW, firstResponseAt: null, answer: 'Ответ', reason: 'insufficientInfo', ...over };
}

function etiquetteCtx(role: Actor): TransitionContext {
  return ctx(role, { reason: 'Оскорбления в письме' });
}

function contextFor(to: Status, role: Actor): TransitionContext {
  return to === 'etiquetteEnded' ? etiquetteCtx(role) : ctx(role);
}

function problemOf(from: Status, to: Status | undefined, c: TransitionContext): TransitionProblem {
  const d = decideTransition(from, to, c);
  if (d.ok) throw new Error(`expected ${from} → ${to} to be refused`);
  return d.problem;
}

const S = STAFF;
const SR: Actor[] = [...STAFF, 'requester'];
/** The expected table, written independently of the code; a missing pair is refused for everyone. */
const EXPECTED: [Status, Status, Actor[], string][] = [
  ['new', 'inProgress', S, 'taken into work'],
  ['new', 'clarification', S, 'a vague request is asked about at once'],
  ['new', 'escalated', S, 'a non-standard situation goes to support at once (cl. 8)'],
  ['new', 'answered', S, 'a quick answer needs no separate «В работе»'],
  ['new', 'rejected', S, 'a cl. 9.4.3 reason applies from the start'],
  ['new', 'etiquetteEnded', S, 'an abusive request (cl. 10)'],
  ['inProgress', 'clarification', S, 'the consultant asks the requester'],
  ['inProgress', 'escalated', S, 'cl. 8'],
  ['inProgress', 'answered', S, 'the normal path'],
  ['inProgress', 'rejected', S, 'cl. 9.4.3'],
  ['inProgress', 'etiquetteEnded', S, 'cl. 10'],
  ['clarification', 'inProgress', SR, 'the requester replied (or called the consultant)'],
  ['clarification', 'escalated', S, 'the requester’s facts show a support case'],
  ['clarification', 'answered', S, 'answered on what is known'],
  ['clarification', 'rejected', [...S, 'system'], 'no reply: auto-close by the sweep, or by hand'],
  ['clarification', 'etiquetteEnded', S, 'a rude reply'],
  ['escalated', 'inProgress', S, 'support answered or rejected the packet: the consultant works on'],
  ['escalated', 'clarification', S, 'support needs more from the requester'],
  ['escalated', 'answered', S, 'support’s answer passed on'],
  ['escalated', 'rejected', S, 'support rejected it with a cl. 9.4.3 reason that cannot be cured'],
  ['escalated', 'etiquetteEnded', S, 'cl. 10'],
  ['answered', 'inProgress', SR, '«Не помогло» or the consultant reopens'],
  ['answered', 'closed', SR, '«Помогло» or the consultant closes'],
  ['answered', 'etiquetteEnded', S, 'a rude reply to the answer'],
  ['closed', 'inProgress', SR, '«Не помогло» after the close'],
  ['rejected', 'inProgress', S, 'a person reopens (a late reply after an auto-close)'],
  ['etiquetteEnded', 'inProgress', ['director'], 'the director, who was told (cl. 10), may resume'],
];
// Refused pairs, for example: new → closed (nothing was answered), inProgress → new (work cannot be
// un-taken), answered → rejected (an answer was given), closed → answered (reopen first), anything → new.

function expectedActors(from: Status, to: Status): Actor[] {
  const row = EXPECTED.find(([f, t]) => f === from && t === to);
  return row ? row[2] : [];
}

const PAIRS: [Status, Status][] = [];
for (const from of CHOICE_LISTS.status) {
  for (const to of CHOICE_LISTS.status) if (from !== to) PAIRS.push([from, to]);
}

describe('the transition table', () => {
  test.each(PAIRS)('%s → %s: allowed exactly for the expected actors', (from, to) => {
    const allowed = expectedActors(from, to);
    for (const role of ALL_ACTORS) {
      const d = decideTransition(from, to, contextFor(to, role));
      const expectedCode = allowed.length === 0 ? 'notAllowed' : 'roleNotAllowed';
      if (allowed.indexOf(role) >= 0) expect(d).toMatchObject({ ok: true, outcome: { from, to } });
      else expect(d).toMatchObject({ ok: false, problem: { code: expectedCode, from, to } });
    }
  });

  test('nextStatuses lists the table row in the list order', () => {
    expect(nextStatuses('answered')).toEqual(['inProgress', 'closed', 'etiquetteEnded']);
    expect(nextStatuses('etiquetteEnded')).toEqual(['inProgress']);
    for (const s of CHOICE_LISTS.status) expect(nextStatuses(s).length).toBeGreaterThan(0);
  });

  test('the same status is no change: ok, nothing to do (the edit handler has nothing to revert)', () => {
    const d = decideTransition('answered', 'answered', ctx(undefined));
    expect(d).toMatchObject({ ok: true, outcome: { action: 'none', recordFirstResponse: false } });
  });

  test('an unknown label is refused before anything else', () => {
    expect(problemOf('new', undefined, ctx('consultant')).code).toBe('unknownStatus');
  });
});

describe('roles', () => {
  test('a blank identity is refused', () => {
    expect(problemOf('new', 'inProgress', ctx(undefined)).code).toBe('blankIdentity');
  });
  test('a teacher helper never changes a status, even an allowed one', () => {
    for (const [from, to] of PAIRS) {
      expect(decideTransition(from, to, contextFor(to, 'teacher')).ok).toBe(false);
    }
  });
  test('a refusal names who may do it', () => {
    const p = problemOf('etiquetteEnded', 'inProgress', ctx('consultant'));
    expect(p).toMatchObject({ code: 'roleNotAllowed', role: 'consultant', allowed: ['director'] });
  });
});

describe('requirements', () => {
  test('«Дан ответ» needs the answer text (blank or spaces refused)', () => {
    expect(problemOf('inProgress', 'answered', ctx('consultant', { answer: '  ' })).code).toBe('answerRequired');
    expect(problemOf('inProgress', 'answered', ctx('consultant', { answer: undefined })).code).toBe('answerRequired');
  });
  test('rejection needs a reason key from the cl. 9.4.3 list', () => {
    for (const reason of ['', 'просто так', 'Недостаточно исходной информации']) {
      expect(problemOf('inProgress', 'rejected', ctx('consultant', { reason })).code).toBe('rejectReasonRequired');
    }
    for (const reason of CHOICE_LISTS.rejectReason) {
      const d = decideTransition('inProgress', 'rejected', ctx('consultant', { reason }));
      expect(d).toMatchObject({ ok: true, outcome: { record: { rejectReason: reason } } });
    }
  });
  test('an etiquette end needs a reason text', () => {
    const p = problemOf('inProgress', 'etiquetteEnded', ctx('consultant', { reason: ' ' }));
    expect(p.code).toBe('etiquetteReasonRequired');
  });
  test('clarification and escalation need nothing more (templated question; ticket comes later)', () => {
    const bare = ctx('consultant', { answer: '', reason: '' });
    expect(decideTransition('inProgress', 'clarification', bare).ok).toBe(true);
    expect(decideTransition('inProgress', 'escalated', bare).ok).toBe(true);
  });
});

function outcome(from: Status, to: Status, c: TransitionContext) {
  const d = decideTransition(from, to, c);
  if (!d.ok) throw new Error(`expected ${from} → ${to} to be allowed, got ${d.problem.code}`);
  return d.outcome;
}

describe('the first response (SPEC R5.2)', () => {
  test.each([
    ['inProgress', 'answered'],
    ['new', 'clarification'],
    ['inProgress', 'escalated'],
    ['new', 'rejected'],
  ] as [Status, Status][])('%s → %s by a person records it', (from, to) => {
    expect(outcome(from, to, ctx('consultant')).recordFirstResponse).toBe(true);
  });
  test('taking into work is a bare status change: not recorded', () => {
    expect(outcome('new', 'inProgress', ctx('consultant')).recordFirstResponse).toBe(false);
  });
  test('an earlier first response is kept', () => {
    expect(outcome('inProgress', 'answered', ctx('deputy', { firstResponseAt: EARLIER })).recordFirstResponse).toBe(
      false,
    );
  });
  test('the sweep’s auto-close and the requester’s moves never count', () => {
    expect(outcome('clarification', 'rejected', ctx('system')).recordFirstResponse).toBe(false);
    expect(outcome('clarification', 'inProgress', ctx('requester')).recordFirstResponse).toBe(false);
  });
});

describe('what a change implies', () => {
  test('answer: resolved now, answer recorded, e-mail to the requester', () => {
    expect(outcome('inProgress', 'answered', ctx('consultant', { answer: ' Нажмите «Войти». ' }))).toMatchObject({
      action: 'answer',
      at: NOW,
      resolvedAt: 'set',
      record: { answer: 'Нажмите «Войти».' },
      requesterMail: 'answer',
      sendSupportPacket: false,
    });
  });
  test('clarification pauses on the requester; the reply resumes and tells the assignee', () => {
    const ask = outcome('inProgress', 'clarification', ctx('consultant'));
    expect(ask).toMatchObject({ pauseBegins: 'requester', requesterMail: 'clarification', resolvedAt: 'keep' });
    expect(ask.pauseEnds).toBeUndefined();
    const reply = outcome('clarification', 'inProgress', ctx('requester'));
    expect(reply).toMatchObject({ action: 'resume', pauseEnds: 'requester', assigneeAlert: 'requesterReplied' });
    expect(reply.pauseBegins).toBeUndefined();
    expect(reply.restartResolutionClock).toBe(false);
  });
  test('escalation pauses on support and sends the packet and a notice; from clarification it switches pauses', () => {
    expect(outcome('clarification', 'escalated', ctx('consultant'))).toMatchObject({
      action: 'escalate',
      pauseEnds: 'requester',
      pauseBegins: 'support',
      sendSupportPacket: true,
      requesterMail: 'escalationNotice',
    });
    expect(outcome('escalated', 'inProgress', ctx('consultant'))).toMatchObject({
      action: 'supportReturned',
      pauseEnds: 'support',
      sendSupportPacket: false,
    });
  });
  test('auto-close by the sweep: rejected for insufficient information, pause ended, requester told', () => {
    expect(outcome('clarification', 'rejected', ctx('system', { reason: 'insufficientInfo' }))).toMatchObject({
      action: 'reject',
      resolvedAt: 'set',
      pauseEnds: 'requester',
      record: { rejectReason: 'insufficientInfo' },
      requesterMail: 'rejection',
    });
  });
  test('etiquette end: reason recorded, the director alerted (cl. 10)', () => {
    expect(outcome('escalated', 'etiquetteEnded', etiquetteCtx('deputy'))).toMatchObject({
      action: 'endForEtiquette',
      resolvedAt: 'set',
      pauseEnds: 'support',
      record: { etiquetteReason: 'Оскорбления в письме' },
      directorAlert: 'etiquetteEnded',
      requesterMail: 'etiquetteEnded',
    });
  });
  test('«Не помогло» reopens an answered or closed request and restarts the resolution clock', () => {
    for (const from of ['answered', 'closed'] as Status[]) {
      expect(outcome(from, 'inProgress', ctx('requester'))).toMatchObject({
        action: 'reopen',
        resolvedAt: 'clear',
        restartResolutionClock: true,
        assigneeAlert: 'notHelped',
      });
    }
  });
  test('«Помогло» closes and keeps the resolved time; no e-mail', () => {
    const close = outcome('answered', 'closed', ctx('requester'));
    expect(close).toMatchObject({ action: 'close', resolvedAt: 'keep' });
    expect(close.requesterMail).toBeUndefined();
  });
  test('reopening a rejection clears its reason (the reports count rejections by it)', () => {
    expect(outcome('rejected', 'inProgress', ctx('consultant'))).toMatchObject({
      resolvedAt: 'clear',
      record: { rejectReason: '' },
    });
  });
  test('only etiquette ends alert the director', () => {
    for (const [from, to] of EXPECTED) {
      if (to === 'etiquetteEnded') continue;
      const role = expectedActors(from, to)[0];
      expect(outcome(from, to, contextFor(to, role)).directorAlert).toBeUndefined();
    }
  });
});

describe('revertNote', () => {
  test('an illegal path: Russian, with the restored status and the allowed ones', () => {
    const note = revertNote(problemOf('new', 'closed', ctx('consultant')), 'ru');
    expect(note).toBe(
      'Статус возвращён: «Новое».\nИз «Новое» нельзя перейти в «Закрыто». Допустимо: «В работе», ' +
        '«Нужно уточнение», «Передано в Службу поддержки», «Дан ответ», «Отклонено», ' +
        '«Прекращено (нарушение этикета)».',
    );
  });
  test('a role refusal names who may, in Russian', () => {
    const note = revertNote(problemOf('etiquetteEnded', 'inProgress', ctx('consultant')), 'ru');
    expect(note).toContain(
      'Перевести обращение из «Прекращено (нарушение этикета)» в «В работе» может только: директор.',
    );
  });
  test('missing requirements and a blank identity say what to do', () => {
    const answer = revertNote(problemOf('inProgress', 'answered', ctx('consultant', { answer: '' })), 'ru');
    expect(answer).toBe(
      'Статус возвращён: «В работе».\nДля статуса «Дан ответ» сначала впишите текст ответа в столбец «Ответ».',
    );
    expect(revertNote(problemOf('inProgress', 'rejected', ctx('deputy', { reason: '' })), 'ru')).toContain('п. 9.4.3');
    expect(revertNote(problemOf('new', 'inProgress', ctx(undefined)), 'ru')).toContain('кто вы');
    expect(revertNote(problemOf('new', undefined, ctx('owner')), 'ru')).toContain('выпадающего списка');
  });
  test('English mirrors it', () => {
    const note = revertNote(problemOf('closed', 'answered', ctx('consultant')), 'en');
    expect(note).toBe(
      'Status restored: «Closed».\nA request cannot go from «Closed» to «Answered». Allowed: «In progress».',
    );
  });
});
