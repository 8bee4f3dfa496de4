// The workflow core on the embedded runtime: status changes made in the consultant's own run (as the sidebar
// makes them) and in the owner's run (the requester's reply), over a workbook built by the real setup and intake.
// Times are Yekaterinburg's (UTC+5); working hours 08:00–16:00; each expected moment is worked out by hand.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { sentMail } from '../../emulator/services/mail';
import { containerSpreadsheet, readSheetValues, shareSpreadsheet } from '../../emulator/services/spreadsheet/index';
import type { SheetKey } from '../../src/domain/schema';
import type { StatusChangeResult } from '../../src/gas/request-actions';
import { ru } from '../../src/locale/ru';
import { testEntryRuntime } from '../helpers/gas-bundle';
import { setSetting } from '../helpers/settings';

const ENTRY = path.join(__dirname, 'request-actions.entry.ts');
const OWNER = 'school.helpdesk@gmail.com';
const CONSULTANT = 'consultant.ivanova@gmail.com';
const DIRECTOR = 'director.petrov@gmail.com';
const TEACHER = 'teacher.orlov@gmail.com';
const PARENT = 'kuznetsova.parent@mail.ru';
const ekb = (s: string): number => Date.parse(`${s.replace(' ', 'T')}:00+05:00`);
// To the minute: the virtual clock moves on by each call's modelled cost, as real runs take their time.
const at = (cell: unknown): number | undefined =>
  cell instanceof Date ? Math.floor(cell.getTime() / 60_000) * 60_000 : undefined;

function records(rt: Runtime, sheet: SheetKey): Array<Record<string, unknown>> {
  const [keys, , ...rows] = readSheetValues(rt, ru.sheets[sheet]);
  return rows
    .map((line) => Object.fromEntries(keys.map((k, j) => [String(k), line[j]]).filter(([k]) => k !== '')))
    .filter((r) => Object.values(r).some((v) => v !== ''));
}
const request = (rt: Runtime, id: string) => records(rt, 'requests').find((r) => r.id === id) ?? {};
const book = (rt: Runtime, id: string) => records(rt, 'state').find((r) => r.requestId === id) ?? {};
const audit = (rt: Runtime, id: string) => records(rt, 'audit').filter((r) => r.requestId === id);

function workbook(): Runtime {
  const rt = testEntryRuntime(ENTRY, {
    owner: OWNER,
    now: '2026-09-01T09:00:00+05:00',
    manifest: {
      timeZone: 'Asia/Yekaterinburg',
      runtimeVersion: 'V8',
      webapp: { access: 'ANYONE_ANONYMOUS', executeAs: 'USER_DEPLOYING' },
    },
  });
  rt.runAsOwner('setupHelpdesk');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  const staff = [
    [CONSULTANT, 'Иванова Анна Сергеевна', ru.choices.role.consultant],
    [DIRECTOR, 'Петров Игорь Олегович', ru.choices.role.director],
    [TEACHER, 'Орлов Павел', ru.choices.role.teacher],
  ];
  expect(person(rt, OWNER).edit(ru.sheets.staff, 'A3:C5', staff).refused).toBeUndefined();
  for (const who of [CONSULTANT, DIRECTOR, TEACHER]) shareSpreadsheet(rt, containerSpreadsheet(rt).id, who, 'editor');
  return rt;
}

const change = (rt: Runtime, who: string, input: Record<string, unknown>) =>
  person(rt, who).runOrThrow<StatusChangeResult>('change', input);

describe('a request from clarification to answer, changed from the consultant’s own runs', () => {
  let rt: Runtime;
  let id: string;

  beforeAll(() => {
    rt = workbook();
    id = rt.runAsOwner<string>('registerCall', 'call-1', PARENT);
    rt.runAsOwner('runQueueSteps'); // the acknowledgement leaves and starts the requester's thread
  });

  it('asks for clarification: the row now, the pause and the journal at the owner’s next run, the mail threaded', () => {
    const dueBefore = at(book(rt, id).resolutionDueAt);
    // Registered Tue 1 Sep 09:00; three working days of 8 h = 24 working hours → Fri 4 Sep 09:00.
    expect(dueBefore).toBe(ekb('2026-09-04 09:00'));
    rt.clock.set(ekb('2026-09-01 10:00'));
    const result = change(rt, CONSULTANT, {
      requestId: id,
      to: 'clarification',
      question: 'Какой браузер вы используете?',
    });
    expect(result.ok).toBe(true);
    const row = request(rt, id);
    expect(row.status).toBe(ru.choices.status.clarification);
    // The question is the first message a person sent the requester: the first response (R5.2).
    expect(at(row.firstResponseAt)).toBe(ekb('2026-09-01 10:00'));
    // «Служебное» belongs to the school account: nothing there until its run applies the posted change.
    expect(book(rt, id).pausedSince).toBe('');
    rt.clock.set(ekb('2026-09-01 10:04'));
    expect(rt.runAsOwner<{ transitions: number; sent: number }>('runQueueSteps')).toEqual({ transitions: 1, sent: 1 });
    // Applied four minutes later, with the change's own time.
    expect(at(book(rt, id).pausedSince)).toBe(ekb('2026-09-01 10:00'));
    expect(book(rt, id).clarifications).toBe(1);
    const entries = audit(rt, id).filter((e) => e.columnKey === 'status');
    expect(entries).toEqual([
      expect.objectContaining({
        actor: CONSULTANT,
        before: ru.choices.status.new,
        after: ru.choices.status.clarification,
        note: 'боковая панель',
      }),
    ]);
    const mails = sentMail(rt, OWNER).filter((m) => m.to.includes(PARENT));
    expect(mails.map((m) => m.subject)).toEqual([
      `Обращение ${id} зарегистрировано`,
      `Re: Обращение ${id} зарегистрировано`,
    ]);
    expect(mails[1].threadId).toBe(mails[0].threadId);
    expect(mails[1].body).toContain('Какой браузер вы используете?');
    expect(mails[1].body).toContain('приостановлен');
  });

  it('resumes on the requester’s reply: the due time moves by exactly the time the pause took', () => {
    rt.clock.set(ekb('2026-09-02 11:00'));
    const result = rt.runAsOwner<StatusChangeResult>('requesterChange', {
      requestId: id,
      to: 'inProgress',
      email: PARENT,
    });
    expect(result).toEqual(expect.objectContaining({ ok: true }));
    const b = book(rt, id);
    expect(b.pausedSince).toBe('');
    // Paused Tue 10:00 → Wed 11:00 = 25 h of wall time.
    expect(b.pausedMs).toBe(25 * 3_600_000);
    // At 10:00 Tue, 23 working hours were left before Fri 09:00 (6 Tue + 8 Wed + 8 Thu + 1 Fri). From Wed 11:00:
    // 5 h Wed, 8 h Thu, 8 h Fri (21), then 2 h on Mon 7 Sep → 10:00.
    expect(at(b.resolutionDueAt)).toBe(ekb('2026-09-07 10:00'));
    expect(at(request(rt, id).dueAt)).toBe(ekb('2026-09-07 10:00'));
    rt.runAsOwner('runQueueSteps');
    // A reply by e-mail is announced by the mail poll (with the mailbox link); the core adds no second notice.
    const notices = sentMail(rt, OWNER).filter((m) => m.to.includes(CONSULTANT) && m.subject.includes('ответил'));
    expect(notices).toEqual([]);
  });

  it('answers: resolved time, the answer in the thread with signed «Помогло / Не помогло» links', () => {
    rt.clock.set(ekb('2026-09-02 14:30'));
    const answer = 'Откройте «Дневник» → «Итоговые отметки».\nОтметки появятся после выставления учителем.';
    const result = change(rt, CONSULTANT, { requestId: id, to: 'answered', answer });
    expect(result.ok).toBe(true);
    const row = request(rt, id);
    expect(row.answer).toBe(answer);
    expect(at(row.resolvedAt)).toBe(ekb('2026-09-02 14:30'));
    // The first response stays the question's time.
    expect(at(row.firstResponseAt)).toBe(ekb('2026-09-01 10:00'));
    rt.runAsOwner('runQueueSteps');
    const mail = sentMail(rt, OWNER)
      .filter((m) => m.to.includes(PARENT))
      .at(-1);
    expect(mail?.body).toContain('Отметки появятся после выставления учителем.');
    const links = (mail?.htmlBody ?? '').match(/href="([^"]*feedback=[^"]*)"/g) ?? [];
    expect(links).toHaveLength(2);
    expect(mail?.body).toContain('Помогло');
    // The answer's text is the requester's business: the journal says it was recorded, not what it says.
    const answerEntry = audit(rt, id).find((e) => e.columnKey === 'answer');
    expect(answerEntry).toEqual(expect.objectContaining({ before: '', after: '' }));
    expect(JSON.stringify(records(rt, 'audit'))).not.toContain('Итоговые отметки');
  });

  it('refuses what the life cycle does not allow, with the reason, and changes nothing', () => {
    const before = request(rt, id);
    const back = change(rt, CONSULTANT, { requestId: id, to: 'new' });
    expect(back).toEqual(expect.objectContaining({ ok: false }));
    expect((back as { message: string }).message).toContain('Из «Дан ответ» нельзя перейти в «Новое»');
    const reject = change(rt, CONSULTANT, { requestId: id, to: 'clarification' });
    expect(reject.ok).toBe(false);
    expect(request(rt, id)).toEqual(before);
  });

  it('refuses a person without a helpdesk role before anything is read', () => {
    const run = person(rt, TEACHER).run('change', { requestId: id, to: 'closed' });
    expect(run.ok).toBe(false);
    expect(request(rt, id).status).toBe(ru.choices.status.answered);
  });
});

describe('rejection with each cl. 9.4.3 reason, escalation and the etiquette end', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = workbook();
  });

  it.each([
    ['insufficientInfo', 'Недостаточно исходной информации'],
    ['incorrectQuestion', 'Вопрос задан некорректно или неконструктивно'],
    ['lateInfo', 'Информация предоставлена несвоевременно'],
  ])('rejects with %s: the label in the row, the reason in the requester’s e-mail', (reason, label) => {
    const id = rt.runAsOwner<string>('registerCall', `reject-${reason}`, `${reason.toLowerCase()}@mail.ru`);
    const result = change(rt, CONSULTANT, { requestId: id, to: 'rejected', reason });
    expect(result.ok).toBe(true);
    expect(request(rt, id).rejectReason).toBe(label);
    rt.runAsOwner('runQueueSteps');
    // Replies go before acknowledgements, so the rejection may leave first: found by its subject.
    const mail = sentMail(rt, OWNER).find(
      (m) => m.to.includes(`${reason.toLowerCase()}@mail.ru`) && m.subject.includes('отклонено'),
    );
    expect(mail?.subject).toBe(`Обращение ${id} отклонено`);
    expect(mail?.body).toContain(label);
  });

  it('a rejection without a reason is refused with what to do', () => {
    const id = rt.runAsOwner<string>('registerCall', 'reject-none', 'none@mail.ru');
    const result = change(rt, CONSULTANT, { requestId: id, to: 'rejected' });
    expect(result).toEqual(expect.objectContaining({ ok: false }));
    expect((result as { message: string }).message).toContain('п. 9.4.3');
  });

  it('escalation: the requester hears the support line, the pause and the counter start', () => {
    setSetting(rt, 'support.vk', 'https://vk.com/sedizh_support');
    const id = rt.runAsOwner<string>('registerCall', 'escalate', 'escalate@mail.ru');
    rt.clock.set(ekb('2026-09-01 12:00'));
    expect(change(rt, CONSULTANT, { requestId: id, to: 'escalated' }).ok).toBe(true);
    rt.runAsOwner('runQueueSteps');
    expect(book(rt, id)).toEqual(expect.objectContaining({ escalations: 1, clarifications: 0 }));
    expect(at(book(rt, id).lastEscalatedAt)).toBe(ekb('2026-09-01 12:00'));
    const mail = sentMail(rt, OWNER).find((m) => m.to.includes('escalate@mail.ru') && m.subject.includes('Служб'));
    expect(mail?.body).toContain('8 800 300 4444');
    expect(mail?.body).toContain('https://vk.com/sedizh_support');
    expect(mail?.body).toContain('ежедневно с 09:00 до 18:00');
    // Support answers on Wed 2 Sep at 10:00: 6 h on Tue (12–18) and 1 h on Wed (9–10) of support hours.
    rt.clock.set(ekb('2026-09-02 10:00'));
    expect(change(rt, CONSULTANT, { requestId: id, to: 'inProgress' }).ok).toBe(true);
    rt.runAsOwner('runQueueSteps');
    expect(book(rt, id).supportWaitMs).toBe(7 * 3_600_000);
  });

  it('the etiquette end: the reason in the notes, the requester and the director told', () => {
    const id = rt.runAsOwner<string>('registerCall', 'rude', 'rude@mail.ru');
    const result = change(rt, CONSULTANT, { requestId: id, to: 'etiquetteEnded', reason: 'Оскорбления в переписке' });
    expect(result.ok).toBe(true);
    expect(String(request(rt, id).notes)).toContain('Оскорбления в переписке');
    rt.runAsOwner('runQueueSteps');
    const director = sentMail(rt, OWNER).filter((m) => m.to.includes(DIRECTOR));
    expect(director.map((m) => m.body).join('\n')).toContain(id);
    const requester = sentMail(rt, OWNER).find(
      (m) => m.to.includes('rude@mail.ru') && m.subject.includes('прекращена'),
    );
    expect(requester?.body).toContain('п. 10 регламента');
  });

  it('a request with a phone only: the change is made and the consultant is told to call', () => {
    const id = rt.runAsOwner<string>('registerCall', 'phone-only', '', '+7 912 345-67-89');
    const result = change(rt, CONSULTANT, { requestId: id, to: 'answered', answer: 'Перезагрузите страницу.' });
    expect(result.ok).toBe(true);
    expect((result as { message: string }).message).toContain('+7 912 345-67-89');
    expect((result as { mailKeys: string[] }).mailKeys).toEqual([]);
  });
});
