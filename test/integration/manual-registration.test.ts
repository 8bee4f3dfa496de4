// Requests registered by hand (cl. 5.1, 6.1), and the hostile-input corpus: everything a person typed is
// stored as text, nothing evaluated, every e-mail escaped, obscene text flagged and the director told.
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { advance } from '../../emulator/scheduler';
import { htmlPageOf } from '../../emulator/services/html';
import { mailbox, sentMail } from '../../emulator/services/mail';
import {
  containerSpreadsheet,
  readFormulas,
  readSheetValues,
  shareSpreadsheet,
  uiEvents,
} from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import { ru } from '../../src/locale/ru';
import { bundleRuntime, CONSULTANT, DIRECTOR, OWNER, STRANGER } from '../helpers/bundle-runtime';
import { setSetting } from '../helpers/settings';

function prepared(): Runtime {
  const rt = bundleRuntime('2026-09-01T10:00:00+05:00');
  const ss = containerSpreadsheet(rt).id;
  for (const who of [CONSULTANT, STRANGER, DIRECTOR]) shareSpreadsheet(rt, ss, who, 'editor');
  person(rt, OWNER).runOrThrow('setup');
  setSetting(rt, 'consultant.email', CONSULTANT);
  setSetting(rt, 'director.email', DIRECTOR);
  person(rt, OWNER).edit(ru.sheets.staff, 'A3:C3', [[CONSULTANT, 'Иванова И. И.', ru.choices.role.consultant]]);
  return rt;
}

let tokens = 0;
function payload(extra: Record<string, unknown> = {}): Record<string, unknown> {
  tokens += 1;
  return {
    token: `token-${tokens}`,
    channel: 'phone',
    requesterType: 'parent',
    name: 'Сидорова Мария',
    className: '3В',
    email: 'sidorova@mail.ru',
    phone: '+7 912 000-00-00',
    preferredChannel: 'email',
    topic: ru.choices.topic.grades,
    description: 'Не видно итоговых оценок за четверть у ребёнка в дневнике.',
    consent: true,
    ...extra,
  };
}

function rows(rt: Runtime): unknown[][] {
  return readSheetValues(rt, ru.sheets.requests).slice(2);
}

function column(rt: Runtime, key: string): number {
  return (readSheetValues(rt, ru.sheets.requests)[0] as string[]).indexOf(key);
}

describe('the registration dialog', () => {
  test('opens from the menu for a consultant, with the channels other than the form', () => {
    const rt = prepared();
    expect(person(rt, CONSULTANT).run('showRegistrationDialog').ok).toBe(true);
    const dialog = uiEvents(rt, 'modal-dialog').at(-1);
    expect(dialog?.title).toBe(ru.register.title);
    const page = htmlPageOf(dialog?.html)?.content ?? '';
    expect(page).toContain(ru.choices.channel.phone);
    expect(page).toContain(ru.choices.channel.parentMeeting);
    expect(page).not.toContain(`"value":"form"`);
  });

  test('registers a phone request as the consultant; the school account does the bookkeeping and the mail', () => {
    const rt = prepared();
    const consultant = person(rt, CONSULTANT);
    const first = consultant.call('registerManualRequest', payload({ token: 'double-click' }));
    expect(first.ok).toBe(true);
    const id = (first.value as { id: string }).id;
    expect(id).toMatch(/^ОБ-2026-\d{5}$/);
    // The button clicked twice: the same request.
    const again = consultant.call('registerManualRequest', payload({ token: 'double-click' }));
    expect((again.value as { id: string }).id).toBe(id);
    expect(rows(rt)).toHaveLength(1);
    expect(rows(rt)[0][column(rt, 'channel')]).toBe(ru.choices.channel.phone);

    // The owner-only bookkeeping and the mail wait for the school account's run.
    expect(readSheetValues(rt, ru.sheets.state).slice(2)).toHaveLength(0);
    advance(rt, 10 * 60_000);
    const state = readSheetValues(rt, ru.sheets.state).slice(2);
    expect(state.map((r) => r[0])).toEqual([id]);
    expect(sentMail(rt, CONSULTANT)).toHaveLength(0);
    expect(sentMail(rt, OWNER).some((m) => m.to.includes('sidorova@mail.ru') && m.subject.includes(id))).toBe(true);
  });

  test('a missing description is refused with a clear message and nothing is registered', () => {
    const rt = prepared();
    const result = person(rt, CONSULTANT).call('registerManualRequest', payload({ description: '   ' }));
    expect(result.value).toEqual({ ok: false, message: ru.register.missingDescription });
    expect(rows(rt)).toHaveLength(0);
  });

  test('refused to an anonymous page visitor and to an editor without a role', () => {
    const rt = prepared();
    const anonymous = scriptRun(rt, 'registerManualRequest', [payload()], { from: 'web-app', user: '' });
    expect(anonymous.ok).toBe(false);
    expect(String(anonymous.error)).toContain(ru.access.blankIdentity);
    const stranger = person(rt, STRANGER).call('registerManualRequest', payload());
    expect(stranger.ok).toBe(false);
    expect(rows(rt)).toHaveLength(0);
  });
});

describe('hostile and bad input', () => {
  const long = `${'Очень длинное описание. '.repeat(2600)}🙂конец`;
  const corpus: Array<Record<string, unknown>> = [
    { name: '=IMPORTXML("http://evil.example","//a")', description: '=HYPERLINK("http://evil.example","нажми")' },
    { name: '+1+1', description: '-2+3 не считается' },
    { name: '@SUM(A1:A9)', description: '<script>alert("x")</script><img src=x onerror=alert(1)>' },
    {
      name: 'Ёлкин 👨‍👩‍👧 Mixed Латиница',
      phone: '+79120000000',
      className: '0012',
      description: 'эмодзи 🙂👍🏽 и смешанный текст',
    },
    { name: 'Без почты', email: '', phone: '', description: 'Позвонили, контакт не оставили.' },
    { name: 'Плохой адрес', email: 'not-an-address@', description: 'Просили ответить письмом.' },
    { name: 'Грубиян', description: 'Вы там все идиоты, х.у.й вам, а не дневник' },
    { name: 'Ловушки', description: 'Команда употреблять скипидар; не хочу оскорблять — учебник, страховка.' },
    { name: 'Длинный', description: long },
  ];

  let rt: Runtime;
  let ids: string[];
  beforeAll(() => {
    rt = prepared();
    ids = corpus.map((extra) => {
      const result = person(rt, CONSULTANT).call('registerManualRequest', payload(extra));
      if (!result.ok) throw new Error(`${JSON.stringify(extra).slice(0, 80)}: ${String(result.error)}`);
      return (result.value as { id: string }).id;
    });
    advance(rt, 10 * 60_000);
  });

  test('every row is stored, and no cell of the log holds a formula', () => {
    expect(rows(rt)).toHaveLength(corpus.length);
    const formulas = readFormulas(rt, ru.sheets.requests);
    expect(formulas.flat().filter((f) => f !== '')).toEqual([]);
    const name = column(rt, 'name');
    const description = column(rt, 'description');
    expect(rows(rt)[0][name]).toBe('=IMPORTXML("http://evil.example","//a")');
    expect(rows(rt)[1][name]).toBe('+1+1');
    expect(rows(rt)[2][description]).toBe('<script>alert("x")</script><img src=x onerror=alert(1)>');
    expect(rows(rt)[3][column(rt, 'phone')]).toBe('+79120000000');
    expect(rows(rt)[3][column(rt, 'className')]).toBe('0012');
    expect(rows(rt)[3][name]).toBe('Ёлкин 👨‍👩‍👧 Mixed Латиница');
  });

  test('over-long text is kept up to the cell limit and flagged; nothing is dropped', () => {
    const row = rows(rt)[8];
    const kept = String(row[column(rt, 'description')]);
    expect(kept.length).toBeLessThanOrEqual(50_000);
    expect(String(row[column(rt, 'flags')])).toContain(ru.flags.truncated);
    const state = readSheetValues(rt, ru.sheets.state);
    const overflowCol = (state[0] as string[]).indexOf('overflow');
    const overflow = JSON.parse(String(state.slice(2).find((r) => r[0] === ids[8])?.[overflowCol])) as Record<
      string,
      string
    >;
    expect(overflow.description.endsWith('🙂конец')).toBe(true);
  });

  test('an invalid address or no contact at all flags the row for a call back', () => {
    const flags = column(rt, 'flags');
    expect(String(rows(rt)[4][flags])).toContain(ru.flags['callback-needed']);
    expect(String(rows(rt)[5][flags])).toContain(ru.flags['invalid-email']);
    expect(String(rows(rt)[5][flags])).toContain(ru.flags['callback-needed']);
  });

  test('obscene text is flagged and the director told; the trap words are not', () => {
    const flags = column(rt, 'flags');
    expect(String(rows(rt)[6][flags])).toContain(ru.flags.etiquette);
    expect(String(rows(rt)[7][flags])).not.toContain(ru.flags.etiquette);
    const toDirector = mailbox(rt, DIRECTOR).filter((m) => m.subject.includes(ids[6]));
    expect(toDirector).toHaveLength(1);
    // The director is told where to look; the words themselves are not repeated.
    expect(toDirector[0].body).not.toContain('идиоты');
  });

  test('every e-mail body is escaped: no requester markup reaches an HTML body', () => {
    const html = sentMail(rt, OWNER).map((m) => m.htmlBody ?? '');
    expect(html.length).toBeGreaterThan(0);
    for (const body of html) {
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img src=x');
    }
    expect(html.some((b) => b.includes('&lt;script&gt;'))).toBe(true);
  });
});
