// The script as a web app (doGet/doPost) and google.script.run calls from its pages.
import { setHtmlFiles } from '../../emulator/services/html';
import { scriptRun, webAppUrl, webRequest } from '../../emulator/web';
import { inlineRuntime, OWNER } from '../helpers/inline-runtime';

type Access = 'MYSELF' | 'DOMAIN' | 'ANYONE' | 'ANYONE_ANONYMOUS';
type ExecuteAs = 'USER_DEPLOYING' | 'USER_ACCESSING';

function webApp(
  code: string,
  access: Access = 'ANYONE_ANONYMOUS',
  executeAs: ExecuteAs = 'USER_DEPLOYING',
  owner = OWNER,
) {
  return inlineRuntime(code, {
    owner,
    manifest: { timeZone: 'Asia/Yekaterinburg', runtimeVersion: 'V8', webapp: { access, executeAs } },
  });
}

const ECHO = `
  function doGet(e) { return ContentService.createTextOutput(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON); }
  function doPost(e) { return ContentService.createTextOutput(JSON.stringify(e)).setMimeType(ContentService.MimeType.JSON); }`;

describe('request parameters (guides/web#request_parameters)', () => {
  test('e.parameter holds the first value of each key, e.parameters all of them', () => {
    const rt = webApp(ECHO);
    const res = webRequest(rt, { method: 'GET', queryString: 'name=alice&n=1&n=2', pathInfo: 'hello' });
    expect(res).toMatchObject({ status: 200, kind: 'text', mimeType: 'application/json' });
    expect(JSON.parse(res.body)).toEqual({
      queryString: 'name=alice&n=1&n=2',
      parameter: { name: 'alice', n: '1' },
      parameters: { name: ['alice'], n: ['1', '2'] },
      pathInfo: 'hello',
      contextPath: '',
      contentLength: -1,
    });
  });

  test('parameters given as values build the query string; no query at all is a null queryString', () => {
    const rt = webApp(ECHO);
    const withParams = JSON.parse(webRequest(rt, { method: 'GET', parameters: { q: 'a b', tag: ['x', 'y'] } }).body);
    expect(withParams.queryString).toBe('q=a%20b&tag=x&tag=y');
    expect(withParams.parameter).toEqual({ q: 'a b', tag: 'x' });
    const bare = JSON.parse(webRequest(rt, { method: 'GET' }).body);
    expect(bare).toEqual({ queryString: null, parameter: {}, parameters: {}, contextPath: '', contentLength: -1 });
  });

  test('a form-encoded POST body fills postData and e.parameter(s); a JSON body only postData', () => {
    const rt = webApp(ECHO);
    const form = JSON.parse(
      webRequest(rt, {
        method: 'POST',
        queryString: 'src=site',
        postBody: 'name=%D0%98%D0%B2%D0%B0%D0%BD&topic=login+issue&src=form',
      }).body,
    );
    expect(form.postData).toEqual({
      contents: 'name=%D0%98%D0%B2%D0%B0%D0%BD&topic=login+issue&src=form',
      length: 56,
      type: 'application/x-www-form-urlencoded',
      name: 'postData',
    });
    expect(form.contentLength).toBe(56);
    expect(form.parameter).toEqual({ src: 'site', name: 'Иван', topic: 'login issue' });
    expect(form.parameters.src).toEqual(['site', 'form']);
    const json = JSON.parse(
      webRequest(rt, { method: 'POST', postBody: '{"a":"ё"}', contentType: 'application/json' }).body,
    );
    expect(json.postData).toEqual({ contents: '{"a":"ё"}', length: 10, type: 'application/json', name: 'postData' });
    expect(json.parameters).toEqual({});
  });
});

describe('what doGet returns (guides/web)', () => {
  test('an HtmlOutput is served with its title and X-Frame-Options mode', () => {
    const rt = webApp(`function doGet() {
      return HtmlService.createTemplateFromFile('Public').evaluate().setTitle('Школа')
        .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
    }`);
    setHtmlFiles(rt, { Public: '<h1><?= "Заявка" ?></h1>' });
    const res = webRequest(rt, { method: 'GET' });
    expect(res).toMatchObject({
      status: 200,
      kind: 'html',
      body: '<h1>Заявка</h1>',
      title: 'Школа',
      xFrameOptions: 'ALLOWALL',
      mimeType: 'text/html',
    });
    expect(
      webRequest(webApp(`function doGet() { return HtmlService.createHtmlOutput('x'); }`), { method: 'GET' })
        .xFrameOptions,
    ).toBe('DEFAULT');
  });

  test("no doGet, nothing returned, or another value: Apps Script's own pages", () => {
    expect(webRequest(webApp('function doPost() {}'), { method: 'GET' }).body).toBe('Script function not found: doGet');
    expect(webRequest(webApp('function doGet() {}'), { method: 'GET' }).body).toBe(
      'The script completed but did not return anything.',
    );
    expect(webRequest(webApp('function doGet() { return "hi"; }'), { method: 'GET' }).body).toBe(
      'The script completed but the returned value is not a supported return type.',
    );
    const failed = webRequest(webApp('function doGet() { throw new Error("boom"); }'), { method: 'GET' });
    expect(failed).toMatchObject({ status: 500, body: 'Error: boom' });
    expect(failed.outcome?.execution.status).toBe('failed');
  });

  test('the URL is the /exec address of the deployment', () => {
    const rt = webApp(ECHO);
    expect(webAppUrl(rt)).toBe(`https://script.google.com/macros/s/AKfycb${rt.scriptId}/exec`);
  });

  // reference/script/service#getUrl: "Returns the URL of the web app, if it has been deployed".
  test('inside doGet, ScriptApp.getService().getUrl() is the URL the request came to (a page links to itself)', () => {
    const rt = webApp(`function doGet() {
      var s = ScriptApp.getService();
      return HtmlService.createHtmlOutput('<a href="' + s.getUrl() + '?view=print">print</a>|' + s.isEnabled());
    }`);
    const res = webRequest(rt, { method: 'GET', visitor: '' });
    expect(res.body).toBe(`<a href="${webAppUrl(rt)}?view=print">print</a>|true`);
    expect(res.outcome?.execution).toMatchObject({ kind: 'web-app', activeUser: '' });
  });
});

describe('who runs it (guides/web#permissions, reference/base/session#getactiveuser)', () => {
  const WHO = `function doGet() { return ContentService.createTextOutput('ok'); }`;

  test("executing as the deployer, an anonymous visitor runs the script with the owner's authority and a blank identity", () => {
    const rt = webApp(WHO, 'ANYONE_ANONYMOUS', 'USER_DEPLOYING');
    const res = webRequest(rt, { method: 'GET', visitor: '' });
    expect(res.outcome?.execution).toMatchObject({ kind: 'web-app', effectiveUser: OWNER, activeUser: '' });
    const outsider = webRequest(rt, { method: 'GET', visitor: 'parent@gmail.com' });
    expect(outsider.outcome?.execution).toMatchObject({ effectiveUser: OWNER, activeUser: '' });
  });

  test('executing as the visitor, the visitor is the effective and the active user', () => {
    const rt = webApp(WHO, 'ANYONE', 'USER_ACCESSING');
    const res = webRequest(rt, { method: 'GET', visitor: 'teacher@gmail.com' });
    expect(res.outcome?.execution).toMatchObject({
      effectiveUser: 'teacher@gmail.com',
      activeUser: 'teacher@gmail.com',
    });
  });

  test('without ANYONE_ANONYMOUS an anonymous visitor meets the sign-in wall and nothing runs', () => {
    const rt = webApp(WHO, 'ANYONE', 'USER_DEPLOYING');
    const res = webRequest(rt, { method: 'GET' });
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^https:\/\/accounts\.google\.com\//);
    expect(res.outcome).toBeUndefined();
    expect(rt.executions).toHaveLength(0);
  });

  test("MYSELF lets only the owner in; DOMAIN only the owner's Workspace domain", () => {
    const mine = webApp(WHO, 'MYSELF');
    expect(webRequest(mine, { method: 'GET', visitor: 'teacher@gmail.com' }).status).toBe(403);
    expect(webRequest(mine, { method: 'GET', visitor: OWNER }).status).toBe(200);
    const domain = webApp(WHO, 'DOMAIN', 'USER_DEPLOYING', 'helpdesk@school.ru');
    expect(webRequest(domain, { method: 'GET', visitor: 'teacher@school.ru' }).status).toBe(200);
    expect(webRequest(domain, { method: 'GET', visitor: 'parent@gmail.com' }).status).toBe(403);
  });

  test('not deployed as a web app: the URL does not open', () => {
    const rt = inlineRuntime(WHO);
    expect(webRequest(rt, { method: 'GET', visitor: OWNER }).status).toBe(404);
  });
});

describe('google.script.run (guides/html/communication)', () => {
  const SERVER = `
    function whoAmI(note) { return { note: note, now: 'x' }; }
    function echo(a, b) { return [a, b]; }
    function secret_() { return 'hidden'; }
    function today() { return new Date(); }
    function nested() { return { when: [new Date()] }; }
    function holes() { return [1, undefined, 3]; }
    function fail() { throw new Error('Нет доступа'); }
    function mutate(o) { o.changed = true; return o; }`;

  test('a function whose name ends in "_" is private: the page cannot call it, and nothing runs', () => {
    const rt = webApp(SERVER);
    const res = scriptRun(rt, 'secret_', [], { from: 'web-app' });
    expect(res.ok).toBe(false);
    expect(res.error?.message).toBe('google.script.run.secret_ is not a function');
    expect(scriptRun(rt, 'noSuchFunction', [], { from: 'sidebar' }).ok).toBe(false);
    expect(rt.executions).toHaveLength(0);
  });

  test('arguments are copies of primitives, plain objects and arrays; a Date or a function fails before the request', () => {
    const rt = webApp(SERVER);
    const arg = { keep: 1, drop__: 2, list: [1, undefined, Number.NaN], nothing: undefined };
    const res = scriptRun(rt, 'mutate', [arg], { from: 'sidebar' });
    expect(res.value).toEqual({ keep: 1, list: [1, null, null], changed: true });
    expect(arg).not.toHaveProperty('changed');
    expect(scriptRun(rt, 'echo', ['a', new Date()], { from: 'sidebar' }).error?.message).toBe(
      'Failed due to illegal value in property: 1',
    );
    expect(scriptRun(rt, 'echo', [{ when: new Date() }], { from: 'sidebar' }).error?.message).toBe(
      'Failed due to illegal value in property: when',
    );
    expect(scriptRun(rt, 'echo', [() => 1], { from: 'sidebar' }).error?.message).toBe(
      'Failed due to illegal value in property: 0',
    );
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(scriptRun(rt, 'echo', [loop], { from: 'sidebar' }).error?.message).toBe('Failed due to circular reference.');
    expect(rt.executions).toHaveLength(1);
  });

  test('a Date anywhere in the return value makes the success handler receive null; undefined in arrays becomes null', () => {
    const rt = webApp(SERVER);
    expect(scriptRun(rt, 'today', [], { from: 'sidebar' })).toMatchObject({ ok: true, value: null });
    expect(scriptRun(rt, 'nested', [], { from: 'sidebar' })).toMatchObject({ ok: true, value: null });
    expect(scriptRun(rt, 'holes', [], { from: 'sidebar' }).value).toEqual([1, null, 3]);
    expect(scriptRun(rt, 'echo', ['a'], { from: 'sidebar' }).value).toEqual(['a', null]);
  });

  test('a server error reaches the failure handler with its message', () => {
    const res = scriptRun(webApp(SERVER), 'fail', [], { from: 'dialog', user: 'teacher@gmail.com' });
    expect(res.ok).toBe(false);
    expect(res.error?.message).toBe('Нет доступа');
  });

  test("from a web app page executing as the deployer: the owner's authority, the anonymous visitor blank", () => {
    const rt = webApp(SERVER, 'ANYONE_ANONYMOUS', 'USER_DEPLOYING');
    const res = scriptRun(rt, 'whoAmI', ['n'], { from: 'web-app', user: '' });
    expect(res.value).toEqual({ note: 'n', now: 'x' });
    expect(res.outcome?.execution).toMatchObject({ kind: 'web-app', effectiveUser: OWNER, activeUser: '' });
  });

  test('from a sidebar: the person who clicks runs it and is visible', () => {
    const rt = webApp(SERVER);
    const res = scriptRun(rt, 'whoAmI', [1], { from: 'sidebar', user: 'teacher@gmail.com' });
    expect(res.outcome?.execution).toMatchObject({
      kind: 'script-run',
      effectiveUser: 'teacher@gmail.com',
      activeUser: 'teacher@gmail.com',
    });
  });

  test('from a web app page an anonymous caller cannot reach a web app that needs sign-in', () => {
    const rt = webApp(SERVER, 'ANYONE', 'USER_DEPLOYING');
    expect(scriptRun(rt, 'whoAmI', [], { from: 'web-app', user: '' }).ok).toBe(false);
    expect(rt.executions).toHaveLength(0);
  });
});
