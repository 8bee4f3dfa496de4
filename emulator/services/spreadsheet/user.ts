/** The User objects the spreadsheet service hands out (owner, editors, protection editors). */
import { type Execution, GasObject, unwrap } from '../../runtime';

export class UserImpl extends GasObject {
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

  override toString(): string {
    return this._email;
  }
}

/** An e-mail address from a string or a User the script passes (ours or any facade with getEmail). */
export function emailOf(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value !== null && typeof value === 'object') {
    const host = unwrap(value) as { _email?: unknown; getEmail?: unknown };
    if (typeof host._email === 'string') return host._email;
    if (typeof host.getEmail === 'function') return String((host.getEmail as () => unknown).call(host));
  }
  return String(value);
}
