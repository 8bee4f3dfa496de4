// The schedule's sidebar (issue 7 part 3: single-event approval) in Debian's headless Chromium, 300 px wide as
// Google Sheets shows a sidebar, with its own JavaScript running: google.script.run is bridged to the embedded
// runtime (emulator/web.ts scriptRun, as the person who opened it), so the buttons run the real server
// functions. A screenshot goes to out/screenshots/schedule-sidebar.png.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';
import { htmlPageOf } from '../../emulator/services/html';
import { setActiveSelection, uiEvents } from '../../emulator/services/spreadsheet/index';
import { scriptRun } from '../../emulator/web';
import { ru } from '../../src/locale/ru';
import { ru as sched } from '../../src/locale/schedule';
import { CONSULTANT, column, DIRECTOR, events, letter, menu, workbook } from '../gas/schedule-workflow.workbook';
import { setSetting } from '../helpers/settings';
import { describeInBrowser, LAUNCH_TIMEOUT_MS, launchChromium } from './chromium';

jest.setTimeout(60_000);

const SHOTS = path.join(__dirname, '../../out/screenshots');
const HOSTILE = '</script><script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';

/** google.script.run as the page sees it (guides/html/reference/run): chainable handlers, any function name. */
const GOOGLE_SCRIPT_RUN = `
  (function () {
    function runner(handlers) {
      return new Proxy({}, {
        get: function (_, name) {
          if (name === 'withSuccessHandler') return function (f) { return runner(Object.assign({}, handlers, { ok: f })); };
          if (name === 'withFailureHandler') return function (f) { return runner(Object.assign({}, handlers, { fail: f })); };
          return function () {
            var args = Array.prototype.slice.call(arguments);
            window.__scriptRun(String(name), args).then(function (r) {
              if (r.ok) { if (handlers.ok) handlers.ok(r.value); }
              else if (handlers.fail) handlers.fail(new Error(r.error));
            });
          };
        }
      });
    }
    window.google = { script: { run: runner({}), host: { close: function () {} } } };
  })();
`;

describeInBrowser('schedule sidebar in Chromium', () => {
  let browser: Browser;
  let rt: Runtime;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    rt = workbook();
    setSetting(rt, 'director.email', DIRECTOR);
    rt.runAsOwner('rerunSetup');
    expect(menu(rt, CONSULTANT, 'fillOfficeHours', { button: 'OK', text: '10.2026' }).last).toContain('22');
    const notes = letter(column(rt, 'schedule', 'notes'));
    expect(person(rt, CONSULTANT).edit(ru.sheets.schedule, `${notes}3`, HOSTILE).refused).toBeUndefined();
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, LAUNCH_TIMEOUT_MS);

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
  });

  async function open(who: string, a1: string): Promise<{ page: Page; errors: string[]; calls: string[] }> {
    setActiveSelection(rt, who, ru.sheets.schedule, a1);
    expect(person(rt, who).run('showScheduleSidebar').error).toBeUndefined();
    const html = htmlPageOf(uiEvents(rt, 'sidebar').at(-1)?.html)?.content ?? '';
    const context = await browser.newContext({ viewport: { width: 300, height: 800 }, locale: 'ru-RU' });
    contexts.push(context);
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
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.setContent(html);
    return { page, errors, calls };
  }

  const settled = (page: Page) => page.waitForFunction('!document.querySelector("button[disabled]")');
  const cell = (page: Page, label: string) =>
    page.locator('td.label', { hasText: label }).locator('xpath=following-sibling::td[1]').textContent();

  it('the director sees the event as text and approves exactly it', async () => {
    const { page, errors, calls } = await open(DIRECTOR, 'B3');
    expect(await page.locator('h2').textContent()).toBe('Строка 3');
    expect(await cell(page, 'Дата')).toBe('01.10.2026');
    expect(await cell(page, 'Вид')).toBe('Приёмные часы');
    expect(await cell(page, ru.columns.schedule.notes)).toBe(HOSTILE);
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    expect(await page.locator('.status').textContent()).toBe(sched.sidebar.awaiting);
    await page.screenshot({ path: path.join(SHOTS, 'schedule-sidebar.png'), fullPage: true });
    await page.locator('#approve').click();
    await page.waitForFunction('document.querySelector(".status.approved") !== null');
    await settled(page);
    expect(await page.locator('#message').textContent()).toBe('Событие в строке 3 утверждено.');
    expect(await page.locator('.status').textContent()).toMatch(/^Утверждено: petrov@school59\.ru, 10\.09\.2026/);
    expect(await page.locator('#approve').isVisible()).toBe(false);
    expect(calls).toEqual(['approveScheduleEvent', 'scheduleSidebarView']);
    expect(events(rt).find((e) => e.row === 3)?.approvedBy).toBe(DIRECTOR);
    expect(errors).toEqual([]);
  });

  it('«Обновить» shows the row selected now', async () => {
    const { page, errors } = await open(DIRECTOR, 'A3');
    setActiveSelection(rt, DIRECTOR, ru.sheets.schedule, 'C4');
    await page.locator('#refresh').click();
    await page.waitForFunction('document.querySelector("h2").textContent === "Строка 4"');
    expect(await cell(page, 'Дата')).toBe('02.10.2026');
    expect(await page.locator('#approve').isVisible()).toBe(true);
    setActiveSelection(rt, DIRECTOR, ru.sheets.staff, 'A3');
    await page.locator('#refresh').click();
    await page.waitForFunction(
      `document.querySelector("#view p")?.textContent === ${JSON.stringify(sched.sidebar.notSchedule)}`,
    );
    expect(await page.locator('#approve').isVisible()).toBe(false);
    expect(errors).toEqual([]);
  });

  it('the consultant sees the event but no approve button', async () => {
    const { page, errors } = await open(CONSULTANT, 'A5');
    expect(await page.locator('h2').textContent()).toBe('Строка 5');
    expect(await page.locator('#approve').isVisible()).toBe(false);
    expect(await page.locator('#view').textContent()).toContain(sched.sidebar.onlyDirector);
    expect(errors).toEqual([]);
  });
});
