// Request intake, "nothing lost": form responses under concurrency and failures end as exactly one request
// each, and each requester is acknowledged exactly once.
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance } from '../../emulator/scheduler';
import { submitForm } from '../../emulator/services/forms';
import { holdLock } from '../../emulator/services/lock';
import { sentMail } from '../../emulator/services/mail';
import { propertyStore } from '../../emulator/services/properties';
import { readSheetValues } from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, CONSULTANT, DIRECTOR, OWNER } from '../helpers/bundle-runtime';
import { setSetting } from '../helpers/settings';

const SPREADSHEET_FAILURE = 'Service Spreadsheets failed while accessing document with id 1abc.';
const KEY_LINE = /Код письма: (\S+)/g;

function answers(i: number): Record<string, string | string[]> {
  return {
    [ru.form.requesterType[0]]: i % 3 === 0 ? ru.choices.requesterType.staff : ru.choices.requesterType.parent,
    [ru.form.name[0]]: `Родитель ${i}`,
    [ru.form.className[0]]: `${(i % 11) + 1}А`,
    [ru.form.contact[0]]: `parent${i}@mail.ru`,
    [ru.form.preferredChannel[0]]: ru.choices.preferredChannel.email,
    [ru.form.topic[0]]: ru.choices.topic.diaryAccess,
    [ru.form.description[0]]:
      `Не открывается электронный дневник, запрос номер ${i}: пишет «нет доступа к организации».`,
    [ru.form.consent[0]]: [ru.form.consentChoice],
  };
}

function requestRows(rt: Runtime): unknown[][] {
  return readSheetValues(rt, ru.sheets.requests).slice(2);
}

function keysOf(messages: ReturnType<typeof sentMail>): string[] {
  return messages.flatMap((m) => [...m.body.matchAll(KEY_LINE)].map((x) => x[1]));
}

describe('intake under concurrency and failures', () => {
  let rt: Runtime;
  let formId: string;

  beforeAll(() => {
    rt = bundleRuntime('2026-09-01T09:00:00+05:00');
    person(rt, OWNER).runOrThrow('setup');
    setSetting(rt, 'consultant.email', CONSULTANT);
    setSetting(rt, 'director.email', DIRECTOR);
    // A knowledge-base article of the topic the requests ask about (R11): the acknowledgement suggests it.
    person(rt, OWNER).edit(ru.sheets.knowledge, 'A3:D3', [
      [
        ru.choices.topic.diaryAccess,
        'Как войти в дневник через Госуслуги',
        'Откройте…',
        'https://school.example/faq/login',
      ],
    ]);
    formId = JSON.parse(propertyStore(rt, 'document').get('helpdesk.forms') ?? '{}').requests.formId;

    const submit = (i: number) => {
      const result = submitForm(rt, formId, answers(i), { respondent: '' });
      expect(result.ok).toBe(true);
      return result;
    };
    for (let i = 0; i < 49; i++) {
      if (i === 5) {
        // A second submission arrives while the first holds the lock: its trigger times out waiting.
        rt.faults.add({
          functionName: 'onFormSubmit',
          method: 'Range.setValues',
          action: { run: () => void submit(49) },
        });
      }
      if (i === 20) {
        rt.faults.add({
          functionName: 'onFormSubmit',
          method: 'Range.setValues',
          action: { throw: SPREADSHEET_FAILURE },
        });
      }
      if (i === 30) {
        // Killed after the bookkeeping row, before the request's own row.
        rt.faults.add({
          functionName: 'onFormSubmit',
          method: 'Range.setValues',
          phase: 'after',
          action: { kill: true },
        });
      }
      if (i === 40) {
        // Killed between the acknowledgement's send and its record.
        rt.faults.add({
          functionName: 'onFormSubmit',
          method: 'GmailDraft.send',
          phase: 'after',
          action: { kill: true },
        });
      }
      const hold = i === 10 ? holdLock(rt, 'script', rt.clock.now() + 60_000) : undefined;
      submit(i);
      hold?.release();
      rt.clock.advance(60_000);
    }
    // runQueue every 5 minutes: reconciliation, then the queue.
    advance(rt, 30 * 60_000);
  });

  test('the failures really happened: two lock timeouts, a Spreadsheets failure, two killed runs', () => {
    const failed = rt.executions.filter((e) => e.functionName === 'onFormSubmit' && e.status !== 'completed');
    expect(failed.map((e) => e.error)).toEqual([
      'Exception: Lock timeout: another process was holding the lock for too long.',
      'Exception: Lock timeout: another process was holding the lock for too long.',
      `Exception: ${SPREADSHEET_FAILURE}`,
      'Error: Exceeded maximum execution time',
      'Error: Exceeded maximum execution time',
    ]);
    expect(rt.executions.filter((e) => e.functionName === 'runQueue').every((e) => e.status === 'completed')).toBe(
      true,
    );
  });

  test('50 responses end as 50 rows with 50 unique IDs, in the ОБ-YYYY-NNNNN form', () => {
    const rows = requestRows(rt);
    expect(rows).toHaveLength(50);
    const ids = rows.map((r) => String(r[0]));
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^ОБ-2026-\d{5}$/);
    const emails = rows.map((r) => String(r[6])).sort();
    expect(emails).toEqual(Array.from({ length: 50 }, (_, i) => `parent${i}@mail.ru`).sort());
  });

  test('each requester is acknowledged exactly once', () => {
    const acks = sentMail(rt, OWNER).filter((m) => keysOf([m]).some((k) => k.endsWith('|ack|received')));
    const perRecipient = new Map<string, number>();
    for (const m of acks) for (const to of m.to) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
    expect(perRecipient.size).toBe(50);
    expect([...perRecipient.values()].every((n) => n === 1)).toBe(true);
  });

  test('no message key was sent twice, and every mail left from the school account', () => {
    const all = keysOf(sentMail(rt, OWNER));
    expect(new Set(all).size).toBe(all.length);
    for (const account of [CONSULTANT, DIRECTOR]) expect(sentMail(rt, account)).toHaveLength(0);
  });

  test('the acknowledgement names the ID, the due time, the contacts and the topic’s articles, and nothing the requester typed', () => {
    const ack = sentMail(rt, OWNER).find((m) => m.to.includes('parent7@mail.ru') && m.body.includes('|ack|'))!;
    const id = String(requestRows(rt).find((r) => r[6] === 'parent7@mail.ru')?.[0]);
    expect(ack.subject).toContain(id);
    expect(ack.body).toContain(id);
    expect(ack.body).toMatch(/\d{2}\.\d{2}\.2026 \d{2}:\d{2}/);
    expect(ack.body).toContain('2-34-81');
    expect(ack.body).toContain('8 800 300 4444');
    expect(ack.body).toContain('15:00');
    expect(ack.body).toContain('Как войти в дневник через Госуслуги');
    expect(ack.htmlBody).toContain('href="https://school.example/faq/login"');
    for (const typed of ['Родитель 7', 'запрос номер 7', '8А']) {
      expect(ack.body).not.toContain(typed);
      expect(ack.htmlBody ?? '').not.toContain(typed);
    }
  });
});
