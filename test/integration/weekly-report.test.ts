// The director's Monday report: the week's figures and the overdue list, sent once, with no requester's
// name, e-mail or phone anywhere in it.
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advanceTo } from '../../emulator/scheduler';
import { submitForm } from '../../emulator/services/forms';
import { mailbox } from '../../emulator/services/mail';
import { propertyStore } from '../../emulator/services/properties';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, CONSULTANT, DIRECTOR, OWNER } from '../helpers/bundle-runtime';
import { setSetting } from '../helpers/settings';

const people = [
  { name: 'Смирнова Анна', contact: 'smirnova.anna@mail.ru', topic: ru.choices.topic.diaryAccess },
  { name: 'Кузнецов Игорь', contact: '+7 912 555-01-02', topic: ru.choices.topic.grades },
  { name: 'Орлова Вера', contact: 'orlova.vera@mail.ru', topic: ru.choices.topic.grades },
];

describe('the weekly report', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = bundleRuntime('2026-09-07T09:00:00+05:00');
    person(rt, OWNER).runOrThrow('setup');
    setSetting(rt, 'consultant.email', CONSULTANT);
    setSetting(rt, 'director.email', DIRECTOR);
    const formId = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}').requests.formId;
    people.forEach((p, i) => {
      advanceTo(rt, `2026-09-${String(8 + i).padStart(2, '0')}T10:00:00+05:00`);
      const ok = submitForm(rt, formId, {
        [ru.form.requesterType[0]]: ru.choices.requesterType.parent,
        [ru.form.name[0]]: p.name,
        [ru.form.contact[0]]: p.contact,
        [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.email,
        [ru.form.topic[0]]: p.topic,
        [ru.form.description[0]]: `Вопрос номер ${i}: не отображаются оценки и посещаемость в дневнике ребёнка.`,
        [ru.form.consent[0]]: [ru.form.consentChoice],
      }).ok;
      expect(ok).toBe(true);
    });
    // Nobody answers; the Monday trigger fires at 08:xx on 14 September.
    advanceTo(rt, '2026-09-14T10:00:00+05:00');
  });

  test('reaches the director once, from the school account, with the week’s figures and the overdue list', () => {
    const reports = mailbox(rt, DIRECTOR).filter((m) => m.subject.startsWith('Неделя службы помощи'));
    expect(reports).toHaveLength(1);
    const report = reports[0];
    expect(report.from).toContain(OWNER);
    expect(report.subject).toBe('Неделя службы помощи: 07.09.2026 — 13.09.2026');
    expect(report.body).toContain('Поступило обращений: 3');
    expect(report.body).toContain('Первый ответ в срок: 0 / 3 (0%)');
    const ids = readSheetValues(rt, ru.sheets.requests)
      .slice(2)
      .map((r) => String(r[0]));
    for (const id of ids) expect(report.body).toContain(id);
  });

  test('carries no requester’s name, e-mail or phone', () => {
    const report = mailbox(rt, DIRECTOR).find((m) => m.subject.startsWith('Неделя службы помощи'))!;
    for (const p of people) {
      for (const value of [p.name, p.contact, '79125550102']) {
        expect(report.body).not.toContain(value);
        expect(report.htmlBody ?? '').not.toContain(value);
      }
    }
  });
});
