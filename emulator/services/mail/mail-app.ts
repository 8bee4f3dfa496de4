/**
 * MailApp (reference/mail/mail-app): sending only, over the same mailboxes and the same per-account
 * recipient quota as GmailApp (guides/services/quotas). Needs the script.send_mail scope.
 */
import { GasObject } from '../../runtime';
import { optString, outgoingFrom, readAttachments, readOptions, requireStrings, signatureError } from './gmail';
import { ERRORS, type OutgoingMail, SEND_MAIL_SCOPE, storeOf } from './store';

export class MailAppImpl extends GasObject {
  readonly _gasClass = 'MailApp';

  private _auth(method: string): void {
    if (this._exec.authMode !== 'FULL') throw new Error(ERRORS.permission(`MailApp.${method}`, SEND_MAIL_SCOPE));
  }

  /** reference/mail/mail-app#getremainingdailyquota */
  getRemainingDailyQuota(): number {
    this._auth('getRemainingDailyQuota');
    return storeOf(this._exec).remainingQuota(this._exec.effectiveUser);
  }

  /**
   * sendEmail(message) | sendEmail(recipient, subject, body[, options]) | sendEmail(to, replyTo, subject, body).
   * Returns nothing, like Apps Script.
   */
  sendEmail(...args: unknown[]): void {
    this._auth('sendEmail');
    const method = 'MailApp.sendEmail';
    let mail: OutgoingMail;
    if (args.length === 1 || (args.length > 1 && args.slice(1).every((a) => a === undefined))) {
      const o = readOptions(method, args, args[0]);
      if (args[0] === undefined || args[0] === null) throw signatureError(method, args);
      mail = {
        to: optString(o, 'to') ?? '',
        cc: optString(o, 'cc'),
        bcc: optString(o, 'bcc'),
        subject: optString(o, 'subject') ?? '',
        body: optString(o, 'body') ?? '',
        htmlBody: optString(o, 'htmlBody'),
        name: optString(o, 'name'),
        replyTo: optString(o, 'replyTo'),
        noReply: o.noReply === true,
        attachments: readAttachments(o.attachments),
      };
    } else if (typeof args[3] === 'string' || typeof args[3] === 'number') {
      requireStrings(method, args, 4);
      mail = outgoingFrom(args[0], args[2], args[3], { replyTo: args[1] });
    } else {
      requireStrings(method, args, 3);
      mail = outgoingFrom(args[0], args[1], args[2], readOptions(method, args, args[3]));
    }
    storeOf(this._exec).send(this._exec.effectiveUser, mail);
  }
}
