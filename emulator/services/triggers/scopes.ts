/**
 * Which OAuth scopes each user has granted the script (guides/scopes, granular consent): by default every
 * scope the manifest lists (or, without an explicit `oauthScopes` list, every scope the code needs, as
 * Apps Script detects them). Tests can narrow one user's grant to model granular consent.
 */
import type { Runtime } from '../../runtime';

export const SCOPES = {
  scriptApp: 'https://www.googleapis.com/auth/script.scriptapp',
  userEmail: 'https://www.googleapis.com/auth/userinfo.email',
} as const;

class ScopeGrants {
  readonly byUser = new Map<string, Set<string>>();
}

function grants(rt: Runtime): ScopeGrants {
  return rt.store('auth.scopes', () => new ScopeGrants());
}

/** The manifest's explicit scope list, or undefined when Apps Script detects scopes from the code. */
export function manifestScopes(rt: Runtime): string[] | undefined {
  const list = rt.manifest.oauthScopes;
  return Array.isArray(list) ? list.map(String) : undefined;
}

/** Has `user` granted `scope` to this script? */
export function hasScope(rt: Runtime, user: string, scope: string): boolean {
  const declared = manifestScopes(rt);
  if (declared && !declared.includes(scope)) return false;
  const own = grants(rt).byUser.get(user.toLowerCase());
  return own ? own.has(scope) : true;
}

/** Test hook: what `user` consented to (granular consent); `undefined` restores the default (everything declared). */
export function setGrantedScopes(rt: Runtime, user: string, scopes: readonly string[] | undefined): void {
  const map = grants(rt).byUser;
  if (scopes === undefined) map.delete(user.toLowerCase());
  else map.set(user.toLowerCase(), new Set(scopes));
}
