// The satisfaction pages in Debian's headless Chromium, JavaScript off, as a requester gets them from the answer
// e-mail: the link's GET (doGet → confirmation page) and the form's POST (doPost), both served by the embedded
// runtime (test/gas/satisfaction.workbook.ts). A phone (390 px) by keyboard and touch, and a desktop; screenshots
// go to out/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page, Route } from 'playwright-core';
import type { Runtime } from '../../emulator/index';
import { htmlPageOf } from '../../emulator/services/html';
import { type WebResponse, webAppUrl, webRequest } from '../../emulator/web';
import { escapeHtml } from '../../src/domain/mail-templates';
import { ru } from '../../src/locale/ru';
import { ru as texts } from '../../src/locale/satisfaction';
import { answeredRequest, PARENTS, request, snapshot, workbook } from '../gas/satisfaction.workbook';
import { describeInBrowser, LAUNCH_TIMEOUT_MS, launchChromium } from './chromium';

jest.setTimeout(60_000);

const SHOTS = path.join(__dirname, '../../out/screenshots');

interface Traffic {
  served: Array<{ method: string; res: WebResponse }>;
  refused: string[];
}

/** Meta tags go on Google's own page around the content (reference/html/html-output-meta-tag); here into the head. */
function withMetaTags(res: WebResponse): string {
  const tags = htmlPageOf(res.outcome?.value)?.metaTags ?? [];
  const html = tags.map((t) => `<meta name="${escapeHtml(t.name)}" content="${escapeHtml(t.content)}">`).join('');
  return res.body.replace(/<head>/i, (head) => `${head}${html}`);
}

/** The web app's /exec URL answers GET (doGet) and POST (doPost); every other URL is refused and recorded. */
async function serve(context: BrowserContext, rt: Runtime): Promise<Traffic> {
  const traffic: Traffic = { served: [], refused: [] };
  const exec = webAppUrl(rt);
  await context.route('**/*', async (route: Route) => {
    const req = route.request();
    const url = new URL(req.url());
    if (`${url.origin}${url.pathname}` !== exec) {
      traffic.refused.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    const method = req.method() === 'POST' ? 'POST' : 'GET';
    const res = webRequest(rt, {
      method,
      queryString: url.search.slice(1),
      postBody: method === 'POST' ? (req.postData() ?? '') : undefined,
      contentType: method === 'POST' ? req.headers()['content-type'] : undefined,
      visitor: '',
    });
    traffic.served.push({ method, res });
    // reference/html/x-frame-options-mode: DEFAULT sends the usual X-Frame-Options header.
    const headers: Record<string, string> = res.xFrameOptions === 'DEFAULT' ? { 'x-frame-options': 'SAMEORIGIN' } : {};
    await route.fulfill({
      status: res.status,
      headers,
      contentType: `${res.mimeType}; charset=utf-8`,
      body: res.kind === 'html' ? withMetaTags(res) : res.body,
    });
  });
  return traffic;
}

describeInBrowser('satisfaction pages in Chromium', () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, LAUNCH_TIMEOUT_MS);

  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function visitor(rt: Runtime, width: number): Promise<{ page: Page; traffic: Traffic; errors: string[] }> {
    const phone = width < 600;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: phone ? 844 : 900 },
      isMobile: phone,
      hasTouch: phone,
      locale: 'ru-RU',
    });
    contexts.push(context);
    const traffic = await serve(context, rt);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    return { page, traffic, errors };
  }

  /** Nothing wider than the screen, so nothing to scroll sideways. */
  async function expectFits(page: Page): Promise<void> {
    // Page-side code as text: the test's TypeScript has no DOM types.
    const { scroll, client } = (await page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    )) as { scroll: number; client: number };
    expect(scroll).toBeLessThanOrEqual(client);
  }

  test('on a phone, by keyboard: the link opens the confirmation, Enter on the button records «Помогло»', async () => {
    const rt = workbook();
    const a = answeredRequest(rt, PARENTS[0], 'call-1');
    const { page, traffic, errors } = await visitor(rt, 390);
    const before = snapshot(rt);
    const res = await page.goto(a.helped);
    expect(res?.status()).toBe(200);
    expect(snapshot(rt)).toBe(before);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('h1').allInnerTexts()).toEqual([texts.confirm.heading]);
    const button = page.getByRole('button', { name: 'Подтвердить: «Помогло»' });
    expect(await button.count()).toBe(1);
    const box = await button.boundingBox();
    // A thumb-sized target (WCAG 2.5.5: at least 44 × 44 CSS px).
    expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
    await expectFits(page);
    await page.screenshot({ path: path.join(SHOTS, 'satisfaction-confirm-390.png'), fullPage: true });

    // The only focusable thing on the page is the button; its focus is visible.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement && document.activeElement.tagName')).toBe('BUTTON');
    const outline = await page.evaluate('getComputedStyle(document.activeElement).outlineStyle');
    expect(outline).not.toBe('none');
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    await page.waitForSelector(`h1:text("${texts.done.heading}")`);
    expect(await page.locator('body').innerText()).toContain(`Ваша оценка записана. Обращение № ${a.id} закрыто.`);
    // The result is announced to screen readers as a status message.
    expect(await page.locator('[role="status"] p').allInnerTexts()).toEqual([
      `Ваша оценка записана. Обращение № ${a.id} закрыто.`,
    ]);
    await expectFits(page);
    await page.screenshot({ path: path.join(SHOTS, 'satisfaction-done-390.png'), fullPage: true });
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.closed, satisfaction: 'Помогло' });
    expect(traffic.served.map((s) => s.method)).toEqual(['GET', 'POST']);
    expect(traffic.refused).toEqual([]);
    expect(errors).toEqual([]);

    // Back to the confirmation and press again: refused politely, nothing changed.
    const after = snapshot(rt);
    await page.goto(a.helped);
    expect(await page.locator('h1').innerText()).toBe(texts.refused.alreadyRated.heading);
    expect(await page.locator('button').count()).toBe(0);
    expect(snapshot(rt)).toBe(after);
  });

  test('on a desktop, by mouse: «Не помогло» reopens the request; a tampered link gets a clear page', async () => {
    const rt = workbook();
    const a = answeredRequest(rt, PARENTS[1], 'call-2');
    const { page, traffic, errors } = await visitor(rt, 1280);
    await page.goto(a.notHelped);
    const text = await page.locator('body').innerText();
    expect(text).toContain('Вы выбрали: «Не помогло».');
    for (const p of [PARENTS[1].name, PARENTS[1].email, PARENTS[1].description]) expect(text).not.toContain(p);
    await page.screenshot({ path: path.join(SHOTS, 'satisfaction-confirm-1280.png'), fullPage: true });
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button').click()]);
    await page.waitForSelector(`h1:text("${texts.done.heading}")`);
    expect(request(rt, a.id)).toMatchObject({ status: ru.choices.status.inProgress, satisfaction: 'Не помогло' });

    const before = snapshot(rt);
    const tampered = a.helped.replace(/(feedback=[^&]*)[A-Za-z0-9_-]$/, (_, head) => `${head}~`);
    expect(tampered).not.toBe(a.helped);
    await page.goto(tampered);
    expect(await page.locator('h1').innerText()).toBe(texts.refused.badToken.heading);
    expect(await page.locator('form').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'satisfaction-refused-1280.png'), fullPage: true });
    expect(snapshot(rt)).toBe(before);
    expect(traffic.refused).toEqual([]);
    expect(errors).toEqual([]);
  });
});
