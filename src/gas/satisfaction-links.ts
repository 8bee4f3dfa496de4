/**
 * «Помогло / Не помогло» links in the answer e-mail: `<web app>?feedback=<token>`, the token signed with a secret
 * the script keeps in its properties, so nobody can rate a request they were not sent. The link only opens a
 * confirmation page (mail scanners prefetch links); the vote is the page's POST.
 */
export type Vote = 'helped' | 'notHelped';

const SECRET = 'helpdesk.satisfactionSecret';
const VOTE_CODES: Record<Vote, string> = { helped: 'h', notHelped: 'n' };

/** The signing secret; a reader never creates it (a GET of a link must write nothing). */
function secret(create = true): string | undefined {
  const props = PropertiesService.getScriptProperties();
  let value = props.getProperty(SECRET) ?? undefined;
  if (!value && create) {
    // Two UUIDs: 244 random bits; created once, on the first answer that carries links.
    value = `${Utilities.getUuid()}${Utilities.getUuid()}`;
    props.setProperty(SECRET, value);
  }
  return value;
}

function signature(payload: string, key: string): string {
  const bytes = Utilities.computeHmacSha256Signature(payload, key, Utilities.Charset.UTF_8);
  return Utilities.base64EncodeWebSafe(bytes).replace(/=+$/, '');
}

export function satisfactionToken(requestId: string, vote: Vote): string {
  const payload = `${requestId}.${VOTE_CODES[vote]}`;
  return `${payload}.${signature(payload, secret() as string)}`;
}

/** The confirmation-page links of a request; undefined while the web app is not deployed. */
export function satisfactionLinks(requestId: string): { helped: string; notHelped: string } | undefined {
  const url = ScriptApp.getService().getUrl();
  if (!url) return undefined;
  const link = (vote: Vote) => `${url}?feedback=${encodeURIComponent(satisfactionToken(requestId, vote))}`;
  return { helped: link('helped'), notHelped: link('notHelped') };
}

/** The request and the vote of a genuine token; undefined for anything forged, altered or malformed. */
export function readSatisfactionToken(token: unknown): { requestId: string; vote: Vote } | undefined {
  if (typeof token !== 'string' || token.length > 200) return undefined;
  const match = /^(.+)\.([hn])\.([A-Za-z0-9_-]+)$/.exec(token.trim());
  if (!match) return undefined;
  const [, requestId, code, given] = match;
  const key = secret(false);
  if (key === undefined || !sameText(signature(`${requestId}.${code}`, key), given)) return undefined;
  return { requestId, vote: code === 'h' ? 'helped' : 'notHelped' };
}

/** Compares without stopping at the first difference, so the time taken says nothing about the signature. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
