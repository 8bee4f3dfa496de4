// GmailApp mailboxes: drafts, threads, replies from outside and between accounts, search, labels.
import '../../emulator/services/mail';
import type { ExecutionSpec, Runtime } from '../../emulator/index';
import { deliverMail, mailbox, sentMail } from '../../emulator/services/mail';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

const TEACHER = 'teacher@gmail.com';
const as = (who: string): ExecutionSpec => ({ kind: 'editor', effectiveUser: who, actingUser: who });
const incomingDate = (rt: Runtime, id: string) =>
  mailbox(rt, OWNER)
    .find((m) => m.id === id)
    ?.date.getTime();
const run = <T>(rt: Runtime, fn: string, args: unknown[] = [], who = OWNER): T => rt.run<T>(fn, args, as(who));

describe('sending and drafts (reference/gmail/gmail-app#sendemail, #createdraft; reference/gmail/gmail-draft#send)', () => {
  test('sendEmail returns GmailApp itself, not a message', () => {
    const rt = inlineRuntime(
      `function f() { var r = GmailApp.sendEmail('p@mail.ru', 's', 'b'); return [r === GmailApp, 'getId' in r].join(','); }`,
    );
    expect(run(rt, 'f')).toBe('true,false');
  });

  test('createDraft(...).send() returns the sent message, whose getThread() is a new thread', () => {
    const rt = inlineRuntime(`function f() {
      var draft = GmailApp.createDraft('parent@mail.ru', 'Заявка HD-1', 'Текст', { name: 'Школа', replyTo: 'desk@school.ru', htmlBody: '<p>Текст</p>' });
      var before = [GmailApp.getDrafts().length, draft.getMessage().isDraft(), draft.getId() === GmailApp.getDrafts()[0].getId()];
      var msg = draft.send();
      var thread = msg.getThread();
      return {
        before: before.join(','),
        draftsAfter: GmailApp.getDrafts().length,
        isDraft: msg.isDraft(),
        threadId: thread.getId(),
        firstId: thread.getMessages()[0].getId(),
        msgId: msg.getId(),
        count: thread.getMessageCount(),
        subject: thread.getFirstMessageSubject(),
        from: msg.getFrom(),
        replyTo: msg.getReplyTo(),
        body: msg.getBody(),
        plain: msg.getPlainBody(),
        header: msg.getHeader('Message-ID'),
        sameById: GmailApp.getThreadById(thread.getId()).getMessages()[0].getId() === msg.getId(),
        isDate: msg.getDate() instanceof Date
      };
    }`);
    const r = run<Record<string, unknown>>(rt, 'f');
    expect(r).toMatchObject({
      before: '1,true,true',
      draftsAfter: 0,
      isDraft: false,
      count: 1,
      subject: 'Заявка HD-1',
      from: 'Школа <school.helpdesk@gmail.com>',
      replyTo: 'desk@school.ru',
      body: '<p>Текст</p>',
      plain: 'Текст',
      sameById: true,
      isDate: true,
    });
    expect(r.threadId).toBe(r.msgId);
    expect(r.firstId).toBe(r.msgId);
    expect(r.header).toMatch(/^<.+@mail\.gmail\.com>$/);
    expect(sentMail(rt, OWNER)).toHaveLength(1);
  });

  test('drafts spend no quota and can be deleted; getThreadById answers null for an unknown id', () => {
    const rt = inlineRuntime(`function f() {
      var d = GmailApp.createDraft('p@mail.ru', 's', 'b');
      var q = MailApp.getRemainingDailyQuota();
      d.deleteDraft();
      var gone; try { d.getMessage(); gone = 'still there'; } catch (e) { gone = 'gone'; }
      return [q, GmailApp.getDrafts().length, gone, GmailApp.getThreadById('123abc')].join(',');
    }`);
    expect(run(rt, 'f')).toBe('100,0,gone,');
  });
});

describe('threads and replies (reference/gmail/gmail-thread#replybody, gmail-message#getheadername)', () => {
  const code = `
    function open() { var m = GmailApp.createDraft('parent@mail.ru', 'Заявка HD-7', 'Мы получили вашу заявку').send(); return { id: m.getId(), thread: m.getThread().getId(), header: m.getHeader('Message-ID') }; }
    function look(threadId) {
      var t = GmailApp.getThreadById(threadId);
      var msgs = t.getMessages();
      var last = msgs[msgs.length - 1];
      return { count: t.getMessageCount(), unread: t.isUnread(), inbox: t.isInInbox(), from: last.getFrom(), inReplyTo: last.getHeader('In-Reply-To'),
        lastDate: t.getLastMessageDate().getTime(), unreadThreads: GmailApp.search('is:unread').map(function (x) { return x.getId(); }).join(',') };
    }
    function answer(threadId) { var t = GmailApp.getThreadById(threadId); var r = t.reply('Ответ специалиста'); t.markRead(); return r === t; }`;

  test('a reply from outside lands in the same thread, unread, in the inbox; thread.reply answers its sender', () => {
    const rt = inlineRuntime(code);
    const sent = run<{ id: string; thread: string; header: string }>(rt, 'open');
    rt.clock.advance(3_600_000);
    const incoming = deliverMail(rt, {
      from: 'Анна Петрова <parent@mail.ru>',
      to: OWNER,
      subject: 'Re: Заявка HD-7',
      body: 'Спасибо, жду ответа',
      inReplyToMessageId: sent.header,
    });
    expect(incoming.copies[OWNER].threadId).toBe(sent.thread);
    const seen = run<Record<string, unknown>>(rt, 'look', [sent.thread]);
    expect(seen).toMatchObject({
      count: 2,
      unread: true,
      inbox: true,
      from: 'Анна Петрова <parent@mail.ru>',
      inReplyTo: sent.header,
      unreadThreads: sent.thread,
    });
    // The thread's last date is the arrival of the parent's reply, an hour after the first message.
    expect(seen.lastDate).toBe(incomingDate(rt, incoming.copies[OWNER].id));
    expect((seen.lastDate as number) - mailbox(rt, OWNER)[0].date.getTime()).toBeGreaterThanOrEqual(3_600_000);

    expect(run(rt, 'answer', [sent.thread])).toBe(true);
    const reply = sentMail(rt, OWNER).at(-1)!;
    expect(reply).toMatchObject({
      to: ['Анна Петрова <parent@mail.ru>'],
      subject: 'Re: Заявка HD-7',
      threadId: sent.thread,
      inReplyTo: incoming.messageId,
    });
    expect(reply.references).toBe(`${sent.header} ${incoming.messageId}`);
    expect(run(rt, 'look', [sent.thread])).toMatchObject({ count: 3, unread: false, unreadThreads: '' });
  });

  test('a reply quoting only the Gmail id of the message threads too; an unrelated message starts its own thread', () => {
    const rt = inlineRuntime(code);
    const sent = run<{ id: string; thread: string }>(rt, 'open');
    const byId = deliverMail(rt, {
      from: 'parent@mail.ru',
      to: OWNER,
      subject: 'Re: x',
      body: 'b',
      inReplyToMessageId: sent.id,
    });
    const fresh = deliverMail(rt, { from: 'other@mail.ru', to: OWNER, subject: 'Re: Заявка HD-7', body: 'b' });
    expect(byId.copies[OWNER].threadId).toBe(sent.thread);
    expect(fresh.copies[OWNER].threadId).not.toBe(sent.thread);
  });

  test('mail between two Gmail accounts: the recipient gets an unread copy without the Bcc list; its reply joins the sender thread', () => {
    const rt = inlineRuntime(`
      function send() { GmailApp.sendEmail('${TEACHER}', 'Дежурство', 'Завтра в 8:00', { bcc: 'deputy@gmail.com', name: 'Помощник' }); }
      function replyFirst() { var t = GmailApp.getInboxThreads()[0]; var m = t.getMessages()[0]; m.reply('Принято'); return [m.getBcc(), m.getFrom(), m.isUnread()].join('|'); }
      function ownerView() { var t = GmailApp.search('subject:Дежурство')[0]; return [t.getMessageCount(), t.getMessages()[0].getBcc(), t.isInInbox(), t.isUnread()].join('|'); }`);
    run(rt, 'send');
    expect(mailbox(rt, TEACHER)[0]).toMatchObject({ unread: true, inbox: true, bcc: [], from: OWNER });
    expect(mailbox(rt, 'deputy@gmail.com')).toHaveLength(1);
    expect(run(rt, 'replyFirst', [], TEACHER)).toBe('|Помощник <school.helpdesk@gmail.com>|true');
    expect(sentMail(rt, TEACHER)[0]).toMatchObject({
      to: ['Помощник <school.helpdesk@gmail.com>'],
      subject: 'Re: Дежурство',
    });
    expect(run(rt, 'ownerView')).toBe('2|deputy@gmail.com|true|true');
  });
});

describe('replyAll and forward (reference/gmail/gmail-message#replyallbody, #forwardrecipient)', () => {
  test('replyAll answers the sender and the other recipients but not me; forward keeps the conversation and returns this message', () => {
    const rt = inlineRuntime(`function f(id) {
      var m = GmailApp.getMessageById(id);
      var same = m.replyAll('Всем спасибо') === m;
      var fwd = m.forward('director@mail.ru', { cc: 'deputy@mail.ru' }) === m;
      return [same, fwd, m.getThread().getMessageCount()].join(',');
    }`);
    const d = deliverMail(rt, {
      from: 'parent@mail.ru',
      to: `${OWNER}, teacher@gmail.com`,
      cc: 'class.teacher@mail.ru',
      subject: 'Собрание',
      body: 'Когда собрание?',
    });
    expect(run(rt, 'f', [d.copies[OWNER].id])).toBe('true,true,3');
    const [replyAll, forward] = sentMail(rt, OWNER);
    expect(replyAll).toMatchObject({
      to: ['parent@mail.ru'],
      cc: ['teacher@gmail.com', 'class.teacher@mail.ru'],
      subject: 'Re: Собрание',
      inReplyTo: d.messageId,
    });
    expect(forward).toMatchObject({ to: ['director@mail.ru'], cc: ['deputy@mail.ru'], subject: 'Fwd: Собрание' });
    expect(forward.body).toContain('---------- Forwarded message ---------');
    expect(forward.body).toContain('Когда собрание?');
    // The teacher's mailbox got the original and the reply-all, threaded together.
    const teacher = mailbox(rt, TEACHER);
    expect(teacher.map((m) => m.subject)).toEqual(['Собрание', 'Re: Собрание']);
    expect(teacher[1].threadId).toBe(teacher[0].threadId);
  });
});

describe('search (reference/gmail/gmail-app#searchquery; Gmail search operators)', () => {
  const code = `
    function ids(q, start, max) { return GmailApp.search(q, start, max).map(function (t) { return t.getFirstMessageSubject(); }).join(','); }
    function label(name, subject) { var l = GmailApp.createLabel(name); l.addToThread(GmailApp.search('subject:"' + subject + '"')[0]); return l.getName(); }
    function sendKey(key) { GmailApp.sendEmail('parent@mail.ru', 'Ответ по заявке', 'Текст ответа\\n[' + key + ']'); }
    function trash(subject) { GmailApp.search('subject:"' + subject + '"')[0].moveToTrash(); }
    function readAll() { GmailApp.markThreadsRead(GmailApp.search('subject:Оценки')); }`;

  function seeded(): Runtime {
    const rt = inlineRuntime(code, { now: '2026-09-01T04:00:00Z' });
    deliverMail(rt, {
      from: 'parent@mail.ru',
      to: OWNER,
      subject: 'Не работает журнал',
      body: 'Не открывается электронный журнал',
    });
    rt.clock.advance(2 * 86_400_000 + 60_000);
    deliverMail(rt, { from: 'teacher@gmail.com', to: OWNER, subject: 'Оценки', body: 'Пропали оценки за четверть' });
    rt.clock.advance(60_000);
    run(rt, 'sendKey', ['HD-2026-0042:answer:1']);
    return rt;
  }

  test('label:name with spaces and slashes written as dashes, or quoted; -label: negation', () => {
    const rt = seeded();
    expect(run(rt, 'label', ['Helpdesk/Новые заявки', 'Оценки'])).toBe('Helpdesk/Новые заявки');
    expect(run(rt, 'ids', ['label:helpdesk-новые-заявки'])).toBe('Оценки');
    expect(run(rt, 'ids', ['label:"Helpdesk/Новые заявки"'])).toBe('Оценки');
    expect(run(rt, 'ids', ['in:inbox -label:Helpdesk-Новые-заявки'])).toBe('Не работает журнал');
    expect(run(rt, 'ids', ['label:helpdesk'])).toBe('');
  });

  test('in:sent with a quoted key finds the sent message; the key as plain words does not match a part of a word', () => {
    const rt = seeded();
    expect(run(rt, 'ids', ['in:sent "HD-2026-0042:answer:1"'])).toBe('Ответ по заявке');
    expect(run(rt, 'ids', ['in:sent "HD-2026-0042:answer:2"'])).toBe('');
    expect(run(rt, 'ids', ['in:inbox "HD-2026-0042:answer:1"'])).toBe('');
    expect(run(rt, 'ids', ['журнал'])).toBe('Не работает журнал');
    expect(run(rt, 'ids', ['журн'])).toBe('');
  });

  test('is:unread / is:read, from:, to:, subject:, newer_than:, after:/before: in the script time zone, paging', () => {
    const rt = seeded();
    expect(run(rt, 'ids', ['is:unread'])).toBe('Оценки,Не работает журнал');
    run(rt, 'readAll');
    expect(run(rt, 'ids', ['is:unread'])).toBe('Не работает журнал');
    expect(run(rt, 'ids', ['in:inbox is:read'])).toBe('Оценки');
    expect(run(rt, 'ids', ['from:teacher@gmail.com'])).toBe('Оценки');
    expect(run(rt, 'ids', ['to:parent@mail.ru'])).toBe('Ответ по заявке');
    expect(run(rt, 'ids', ['subject:(не журнал)'])).toBe('Не работает журнал');
    expect(run(rt, 'ids', ['newer_than:1d'])).toBe('Ответ по заявке,Оценки');
    // 2026-09-01T04:00Z is 09:00 in Yekaterinburg on 1 September; the others arrive on 3 September.
    expect(run(rt, 'ids', ['after:2026/09/02'])).toBe('Ответ по заявке,Оценки');
    expect(run(rt, 'ids', ['before:2026/09/02'])).toBe('Не работает журнал');
    expect(run(rt, 'ids', ['after:2026/09/01 before:2026/09/02'])).toBe('Не работает журнал');
    expect(run(rt, 'ids', ['', 1, 1])).toBe('Оценки');
    expect(run(rt, 'ids', ['subject:Оценки OR subject:журнал'])).toBe('Оценки,Не работает журнал');
  });

  test('trashed threads are left out unless in:trash', () => {
    const rt = seeded();
    run(rt, 'trash', ['Оценки']);
    expect(run(rt, 'ids', ['Оценки'])).toBe('');
    expect(run(rt, 'ids', ['in:trash'])).toBe('Оценки');
    expect(run(rt, 'ids', ['in:inbox'])).toBe('Не работает журнал');
  });
});

describe('labels (reference/gmail/gmail-label, gmail-app#getuserlabelbynamename)', () => {
  test('createLabel, getUserLabelByName (null when missing), add/remove on threads, getLabels, getThreads, deleteLabel', () => {
    const rt = inlineRuntime(`function f() {
      var out = [];
      out.push(GmailApp.getUserLabelByName('Обработано'));
      var l = GmailApp.createLabel('Обработано');
      out.push(GmailApp.createLabel('Обработано').getName());
      out.push(GmailApp.getUserLabels().length);
      var threads = GmailApp.getInboxThreads();
      l.addToThreads(threads);
      out.push(l.getThreads().length, l.getUnreadCount());
      threads[0].removeLabel(l);
      out.push(threads[0].getLabels().length, threads[1].getLabels()[0].getName());
      out.push(GmailApp.search('label:Обработано').length);
      GmailApp.deleteLabel(l);
      out.push(GmailApp.getUserLabelByName('Обработано'), GmailApp.getUserLabels().length, threads[1].getLabels().length);
      return out.join('|');
    }`);
    deliverMail(rt, { from: 'a@mail.ru', to: OWNER, subject: 'one', body: 'b' });
    rt.clock.advance(1000);
    deliverMail(rt, { from: 'b@mail.ru', to: OWNER, subject: 'two', body: 'b' });
    expect(run(rt, 'f')).toBe('|Обработано|1|2|2|0|Обработано|1||0|0');
  });

  test('a message arriving in a labelled conversation carries the label; deliverMail can label on arrival', () => {
    const rt = inlineRuntime(
      `function f(threadId) { return GmailApp.search('label:Заявки is:unread').map(function (t) { return t.getMessageCount(); }).join(','); }`,
    );
    const first = deliverMail(rt, { from: 'a@mail.ru', to: OWNER, subject: 'one', body: 'b', labels: ['Заявки'] });
    run(rt, 'f');
    const second = deliverMail(rt, {
      from: 'a@mail.ru',
      to: OWNER,
      subject: 'Re: one',
      body: 'b',
      inReplyToMessageId: first.messageId,
    });
    expect(mailbox(rt, OWNER).find((m) => m.id === second.copies[OWNER].id)?.labels).toEqual(['Заявки']);
    expect(run(rt, 'f')).toBe('2');
  });
});
