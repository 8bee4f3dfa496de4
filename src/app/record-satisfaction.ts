/**
 * doPost: the vote the confirmation page posts (src/app/satisfaction-page.ts). The web app runs as the school
 * account for anonymous visitors; the signed token is the only credential, and it names the request and the
 * vote. One vote per request: under the script lock the request is read again and the vote claims its blank
 * «Оценка» cell, with an audit row; a second post finds the cell filled and is refused politely.
 * «Помогло» then closes an answered request, «Не помогло» reopens it (the core tells the assignee), both
 * through `changeStatus` as the requester. `changeStatus` takes the lock itself, so it runs after the claim's
 * lock is released; if it refuses (a person changed the status in that moment), the claim is taken back.
 */
import {
  decideVote,
  donePage,
  readPostedForm,
  type SatisfactionPageModel,
  type SatisfactionRefusal,
  type Vote,
  type VoteDecision,
} from '../domain/satisfaction';
import { appendAudit } from '../gas/audit-log';
import { Helpdesk } from '../gas/helpdesk';
import { effectiveUserEmail } from '../gas/identity';
import { withScriptLock } from '../gas/personal-data';
import { readOwner } from '../gas/properties';
import { changeStatus, findRequest } from '../gas/request-actions';
import { readSatisfactionToken } from '../gas/satisfaction-links';
import { claimVote, ratedRequestOf, withdrawVote } from '../gas/satisfaction-record';
import { format } from '../locale/index';
import { satisfactionTextsFor } from '../locale/satisfaction';
import { workflowTexts } from '../locale/workflow';
import { refusalOf, satisfactionOutput } from './satisfaction-page';

const LOCK_WAIT_MS = 10_000;

export interface DoPostEvent {
  parameter?: Record<string, string>;
  parameters?: Record<string, string[]>;
}

export function handlePost(e?: DoPostEvent): GoogleAppsScript.HTML.HtmlOutput {
  let hd: Helpdesk | undefined;
  try {
    hd = new Helpdesk();
    return satisfactionOutput(recordVote(hd, e));
  } catch (err) {
    console.error(`satisfaction vote: ${err instanceof Error ? err.message : String(err)}`);
    return satisfactionOutput(refusalOf(hd, 'unavailable'));
  }
}

function recordVote(hd: Helpdesk, e: DoPostEvent | undefined): SatisfactionPageModel {
  const form = readPostedForm(e?.parameters);
  if (!form.ok) return refusalOf(hd, form.refusal);
  const signed = readSatisfactionToken(form.token);
  if (!signed) return refusalOf(hd, 'badToken');
  // The page posts the vote its token was signed for; anything else was not typed by the page.
  if (form.vote !== signed.vote) return refusalOf(hd, 'badRequest');
  if (!isOwnerRun()) {
    // «Журнал» and the status change are the school account's: the web app must run as it ("Execute as: Me").
    console.error('satisfaction vote: the web app does not run as the school account; nothing recorded');
    return refusalOf(hd, 'unavailable');
  }
  const claimed = withScriptLock(LOCK_WAIT_MS, () => claim(hd, signed.requestId, signed.vote));
  if (!claimed.done) return refusalOf(hd, 'busy');
  const decision = claimed.value;
  if (!decision.ok) return refusalOf(hd, decision.refusal);
  const texts = satisfactionTextsFor(hd.locale);
  if (decision.to === undefined) return donePage(hd.locale, texts, signed.requestId, decision.effect);

  const result = changeStatus(hd, {
    requestId: signed.requestId,
    to: decision.to,
    actor: { email: '', role: 'requester' },
    via: 'satisfaction',
  });
  if (result.ok) return donePage(hd.locale, texts, signed.requestId, decision.effect);
  const refusal: SatisfactionRefusal = result.problem ? 'notAnswered' : 'busy';
  const withdrawn = withScriptLock(LOCK_WAIT_MS, () => withdraw(hd, signed.requestId, signed.vote, result.message));
  if (!withdrawn.done)
    console.error(`satisfaction vote: ${signed.requestId}: the refused vote could not be taken back`);
  return refusalOf(hd, refusal);
}

/** Under the lock: the row read again, the decision, the «Оценка» cell claimed and the audit row. */
function claim(hd: Helpdesk, requestId: string, vote: Vote): VoteDecision {
  const found = findRequest(hd, requestId);
  const decision = decideVote(found && ratedRequestOf(found.cells), vote);
  if (!decision.ok || !found) return decision;
  const label = hd.msgs.choices.satisfaction[vote];
  // A value typed into the cell since the read (people do not take the lock) wins: one vote per request.
  if (!claimVote(hd.table('requests'), found.row, label)) return { ok: false, refusal: 'alreadyRated' };
  const texts = satisfactionTextsFor(hd.locale);
  appendAudit(
    hd.table('audit', true),
    [
      {
        at: new Date(),
        requestId,
        action: texts.audit.action,
        columnKey: 'satisfaction',
        actor: requesterLabel(hd),
        before: '',
        after: label,
        note: texts.audit.note,
      },
    ],
    hd.labels(),
  );
  return decision;
}

/** Under the lock: the claimed cell blanked again (the row found anew: people may have sorted the log). */
function withdraw(hd: Helpdesk, requestId: string, vote: Vote, reason: string): void {
  const found = findRequest(hd, requestId);
  const label = hd.msgs.choices.satisfaction[vote];
  if (!found || !withdrawVote(hd.table('requests'), found.row, label)) return;
  appendAudit(
    hd.table('audit', true),
    [
      {
        at: new Date(),
        requestId,
        action: format(satisfactionTextsFor(hd.locale).audit.withdrawn, { reason }),
        columnKey: 'satisfaction',
        actor: requesterLabel(hd),
        before: label,
        after: '',
      },
    ],
    hd.labels(),
  );
}

function requesterLabel(hd: Helpdesk): string {
  return workflowTexts[hd.locale].actors.requester;
}

function isOwnerRun(): boolean {
  const owner = readOwner().toLowerCase();
  return owner !== '' && effectiveUserEmail().toLowerCase() === owner;
}
