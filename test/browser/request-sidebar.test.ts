// The request sidebar's page in Debian's headless Chromium, 300 px wide as Google Sheets shows a sidebar, with its
// own JavaScript running: google.script.run is bridged to the embedded runtime (emulator/web.ts scriptRun, as the
// consultant), so every button runs the real server function. Checks what a person sees and that nothing typed
// is lost when a call is refused or fails. A screenshot goes to out/screenshots/request-sidebar.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { scriptRun } from '../../emulator/web';
import { ru as sidebarRu } from '../../src/locale/sidebar';
import { ru } from '../../src/locale/ru';
import {
  CANNED_ANSWER,
  CONSULTANT,
  DIRECTOR,
  OWNER,
  openSidebar,
  registerCall,
  sidebarWorkbook,
} from '../gas/request-sidebar.workbook';
import { describeInBrowser, LAUNCH_TIMEOUT_MS, launchChromium } from './chromium';

jest.setTimeout(60_000);

const T = sidebarRu;
const SHOTS = path.join(__dirname, '../../out/screenshots');
const HOSTILE = 'Не видно оценок </script><script>alert("x")</script> <img src=x onerror="window.__pwned=1">';

/**
 * google.script.run as the page sees it (guides/html/reference/run): chainable with…Handler, any server function
 * name, the handlers called later with the returned value or an Error. The call itself goes to Node.
 */
const GOOGLE_SCRIPT_RUN = `
  (function () {
    function runner(handlers) {
      return new Proxy({}, {
        get: function (_, name) {
          if (name === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, handlers, { ok: f })); };
          if (name === 'withFailureHandler') return function (f) { return runner(Object.assign({}, handlers, { fail: f })); };
          if (name === 'withUserObject') return function (o) { return runner(Object.assign({}, handlers, { user: o })); };
          return function () {
            var args = Array.prototype.slice.call(arguments);
            window.__scriptRun(String(name), args).then(function (r) {
              if (r.ok) { if (handlers.ok) handlers.ok(r.value, handlers.user); }
              else if (handlers.fail) handlers.fail(new Error(r.error), handlers.user);
            });
          };
        }
      });
    }
    window.google = { script: { run: runner({}), host: { close: function () {} } } };
  })();
`;

interface Sidebar {
  page: Page;
  /** Console errors, uncaught errors and dialogs the page raised. */
  errors: string[];
  /** Server functions the page called, in order. */
  calls: string[];
}

describeInBrowser('request sidebar in Chromium', () => {
  let browser: Browser;
  let rt: Runtime;
  let id: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    rt = sidebarWorkbook();
    id = registerCall(rt, 'browser', HOSTILE);
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, LAUNCH_TIMEOUT_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  async function open(who: string): Promise<Sidebar> {
    const html = openSidebar(rt, who, 'A3')?.html;
    expect(html).toBeDefined();
    const context = await browser.newContext({ viewport: { width: 300, height: 900 }, locale: 'ru-RU' });
    contexts.push(context);
    // The sidebar loads nothing from anywhere: every request is refused and recorded as an error.
    const errors: string[] = [];
    await context.route('**/*', async (route) => {
      errors.push(`request: ${route.request().url()}`);
      await route.abort('blockedbyclient');
    });
    const calls: string[] = [];
    await context.exposeFunction('__scriptRun', (fn: string, args: unknown[]) => {
      calls.push(fn);
      const r = scriptRun(rt, fn, args, { from: 'sidebar', user: who });
      return { ok: r.ok, value: r.value, error: r.error?.message };
    });
    await context.addInitScript(GOOGLE_SCRIPT_RUN);
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', async (d) => {
      errors.push(`dialog: ${d.message()}`);
      await d.dismiss();
    });
    await page.setContent(html ?? '');
    return { page, errors, calls };
  }

  const field = (page: Page, label: string) =>
    page.locator('#fields dt', { hasText: label }).locator('xpath=following-sibling::dd[1]').textContent();
  const message = (page: Page) => page.locator('#message').textContent();
  const quickButtons = (page: Page) => page.locator('#quick button').allTextContents();
  /** Waits for the call in flight to come back (the buttons are disabled while it runs). */
  const settled = (page: Page) => page.waitForFunction('!document.querySelector("button[disabled]")');

  it('shows the request as text, only the allowed steps, and runs nothing a requester typed', async () => {
    const { page, errors } = await open(CONSULTANT);
    expect(await field(page, T.fields.id)).toBe(id);
    expect(await field(page, T.fields.status)).toBe(ru.choices.status.new);
    expect(await page.locator('#description').textContent()).toBe(HOSTILE);
    expect(await page.locator('#history li').first().textContent()).toContain(ru.audit.registered);
    expect(await quickButtons(page)).toEqual([T.actions.buttons.take]);
    for (const kind of ['answer', 'clarify', 'escalate', 'reject', 'endForEtiquette']) {
      expect(await page.locator(`details[data-kind="${kind}"]`).isVisible()).toBe(true);
    }
    expect(await page.locator('#assign').isVisible()).toBe(true);
    // The description's markup stayed text: no element, no script ran, no dialog opened.
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'request-sidebar.png'), fullPage: true });
  });

  it('inserts a canned answer and previews the e-mail the requester will get', async () => {
    const { page, errors } = await open(CONSULTANT);
    await page.getByRole('button', { name: T.knowledge.insert }).click();
    expect(await page.locator('#answer').inputValue()).toBe(CANNED_ANSWER);
    await page.locator('#answer').fill(`${CANNED_ANSWER}\nЕсли не видно — напишите нам.`);
    await page.getByRole('button', { name: T.actions.preview }).click();
    await settled(page);
    expect(await page.locator('#preview').isVisible()).toBe(true);
    expect(await page.locator('#preview-subject').textContent()).toBe(`Ответ на обращение ${id}`);
    expect(await page.locator('#preview-text').textContent()).toContain('Если не видно — напишите нам.');
    expect(errors).toEqual([]);
  });

  it('keeps the typed answer when the request moved on meanwhile, then sends it', async () => {
    const { page, errors, calls } = await open(CONSULTANT);
    const answer = 'Проверьте привязку ребёнка к учётной записи.\nЗатем обновите дневник.';
    await page.locator('#answer').fill(answer);
    // The director takes the request into work while the consultant's sidebar still shows «Новое».
    const taken = scriptRun(rt, 'sidebarSetStatus', [{ requestId: id, expected: 'new', to: 'inProgress' }], {
      from: 'sidebar',
      user: DIRECTOR,
    });
    expect(taken.ok).toBe(true);
    await page.getByRole('button', { name: T.actions.submit.answer }).click();
    await settled(page);
    expect(await message(page)).toContain('статус обращения изменился: теперь «В работе»');
    expect(await page.locator('#answer').inputValue()).toBe(answer);
    expect(await field(page, T.fields.status)).toBe(ru.choices.status.inProgress);
    expect(await quickButtons(page)).toEqual([]);

    await page.getByRole('button', { name: T.actions.submit.answer }).click();
    await settled(page);
    expect(await message(page)).toContain(`обращение ${id} — «Дан ответ»`);
    expect(await field(page, T.fields.status)).toBe(ru.choices.status.answered);
    expect(await page.locator('details[data-kind="answer"]').isVisible()).toBe(false);
    expect(await quickButtons(page)).toEqual([T.actions.buttons.reopen, T.actions.buttons.close]);
    expect(calls).toEqual(['sidebarAnswer', 'sidebarAnswer']);
    expect(errors).toEqual([]);
  });

  it('keeps the typed reason when the call itself fails (the caller lost the role), and says why', async () => {
    const { page, errors } = await open(CONSULTANT);
    const reason = 'Грубые выражения в письме от 02.09';
    await page.locator('details[data-kind="endForEtiquette"] > summary').click();
    await page.locator('#etiquette-reason').fill(reason);
    // The school takes the consultant off «Сотрудники» while the sidebar is open.
    expect(person(rt, OWNER).edit(ru.sheets.staff, 'C3', '').refused).toBeUndefined();
    await page.getByRole('button', { name: T.actions.submit.endForEtiquette }).click();
    await settled(page);
    const shown = await message(page);
    expect(shown).toContain('Не удалось выполнить действие:');
    expect(shown).toContain('Действие доступно только сотрудникам');
    expect(await page.locator('#etiquette-reason').inputValue()).toBe(reason);
    expect(await page.locator('#message').getAttribute('class')).toBe('error');
    expect(errors).toEqual([]);
  });
});
