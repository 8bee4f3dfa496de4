// The satisfaction vote's decisions and page models (domain/satisfaction.ts), and its texts (locale).
import { checkPageParams } from '../../src/domain/public-page';
import type { Status } from '../../src/domain/request';
import {
  confirmPage,
  decideVote,
  donePage,
  isVote,
  type RatedRequest,
  readPostedForm,
  refusalPage,
} from '../../src/domain/satisfaction';
import { CHOICE_LISTS } from '../../src/domain/schema';
import { en as enChoices } from '../../src/locale/en';
import { ru as ruChoices } from '../../src/locale/ru';
import { en, ru, type SatisfactionRefusal } from '../../src/locale/satisfaction';

const request = (status: Status | undefined, extra: Partial<RatedRequest> = {}): RatedRequest => ({
  status,
  satisfaction: '',
  anonymised: false,
  ...extra,
});

describe('decideVote', () => {
  it('«Помогло» closes an answered request; «Не помогло» reopens it', () => {
    expect(decideVote(request('answered'), 'helped')).toEqual({
      ok: true,
      vote: 'helped',
      to: 'closed',
      effect: 'closed',
    });
    expect(decideVote(request('answered'), 'notHelped')).toEqual({
      ok: true,
      vote: 'notHelped',
      to: 'inProgress',
      effect: 'reopened',
    });
  });

  it('on a request the staff already closed: «Помогло» is only recorded, «Не помогло» reopens', () => {
    expect(decideVote(request('closed'), 'helped')).toEqual({
      ok: true,
      vote: 'helped',
      to: undefined,
      effect: 'recorded',
    });
    expect(decideVote(request('closed'), 'notHelped')).toMatchObject({
      ok: true,
      to: 'inProgress',
      effect: 'reopened',
    });
  });

  it('refuses a request in any other status: an old link never undoes the current work', () => {
    const others: Array<Status | undefined> = [
      'new',
      'inProgress',
      'clarification',
      'escalated',
      'rejected',
      'etiquetteEnded',
      undefined,
    ];
    for (const status of others) {
      for (const vote of CHOICE_LISTS.satisfaction) {
        expect(decideVote(request(status), vote)).toEqual({ ok: false, refusal: 'notAnswered' });
      }
    }
  });

  it('one vote per request: a filled «Оценка» cell refuses either vote, whatever it holds', () => {
    for (const held of ['Помогло', 'Не помогло', 'Helped', 'отлично']) {
      for (const status of ['answered', 'closed', 'inProgress'] as Status[]) {
        expect(decideVote(request(status, { satisfaction: held }), 'helped')).toEqual({
          ok: false,
          refusal: 'alreadyRated',
        });
        expect(decideVote(request(status, { satisfaction: held }), 'notHelped')).toEqual({
          ok: false,
          refusal: 'alreadyRated',
        });
      }
    }
    // Blank space is no vote.
    expect(decideVote(request('answered', { satisfaction: '  ' }), 'helped')).toMatchObject({ ok: true });
  });

  it('refuses an unknown request and an anonymised one before anything else', () => {
    expect(decideVote(undefined, 'helped')).toEqual({ ok: false, refusal: 'unknownRequest' });
    expect(decideVote(request('answered', { anonymised: true }), 'notHelped')).toEqual({
      ok: false,
      refusal: 'anonymised',
    });
    expect(decideVote(request('closed', { anonymised: true, satisfaction: 'Помогло' }), 'helped')).toEqual({
      ok: false,
      refusal: 'anonymised',
    });
  });
});

describe('readPostedForm', () => {
  it('takes one token and one vote', () => {
    expect(readPostedForm({ token: [' ОБ-2026-00001.h.abc '], vote: ['helped'] })).toEqual({
      ok: true,
      token: 'ОБ-2026-00001.h.abc',
      vote: 'helped',
    });
  });

  it('a missing or blank token is its own refusal', () => {
    expect(readPostedForm(undefined)).toEqual({ ok: false, refusal: 'missingToken' });
    expect(readPostedForm({ vote: ['helped'] })).toEqual({ ok: false, refusal: 'missingToken' });
    expect(readPostedForm({ token: ['   '], vote: ['helped'] })).toEqual({ ok: false, refusal: 'missingToken' });
  });

  it('a field given twice, a missing vote or an overlong field is a bad request', () => {
    expect(readPostedForm({ token: ['a', 'b'], vote: ['helped'] })).toEqual({ ok: false, refusal: 'badRequest' });
    expect(readPostedForm({ token: ['a'], vote: ['helped', 'notHelped'] })).toEqual({
      ok: false,
      refusal: 'badRequest',
    });
    expect(readPostedForm({ token: ['a'] })).toEqual({ ok: false, refusal: 'badRequest' });
    expect(readPostedForm({ token: ['a'.repeat(401)], vote: ['helped'] })).toEqual({
      ok: false,
      refusal: 'badRequest',
    });
  });
});

describe('page models', () => {
  it('the confirmation page names the request and the vote, and carries the form', () => {
    const page = confirmPage({
      locale: 'ru',
      texts: ru,
      requestId: 'ОБ-2026-00042',
      vote: 'notHelped',
      voteLabels: ruChoices.choices.satisfaction,
      action: 'https://script.google.com/macros/s/X/exec',
      token: 'ОБ-2026-00042.n.sig',
    });
    expect(page).toMatchObject({
      lang: 'ru',
      kind: 'confirm',
      heading: 'Подтвердите оценку ответа',
      request: 'Обращение № ОБ-2026-00042',
      form: {
        action: 'https://script.google.com/macros/s/X/exec',
        token: 'ОБ-2026-00042.n.sig',
        vote: 'notHelped',
        button: 'Подтвердить: «Не помогло»',
      },
    });
    expect(page.paragraphs).toEqual([
      'Вы выбрали: «Не помогло».',
      'После подтверждения обращение вернётся в работу, и технический консультант снова займётся им.',
    ]);
  });

  it('the page after the vote says what happened', () => {
    expect(donePage('ru', ru, 'ОБ-2026-00042', 'closed').paragraphs).toEqual([
      'Ваша оценка записана. Обращение № ОБ-2026-00042 закрыто.',
    ]);
    expect(donePage('en', en, 'ОБ-2026-00042', 'recorded')).toMatchObject({
      lang: 'en',
      kind: 'done',
      paragraphs: ['Your rating is recorded. Request No. ОБ-2026-00042 was already closed.'],
    });
  });

  it('a refusal has no form and no request line; the school phone when there is one', () => {
    const page = refusalPage('ru', ru, 'badToken', ' 2-34-81 ');
    expect(page.form).toBeUndefined();
    expect(page.request).toBe('');
    expect(page.heading).toBe('Ссылка недействительна');
    expect(page.notes).toEqual(['Телефон службы помощи по электронному журналу: 2-34-81.']);
    expect(refusalPage('ru', ru, 'busy', '').notes).toEqual([]);
  });

  it('every refusal has a heading and a message in both languages', () => {
    const refusals: SatisfactionRefusal[] = [
      'missingToken',
      'badToken',
      'badRequest',
      'unknownRequest',
      'anonymised',
      'alreadyRated',
      'notAnswered',
      'busy',
      'unavailable',
    ];
    for (const texts of [ru, en]) {
      expect(Object.keys(texts.refused).sort()).toEqual([...refusals].sort());
      for (const r of refusals) {
        expect(texts.refused[r].heading.trim()).not.toBe('');
        expect(texts.refused[r].message.trim()).not.toBe('');
      }
    }
    // Russian first: the Russian texts are Russian.
    for (const r of refusals) expect(ru.refused[r].heading).toMatch(/[а-яё]/i);
  });

  it('the votes are the schema list, with labels in both languages', () => {
    expect(isVote('helped')).toBe(true);
    expect(isVote('notHelped')).toBe(true);
    expect(isVote('Помогло')).toBe(false);
    expect(ruChoices.choices.satisfaction).toEqual({ helped: 'Помогло', notHelped: 'Не помогло' });
    expect(Object.keys(enChoices.choices.satisfaction)).toEqual([...CHOICE_LISTS.satisfaction]);
  });
});

describe('the public page routes `feedback` to the confirmation page (checkPageParams)', () => {
  it('a single feedback value is routed, blank included (the page then says the link is incomplete)', () => {
    expect(checkPageParams({ feedback: ['ОБ-2026-00001.h.sig'] })).toEqual({
      ok: true,
      view: 'page',
      feedback: 'ОБ-2026-00001.h.sig',
    });
    expect(checkPageParams({ feedback: [''] })).toEqual({ ok: true, view: 'page', feedback: '' });
    // Unknown parameters are still ignored.
    expect(checkPageParams({ feedback: ['x'], utm_source: ['mail'] })).toMatchObject({ ok: true, feedback: 'x' });
  });

  it('feedback with view, or feedback twice, is a bad request; without feedback nothing changes', () => {
    expect(checkPageParams({ feedback: ['x'], view: ['print'] })).toEqual({ ok: false });
    expect(checkPageParams({ feedback: ['x', 'y'] })).toEqual({ ok: false });
    expect(checkPageParams({ view: ['print'] })).toEqual({ ok: true, view: 'print' });
    expect(checkPageParams(undefined)).toEqual({ ok: true, view: 'page' });
  });
});
