// The performance model (DESIGN: a per-request operation makes the same number of service calls whatever the
// log's size): escalating from the sidebar, the owner's runQueue after it, recording the support's outcome and
// polling a support reply, on a log of 1 and of 3 000 requests.
import path from 'node:path';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { readSheetValues, sheetModel, writeCells } from '../../emulator/services/spreadsheet/index';
import { ru } from '../../src/locale/ru';
import {
  CONSULTANT,
  deliver,
  ekb,
  newRequest,
  poll,
  request,
  runQueue,
  SUPPORT,
  sentTo,
  TEACHER,
  workbook,
} from './escalation.fixture';

const ENTRY = path.join(__dirname, 'escalation.entry.ts');

/** Other requests and their bookkeeping below the one the test works on, as a long-used log has them. */
function pad(rt: Runtime, count: number): void {
  if (count === 0) return;
  const fill = (sheet: string, line: (i: number) => Record<string, unknown>) => {
    const [keys] = readSheetValues(rt, sheet);
    const start = readSheetValues(rt, sheet).length + 1;
    const rows = Array.from({ length: count }, (_, i) => keys.map((k) => line(i)[String(k)] ?? ''));
    const model = sheetModel(rt, sheet);
    // Room first, as a sheet that grew with its log has it (insertRowsAfter in the script).
    if (start + count - 1 > model.maxRows) model.insertRows(model.maxRows + 1, start + count - 1 - model.maxRows);
    writeCells(rt, sheet, start, 1, rows);
  };
  const id = (i: number) => `ОБ-2025-${String(i + 1).padStart(5, '0')}`;
  fill(ru.sheets.requests, (i) => ({
    id: id(i),
    status: ru.choices.status.closed,
    email: `parent${i}@mail.ru`,
    description: 'Старый вопрос',
  }));
  fill(ru.sheets.state, (i) => ({ requestId: id(i), sourceKey: `manual:old-${i}` }));
}

type Figures = Record<string, number>;

function measure(rt: Runtime, step: () => void): number {
  rt.resetCounters();
  step();
  return [...rt.callCounts.values()].reduce((a, b) => a + b, 0);
}

function figures(padding: number): Figures {
  const rt = workbook(ENTRY);
  const id = newRequest(rt);
  pad(rt, padding);
  rt.clock.set(ekb('2026-09-01 11:00'));
  const out: Figures = {};
  out.escalate = measure(rt, () => {
    const res = person(rt, CONSULTANT).call('escalateRequest', { requestId: id, tried: 'Перезагрузили.' });
    if (!res.ok) throw res.error;
    expect(res.value).toMatchObject({ ok: true });
  });
  out.runQueue = measure(rt, () => runQueue(rt));
  const [packet] = sentTo(rt, SUPPORT);
  deliver(rt, {
    from: SUPPORT,
    subject: `Re: [Заявка № 777] ${packet.subject}`,
    body: 'Исправлено, войдите заново.',
    inReplyToMessageId: packet.messageId,
  });
  out.pollSupportReply = measure(rt, () => expect(poll(rt).replies).toEqual([id]));
  out.supportOutcome = measure(rt, () => {
    const res = person(rt, CONSULTANT).call('recordSupportOutcome', { requestId: id, outcome: 'answered' });
    expect(res.value).toMatchObject({ ok: true });
  });
  out.assignHelper = measure(rt, () => {
    const res = person(rt, CONSULTANT).call('assignRequest', { requestId: id, assignee: TEACHER });
    expect(res.value).toMatchObject({ ok: true, helper: true });
  });
  expect(request(rt, id).supportTicket).toBe('777');
  return out;
}

test('escalation, the support’s reply, its outcome and an assignment cost the same calls at 1 and 3 000 requests', () => {
  const small = figures(0);
  const large = figures(3000);
  expect(large).toEqual(small);
  // A sidebar action stays a short round of calls (each ~7 ms in Apps Script: about a second).
  for (const action of ['escalate', 'supportOutcome', 'assignHelper']) expect(small[action]).toBeLessThan(150);
});
