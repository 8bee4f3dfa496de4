// MailApp and GmailApp sending: the shared recipient quota, per-message limits, addresses, authorisation.
import '../../emulator/services/mail';
import type { ExecutionSpec } from '../../emulator/index';
import { mailbox, quotaUsed, sentMail, setMailQuota } from '../../emulator/services/mail';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const DAY = 24 * 60 * 60 * 1000;
const asOwner: ExecutionSpec = { kind: 'installable-trigger', effectiveUser: OWNER, actingUser: OWNER };

const SENDERS = `
  function viaMail(to, cc, bcc) { MailApp.sendEmail(to, 'Заявка', 'Текст', { cc: cc || '', bcc: bcc || '' }); return MailApp.getRemainingDailyQuota(); }
  function viaGmail(to, cc, bcc) { GmailApp.sendEmail(to, 'Заявка', 'Текст', { cc: cc || '', bcc: bcc || '' }); return MailApp.getRemainingDailyQuota(); }
  function remaining() { return MailApp.getRemainingDailyQuota(); }
  function tryGmail(to) { try { GmailApp.sendEmail(to, 'Заявка', 'Текст'); return 'sent'; } catch (e) { return e.name + ': ' + e.message; } }
  function tryMail(to) { try { MailApp.sendEmail(to, 'Заявка', 'Текст'); return 'sent'; } catch (e) { return e.name + ': ' + e.message; } }
`;

describe('recipient quota shared by MailApp and GmailApp (guides/services/quotas)', () => {
  test('counts recipients (to + cc + bcc) of both services against one daily quota of 100 for a gmail.com account', () => {
    const rt = inlineRuntime(SENDERS);
    expect(rt.run('remaining', [], asOwner)).toBe(100);
    expect(rt.run('viaMail', ['a@mail.ru', 'b@mail.ru'], asOwner)).toBe(98);
    expect(rt.run('viaGmail', ['c@mail.ru', '', 'd@mail.ru, e@mail.ru'], asOwner)).toBe(95);
    expect(quotaUsed(rt, OWNER)).toBe(5);
  });

  test('a Workspace account has 1500 recipients a day', () => {
    const rt = inlineRuntime(SENDERS, { owner: 'helpdesk@school.ru' });
    const spec: ExecutionSpec = {
      kind: 'editor',
      effectiveUser: 'helpdesk@school.ru',
      actingUser: 'helpdesk@school.ru',
    };
    expect(rt.run('remaining', [], spec)).toBe(1500);
  });

  test('when spent: "Service invoked too many times for one day: email." from either service, nothing sent; reset 24 h after the first send', () => {
    const rt = inlineRuntime(SENDERS);
    rt.run('viaMail', ['first@mail.ru'], asOwner);
    const firstSend = sentMail(rt, OWNER)[0].date.getTime();
    rt.clock.advance(3 * 60 * 60 * 1000);
    setMailQuota(rt, OWNER, 1);
    expect(rt.run('remaining', [], asOwner)).toBe(1);
    // Two recipients do not fit into one: the whole message is refused.
    expect(rt.run('tryGmail', ['x@mail.ru, teacher@gmail.com'], asOwner)).toBe(
      'Exception: Service invoked too many times for one day: email.',
    );
    expect(sentMail(rt, OWNER)).toHaveLength(1);
    expect(mailbox(rt, 'teacher@gmail.com')).toHaveLength(0);
    expect(rt.run('tryMail', ['y@mail.ru'], asOwner)).toBe('sent');
    expect(rt.run('remaining', [], asOwner)).toBe(0);
    expect(rt.run('tryMail', ['z@mail.ru'], asOwner)).toBe(
      'Exception: Service invoked too many times for one day: email.',
    );
    expect(rt.run('tryGmail', ['z@mail.ru'], asOwner)).toBe(
      'Exception: Service invoked too many times for one day: email.',
    );

    // The window runs from the first send, not from midnight or the last send.
    rt.clock.set(firstSend + DAY - 1000);
    expect(rt.run('tryGmail', ['z@mail.ru'], asOwner)).toBe(
      'Exception: Service invoked too many times for one day: email.',
    );
    rt.clock.set(firstSend + DAY);
    expect(rt.run('remaining', [], asOwner)).toBe(100);
    expect(rt.run('tryGmail', ['z@mail.ru'], asOwner)).toBe('sent');
    expect(quotaUsed(rt, OWNER)).toBe(1);
  });

  test('setMailQuota can spend the quota in the middle of a run (a fault at the Nth send)', () => {
    const rt = inlineRuntime(
      `function batch() { var out = []; for (var i = 0; i < 4; i++) { try { MailApp.sendEmail('p' + i + '@mail.ru', 's', 'b'); out.push('ok'); } catch (e) { out.push(e.message); } } return out.join('|'); }`,
    );
    rt.faults.add({
      method: 'MailApp.sendEmail',
      nth: 2,
      phase: 'after',
      action: { run: (r) => setMailQuota(r, OWNER, 0) },
    });
    expect(rt.run('batch', [], asOwner)).toBe(
      'ok|ok|Service invoked too many times for one day: email.|Service invoked too many times for one day: email.',
    );
    expect(sentMail(rt, OWNER).map((m) => m.to[0])).toEqual(['p0@mail.ru', 'p1@mail.ru']);
  });
});

describe('per-message limits and addresses (guides/services/quotas, reference/mail/mail-app#sendemailrecipient,-subject,-body)', () => {
  test('more than 50 recipients in one message: "Limit Exceeded: Email Recipients Per Message."', () => {
    const rt = inlineRuntime(SENDERS);
    const fifty = Array.from({ length: 50 }, (_, i) => `p${i}@mail.ru`).join(',');
    expect(rt.run('tryGmail', [fifty], asOwner)).toBe('sent');
    expect(rt.run('tryMail', [`${fifty},one.more@mail.ru`], asOwner)).toBe(
      'Exception: Limit Exceeded: Email Recipients Per Message.',
    );
    expect(quotaUsed(rt, OWNER)).toBe(50);
  });

  test('a body over 200 KB fails on a consumer account, 300 KB passes on Workspace (400 KB limit)', () => {
    const code = `function big(kb) { try { GmailApp.sendEmail('p@mail.ru', 's', new Array(kb * 1024 + 1).join('x')); return 'sent'; } catch (e) { return e.message; } }`;
    const consumer = inlineRuntime(code);
    expect(consumer.run('big', [199], asOwner)).toBe('sent');
    expect(consumer.run('big', [201], asOwner)).toBe('Limit Exceeded: Email Body Size.');
    const ws = inlineRuntime(code, { owner: 'helpdesk@school.ru' });
    const spec: ExecutionSpec = {
      kind: 'editor',
      effectiveUser: 'helpdesk@school.ru',
      actingUser: 'helpdesk@school.ru',
    };
    expect(ws.run('big', [300], spec)).toBe('sent');
    expect(ws.run('big', [401], spec)).toBe('Limit Exceeded: Email Body Size.');
  });

  test('a malformed address: "Invalid email: <address>", in to or cc, and nothing is sent or counted', () => {
    const rt = inlineRuntime(`${SENDERS}
      function ccBad() { try { MailApp.sendEmail('ok@mail.ru', 's', 'b', { cc: 'ivanov at mail.ru' }); } catch (e) { return e.message; } }
      function none() { try { GmailApp.sendEmail('', 's', 'b'); } catch (e) { return e.message; } }`);
    expect(rt.run('tryGmail', ['мама-петрова'], asOwner)).toBe('Exception: Invalid email: мама-петрова');
    expect(rt.run('tryMail', ['a@mail.ru, b@@mail.ru'], asOwner)).toBe('Exception: Invalid email: b@@mail.ru');
    expect(rt.run('ccBad', [], asOwner)).toBe('Invalid email: ivanov at mail.ru');
    expect(rt.run('none', [], asOwner)).toBe('Failed to send email: no recipient');
    expect(sentMail(rt, OWNER)).toHaveLength(0);
    expect(quotaUsed(rt, OWNER)).toBe(0);
    // A display-name form is a valid address.
    expect(rt.run('tryGmail', ['"Петрова, Анна" <petrova@mail.ru>'], asOwner)).toBe('sent');
  });

  test('arguments that match no overload fail with the signature message', () => {
    const rt = inlineRuntime(
      `function f() { try { GmailApp.sendEmail('a@mail.ru', 'subject only'); } catch (e) { return e.message; } }`,
    );
    expect(rt.run('f', [], asOwner)).toBe(
      "The parameters (String,String) don't match the method signature for GmailApp.sendEmail.",
    );
  });
});

describe('authorisation (guides/triggers#restrictions: simple triggers cannot send mail)', () => {
  test('a simple trigger is refused with the permission error naming the scope, for both services', () => {
    const rt = inlineRuntime(`
      function onEdit() { MailApp.sendEmail('p@mail.ru', 's', 'b'); }
      function onOpen() { GmailApp.search('is:unread'); }`);
    const simple: ExecutionSpec = { kind: 'simple-trigger', effectiveUser: OWNER, actingUser: OWNER };
    const edit = rt.execute('onEdit', [], simple);
    expect(edit.ok).toBe(false);
    expect(edit.error?.name).toBe('Exception');
    expect(edit.error?.message).toBe(
      'You do not have permission to call MailApp.sendEmail. Required permissions: https://www.googleapis.com/auth/script.send_mail',
    );
    const open = rt.execute('onOpen', [], simple);
    expect(open.error?.message).toBe(
      'You do not have permission to call GmailApp.search. Required permissions: https://mail.google.com/',
    );
    expect(sentMail(rt, OWNER)).toHaveLength(0);
    // The same code in an installable trigger runs with full authorisation.
    expect(rt.execute('onEdit', [], asOwner).ok).toBe(true);
  });
});

describe('MailApp forms (reference/mail/mail-app)', () => {
  test('sendEmail(message) with name, replyTo, htmlBody, and sendEmail(to, replyTo, subject, body); both return undefined', () => {
    const rt = inlineRuntime(`function f() {
      var a = MailApp.sendEmail({ to: 'parent@mail.ru', cc: 'teacher@gmail.com', subject: 'Ответ', body: 'plain', htmlBody: '<b>html</b>', name: 'Школа №1', replyTo: 'help@school.ru' });
      var b = MailApp.sendEmail('parent@mail.ru', 'desk@school.ru', 'Тема', 'Текст');
      return [typeof a, typeof b].join(',');
    }`);
    expect(rt.run('f', [], asOwner)).toBe('undefined,undefined');
    const [first, second] = sentMail(rt, OWNER);
    expect(first).toMatchObject({
      from: OWNER,
      fromName: 'Школа №1',
      to: ['parent@mail.ru'],
      cc: ['teacher@gmail.com'],
      subject: 'Ответ',
      body: 'plain',
      htmlBody: '<b>html</b>',
      replyTo: 'help@school.ru',
    });
    expect(second).toMatchObject({ to: ['parent@mail.ru'], replyTo: 'desk@school.ru', subject: 'Тема', body: 'Текст' });
    // The Gmail account in cc received its copy; the outside address just left.
    const teacher = mailbox(rt, 'teacher@gmail.com');
    expect(teacher).toHaveLength(1);
    expect(teacher[0]).toMatchObject({
      unread: true,
      inbox: true,
      sent: false,
      fromName: 'Школа №1',
      messageId: first.messageId,
    });
    expect(mailbox(rt, 'parent@mail.ru')).toHaveLength(0);
  });

  test('a send is charged as a slow call on the virtual clock (costs.ts GmailSend / Mail)', () => {
    const rt = inlineRuntime(
      `function g() { GmailApp.sendEmail('p@mail.ru', 's', 'b'); } function m() { MailApp.sendEmail('p@mail.ru', 's', 'b'); }`,
    );
    const g = rt.execute('g', [], asOwner).execution;
    const m = rt.execute('m', [], asOwner).execution;
    expect(g.endedAt - g.startedAt).toBe(250);
    expect(m.endedAt - m.startedAt).toBe(250);
  });
});
