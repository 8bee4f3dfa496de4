// Satisfaction on the embedded runtime: the «Помогло / Не помогло» links of a real answer e-mail open a
// confirmation page (doGet, routed by the public page) that changes nothing; its form posts the vote (doPost),
// which is recorded once, closes or reopens the request through the workflow core, and is refused — with a
// clear page and nothing changed — for a forged, altered or missing token, an unknown or erased request, a
// second vote, a busy lock and a run that is not the school account's. The web app runs as the deployer for
// anonymous visitors, as the school deploys it.
import type { Runtime } from '../../emulator/index';
import { htmlPageOf } from '../../emulator/services/html';
import { holdLock } from '../../emulator/services/lock';
import { type MailRecord, sentMail } from '../../emulator/services/mail';
import { readSheetValues, writeCells } from '../../emulator/services/spreadsheet/index';
import { scriptRun, type WebResponse, webAppUrl, webRequest } from '../../emulator/web';
import { ru } from '../../src/locale/ru';
import { ru as texts } from '../../src/locale/satisfaction';
import { ru as workflow } from '../../src/locale/workflow';
import {
  ANSWER,
  type Answered,
  answeredRequest,
  auditOf,
  CONSULTANT,
  OWNER,
  PARENTS,
  records,
  request,
  snapshot,
  workbook,
} from './satisfaction.workbook';

/** A browser opening a link: an anonymous GET with the link's query string. */
function open(rt: Runtime, link: string): WebResponse {
  const url = new URL(link);
  expect(`${url.origin}${url.pathname}`).toBe(webAppUrl(rt));
  return webRequest(rt, { method: 'GET', queryString: url.search.slice(1), visitor: '' });
}

interface PageForm {
  method: string;
  action: string;
  target: string;
  fields: Record<string, string>;
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** The page's one form, as a browser reads it. */
function formOf(body: string): PageForm {
  const forms = body.match(/<form\b[^>]*>[\s\S]*?<\/form>/g) ?? [];
  expect(forms).toHaveLength(1);
  const form = forms[0] ?? '';
  const attr = (tag: string, name: string) => unescapeHtml(new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1] ?? '');
  const tag = /<form\b[^>]*>/.exec(form)?.[0] ?? '';
  const fields: Record<string, string> = {};
  for (const input of form.match(/<input\b[^>]*>/g) ?? []) fields[attr(input, 'name')] = attr(input, 'value');
  return { method: attr(tag, 'method'), action: attr(tag, 'action'), target: attr(tag, 'target'), fields };
}

/** The browser submits the form: a form-encoded POST to its action. */
function submit(rt: Runtime, form: PageForm, fields: Record<string, string> = form.fields): WebResponse {
  expect(form.method).toBe('post');
  expect(form.action).toBe(webAppUrl(rt));
  return post(rt, fields);
}

function post(rt: Runtime, fields: Record<string, string> | string): WebResponse {
  const postBody = typeof fields === 'string' ? fields : new URLSearchParams(fields).toString();
  return webRequest(rt, { method: 'POST', postBody, visitor: '' });
}

/** A page every visitor may see: served, mobile-friendly, no scripts, Russian, nothing of the requester. */
function expectSafePage(res: WebResponse, ...personal: string[]): void {
  expect(res.outcome?.error).toBeUndefined();
  expect(res.status).toBe(200);
  expect(res.title).toBe(texts.title);
  expect(htmlPageOf(res.outcome?.value)?.metaTags).toEqual([
    { name: 'viewport', content: 'width=device-width, initial-scale=1' },
  ]);
  expect(res.xFrameOptions).toBe('DEFAULT');
  expect(res.body).toContain('<html lang="ru">');
  expect(res.body).toMatch(/<main>[\s\S]*<h1 id="heading">/);
  expect(res.body).not.toMatch(/<script|google\.script|\son[a-z]+=|javascript:/i);
  for (const p of [...personal, ...PARENTS.flatMap((r) => [r.name, r.email, r.description]), ANSWER]) {
    expect(res.body).not.toContain(p);
  }
  expect(res.body).not.toContain('Сидорова');
}

function expectRefusal(res: WebResponse, refusal: keyof typeof texts.refused): void {
  expectSafePage(res);
  expect(res.body).toContain(`<h1 id="heading">${texts.refused[refusal].heading}</h1>`);
  expect(res.body).toContain(texts.refused[refusal].message);
  expect(res.body).not.toContain('<form');
  expect(res.body).toContain('Телефон службы помощи по электронному журналу: 2-34-81.');
}

const tokenOf = (link: string): string => new URL(link).searchParams.get('feedback') ?? '';

describe('satisfaction: «Помогло»', () => {
  let rt: Runtime;
  let a: Answered;
  beforeAll(() => {
    rt = workbook();
    a = answeredRequest(rt, PARENTS[0], 'call-1');
  });

  it('the answer e-mail carries both links to the web app, each with a signed token for its vote', () => {
    expect(tokenOf(a.helped)).toMatch(new RegExp(`^${a.id}\\.h\\.[A-Za-z0-9_-]{20,}$`));
    expect(tokenOf(a.notHelped)).toMatch(new RegExp(`^${a.id}\\.n\\.[A-Za-z0-9_-]{20,}$`));
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.answered, satisfaction: '' });
  });

  it('opening the link twice (a mail scanner, then the person) records nothing and shows the confirmation', () => {
    const before = snapshot(rt);
    const first = open(rt, a.helped);
    const second = open(rt, a.helped);
    expect(snapshot(rt)).toBe(before);
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.answered, satisfaction: '' });
    for (const res of [first, second]) {
      expectSafePage(res);
      expect(res.body).toContain(`<h1 id="heading">${texts.confirm.heading}</h1>`);
      expect(res.body).toContain(`Обращение № ${a.id}`);
      expect(res.body).toContain('Вы выбрали: «Помогло».');
      expect(res.body).toContain(texts.confirm.effect.helped);
      expect(res.body).toMatch(/<button type="submit">Подтвердить: «Помогло»<\/button>/);
    }
    const form = formOf(first.body);
    expect(form).toEqual({
      method: 'post',
      action: webAppUrl(rt),
      target: '_top',
      fields: { token: tokenOf(a.helped), vote: 'helped' },
    });
  });

  it('confirming records the vote in «Оценка», closes the request as the requester and writes the journal', () => {
    const res = submit(rt, formOf(open(rt, a.helped).body));
    expectSafePage(res);
    expect(res.body).toContain(`<h1 id="heading">${texts.done.heading}</h1>`);
    expect(res.body).toContain(`Ваша оценка записана. Обращение № ${a.id} закрыто.`);
    expect(res.body).not.toContain('<form');
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.closed, satisfaction: 'Помогло' });
    const journal = auditOf(rt, a.id);
    expect(journal).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: texts.audit.action,
          columnKey: 'satisfaction',
          actor: workflow.actors.requester,
          before: '',
          after: 'Помогло',
          note: texts.audit.note,
        }),
        expect.objectContaining({
          action: workflow.audit.status,
          columnKey: 'status',
          actor: workflow.actors.requester,
          before: ru.choices.status.answered,
          after: ru.choices.status.closed,
          note: workflow.via.satisfaction,
        }),
      ]),
    );
    // The journal names the vote, never the requester.
    expect(JSON.stringify(journal)).not.toMatch(/Сидорова|maria\.sidorova/);
  });

  it('a second POST for the same request is refused politely and changes nothing', () => {
    const before = snapshot(rt);
    const again = post(rt, { token: tokenOf(a.helped), vote: 'helped' });
    expectRefusal(again, 'alreadyRated');
    // The other link of the same e-mail is spent too: one use per request.
    expectRefusal(post(rt, { token: tokenOf(a.notHelped), vote: 'notHelped' }), 'alreadyRated');
    expect(snapshot(rt)).toBe(before);
    // Opening a link again says so at once, without a button.
    expectRefusal(open(rt, a.notHelped), 'alreadyRated');
  });
});

describe('satisfaction: «Не помогло»', () => {
  it('reopens the answered request, clears its resolution time, and the assignee is told', () => {
    const rt = workbook();
    const a = answeredRequest(rt, PARENTS[1], 'call-2');
    expect(request(rt, a.id).assignee).toBe(CONSULTANT);
    expect(request(rt, a.id).resolvedAt).toBeInstanceOf(Date);
    const page = open(rt, a.notHelped);
    expect(page.body).toContain('Вы выбрали: «Не помогло».');
    expect(page.body).toContain(texts.confirm.effect.notHelped);
    const res = submit(rt, formOf(page.body));
    expectSafePage(res);
    expect(res.body).toContain(`Обращение № ${a.id} снова в работе`);
    expect(request(rt, a.id)).toMatchObject({
      status: ru.choices.status.inProgress,
      satisfaction: 'Не помогло',
      resolvedAt: '',
    });
    rt.runAsOwner('sendMail');
    const told = sentMail(rt, OWNER).filter((m) => m.to.includes(CONSULTANT));
    expect(told.map((m) => m.subject)).toContain(`Обращение ${a.id}: ответ не помог`);
    const notice = told.find((m) => m.subject === `Обращение ${a.id}: ответ не помог`) as MailRecord;
    expect(notice.body).toContain('Заявитель отметил, что ответ на обращение');
    // The consultant reopens nothing by hand; a second vote is refused.
    expectRefusal(post(rt, { token: tokenOf(a.helped), vote: 'helped' }), 'alreadyRated');
  });
});

describe('satisfaction: refusals change nothing and say why', () => {
  let rt: Runtime;
  let a: Answered;
  let other: Answered;
  beforeAll(() => {
    rt = workbook();
    a = answeredRequest(rt, PARENTS[0], 'call-1');
    other = answeredRequest(rt, PARENTS[1], 'call-2');
  });

  function unchanged(run: () => void): void {
    const before = snapshot(rt);
    run();
    expect(snapshot(rt)).toBe(before);
  }

  it('a forged or altered token, on the page and in the POST', () => {
    const genuine = tokenOf(a.helped);
    const sig = genuine.slice(genuine.lastIndexOf('.') + 1);
    const flipped = `${genuine.slice(0, -1)}${genuine.endsWith('A') ? 'B' : 'A'}`;
    const forged = [
      flipped, // one character of the signature changed
      genuine.replace('.h.', '.n.'), // the vote changed, the signature kept
      `${other.id}.h.${sig}`, // another request, this signature
      `${a.id}.h.`, // no signature
      'ОБ-2026-00001',
      '"><script>alert(1)</script>',
    ];
    unchanged(() => {
      for (const token of forged) {
        const page = webRequest(rt, { method: 'GET', parameters: { feedback: token }, visitor: '' });
        expectRefusal(page, 'badToken');
        expect(page.body).not.toContain('alert(1)');
        expectRefusal(post(rt, { token, vote: 'helped' }), 'badToken');
        expectRefusal(post(rt, { token, vote: 'notHelped' }), 'badToken');
      }
    });
    expect(request(rt, a.id).satisfaction).toBe('');
  });

  it('a genuine token with another vote posted: a bad request', () => {
    unchanged(() => expectRefusal(post(rt, { token: tokenOf(a.helped), vote: 'notHelped' }), 'badRequest'));
    unchanged(() => expectRefusal(post(rt, `token=${encodeURIComponent(tokenOf(a.helped))}`), 'badRequest'));
    unchanged(() =>
      expectRefusal(post(rt, `token=${encodeURIComponent(tokenOf(a.helped))}&token=x&vote=helped`), 'badRequest'),
    );
  });

  it('a missing token: the link cut short, or a POST without one', () => {
    unchanged(() => {
      expectRefusal(webRequest(rt, { method: 'GET', queryString: 'feedback=', visitor: '' }), 'missingToken');
      expectRefusal(webRequest(rt, { method: 'GET', queryString: 'feedback', visitor: '' }), 'missingToken');
      expectRefusal(post(rt, { vote: 'helped' }), 'missingToken');
      expectRefusal(post(rt, ''), 'missingToken');
    });
  });

  it('a genuine token for a request not in the log', () => {
    const token = rt.runAsOwner<string>('signedToken', 'ОБ-2026-09999', 'helped');
    unchanged(() => {
      expectRefusal(webRequest(rt, { method: 'GET', parameters: { feedback: token }, visitor: '' }), 'unknownRequest');
      expectRefusal(post(rt, { token, vote: 'helped' }), 'unknownRequest');
    });
  });

  it('a request not waiting for a rating (taken back into work by the consultant)', () => {
    const fresh = answeredRequest(rt, { ...PARENTS[0], email: 'third.parent@mail.ru' }, 'call-3');
    expect(rt.runAsOwner<{ ok: boolean }>('moveRequest', fresh.id, 'inProgress')).toMatchObject({ ok: true });
    unchanged(() => {
      expectRefusal(open(rt, fresh.helped), 'notAnswered');
      expectRefusal(post(rt, { token: tokenOf(fresh.notHelped), vote: 'notHelped' }), 'notAnswered');
    });
  });

  it('a request whose requester was erased', () => {
    const erased = answeredRequest(rt, { ...PARENTS[0], email: 'erase.me@mail.ru' }, 'call-4');
    const page = open(rt, erased.helped);
    const form = formOf(page.body); // the page was opened before the erasure
    rt.runAsOwner('erasePerson', 'erase.me@mail.ru');
    expect(request(rt, erased.id).email).toBe('');
    unchanged(() => {
      expectRefusal(open(rt, erased.helped), 'anonymised');
      expectRefusal(submit(rt, form), 'anonymised');
    });
  });

  it('the lock held by another run: «busy», nothing recorded; the same form works once it is free', () => {
    const form = formOf(open(rt, other.helped).body);
    const hold = holdLock(rt, 'script');
    unchanged(() => expectRefusal(submit(rt, form), 'busy'));
    hold.release();
    const res = submit(rt, form);
    expect(res.body).toContain(`Обращение № ${other.id} закрыто.`);
    expect(request(rt, other.id)).toMatchObject({ status: ru.choices.status.closed, satisfaction: 'Помогло' });
  });

  it('doPost called from a sidebar by a staff member (not the school account’s run) records nothing', () => {
    const token = tokenOf(a.notHelped);
    unchanged(() => {
      const call = scriptRun<unknown>(rt, 'doPost', [{ parameters: { token: [token], vote: ['notHelped'] } }], {
        from: 'sidebar',
        user: CONSULTANT,
      });
      expect(call.ok).toBe(true);
    });
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.answered, satisfaction: '' });
  });
});

describe('satisfaction: the status changed by a person between the claim and the change', () => {
  it('the vote is taken back: «Оценка» blank again, the journal says why, the person’s status stays', () => {
    const rt = workbook();
    const a = answeredRequest(rt, PARENTS[0], 'call-1');
    const form = formOf(open(rt, a.helped).body);
    const [keys] = readSheetValues(rt, ru.sheets.requests);
    const row = records(rt, 'requests').findIndex((r) => r.id === a.id) + 3;
    // Right after the claim's lock is released, the consultant takes the request back into work by hand.
    rt.faults.add({
      method: 'Lock.releaseLock',
      functionName: 'doPost',
      phase: 'after',
      action: {
        run: (r) =>
          writeCells(r, ru.sheets.requests, row, keys.indexOf('status') + 1, [[ru.choices.status.inProgress]]),
      },
    });
    const res = submit(rt, form);
    expectRefusal(res, 'notAnswered');
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.inProgress, satisfaction: '' });
    const journal = auditOf(rt, a.id).filter((e) => e.columnKey === 'satisfaction');
    expect(journal).toEqual([
      expect.objectContaining({ action: texts.audit.action, before: '', after: 'Помогло' }),
      expect.objectContaining({ before: 'Помогло', after: '' }),
    ]);
    expect(String(journal[1].action)).toMatch(/^Оценка не принята: статус обращения не изменился \(.+\)$/);
    // The link works again once the request is answered anew.
    expect(rt.runAsOwner<{ ok: boolean }>('moveRequest', a.id, 'answered', ANSWER)).toMatchObject({ ok: true });
    expect(submit(rt, form).body).toContain(`Обращение № ${a.id} закрыто.`);
  });
});

describe('satisfaction: a request the staff already closed', () => {
  it('«Помогло» is recorded and the request stays closed; the journal has the vote only', () => {
    const rt = workbook();
    const a = answeredRequest(rt, PARENTS[0], 'call-1');
    expect(rt.runAsOwner<{ ok: boolean }>('moveRequest', a.id, 'closed')).toMatchObject({ ok: true });
    const journalBefore = auditOf(rt, a.id).length;
    const res = submit(rt, formOf(open(rt, a.helped).body));
    expect(res.body).toContain(`Ваша оценка записана. Обращение № ${a.id} уже было закрыто.`);
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.closed, satisfaction: 'Помогло' });
    const added = auditOf(rt, a.id).slice(journalBefore);
    expect(added).toEqual([expect.objectContaining({ action: texts.audit.action, after: 'Помогло' })]);
  });
});
