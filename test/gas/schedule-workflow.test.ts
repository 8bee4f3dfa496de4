// The consultation schedule (issue 7 parts 1, 2, 3, 5; R3, cl. 3, 3.1, 5.1) on the embedded runtime, over a
// workbook built by the real setup: the consultant fills a month of office hours from the menu, the director
// approves it as themselves, someone else is refused with nothing changed, the public page (doGet) shows
// exactly the approved events, a change after approval voids it (the installable edit trigger, as the owner)
// and the director is e-mailed; single events are approved from the sidebar; new-staff training is placed.
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance } from '../../emulator/scheduler';
import { htmlPageOf } from '../../emulator/services/html';
import { sentMail } from '../../emulator/services/mail';
import {
  canUserEdit,
  containerSpreadsheet,
  readSheetValues,
  setActiveSelection,
  sheetModel,
  uiEvents,
} from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import { ru } from '../../src/locale/ru';
import { ru as sched } from '../../src/locale/schedule';
import { setSetting } from '../helpers/settings';
import {
  CONSULTANT,
  column,
  DIRECTOR,
  events,
  get,
  letter,
  MIN,
  menu,
  NEW_DIRECTOR,
  OCTOBER,
  OWNER,
  records,
  STRANGER,
  shown,
  workbook,
} from './schedule-workflow.workbook';

describe('the consultation schedule', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = workbook();
  });

  test('setup: times are validated; the approval columns are protected for the owner and the director', () => {
    const ss = containerSpreadsheet(rt).id;
    const by = column(rt, 'schedule', 'approvedBy');
    // No director named yet: only the owner may write an approval.
    expect(canUserEdit(rt, OWNER, ss, ru.sheets.schedule, 5, by)).toBe(true);
    expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(false);
    // A typed time that is not a time of day is refused with the hint.
    const start = letter(column(rt, 'schedule', 'start'));
    const bad = person(rt, CONSULTANT).edit(ru.sheets.schedule, `${start}40`, 'в обед');
    expect(bad.refused).toContain(sched.notes.times);
    // The director is named in the settings, but the edit trigger that would add them to the protection fails:
    // the director is told what to ask for, before any question.
    rt.faults.add({
      method: 'Protection.addEditors',
      functionName: 'onSheetEdit',
      action: { throw: 'Service Spreadsheets failed while accessing document' },
    });
    setSetting(rt, 'director.email', DIRECTOR);
    expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(false);
    const early = menu(rt, DIRECTOR, 'approveSchedule');
    expect(early.last).toContain('вас нет среди их редакторов');
    expect(early.last).toContain(`владельца таблицы (${OWNER})`);
    expect(uiEvents(rt, 'prompt')).toHaveLength(0);
    // Setup run again adds them to the protection.
    rt.runAsOwner('rerunSetup');
    for (const key of ['approvedBy', 'approvedAt', 'approvedFingerprint']) {
      const col = column(rt, 'schedule', key);
      expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, col)).toBe(true);
      expect(canUserEdit(rt, CONSULTANT, ss, ru.sheets.schedule, 5, col)).toBe(false);
      expect(canUserEdit(rt, STRANGER, ss, ru.sheets.schedule, 5, col)).toBe(false);
    }
    // The rest of the row stays the consultant's to edit.
    expect(canUserEdit(rt, CONSULTANT, ss, ru.sheets.schedule, 5, column(rt, 'schedule', 'place'))).toBe(true);
    // The director listed in «Сотрудники» too (the edit trigger keeps them an editor).
    expect(
      person(rt, OWNER).edit(ru.sheets.staff, 'A4:C4', [[DIRECTOR, 'Петров Иван Олегович', ru.choices.role.director]])
        .refused,
    ).toBeUndefined();
    expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, column(rt, 'schedule', 'approvedAt'))).toBe(true);
  });

  test('a bad month is refused with a clear message and nothing is written', () => {
    const r = menu(rt, CONSULTANT, 'fillOfficeHours', { button: 'OK', text: 'тринадцатый месяц' });
    expect(r.outcome.ok).toBe(true);
    expect(r.last).toBe(
      'Не удалось понять месяц «тринадцатый месяц». Напишите, например, «12.2026», «декабрь 2026» или «2026-12». Ничего не записано.',
    );
    expect(events(rt)).toHaveLength(0);
  });

  test('the consultant fills October 2026 in one action; a second run adds nothing', () => {
    const prompts = uiEvents(rt, 'prompt').length;
    // A blank answer is the next month (today is 10 September).
    const r = menu(rt, CONSULTANT, 'fillOfficeHours', { button: 'OK', text: '' });
    expect(r.outcome.error).toBeUndefined();
    expect(String(uiEvents(rt, 'prompt')[prompts]?.message)).toContain('15:00–16:00, каб. 12');
    expect(String(uiEvents(rt, 'prompt')[prompts]?.message)).toContain('Пусто — октябрь 2026');
    expect(r.last).toContain('Добавлено приёмных часов на октябрь 2026: 22.');
    expect(r.last).toContain('Выходных и праздничных дней: 9.');
    expect(r.last).toContain('Директору отправлено письмо');
    const rows = events(rt);
    expect(rows.map((e) => shown(rt, e.row).date)).toEqual(OCTOBER);
    for (const e of rows) {
      const s = shown(rt, e.row);
      expect([s.start, s.end, s.kind, s.audience, s.place, s.consultant]).toEqual([
        '15:00',
        '16:00',
        'Приёмные часы',
        'Все',
        'каб. 12',
        'Иванова А. С.',
      ]);
      expect([e.approvedBy, e.approvedAt, e.approvedFingerprint]).toEqual(['', '', '']);
      expect(String(e.eventId)).toMatch(/^ev-202610\d\d-[0-9a-f]{8}$/);
    }
    // «2026-12»-style and names work too; October again adds nothing.
    const again = menu(rt, CONSULTANT, 'fillOfficeHours', { button: 'OK', text: '2026-10' });
    expect(again.last).toContain('На октябрь 2026 новых приёмных часов нет');
    expect(again.last).toContain('Уже были в графике: 22.');
    expect(events(rt)).toHaveLength(22);
    const named = menu(rt, CONSULTANT, 'fillOfficeHours', { button: 'OK', text: 'Октябрь 2026' });
    expect(named.last).toContain('новых приёмных часов нет');
    expect(events(rt)).toHaveLength(22);
  });

  test('the director is e-mailed that October awaits approval (sent by the school account)', () => {
    advance(rt, 6 * MIN); // runQueue moves the consultant's posted mail into the queue and sends it
    const mail = sentMail(rt, OWNER).filter((m) => m.to.includes(DIRECTOR));
    expect(mail).toHaveLength(1);
    expect(sentMail(rt, CONSULTANT)).toEqual([]);
    expect(mail[0].subject).toBe('График консультаций ждёт утверждения: октябрь 2026');
    expect(mail[0].body).toContain('01.10.2026 15:00–16:00, Приёмные часы, каб. 12');
    expect(mail[0].body).toContain('Утвердить график…');
  });

  test('nothing is published before approval', () => {
    const res = get(rt);
    expect(res.status).toBe(200);
    expect(res.body).toContain(sched.page.noEvents);
    expect(res.body).not.toContain('01.10.2026');
  });

  test('someone else cannot approve: refused, nothing changed', () => {
    const before = readSheetValues(rt, ru.sheets.schedule);
    const prompts = uiEvents(rt, 'prompt').length;
    for (const who of [STRANGER, CONSULTANT]) {
      const r = person(rt, who).run('approveSchedule');
      expect(r.ok).toBe(false);
      expect(r.error?.message).toBe(sched.common.onlyApprovers);
      const call = person(rt, who).call('approveScheduleEvent', { row: 3, fingerprint: 'v1:0000000000000000' });
      expect(call.ok).toBe(false);
      expect(call.error?.message).toBe(sched.common.onlyApprovers);
    }
    // Typing into the approval columns is refused by the protection.
    const by = letter(column(rt, 'schedule', 'approvedBy'));
    expect(person(rt, CONSULTANT).edit(ru.sheets.schedule, `${by}3`, CONSULTANT).refused).toMatch(/protected/);
    // An anonymous visitor of the public page (the web app runs as the school account, the identity blank)
    // calling the globals through google.script.run is refused.
    for (const [fn, args] of [
      ['approveScheduleEvent', [{ row: 3, fingerprint: 'v1:0000000000000000' }]],
      ['approveSchedule', []],
      ['fillOfficeHours', []],
      ['placeNewStaffTraining', []],
      ['scheduleSidebarView', []],
    ] as const) {
      const blank = scriptRun(rt, fn, [...args], { from: 'web-app', user: '' });
      expect(blank.ok).toBe(false);
      expect(blank.error?.message).toBe(ru.access.blankIdentity);
    }
    // Refused before asking anything; the schedule is exactly as it was.
    expect(uiEvents(rt, 'prompt')).toHaveLength(prompts);
    expect(readSheetValues(rt, ru.sheets.schedule)).toEqual(before);
  });

  test('the director approves October as themselves; the public page shows exactly those events', () => {
    const r = menu(rt, DIRECTOR, 'approveSchedule', { button: 'OK', text: 'октябрь 2026' }, { button: 'YES' });
    expect(r.outcome.error).toBeUndefined();
    expect(r.last).toContain('Утверждено событий: 22 (октябрь 2026).');
    const confirm = uiEvents(rt, 'alert').find((e) => String(e.message).startsWith('Утвердить событий: 22'));
    expect(confirm?.message).toBe('Утвердить событий: 22 (октябрь 2026)?');
    for (const e of events(rt)) {
      expect(e.approvedBy).toBe(DIRECTOR);
      expect(e.approvedAt).toBeInstanceOf(Date);
      expect(String(e.approvedFingerprint)).toMatch(/^v1:[0-9a-f]{16}$/);
    }
    const { body } = get(rt);
    const published = [...body.matchAll(/(\d\d\.10\.2026)/g)].map((m) => m[1]);
    expect([...new Set(published)]).toEqual(OCTOBER);
    // Approving again finds nothing awaiting.
    const again = menu(rt, DIRECTOR, 'approveSchedule', { button: 'OK', text: '10.2026' });
    expect(again.last).toBe('Событий, ожидающих утверждения, нет (октябрь 2026).');
  });

  test('the journal records each approval, written by the school account', () => {
    advance(rt, 5 * MIN);
    const approvals = records(rt, 'audit').filter((a) => a.action === sched.audit.approved);
    expect(approvals).toHaveLength(22);
    expect(new Set(approvals.map((a) => a.actor))).toEqual(new Set([DIRECTOR]));
    expect(approvals.map((a) => a.requestId).sort()).toEqual(
      events(rt)
        .map((e) => e.eventId)
        .sort(),
    );
    const filled = records(rt, 'audit').filter((a) => String(a.action).startsWith('График: приёмные часы на'));
    expect(filled.map((a) => [a.action, a.actor])).toEqual([
      ['График: приёмные часы на октябрь 2026 (22)', CONSULTANT],
    ]);
  });

  test('a change after approval voids it, flags the row and tells the director', () => {
    const row = events(rt).find((e) => shown(rt, e.row).date === '15.10.2026')!.row;
    const place = letter(column(rt, 'schedule', 'place'));
    const edit = person(rt, CONSULTANT).edit(ru.sheets.schedule, `${place}${row}`, 'актовый зал');
    expect(edit.refused).toBeUndefined();
    expect(edit.installable.map((t) => t.outcome.error)).toEqual([undefined]);
    const after = events(rt).find((e) => e.row === row)!;
    expect([after.approvedBy, after.approvedAt, after.approvedFingerprint]).toEqual(['', '', '']);
    const note = sheetModel(rt, ru.sheets.schedule).layers.note.get(row, column(rt, 'schedule', 'date'));
    expect(String(note)).toContain(`событие изменено после утверждения (${CONSULTANT})`);
    // Notes do not void an approval: another approved row keeps it.
    const other = events(rt).find((e) => shown(rt, e.row).date === '16.10.2026')!.row;
    const notes = letter(column(rt, 'schedule', 'notes'));
    person(rt, CONSULTANT).edit(ru.sheets.schedule, `${notes}${other}`, 'взять проектор');
    expect(events(rt).find((e) => e.row === other)!.approvedBy).toBe(DIRECTOR);
    // The public page no longer shows the changed event.
    const { body } = get(rt);
    expect(body).not.toContain('15.10.2026');
    expect(body).toContain('16.10.2026');
    // The director hears of it once, from the school account, with what changed.
    advance(rt, 5 * MIN);
    const mail = sentMail(rt, OWNER).filter((m) => m.subject.startsWith('График: утверждение снято'));
    expect(mail).toHaveLength(1);
    expect(mail[0].to).toEqual([DIRECTOR]);
    expect(mail[0].subject).toBe('График: утверждение снято — 15.10.2026 15:00–16:00, Приёмные часы');
    expect(mail[0].body).toContain('Изменение: Место: «каб. 12» → «актовый зал».');
    expect(mail[0].body).toContain(CONSULTANT);
    const lost = records(rt, 'audit').filter((a) => a.action === sched.audit.approvalLost);
    expect(lost.map((a) => a.actor)).toEqual([CONSULTANT]);
  });

  test('a clash is flagged on the edited row and blocks approval of both events', () => {
    const last = Math.max(...events(rt).map((e) => e.row)) + 1;
    const seminar = [
      '20.10.2026',
      '15:30',
      '17:00',
      ru.choices.scheduleKind.seminar,
      ru.choices.audience.staff,
      'Поурочное планирование',
      'каб. 5',
      'Иванова А. С.',
    ];
    const edit = person(rt, CONSULTANT).edit(ru.sheets.schedule, `A${last}:H${last}`, [seminar]);
    expect(edit.refused).toBeUndefined();
    const office = events(rt).find((e) => shown(rt, e.row).date === '20.10.2026' && e.row !== last)!.row;
    const note = sheetModel(rt, ru.sheets.schedule).layers.note.get(last, column(rt, 'schedule', 'date'));
    expect(String(note)).toBe(`${sched.notes.marker} у ведущего в это же время событие в строке ${office}.`);
    expect(String(events(rt).find((e) => e.row === last)!.eventId)).toMatch(/^ev-20261020-/);
    const r = menu(rt, DIRECTOR, 'approveSchedule', { button: 'OK', text: '20.10.2026' });
    expect(r.last).toContain('Событий, ожидающих утверждения, нет (20.10.2026).');
    expect(r.last).toContain(
      `строка ${last}: 20.10.2026 15:30–17:00, Семинар — у ведущего в это же время событие в строке ${office}`,
    );
    // Moved to 16:00–17:00 it no longer clashes; the flag goes.
    const start = letter(column(rt, 'schedule', 'start'));
    person(rt, CONSULTANT).edit(ru.sheets.schedule, `${start}${last}`, '16:00');
    expect(sheetModel(rt, ru.sheets.schedule).layers.note.get(last, column(rt, 'schedule', 'date')) ?? '').toBe('');
  });

  test('an event changed while the director confirms is left unapproved', () => {
    const seminar = events(rt).find((e) => shown(rt, e.row).kind === ru.choices.scheduleKind.seminar)!.row;
    const topic = letter(column(rt, 'schedule', 'topic'));
    // The consultant retypes the topic while the director's confirmation is open.
    rt.faults.add({
      method: 'Ui.alert',
      functionName: 'approveSchedule',
      action: {
        run: (r) => person(r, CONSULTANT).edit(ru.sheets.schedule, `${topic}${seminar}`, 'Планирование уроков'),
      },
    });
    const r = menu(rt, DIRECTOR, 'approveSchedule', { button: 'OK', text: '20.10.2026' }, { button: 'YES' });
    expect(uiEvents(rt, 'alert').some((e) => e.message === 'Утвердить событий: 1 (20.10.2026)?')).toBe(true);
    expect(r.last).toContain('Утверждено событий: 0 (20.10.2026).');
    expect(r.last).toContain('Изменились, пока вы утверждали, и остались неутверждёнными: 1.');
    expect(events(rt).find((e) => e.row === seminar)!.approvedBy).toBe('');
    expect(get(rt).body).not.toContain('Планирование уроков');
    // The typed seminar was announced to the director once, when it became approvable (not while it clashed).
    advance(rt, 5 * MIN);
    const typed = sentMail(rt, OWNER).filter((m) => m.subject === 'График консультаций ждёт утверждения: 20.10.2026');
    expect(typed).toHaveLength(1);
    expect(typed[0].to).toEqual([DIRECTOR]);
    expect(typed[0].body).toContain('20.10.2026 16:00–17:00, Семинар, каб. 5');
  });

  test('the sidebar shows the selected event and approves exactly what it showed', () => {
    const row = events(rt).find((e) => shown(rt, e.row).date === '15.10.2026')!.row;
    setActiveSelection(rt, DIRECTOR, ru.sheets.schedule, `A${row}`);
    expect(person(rt, DIRECTOR).run('showScheduleSidebar').ok).toBe(true);
    const page = htmlPageOf(uiEvents(rt, 'sidebar').at(-1)?.html)?.content ?? '';
    expect(page).toContain('актовый зал');
    const view = person(rt, DIRECTOR).call('scheduleSidebarView');
    expect(view.ok).toBe(true);
    const v = view.value as { row: number; statusKind: string; fingerprint: string; canApprove: boolean };
    expect([v.row, v.statusKind, v.canApprove]).toEqual([row, 'awaiting', true]);
    // A stale view (the event changed since) is refused and nothing is written.
    const stale = person(rt, DIRECTOR).call('approveScheduleEvent', { row, fingerprint: 'v1:0123456789abcdef' });
    expect(stale.value).toEqual({
      ok: false,
      message: `Событие в строке ${row} изменилось после того, как вы его открыли. Нажмите «Обновить» и проверьте его.`,
    });
    expect(events(rt).find((e) => e.row === row)!.approvedBy).toBe('');
    const ok = person(rt, DIRECTOR).call('approveScheduleEvent', { row, fingerprint: v.fingerprint });
    expect(ok.value).toEqual({ ok: true, message: `Событие в строке ${row} утверждено.` });
    expect(events(rt).find((e) => e.row === row)!.approvedBy).toBe(DIRECTOR);
    expect(get(rt).body).toContain('актовый зал');
    // What people typed reaches the page as data that cannot close its script (notes are not approved fields).
    const notes = letter(column(rt, 'schedule', 'notes'));
    person(rt, CONSULTANT).edit(ru.sheets.schedule, `${notes}${row}`, '</script><img src=x onerror=alert(1)>');
    expect(events(rt).find((e) => e.row === row)!.approvedBy).toBe(DIRECTOR);
    person(rt, DIRECTOR).run('showScheduleSidebar');
    const hostile = htmlPageOf(uiEvents(rt, 'sidebar').at(-1)?.html)?.content ?? '';
    expect(hostile).not.toContain('</script><img');
    expect(hostile).toContain('\\u003c/script>\\u003cimg src=x onerror=alert(1)>');
    // The consultant may look, not approve.
    setActiveSelection(rt, CONSULTANT, ru.sheets.schedule, `A${row}`);
    const seen = person(rt, CONSULTANT).call('scheduleSidebarView');
    expect((seen.value as { canApprove: boolean; statusKind: string }).canApprove).toBe(false);
    expect((seen.value as { statusKind: string }).statusKind).toBe('approved');
  });

  test('new-staff training is placed in the earliest free slot before its deadline, once', () => {
    // A new teacher starts today (Thursday 10 September); due at the end of Tuesday 15 September.
    person(rt, OWNER).edit(ru.sheets.staff, 'A5:E5', [
      ['orlova@school59.ru', 'Орлова Елена', ru.choices.role.teacher, 'учитель', '10.09.2026'],
    ]);
    // The consultant is busy 12:00–13:00 today.
    const last = Math.max(...events(rt).map((e) => e.row)) + 1;
    person(rt, CONSULTANT).edit(ru.sheets.schedule, `A${last}:H${last}`, [
      [
        '10.09.2026',
        '12:00',
        '13:00',
        ru.choices.scheduleKind.seminar,
        ru.choices.audience.staff,
        'Текущие отметки',
        'каб. 5',
        'Иванова А. С.',
      ],
    ]);
    const prompts = uiEvents(rt, 'prompt').length;
    const r = menu(rt, CONSULTANT, 'placeNewStaffTraining', { button: 'OK', text: '' });
    expect(r.outcome.error).toBeUndefined();
    expect(String(uiEvents(rt, 'prompt')[prompts]?.message)).toContain(
      '1 — Орлова Елена (начало 10.09.2026, срок 15.09.2026 16:00)',
    );
    expect(r.last).toContain('Орлова Елена: 10.09.2026 13:00–14:00');
    const training = events(rt).find((e) => String(e.eventId).startsWith('nst-'))!;
    const s = shown(rt, training.row);
    expect([s.date, s.start, s.end, s.kind, s.audience]).toEqual([
      '10.09.2026',
      '13:00',
      '14:00',
      ru.choices.scheduleKind.newStaffTraining,
      ru.choices.audience.staff,
    ]);
    expect(s.topic).not.toContain('Орлова');
    expect(s.notes).toBe('Новый сотрудник: Орлова Елена');
    const again = menu(rt, CONSULTANT, 'placeNewStaffTraining');
    expect(again.last).toBe(sched.training.none);
  });

  test('a new director replaces the old one in the protection as soon as the school names them', () => {
    const ss = containerSpreadsheet(rt).id;
    const by = column(rt, 'schedule', 'approvedBy');
    // The owner's edit trigger follows «Настройки» and «Сотрудники» at once.
    setSetting(rt, 'director.email', NEW_DIRECTOR);
    expect(canUserEdit(rt, NEW_DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(true);
    // Still listed as director in «Сотрудники»: still an approver.
    expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(true);
    const staffRow = records(rt, 'staff').find((r) => r.email === DIRECTOR)!.row;
    person(rt, OWNER).edit(ru.sheets.staff, `C${staffRow}`, ru.choices.role.teacher);
    expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(false);
    expect(person(rt, DIRECTOR).run('approveSchedule').error?.message).toBe(sched.common.onlyApprovers);
    // Setup run again keeps exactly that.
    rt.runAsOwner('rerunSetup');
    expect(canUserEdit(rt, NEW_DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(true);
    expect(canUserEdit(rt, DIRECTOR, ss, ru.sheets.schedule, 5, by)).toBe(false);
    expect(canUserEdit(rt, CONSULTANT, ss, ru.sheets.schedule, 5, by)).toBe(false);
  });
});
