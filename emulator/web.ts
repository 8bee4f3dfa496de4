/**
 * The script as a web app (guides/web) and the calls a served page makes with google.script.run
 * (guides/html/communication). Test-facing: `webRequest`, `scriptRun`, `webAppUrl`.
 */
import {
  CONSUMER_DOMAINS,
  type Execution,
  type ExecutionSpec,
  GasObject,
  identityVisible,
  type Outcome,
  type Runtime,
  unwrap,
} from './runtime';
import { isDate } from './realm';
import { CONTENT_MIME_TYPES, htmlPageOf, TextOutputImpl } from './services/html';
import { deploymentUrl } from './services/script-app';

export type WebAppAccess = 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
export type WebAppExecuteAs = 'USER_DEPLOYING' | 'USER_ACCESSING';

export interface WebRequest {
  method: 'GET' | 'POST';
  /** Query parameters; a repeated key has several values. */
  parameters?: Record<string, string | string[]>;
  /** The raw query string (built from `parameters` when omitted). */
  queryString?: string;
  /** The URL path after /exec, e.g. 'hello' for .../exec/hello. */
  pathInfo?: string;
  postBody?: string;
  /** The POST body's type; form posts are application/x-www-form-urlencoded (the default). */
  contentType?: string;
  /** The signed-in Google account of the visitor, or '' (the default) for an anonymous visitor. */
  visitor?: string;
}

export interface WebResponse {
  status: number;
  kind: 'html' | 'text';
  body: string;
  /** The page title (HtmlOutput.setTitle), '' otherwise. */
  title: string;
  /** The Content-Type served. */
  mimeType: string;
  xFrameOptions: 'ALLOWALL' | 'DEFAULT';
  /** A TextOutput served for download (downloadAsFile), else null. */
  fileName: string | null;
  /** Google's "This application was created by another user" banner above the page. */
  banner: boolean;
  /** Where a 302 sends the browser (the sign-in wall). */
  location?: string;
  /** The doGet/doPost execution, when one ran. */
  outcome?: Outcome;
}

/**
 * The deployment's /exec URL that requests come to, the one ScriptApp.getService().getUrl() reports once the
 * manifest has a webapp block (services/script-app.ts: one definition for both).
 */
export function webAppUrl(rt: Runtime): string {
  return deploymentUrl(rt);
}

interface WebAppConfig {
  access: WebAppAccess;
  executeAs: WebAppExecuteAs;
}

/** The manifest's `webapp` section (manifest/web-app-api-executable); undefined when not deployed as one. */
function webAppConfig(rt: Runtime): WebAppConfig | undefined {
  const webapp = rt.manifest.webapp;
  if (typeof webapp !== 'object' || webapp === null) return undefined;
  const { access, executeAs } = webapp as { access?: unknown; executeAs?: unknown };
  // The deployment dialog's defaults: "Execute as: Me", "Who has access: Only myself".
  return {
    access: (['MYSELF', 'DOMAIN', 'ANYONE', 'ANYONE_ANONYMOUS'].includes(String(access))
      ? access
      : 'MYSELF') as WebAppAccess,
    executeAs: (executeAs === 'USER_ACCESSING' ? 'USER_ACCESSING' : 'USER_DEPLOYING') as WebAppExecuteAs,
  };
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function page(status: number, body: string, extra: Partial<WebResponse> = {}): WebResponse {
  return {
    status,
    kind: 'html',
    body,
    title: '',
    mimeType: 'text/html',
    xFrameOptions: 'DEFAULT',
    fileName: null,
    banner: false,
    ...extra,
  };
}

/** Google's gate in front of the script: a response when the visitor may not run it, else undefined. */
function accessGate(rt: Runtime, app: WebAppConfig, visitor: string): WebResponse | undefined {
  const anonymousAllowed = app.access === 'ANYONE_ANONYMOUS' && app.executeAs === 'USER_DEPLOYING';
  if (!visitor && !anonymousAllowed) {
    // The sign-in wall: Google redirects the browser to its login page before any script code runs.
    return page(302, '', {
      title: 'Sign in - Google Accounts',
      location: `https://accounts.google.com/ServiceLogin?continue=${encodeURIComponent(webAppUrl(rt))}`,
    });
  }
  const owner = rt.owner.toLowerCase();
  const who = visitor.toLowerCase();
  const allowed =
    app.access === 'MYSELF'
      ? who === owner
      : app.access === 'DOMAIN'
        ? who === owner || (domainOf(who) === domainOf(owner) && !CONSUMER_DOMAINS.has(domainOf(owner)))
        : true;
  if (!allowed) return page(403, 'You need access', { title: 'Google Drive - You need access' });
  return undefined;
}

function specFor(rt: Runtime, app: WebAppConfig, visitor: string): ExecutionSpec {
  // guides/web#permissions: executing as the deployer runs with the owner's authority for everyone.
  return app.executeAs === 'USER_ACCESSING'
    ? { kind: 'web-app', effectiveUser: visitor, actingUser: visitor }
    : { kind: 'web-app', effectiveUser: rt.owner, actingUser: visitor };
}

function parseForm(text: string): Array<[string, string]> {
  const decode = (s: string) => {
    const plus = s.replace(/\+/g, ' ');
    try {
      return decodeURIComponent(plus);
    } catch {
      return plus;
    }
  };
  return text
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq < 0 ? [decode(pair), ''] : [decode(pair.slice(0, eq)), decode(pair.slice(eq + 1))];
    });
}

function pairsOf(parameters: Record<string, string | string[]>): Array<[string, string]> {
  return Object.entries(parameters).flatMap(([k, v]) =>
    (Array.isArray(v) ? v : [v]).map((one): [string, string] => [k, String(one)]),
  );
}

/** The event object of doGet(e) / doPost(e) (guides/web#request_parameters), as plain JSON data. */
export function webEvent(req: WebRequest): Record<string, unknown> {
  const query = req.parameters ? pairsOf(req.parameters) : parseForm(req.queryString ?? '');
  const queryString =
    req.queryString ??
    (query.length ? query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&') : null);
  const pairs = [...query];
  const e: Record<string, unknown> = { queryString, parameter: {}, parameters: {}, contextPath: '', contentLength: -1 };
  if (req.pathInfo !== undefined) e.pathInfo = req.pathInfo.replace(/^\/+/, '');
  if (req.method === 'POST') {
    const contents = req.postBody ?? '';
    const type = req.contentType ?? 'application/x-www-form-urlencoded';
    const length = Buffer.byteLength(contents, 'utf8');
    e.contentLength = length;
    e.postData = { contents, length, type, name: 'postData' };
    // A form-encoded body fills e.parameter(s) too, after the query's values.
    if (type.toLowerCase().startsWith('application/x-www-form-urlencoded')) pairs.push(...parseForm(contents));
  }
  const parameter: Record<string, string> = {};
  const parameters: Record<string, string[]> = {};
  for (const [k, v] of pairs) {
    if (!(k in parameters)) {
      parameters[k] = [];
      parameter[k] = v;
    }
    parameters[k].push(v);
  }
  e.parameter = parameter;
  e.parameters = parameters;
  return e;
}

/** Host JSON data rebuilt from objects and arrays of the script's realm. */
function toRealm(exec: Execution, data: unknown): unknown {
  return (exec.realm.global.JSON as JSON).parse(JSON.stringify(data) ?? 'null');
}

const NOT_FOUND_PREFIX = 'Script function not found: ';

/** A GET or POST to the web app: Google's access gate, then doGet(e)/doPost(e) and what it returned. */
export function webRequest(rt: Runtime, req: WebRequest): WebResponse {
  const app = webAppConfig(rt);
  if (!app)
    return page(404, 'Sorry, unable to open the file at this time.', { title: 'Google Drive - Page Not Found' });
  const visitor = req.visitor ?? '';
  const blocked = accessGate(rt, app, visitor);
  if (blocked) return blocked;
  const banner = !identityVisible(visitor, rt.owner);
  const event = webEvent(req);
  const fn = req.method === 'POST' ? 'doPost' : 'doGet';
  const outcome = rt.execute(fn, (exec) => [toRealm(exec, event)], specFor(rt, app, visitor));
  if (!outcome.ok) {
    const error = outcome.error;
    const message = error ? error.message : 'failed';
    // Apps Script answers with an error page naming the error; the statuses are this emulator's choice.
    if (message === `${NOT_FOUND_PREFIX}${fn}`) return page(404, message, { title: 'Error', banner, outcome });
    return page(500, error ? `${error.name}: ${error.message}` : message, { title: 'Error', banner, outcome });
  }
  const value = outcome.value;
  // guides/web: doGet/doPost must return an HtmlOutput or a TextOutput.
  if (value === undefined) return page(200, 'The script completed but did not return anything.', { banner, outcome });
  const host = typeof value === 'object' && value !== null ? unwrap(value) : undefined;
  const html = htmlPageOf(value);
  if (html) return page(200, html.content, { title: html.title, xFrameOptions: html.xFrameOptions, banner, outcome });
  if (host instanceof TextOutputImpl) {
    // Text is served as it is, without Google's page frame or banner.
    return {
      status: 200,
      kind: 'text',
      body: host._content,
      title: '',
      mimeType: CONTENT_MIME_TYPES[host._mimeType] ?? 'text/plain',
      xFrameOptions: 'DEFAULT',
      fileName: host._fileName,
      banner: false,
      outcome,
    };
  }
  return page(200, 'The script completed but the returned value is not a supported return type.', { banner, outcome });
}

export interface ScriptRunOptions {
  /** The page that calls: a web app page, or a sidebar or dialog opened in the spreadsheet. */
  from: 'web-app' | 'sidebar' | 'dialog';
  /** The person at the browser; '' for an anonymous web app visitor. Default: '' for a web app, the owner otherwise. */
  user?: string;
}

export interface ScriptRunResult<T = unknown> {
  /** True when the success handler would run. */
  ok: boolean;
  /** What the success handler receives (after Apps Script's serialisation). */
  value?: T;
  /** What the failure handler receives, or the client-side error thrown before any request. */
  error?: Error;
  outcome?: Outcome;
}

class ClientError extends Error {}

/**
 * The browser side of google.script.run (guides/html/communication#parameters_and_return_values): legal
 * values are primitives and plain objects and arrays of them; a Date, function or other object fails
 * "in property <key>", circular data fails, keys ending in "__" are dropped, the rest goes through JSON.
 */
function clientValue(value: unknown, key: string, seen: Set<object>): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number')
    return value;
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || isDate(value))
    throw new ClientError(`Failed due to illegal value in property: ${key}`);
  if (seen.has(value)) throw new ClientError('Failed due to circular reference.');
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((v, i) => clientValue(v, String(i), seen));
    const proto = Object.getPrototypeOf(value);
    if (proto !== null && Object.getPrototypeOf(proto) !== null)
      throw new ClientError(`Failed due to illegal value in property: ${key}`);
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!k.endsWith('__')) copy[k] = clientValue(v, k, seen);
    return copy;
  } finally {
    seen.delete(value);
  }
}

/** A Date (or an Apps Script object) anywhere in a return value: the success handler then gets null. */
function hasIllegalReturn(value: unknown, seen: Set<object>): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (isDate(value) || unwrap(value) instanceof GasObject) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((v) => hasIllegalReturn(v, seen));
}

const publicFunctionCache = new WeakMap<Runtime, Set<string> | null>();

/** The names google.script.run offers the page: top-level names of the bundle not ending in "_". */
function publicFunctions(rt: Runtime): Set<string> | null {
  if (!publicFunctionCache.has(rt)) {
    let names: Set<string> | null;
    try {
      names = new Set(rt.bundleGlobals().filter((n) => !n.endsWith('_')));
    } catch {
      names = null; // the bundle does not load in a bare realm: let the server report the missing function
    }
    publicFunctionCache.set(rt, names);
  }
  return publicFunctionCache.get(rt) ?? null;
}

/**
 * `google.script.run.withSuccessHandler(...).withFailureHandler(...)[fnName](...args)` from a served page.
 * From a web app page the call runs as the web app runs (as the deployer, the visitor only acting, when it
 * executes as USER_DEPLOYING); from a sidebar or dialog it runs as the person who clicks.
 */
export function scriptRun<T = unknown>(
  rt: Runtime,
  fnName: string,
  args: unknown[],
  options: ScriptRunOptions,
): ScriptRunResult<T> {
  // guides/html/communication#private_functions: names ending in "_" are not offered to the page at all.
  const offered = publicFunctions(rt);
  if (fnName.endsWith('_') || (offered && !offered.has(fnName))) {
    return { ok: false, error: new TypeError(`google.script.run.${fnName} is not a function`) };
  }
  let payload: unknown;
  try {
    payload = args.map((a, i) => clientValue(a, String(i), new Set()));
  } catch (e) {
    if (e instanceof ClientError) return { ok: false, error: new Error(e.message) };
    throw e;
  }
  let spec: ExecutionSpec;
  if (options.from === 'web-app') {
    const app = webAppConfig(rt);
    if (!app) return { ok: false, error: new Error('Sorry, unable to open the file at this time.') };
    const user = options.user ?? '';
    const blocked = accessGate(rt, app, user);
    if (blocked)
      return {
        ok: false,
        error: new Error(blocked.status === 302 ? 'Authorization is required to perform that action.' : blocked.body),
      };
    spec = specFor(rt, app, user);
  } else {
    const user = options.user ?? rt.owner;
    spec = { kind: 'script-run', effectiveUser: user, actingUser: user };
  }
  const outcome = rt.execute(fnName, (exec) => toRealm(exec, payload) as unknown[], spec);
  if (!outcome.ok) {
    const error = new Error(outcome.error?.message ?? 'failed');
    error.name = outcome.error?.name ?? 'Error';
    return { ok: false, error, outcome };
  }
  const returned = outcome.value;
  if (hasIllegalReturn(returned, new Set())) return { ok: true, value: null as T, outcome };
  let json: string | undefined;
  try {
    json = JSON.stringify(returned);
  } catch (e) {
    return { ok: false, error: new Error(e instanceof Error ? e.message : String(e)), outcome };
  }
  return { ok: true, value: (json === undefined ? null : JSON.parse(json)) as T, outcome };
}
