/**
 * The confirmation page a «Помогло / Не помогло» link of the answer e-mail opens (doGet with `?feedback=<token>`,
 * routed here by the public page). Mail scanners and link previews fetch such links on their own, so this page
 * only reads: it checks the token and the request and shows one button whose form posts the vote to the web
 * app's own address (doPost, src/app/record-satisfaction.ts). Anonymous visitors; no scripts; nothing of the
 * requester on the page.
 */
import {
  confirmPage,
  decideVote,
  refusalPage,
  type SatisfactionPageModel,
  type SatisfactionRefusal,
} from '../domain/satisfaction';
import { Helpdesk } from '../gas/helpdesk';
import { findRequest } from '../gas/request-actions';
import { readSatisfactionToken } from '../gas/satisfaction-links';
import { ratedRequestOf } from '../gas/satisfaction-record';
import { webAppUrl } from '../gas/web-app';
import { satisfactionTextsFor } from '../locale/satisfaction';

const VIEWPORT = 'width=device-width, initial-scale=1';

/** The GET: a confirmation form, or the page saying why there is nothing to confirm. */
export function renderSatisfactionPage(token: string): GoogleAppsScript.HTML.HtmlOutput {
  let hd: Helpdesk | undefined;
  try {
    hd = new Helpdesk();
    return satisfactionOutput(confirmationOf(hd, token));
  } catch (err) {
    console.error(`satisfaction page: ${err instanceof Error ? err.message : String(err)}`);
    return satisfactionOutput(refusalOf(hd, 'unavailable'));
  }
}

function confirmationOf(hd: Helpdesk, token: string): SatisfactionPageModel {
  if (token.trim() === '') return refusalOf(hd, 'missingToken');
  const signed = readSatisfactionToken(token.trim());
  if (!signed) return refusalOf(hd, 'badToken');
  const found = findRequest(hd, signed.requestId);
  const decision = decideVote(found && ratedRequestOf(found.cells), signed.vote);
  if (!decision.ok) return refusalOf(hd, decision.refusal);
  // The form posts to the web app's own address (doPost).
  const action = webAppUrl();
  if (!action) return refusalOf(hd, 'unavailable');
  return confirmPage({
    locale: hd.locale,
    texts: satisfactionTextsFor(hd.locale),
    requestId: signed.requestId,
    vote: signed.vote,
    voteLabels: hd.msgs.choices.satisfaction,
    action,
    token: token.trim(),
  });
}

/** A refusal page in the helpdesk's language, with the school's phone when the settings can be read. */
export function refusalOf(hd: Helpdesk | undefined, refusal: SatisfactionRefusal): SatisfactionPageModel {
  const locale = hd?.locale ?? 'ru';
  let phone = '';
  try {
    phone = hd ? hd.setting('school.phone') : '';
  } catch {
    phone = ''; // the settings sheet is what failed: the page still says what happened
  }
  return refusalPage(locale, satisfactionTextsFor(locale), refusal, phone);
}

/**
 * Serves a page model. Not embeddable (the default X-Frame-Options): a page with a button that changes a
 * request must not be framed by another site and clicked through it.
 */
export function satisfactionOutput(page: SatisfactionPageModel): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplateFromFile('satisfaction-page');
  template.page = page;
  return template.evaluate().setTitle(page.title).addMetaTag('viewport', VIEWPORT);
}
