// Helpers by e-mail (regulation cl. 7, SPEC R7) on the embedded runtime, over a workbook built by the real setup:
// a request assigned outside the consultant–deputy–director circle goes to the helper by e-mail without the
// requester's identity, the helper's threaded reply becomes the consultant's answer draft (never over what the
// consultant typed), new work goes to the deputy while the consultant is away, and the requester's e-mail answer
// to a clarifying question resumes the request through the workflow core (R5.3).
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import type { MailRecord } from '../../emulator/services/mail';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import type { AssignResult } from '../../src/app/assign-request';
import { ru as intakeRu } from '../../src/locale/email-intake';
import { ru as helpers } from '../../src/locale/helpers';
import { ru } from '../../src/locale/ru';
import { ru as workflowRu } from '../../src/locale/workflow';
import { setSetting } from '../helpers/settings';
import {
  bookkeeping,
  CONSULTANT,
  DEPUTY,
  deliver,
  ekb,
  H,
  journal,
  keysOf,
  LABEL,
  newRequest,
  noteOf,
  OWNER,
  PARENT,
  poll,
  request,
  runQueue,
  STRANGER,
  sentTo,
  sentWithKey,
  setStatus,
  TEACHER,
  workbook,
} from './escalation.fixture';

const ENTRY = path.join(__dirname, 'helpers-mail.entry.ts');
const S = ru.choices.status;
const OUTSIDER = 'olga.tutor@yandex.ru';

function assign(rt: Runtime, who: string, input: unknown): AssignResult {
  const result = person(rt, who).call('assignRequest', input);
  if (!result.ok) throw result.error;
  return result.value as AssignResult;
}

function cellA1(rt: Runtime, id: string, key: string): string {
  const col = readSheetValues(rt, ru.sheets.requests)[0].indexOf(key);
  return `${String.fromCharCode(65 + col)}${request(rt, id).row}`;
}

/** The helper answers by replying to the message they got. */
function helperReplies(rt: Runtime, helperMail: MailRecord, body: string, from = TEACHER) {
  return deliver(rt, {
    from: `Елена Смирнова <${from}>`,
    subject: `Re: ${helperMail.subject}`,
    body,
    inReplyToMessageId: helperMail.messageId,
  });
}

describe('a request sent to a teacher by e-mail (cl. 7)', () => {
  let rt: Runtime;
  let id: string;
  let result: AssignResult;
  let helperMail: MailRecord;

  beforeAll(() => {
    rt = workbook(ENTRY);
    id = newRequest(rt);
    result = assign(rt, CONSULTANT, { requestId: id, assignee: TEACHER });
    runQueue(rt);
    helperMail = sentWithKey(rt, new RegExp(`^${id}\\|helper\\|helper-`));
  });

  test('the cell names the teacher, and the consultant is told the request went by e-mail', () => {
    expect(result).toMatchObject({ ok: true, requestId: id, assignee: TEACHER, helper: true, changed: true });
    expect(result.ok && result.message).toBe(
      helpers.assignment.doneHelper.replace('{id}', id).replace('{assignee}', TEACHER),
    );
    expect(request(rt, id).assignee).toBe(TEACHER);
  });

  test('the teacher gets the question without the requester’s name, address or phone, and no spreadsheet link', () => {
    expect(helperMail.to).toEqual([TEACHER]);
    expect(helperMail.subject).toContain(id);
    expect(helperMail.body).toContain('«нет доступа к организации»');
    expect(helperMail.body).toContain('Я [имя скрыто] [имя скрыто], мама ученика 5А');
    expect(helperMail.body).toContain('Мой телефон [телефон скрыт]');
    expect(helperMail.body).toContain(helpers.helperMail.howToReply);
    for (const part of [helperMail.body, helperMail.htmlBody ?? '']) {
      for (const hidden of ['Петрова', PARENT, '345-67-89', 'docs.google.com']) expect(part).not.toContain(hidden);
    }
  });

  test('the journal says who sent it to whom, in the owner’s run', () => {
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({
        action: helpers.audit.sentToHelper,
        columnKey: 'assignee',
        actor: CONSULTANT,
        before: CONSULTANT,
        after: TEACHER,
      }),
    );
  });

  test('the teacher’s reply in the thread becomes the draft in «Ответ»; the status stays; the consultant is told', () => {
    helperReplies(
      rt,
      helperMail,
      [
        'Нужно попросить классного руководителя заново привязать ребёнка к организации, затем войти снова.',
        '',
        '-- ',
        'Е. В. Смирнова, учитель информатики',
        '',
        `1 сент. 2026 г., в 9:05, ${OWNER} написал:`,
        '> Здравствуйте! Технический консультант просит вас помочь',
      ].join('\n'),
    );
    expect(poll(rt)).toMatchObject({ registered: [], replies: [id] });
    const row = request(rt, id);
    expect(row.answer).toBe(
      'Нужно попросить классного руководителя заново привязать ребёнка к организации, затем войти снова.',
    );
    expect(row.status).toBe(S.new);
    expect(noteOf(rt, id, 'answer')).toMatch(new RegExp(`^Черновик ответа \\(помощник ${TEACHER}, 01\\.09\\.2026 `));
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({ action: helpers.audit.helperReplied, columnKey: 'answer', before: '', after: '' }),
    );
    expect(JSON.stringify(journal(rt, id))).not.toContain('классного руководителя');
    runQueue(rt);
    const notice = sentWithKey(rt, new RegExp(`^${id}\\|assignee\\|reply-`));
    expect(notice.to).toEqual([CONSULTANT]);
    expect(notice.body).toContain(helpers.replyNotice.inCell);
    expect(notice.body).not.toContain('классного руководителя');
  });

  test('a second reply does not replace the draft: it goes to the cell’s note, the first kept below', () => {
    const before = request(rt, id).answer;
    const second = helperReplies(
      rt,
      helperMail,
      'Уточнение: привязку делает администратор школы, не классный руководитель.',
    );
    poll(rt);
    expect(request(rt, id).answer).toBe(before);
    const note = noteOf(rt, id, 'answer');
    expect(note.split('\n')[0]).toContain('в ячейке уже был текст, он не изменён');
    expect(note.split('\n')[1]).toBe('Уточнение: привязку делает администратор школы, не классный руководитель.');
    expect(note).toContain('———\nЧерновик ответа (помощник');
    // The same message seen again (the label put back on its thread) adds nothing.
    rt.runAsOwner('relabel', second.copies[OWNER].threadId, LABEL);
    expect(poll(rt).replies).toEqual([]);
    expect(noteOf(rt, id, 'answer')).toBe(note);
  });

  test('the requester writing meanwhile: the notice goes to the consultant, not to the helper', () => {
    const ack = sentTo(rt, PARENT)[0];
    deliver(rt, { subject: 'Re: Не открывается дневник', body: 'Есть новости?', inReplyToMessageId: ack.messageId });
    expect(poll(rt).replies).toEqual([id]);
    runQueue(rt);
    const notices = sentTo(rt, TEACHER).filter((m) => keysOf(m.body).some((k) => k.includes('|reply-')));
    expect(notices).toEqual([]);
    const toConsultant = sentTo(rt, CONSULTANT).filter((m) =>
      m.body.includes(intakeRu.replyNotice.intro.replace('{id}', id)),
    );
    expect(toConsultant).toHaveLength(1);
  });
});

describe('an answer the consultant typed is never overwritten', () => {
  test('the helper’s reply goes to the note; the consultant’s text stays as typed', () => {
    const rt = workbook(ENTRY);
    const id = newRequest(rt);
    const typed = '=Сначала выйдите из дневника и войдите снова.';
    expect(person(rt, CONSULTANT).edit(ru.sheets.requests, cellA1(rt, id, 'answer'), typed).refused).toBeUndefined();
    assign(rt, CONSULTANT, { requestId: id, assignee: TEACHER });
    runQueue(rt);
    const helperMail = sentWithKey(rt, new RegExp(`^${id}\\|helper\\|helper-`));
    helperReplies(rt, helperMail, 'Проверьте привязку ребёнка к организации.');
    poll(rt);
    expect(request(rt, id).answer).toBe(typed);
    expect(noteOf(rt, id, 'answer')).toContain('Проверьте привязку ребёнка к организации.');
    runQueue(rt);
    expect(sentWithKey(rt, new RegExp(`^${id}\\|assignee\\|reply-`)).body).toContain(helpers.replyNotice.inNote);
  });
});

describe('assigning: inside the circle, by name, from the sheet, and who may', () => {
  let rt: Runtime;
  let id: string;

  beforeAll(() => {
    rt = workbook(ENTRY);
    id = newRequest(rt);
  });

  test('the deputy (of the circle) gets the usual notice with the spreadsheet link, not the helper mail', () => {
    const result = assign(rt, CONSULTANT, { requestId: id, assignee: DEPUTY });
    expect(result).toMatchObject({ ok: true, helper: false, changed: true });
    runQueue(rt);
    const notice = sentWithKey(rt, new RegExp(`^${id}\\|assignee\\|assigned-`));
    expect(notice.to).toEqual([DEPUTY]);
    expect(notice.body).toContain('docs.google.com');
    expect(journal(rt, id)).toContainEqual(expect.objectContaining({ action: helpers.audit.assigned, after: DEPUTY }));
  });

  test('the same assignee again changes nothing and sends nothing', () => {
    const sent = sentTo(rt, DEPUTY).length;
    expect(assign(rt, CONSULTANT, { requestId: id, assignee: ` ${DEPUTY.toUpperCase()} ` })).toMatchObject({
      ok: true,
      changed: false,
    });
    runQueue(rt);
    expect(sentTo(rt, DEPUTY)).toHaveLength(sent);
  });

  test('a name from «Сотрудники» is taken as that person’s address; an address nobody listed is a helper too', () => {
    expect(assign(rt, DEPUTY, { requestId: id, assignee: 'смирнова елена викторовна' })).toMatchObject({
      ok: true,
      assignee: TEACHER,
      helper: true,
    });
    expect(assign(rt, DEPUTY, { requestId: id, assignee: OUTSIDER })).toMatchObject({ ok: true, helper: true });
    runQueue(rt);
    expect(sentTo(rt, OUTSIDER).map((m) => keysOf(m.body)[0])).toEqual([expect.stringMatching(/\|helper\|helper-/)]);
  });

  test('bad input: clear messages, the cell unchanged', () => {
    expect(assign(rt, CONSULTANT, { requestId: id, assignee: 'Смирнова' })).toEqual({
      ok: false,
      message: helpers.assignment.invalidAssignee.replace('{value}', 'Смирнова'),
    });
    expect(assign(rt, CONSULTANT, { requestId: id })).toEqual({ ok: false, message: helpers.assignment.badInput });
    expect(assign(rt, CONSULTANT, 'x')).toEqual({ ok: false, message: helpers.assignment.badInput });
    expect(assign(rt, CONSULTANT, { requestId: 'ОБ-2026-09999', assignee: TEACHER })).toEqual({
      ok: false,
      message: 'Обращение ОБ-2026-09999 не найдено в листе «Обращения».',
    });
    expect(request(rt, id).assignee).toBe(OUTSIDER);
  });

  test('a teacher may not assign: refused from the sidebar, and a hand edit is undone with a note', () => {
    const call = person(rt, TEACHER).call('assignRequest', { requestId: id, assignee: 'friend@mail.ru' });
    expect(call.ok).toBe(false);
    expect(person(rt, STRANGER).call('assignRequest', { requestId: id, assignee: 'friend@mail.ru' }).ok).toBe(false);
    const edit = person(rt, TEACHER).call('assignFromSheet', id, 'friend@mail.ru');
    expect(edit.value).toEqual({ ok: false, message: helpers.assignment.notAllowed });
    expect(request(rt, id).assignee).toBe(OUTSIDER);
    expect(noteOf(rt, id, 'assignee')).toBe(`Исполнитель возвращён.\n${helpers.assignment.notAllowed}`);
    runQueue(rt);
    expect(sentTo(rt, 'friend@mail.ru')).toEqual([]);
  });

  test('the consultant typing a name into the cell: the address replaces it, and the helper gets the mail', () => {
    const edit = person(rt, CONSULTANT).call('assignFromSheet', id, 'Смирнова Елена Викторовна');
    expect(edit.value).toMatchObject({ ok: true, assignee: TEACHER, helper: true });
    expect(request(rt, id).assignee).toBe(TEACHER);
    runQueue(rt);
    expect(sentTo(rt, TEACHER).filter((m) => keysOf(m.body)[0].includes('|helper-'))).toHaveLength(2);
  });

  test('a finished request is not assigned from the sidebar', () => {
    setStatus(rt, CONSULTANT, id, 'answered', { answer: 'Войдите заново.' });
    expect(assign(rt, CONSULTANT, { requestId: id, assignee: DEPUTY })).toEqual({
      ok: false,
      message: helpers.assignment.finished.replace('{id}', id).replace('{status}', S.answered),
    });
  });
});

describe('while the consultant is absent (cl. 7), new work goes to the deputy', () => {
  let rt: Runtime;

  beforeAll(() => {
    rt = workbook(ENTRY);
    setSetting(rt, 'consultant.absentFrom', '01.09.2026');
    setSetting(rt, 'consultant.absentTo', '02.09.2026');
  });

  test('a request that arrives during the absence is the deputy’s, and the deputy is told', () => {
    const id = newRequest(rt);
    expect(request(rt, id).assignee).toBe(DEPUTY);
    expect(sentWithKey(rt, new RegExp(`^${id}\\|assignee\\|registered`)).to).toEqual([DEPUTY]);
  });

  test('a helper’s reply during the absence is announced to the deputy', () => {
    const id = newRequest(rt, { from: 'ivan@yandex.ru', subject: 'Не видно расписание' });
    assign(rt, DEPUTY, { requestId: id, assignee: TEACHER });
    runQueue(rt);
    helperReplies(rt, sentWithKey(rt, new RegExp(`^${id}\\|helper\\|helper-`)), 'Расписание публикует завуч.');
    poll(rt);
    runQueue(rt);
    expect(sentWithKey(rt, new RegExp(`^${id}\\|assignee\\|reply-`)).to).toEqual([DEPUTY]);
  });

  test('after the last day of absence, new requests are the consultant’s again', () => {
    rt.clock.set(ekb('2026-09-03 09:00'));
    const id = newRequest(rt, { from: 'olga@yandex.ru', subject: 'Не видно оценки' });
    expect(request(rt, id).assignee).toBe(CONSULTANT);
  });
});

describe('the requester answers a clarifying question by e-mail (R5.3)', () => {
  let rt: Runtime;
  let id: string;

  beforeAll(() => {
    rt = workbook(ENTRY);
    id = newRequest(rt);
    rt.clock.set(ekb('2026-09-01 10:00'));
    setStatus(rt, CONSULTANT, id, 'clarification');
    runQueue(rt);
  });

  test('a reply from another address is told to the assignee but does not resume the request', () => {
    const clarification = sentWithKey(rt, new RegExp(`^${id}\\|clarification\\|`));
    deliver(rt, {
      from: 'Папа <papa.petrov@yandex.ru>',
      subject: `Re: ${clarification.subject}`,
      body: 'Это папа, пишу за жену.',
      inReplyToMessageId: clarification.messageId,
    });
    expect(poll(rt).replies).toEqual([id]);
    expect(request(rt, id).status).toBe(S.clarification);
    expect(bookkeeping(rt, id).pausedSince).not.toBe('');
  });

  test('the requester’s own reply resumes it through the core: the pause ends at the reply', () => {
    rt.clock.set(ekb('2026-09-01 11:59'));
    const clarification = sentWithKey(rt, new RegExp(`^${id}\\|clarification\\|`));
    deliver(rt, {
      subject: `Re: ${clarification.subject}`,
      body: 'Вход через Госуслуги, браузер Яндекс.',
      inReplyToMessageId: clarification.messageId,
    });
    expect(poll(rt).replies).toEqual([id]);
    expect(request(rt, id).status).toBe(S.inProgress);
    const book = bookkeeping(rt, id);
    expect(book.pausedSince).toBe('');
    expect(book.pausedMs).toBe(2 * H);
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({
        columnKey: 'status',
        before: S.clarification,
        after: S.inProgress,
        note: workflowRu.via.mail,
      }),
    );
    expect(journal(rt, id)).toContainEqual(
      expect.objectContaining({ action: intakeRu.audit.replyReceived, before: S.clarification, after: S.inProgress }),
    );
  });
});
