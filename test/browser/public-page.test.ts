// The public page (R4, cl. 4, 7.1, 8) and its A4 print view in Debian's headless Chromium, JavaScript off, as
// an anonymous visitor gets them from doGet on the embedded runtime (test/gas/public-page.workbook.ts:
// approved and unapproved events, public and internal articles, a request whose requester must not show).
// Screenshots at phone (390 px) and desktop (1280 px) widths go to out/screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { webAppUrl } from '../../emulator/web';
import { EMBED_HEIGHT_PX, embedSnippet } from '../../src/domain/public-page';
import { ru } from '../../src/locale/schedule';
import {
  ARTICLES,
  CONTACTS,
  HIDDEN_EVENTS,
  type PublicPageWorkbook,
  publicPageWorkbook,
  REQUESTER,
  type ScheduleRow,
  writeSchedule,
} from '../gas/public-page.workbook';
import { describeInBrowser, LAUNCH_TIMEOUT_MS, launchChromium } from './chromium';
import type { El, InPage } from './dom';
import { serveWebApp, type ServedSite, type WebAppTraffic } from './web-app-server';

jest.setTimeout(60_000);

const SHOTS = path.join(__dirname, '../../out/screenshots');
const PHONE = 390;
const DESKTOP = 1280;
const SCHOOL = 'МБОУ «Северокоммунарская СОШ»';
const TITLE = `${SCHOOL}: помощь по электронному журналу`;
const SITE = 'https://school.example/pomosh.html';

/** The approved upcoming events, in date order, as the table rows read. */
const SHOWN_EVENTS = [
  ['11.09.2026 (пт)', '14:00–15:00', 'Семинар', 'Сотрудники', '<b>Поурочное</b> <script>x()</script>', 'каб. 5'],
  ['15.09.2026 (вт)', '15:00–16:00', 'Приёмные часы', 'Все', 'Приём', 'каб. 12'],
];

const CONTACT_TEXTS = [
  `${CONTACTS.officeHours}, ${CONTACTS.officePlace}`,
  CONTACTS.phone,
  CONTACTS.email,
  CONTACTS.supportPhone,
  CONTACTS.supportVk,
  CONTACTS.supportEmail,
  CONTACTS.consultant,
  CONTACTS.order,
  CONTACTS.regulation,
  ru.page.formLinkText,
  ru.page.complaintsLinkText,
];

const CONTACT_LINKS = [
  'tel:23481',
  `mailto:${CONTACTS.email}`,
  'tel:88003004444',
  CONTACTS.supportVk,
  `mailto:${CONTACTS.supportEmail}`,
];

interface Visitor {
  context: BrowserContext;
  /** Console errors and uncaught page errors of every page of the context. */
  errors: string[];
  traffic: WebAppTraffic;
}

function shot(name: string): string {
  return path.join(SHOTS, name);
}

/** Page count of a PDF that Chromium printed (one /Type /Page object per page). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

describeInBrowser('public page in Chromium', () => {
  let browser: Browser;
  let wb: PublicPageWorkbook;
  const open: BrowserContext[] = [];

  beforeAll(async () => {
    wb = publicPageWorkbook();
    browser = await launchChromium();
    fs.mkdirSync(SHOTS, { recursive: true });
  }, LAUNCH_TIMEOUT_MS);

  afterEach(async () => {
    for (const c of open.splice(0)) await c.close();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A visitor's browser with JavaScript off: a phone (touch, mobile viewport) below 600 px, else a desktop. */
  async function visitor(width: number, book: PublicPageWorkbook = wb, site: ServedSite = {}): Promise<Visitor> {
    const phone = width < 600;
    const context = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width, height: phone ? 844 : 900 },
      isMobile: phone,
      hasTouch: phone,
      locale: 'ru-RU',
    });
    open.push(context);
    const errors: string[] = [];
    context.on('page', (p) => {
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
      });
      p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
    });
    const traffic = await serveWebApp(context, book.rt, site);
    return { context, errors, traffic };
  }

  async function openPage(v: Visitor, query = ''): Promise<Page> {
    const page = await v.context.newPage();
    const res = await page.goto(`${webAppUrl(wb.rt)}${query}`);
    expect(res?.status()).toBe(200);
    return page;
  }

  async function eventRows(page: Page): Promise<string[][]> {
    return page
      .locator('section[aria-labelledby="events"] tbody tr')
      .evaluateAll((rows: El[]) =>
        rows.map((r) => Array.from(r.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())),
      );
  }

  /** What a visitor can see and follow, and what the page must not carry. */
  async function expectPublicContent(page: Page): Promise<void> {
    expect(await eventRows(page)).toEqual(SHOWN_EVENTS);
    const text = await page.locator('body').innerText();
    const html = await page.content();
    for (const hidden of HIDDEN_EVENTS) expect(text).not.toContain(hidden);
    for (const contact of CONTACT_TEXTS) expect(text).toContain(contact);
    const hrefs = await page.locator('a[href]').evaluateAll((as: El[]) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const link of CONTACT_LINKS) expect(hrefs).toContain(link);
    expect(hrefs.filter((h) => /^https:\/\/docs\.google\.com\/forms\/d\/e\/[^/]+\/viewform$/.test(h))).toHaveLength(2);
    for (const value of Object.values(REQUESTER)) expect(html).not.toContain(value);
    expect(html).not.toContain('Сидоров');
    expect(text).not.toContain(ARTICLES.hidden.question);
    const shape = await page.evaluate(() => {
      const { document, innerWidth } = globalThis as unknown as InPage;
      return {
        scripts: document.scripts.length,
        handlers: Array.from(document.querySelectorAll('*')).filter((e) =>
          Array.from(e.attributes).some((a) => a.name.toLowerCase().startsWith('on')),
        ).length,
        // In the sandboxed frame Apps Script serves, a link must open a new tab (or stay within the page).
        framedLinks: Array.from(document.querySelectorAll('a[href]'))
          .filter((a) => !(a.getAttribute('href') ?? '').startsWith('#') && a.getAttribute('target') !== '_blank')
          .map((a) => a.outerHTML),
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth,
        // Nothing sticks out of the page's column (a long address in a narrow cell, say); what is moved
        // far off to the left is hidden on purpose (the phone table's header row, read by screen readers).
        outside: Array.from(document.querySelectorAll('main *'))
          .filter((e) => {
            const main = document.querySelectorAll('main')[0].getBoundingClientRect();
            const box = e.getBoundingClientRect();
            return box.width > 0 && box.right > 0 && (box.right > main.right + 1 || box.left < main.left - 1);
          })
          .map((e) => `${e.tagName} ${(e.textContent ?? '').slice(0, 40)}`),
      };
    });
    expect(shape).toMatchObject({ scripts: 0, handlers: 0, framedLinks: [], outside: [] });
    expect(shape.scrollWidth).toBeLessThanOrEqual(shape.innerWidth);
  }

  function expectClean(v: Visitor): void {
    expect(v.errors).toEqual([]);
    expect(v.traffic.refused).toEqual([]);
  }

  for (const width of [PHONE, DESKTOP]) {
    test(`${width} px: approved events only, every contact, the public articles, no requester data, no scripts`, async () => {
      const v = await visitor(width);
      const page = await openPage(v);
      await expectPublicContent(page);
      // The layout is as wide as the screen: the phone honours the viewport tag that addMetaTag adds.
      expect(await page.evaluate(() => (globalThis as unknown as InPage).innerWidth)).toBe(width);
      const text = await page.locator('body').innerText();
      expect(text).toContain(ARTICLES.linked.question);
      expect(text).toContain(ARTICLES.plain.question);
      expect(await page.getAttribute(`a[href="${ARTICLES.linked.link}"]`, 'target')).toBe('_blank');
      expect(await page.locator(`a[href="${webAppUrl(wb.rt)}?view=print"]`).innerText()).toBe(ru.page.printLink);
      await page.screenshot({ path: shot(`public-page-${width}.png`), fullPage: true });
      expectClean(v);
    });
  }

  test('headings, language and landmarks', async () => {
    const v = await visitor(DESKTOP);
    const page = await openPage(v);
    expect(await page.title()).toBe(TITLE);
    expect(await page.getAttribute('html', 'lang')).toBe('ru');
    expect(await page.locator('main').count()).toBe(1);
    expect(await page.locator('h1').allInnerTexts()).toEqual([SCHOOL]);
    expect(await page.locator('h2').allInnerTexts()).toEqual([
      ru.page.eventsHeading,
      ru.page.helpHeading,
      ru.page.supportHeading,
      ru.page.articlesHeading,
    ]);
    // No level skipped: each heading is at most one level below the one before it.
    const levels = await page
      .locator('h1, h2, h3, h4, h5, h6')
      .evaluateAll((hs: El[]) => hs.map((h) => Number(h.tagName[1])));
    const steps = levels.map((l, i) => l - (i === 0 ? 0 : levels[i - 1]));
    expect(Math.max(...steps)).toBeLessThanOrEqual(1);
    expect(await page.locator('th[scope="col"]').count()).toBe(6);
    expectClean(v);
  });

  test('keyboard: Tab reaches every link in reading order with a visible focus ring; the skip link leads to the schedule', async () => {
    const v = await visitor(DESKTOP);
    const page = await openPage(v);
    const focusables = await page
      .locator('a[href], [tabindex="0"]')
      .evaluateAll((els: El[]) => els.map((e) => e.getAttribute('href') ?? `[${e.getAttribute('role')}]`));
    expect(focusables.length).toBeGreaterThan(CONTACT_LINKS.length);
    const seen: string[] = [];
    for (let i = 0; i < focusables.length; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const w = globalThis as unknown as InPage;
        const el = w.document.activeElement as El;
        const style = w.getComputedStyle(el);
        const box = el.getBoundingClientRect();
        return {
          id: el.getAttribute('href') ?? `[${el.getAttribute('role')}]`,
          outline: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
          onScreen: box.right > 0 && box.bottom > 0 && box.left < w.innerWidth && box.top < w.innerHeight,
        };
      });
      expect(focus).toMatchObject({ outline: 'solid', onScreen: true });
      expect(focus.width).toBeGreaterThanOrEqual(2);
      seen.push(focus.id);
    }
    expect(seen).toEqual(focusables);
    expect(seen[0]).toBe('#events');

    // The skip link: Enter moves to the schedule, and the next Tab lands in it (the table region).
    await page.reload();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#events');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => (globalThis as unknown as InPage).document.activeElement?.getAttribute('role')),
    ).toBe('region');
    expectClean(v);
  });

  test('text contrast meets WCAG AA (4.5:1, large text 3:1) at both widths', async () => {
    for (const width of [PHONE, DESKTOP]) {
      const v = await visitor(width);
      const page = await openPage(v);
      const failures = await page.evaluate(() => {
        const { document, getComputedStyle } = globalThis as unknown as InPage;
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r, g, b]: number[]) => {
          const ch = (x: number) => {
            const s = x / 255;
            return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
          };
          return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
        };
        const background = (el: El | null): number[] => {
          for (let e = el; e; e = e.parentElement) {
            const c = rgb(getComputedStyle(e).backgroundColor);
            if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
          }
          return [255, 255, 255];
        };
        const out: string[] = [];
        for (const el of Array.from(document.body.querySelectorAll('*'))) {
          const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim() !== '');
          const box = el.getBoundingClientRect();
          if (!own || box.width === 0 || box.right < 0) continue;
          const style = getComputedStyle(el);
          const a = lum(rgb(style.color));
          const b = lum(background(el));
          const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
          const size = parseFloat(style.fontSize);
          const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
          if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName} ${ratio.toFixed(2)}: ${el.textContent?.slice(0, 40)}`);
        }
        return out;
      });
      expect(failures).toEqual([]);
      expectClean(v);
    }
  });

  test('the print link opens the A4 view: one A4 page, approved events and every contact, no print link', async () => {
    const v = await visitor(DESKTOP);
    const page = await openPage(v);
    const [print] = await Promise.all([
      v.context.waitForEvent('page'),
      page.click(`a[href="${webAppUrl(wb.rt)}?view=print"]`),
    ]);
    await print.waitForLoadState();
    expect(print.url()).toBe(`${webAppUrl(wb.rt)}?view=print`);
    expect(await print.getAttribute('body', 'class')).toBe('print');
    expect(await print.locator('h1').innerText()).toBe(SCHOOL);
    expect(await print.locator('body').innerText()).toContain(ru.page.printHeading);
    await expectPublicContent(print);
    expect(await print.locator('a[href*="view=print"]').count()).toBe(0);
    await print.screenshot({ path: shot(`print-${DESKTOP}.png`), fullPage: true });

    const pdf = await print.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    fs.writeFileSync(shot('print-a4.pdf'), pdf);
    expect(pdfPages(pdf)).toBe(1);
    // The printable width of A4 with 12 mm margins is 186 mm (703 CSS px): nothing wider than that.
    await print.emulateMedia({ media: 'print' });
    await print.setViewportSize({ width: 703, height: 1050 });
    expect(
      await print.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(703);

    const phone = await visitor(PHONE);
    const small = await openPage(phone, '?view=print');
    await expectPublicContent(small);
    await small.screenshot({ path: shot(`print-${PHONE}.png`), fullPage: true });
    expectClean(v);
    expectClean(phone);
  });

  test('a month of office hours, and a month of the longest rows, each print on one A4 page', async () => {
    const day = (i: number) => {
      const d = new Date(Date.UTC(2026, 8, 14 + i));
      return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.2026`;
    };
    // Office hours every day and a seminar a week, as the schedule plans them (30 more than the sheet holds).
    const month = Array.from({ length: 30 }, (_, i): ScheduleRow => {
      const seminar = i % 7 === 3;
      return {
        date: day(i),
        start: seminar ? '14:00' : '15:00',
        end: seminar ? '15:00' : '16:00',
        kind: seminar ? 'seminar' : 'officeHours',
        audience: seminar ? 'staff' : 'all',
        topic: seminar ? 'Выставление итоговых отметок за четверть' : '',
        place: seminar ? 'каб. 5' : 'каб. 12',
        approve: 'yes',
      };
    });
    // Every cell as long as it wraps: three lines a row.
    const longest = Array.from(
      { length: 30 },
      (_, i): ScheduleRow => ({
        date: day(i),
        start: '15:00',
        end: '16:00',
        kind: 'newStaffTraining',
        audience: 'parents',
        topic: 'Поурочное планирование: шаблоны, копирование тем, домашние задания',
        place: 'кабинет информатики (2 этаж)',
        approve: 'yes',
      }),
    );
    for (const [name, rows, atLeast] of [
      ['month', month, 20],
      ['longest', longest, 8],
    ] as const) {
      const book = publicPageWorkbook();
      writeSchedule(book.rt, rows, 8);
      const v = await visitor(DESKTOP, book);
      const page = await v.context.newPage();
      await page.goto(`${webAppUrl(book.rt)}?view=print`);
      const shown = await page.locator('tbody tr').count();
      expect(shown).toBeGreaterThanOrEqual(atLeast);
      expect(shown).toBeLessThan(rows.length);
      // The earliest events are the ones on the sheet.
      expect(await page.locator('tbody tr td.when').first().innerText()).toBe('11.09.2026 (пт)');
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      fs.writeFileSync(shot(`print-a4-${name}.pdf`), pdf);
      expect(pdfPages(pdf)).toBe(1);
      expectClean(v);
    }
  });

  test('embeds in the school site with the iframe snippet (no X-Frame-Options refusal)', async () => {
    const snippet = embedSnippet(webAppUrl(wb.rt), TITLE);
    const site = `<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Школа</title></head>
      <body><h1>Сайт школы</h1>${snippet}</body></html>`;
    const v = await visitor(DESKTOP, wb, { pages: { [SITE]: site } });
    const page = await v.context.newPage();
    await page.goto(SITE);
    const frame = page.frameLocator(`iframe[title="${TITLE}"]`);
    expect(await frame.locator('h1').innerText()).toBe(SCHOOL);
    const frameHeight = await frame.locator('html').evaluate((html: El) => html.scrollHeight);
    // The snippet's height holds the page at desktop width without an inner scroll bar.
    expect(frameHeight).toBeLessThanOrEqual(EMBED_HEIGHT_PX);
    expect(v.traffic.served).toHaveLength(1);
    expectClean(v);
  });
});
