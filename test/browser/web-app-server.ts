/**
 * Chromium talks to the embedded runtime as a visitor's browser talks to Apps Script: requests to the web
 * app's /exec URL become doGet calls (emulator/web.ts webRequest), a school site that embeds the page is one
 * more origin served from memory, and anything else is refused and recorded (the page must load nothing
 * from elsewhere).
 */
import type { BrowserContext, Route } from 'playwright-core';
import type { Runtime } from '../../emulator/index';
import { htmlPageOf } from '../../emulator/services/html';
import { type WebResponse, webAppUrl, webRequest } from '../../emulator/web';
import { escapeHtml } from '../../src/domain/mail-templates';

export interface ServedSite {
  /** Extra pages by absolute URL (the school site that embeds the page). */
  pages?: Record<string, string>;
}

export interface WebAppTraffic {
  /** Every doGet served, in order. */
  served: WebResponse[];
  /** URLs the browser tried that are neither the web app nor a page of the site: refused. */
  refused: string[];
}

/**
 * HtmlOutput.addMetaTag adds the tag "to the page" (reference/html/html-output-meta-tag): Google puts it on
 * its own top-level page around the sandboxed content. Served alone here, the tags go into the content's head.
 */
function withMetaTags(res: WebResponse): string {
  const tags = htmlPageOf(res.outcome?.value)?.metaTags ?? [];
  if (tags.length === 0) return res.body;
  const html = tags.map((t) => `<meta name="${escapeHtml(t.name)}" content="${escapeHtml(t.content)}">`).join('');
  return res.body.replace(/<head>/i, (head) => `${head}${html}`);
}

function parametersOf(url: URL): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of url.searchParams) out[k] = [...(out[k] ?? []), v];
  return out;
}

export async function serveWebApp(context: BrowserContext, rt: Runtime, site: ServedSite = {}): Promise<WebAppTraffic> {
  const traffic: WebAppTraffic = { served: [], refused: [] };
  const exec = webAppUrl(rt);
  await context.route('**/*', async (route: Route) => {
    const url = new URL(route.request().url());
    const page = site.pages?.[url.href];
    if (page !== undefined) {
      await route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: page });
      return;
    }
    if (`${url.origin}${url.pathname}` !== exec) {
      traffic.refused.push(url.href);
      await route.abort('blockedbyclient');
      return;
    }
    const res = webRequest(rt, { method: 'GET', parameters: parametersOf(url), visitor: '' });
    traffic.served.push(res);
    // reference/html/x-frame-options-mode: ALLOWALL sends no X-Frame-Options header, DEFAULT the usual one.
    const headers: Record<string, string> = res.xFrameOptions === 'DEFAULT' ? { 'x-frame-options': 'SAMEORIGIN' } : {};
    if (res.location) headers.location = res.location;
    await route.fulfill({
      status: res.status,
      headers,
      contentType: `${res.mimeType}; charset=utf-8`,
      body: res.kind === 'html' ? withMetaTags(res) : res.body,
    });
  });
  return traffic;
}
