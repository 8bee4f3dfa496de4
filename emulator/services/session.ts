/**
 * Session and User (reference/base/session, reference/base/user). Identity comes from the execution
 * (exec.activeUser applies Apps Script's identity hiding); without the userinfo.email scope every e-mail
 * is blank, as the manifest note in APPS_SCRIPT_FACTS says.
 */
import crypto from 'node:crypto';
import { type Execution, GasObject, registerService, type Runtime } from '../runtime';
import { hasScope, SCOPES } from './triggers/scopes';

/** The locale Session.getActiveUserLocale() reports when a test set none: the school is Russian. */
export const DEFAULT_LOCALE = 'ru';

class Locales {
  readonly byUser = new Map<string, string>();
}

/** Test hook: the language a person's Google account is set to (Session.getActiveUserLocale). */
export function setUserLocale(rt: Runtime, email: string, locale: string): void {
  rt.store('session.locales', () => new Locales()).byUser.set(email.toLowerCase(), locale);
}

class UserImpl extends GasObject {
  readonly _gasClass = 'User';

  constructor(
    exec: Execution,
    readonly _email: string,
  ) {
    super(exec);
  }

  getEmail(): string {
    return this._email;
  }
}

// The temporary active-user key rotates every 30 days (reference/base/session#getTemporaryActiveUserKey).
const KEY_PERIOD_MS = 30 * 86_400_000;

class SessionImpl extends GasObject {
  readonly _gasClass = 'Session';

  _emailVisible(): boolean {
    return hasScope(this._exec.runtime, this._exec.effectiveUser, SCOPES.userEmail);
  }

  getActiveUser(): UserImpl {
    return new UserImpl(this._exec, this._emailVisible() ? this._exec.activeUser : '');
  }

  getEffectiveUser(): UserImpl {
    return new UserImpl(this._exec, this._emailVisible() ? this._exec.effectiveUser : '');
  }

  getActiveUserLocale(): string {
    const who = this._exec.spec.actingUser ?? '';
    if (!who) return '';
    const locales = this._exec.runtime.store('session.locales', () => new Locales());
    return locales.byUser.get(who.toLowerCase()) ?? DEFAULT_LOCALE;
  }

  getScriptTimeZone(): string {
    return this._exec.runtime.timeZone;
  }

  getTemporaryActiveUserKey(): string {
    // Unique to the person and the script without revealing the e-mail, even where getActiveUser() is blank.
    const who = this._exec.spec.actingUser ?? '';
    if (!who) return '';
    const rt = this._exec.runtime;
    const period = Math.floor(rt.clock.now() / KEY_PERIOD_MS);
    return crypto
      .createHash('sha256')
      .update(`${rt.scriptId}|${who.toLowerCase()}|${period}`)
      .digest('base64url')
      .slice(0, 43);
  }
}

registerService({ globals: (exec) => ({ Session: new SessionImpl(exec)._wrapped() }) });
