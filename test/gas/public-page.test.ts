// The public page (R4, cl. 4, 7.1, 8) served by doGet on the embedded runtime to an anonymous visitor,
// over a workbook built by the real setup, with «График» rows approved and not, knowledge-base articles
// public and not, and a request in the log (test/gas/public-page.workbook.ts).
import type { Runtime } from '../../emulator/index';
import { htmlPageOf } from '../../emulator/services/html';
import { readSheetValues, sheetModel, writeCells } from '../../emulator/services/spreadsheet/index';
import { webAppUrl } from '../../emulator/web';
import { EMBED_SNIPPET_KEY } from '../../src/gas/web-app';
import { ru } from '../../src/locale/ru';
import {
  ARTICLES,
  CONTACTS,
  DIRECTOR,
  HIDDEN_EVENTS,
  type PublicPageWorkbook,
  publicPageWorkbook,
  REQUESTER,
} from './public-page.workbook';

describe('public page (doGet)', () => {
  let wb: PublicPageWorkbook;
  beforeAll(() => {
    wb = publicPageWorkbook();
  });

  it('serves the approved upcoming events only, embeddable, mobile-friendly, without scripts', () => {
    const res = wb.get();
    expect(res.outcome?.error).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.xFrameOptions).toBe('ALLOWALL');
    expect(res.title).toBe('МБОУ «Северокоммунарская СОШ»: помощь по электронному журналу');
    expect(htmlPageOf(res.outcome?.value)?.metaTags).toEqual([
      { name: 'viewport', content: 'width=device-width, initial-scale=1' },
    ]);
    expect(res.body).not.toMatch(/<script|google\.script|onclick=/i);
    expect(res.body).toContain('15.09.2026');
    expect(res.body).toContain('Приём');
    expect(res.body).toContain('15:00–16:00');
    expect(res.body).toContain('Приёмные часы');
    expect(res.body.indexOf('11.09.2026')).toBeLessThan(res.body.indexOf('15.09.2026'));
    for (const hidden of HIDDEN_EVENTS) expect(res.body).not.toContain(hidden);
  });

  it('escapes HTML in a topic', () => {
    const res = wb.get();
    expect(res.body).toContain('&lt;b&gt;Поурочное&lt;/b&gt; &lt;script&gt;x()&lt;/script&gt;');
    expect(res.body).not.toContain('<b>Поурочное');
  });

  it('lists every contact of cl. 5.1, 7.1 and 8, the consultant and the order (R2)', () => {
    const { body } = wb.get();
    for (const s of [
      `${CONTACTS.officeHours}, ${CONTACTS.officePlace}`,
      CONTACTS.phone,
      `href="mailto:${CONTACTS.email}"`,
      CONTACTS.supportPhone,
      'звонок бесплатный',
      `href="${CONTACTS.supportVk}"`,
      `href="mailto:${CONTACTS.supportEmail}"`,
      CONTACTS.consultant,
      CONTACTS.order,
      CONTACTS.regulation,
      'Оставить заявку',
      'Подать жалобу',
    ]) {
      expect(body).toContain(s);
    }
    expect(body.match(/href="https:\/\/docs\.google\.com\/forms\/d\/e\/[^"]+\/viewform"/g)).toHaveLength(2);
  });

  it('shows the public knowledge-base articles only', () => {
    const { body } = wb.get();
    expect(body).toContain(`href="${ARTICLES.linked.link}"`);
    expect(body).toContain(ARTICLES.linked.question);
    expect(body).toContain(ARTICLES.plain.question);
    expect(body).toContain('Если письмо не пришло');
    expect(body).not.toContain(ARTICLES.hidden.question);
    expect(body).not.toContain(ARTICLES.hidden.answer);
  });

  it('shows no personal data of a requester', () => {
    const { body } = wb.get();
    for (const value of Object.values(REQUESTER)) expect(body).not.toContain(value);
    expect(body).not.toContain('Сидоров');
    expect(body).not.toContain('912');
    expect(body).not.toContain(DIRECTOR);
  });

  it('links the print view at the web app’s own URL (ScriptApp.getService().getUrl()) in a new tab', () => {
    const { body } = wb.get();
    const printUrl = `${webAppUrl(wb.rt)}?view=print`;
    expect(body).toContain(`<a href="${printUrl}" target="_blank" rel="noopener">Версия для печати (А4)</a>`);
    expect(wb.get({ view: 'print' }).body).not.toContain(printUrl);
  });

  it('gives the A4 print view with ?view=print, ignores unknown parameters, refuses a bad view', () => {
    const print = wb.get({ view: 'print' });
    expect(print.status).toBe(200);
    expect(print.body).toContain('<body class="print">');
    expect(print.body).toContain('size: A4');
    expect(print.body).toContain('График оказания помощи при работе с СЭДиЖ');
    expect(print.body).toContain('15.09.2026');
    expect(print.body).not.toContain('НЕУТВЕРЖДЕНО');
    expect(wb.get({ utm_source: 'vk' }).body).toContain('15.09.2026');
    for (const view of ['<img src=x>', ['print', 'page'], 'PRINTX']) {
      const bad = wb.get({ view });
      expect(bad.status).toBe(200);
      expect(bad.body).toContain('Неверный запрос');
      expect(bad.body).not.toContain('15.09.2026');
      expect(bad.body).not.toContain('<img');
      expect(bad.xFrameOptions).toBe('ALLOWALL');
    }
  });
});

/** The «Настройки» row of web.embedSnippet: setup adds it once the catalog has the key; added here otherwise. */
function embedRow(rt: Runtime): number {
  const rows = readSheetValues(rt, ru.sheets.settings);
  const at = rows.findIndex((r) => r[0] === EMBED_SNIPPET_KEY);
  if (at >= 0) return at + 1;
  writeCells(rt, ru.sheets.settings, rows.length + 1, 1, [[EMBED_SNIPPET_KEY, 'Код для сайта школы', '', '']]);
  return rows.length + 1;
}

describe('the iframe snippet for the school site («Настройки», web.embedSnippet)', () => {
  it('is the web app URL in an iframe once deployed, written as text, and rewritten only when it changes', () => {
    const { rt } = publicPageWorkbook();
    const row = embedRow(rt);
    // Setup wrote it already (it runs refreshEmbedSnippet); cleared, it is written again, once.
    writeCells(rt, ru.sheets.settings, row, 3, [['']]);
    const writes = rt.countOf('Range.setValue');
    const snippet = rt.runAsOwner('refreshEmbed') as string;
    expect(rt.countOf('Range.setValue')).toBe(writes + 1);
    const url = webAppUrl(rt);
    expect(snippet).toBe(
      `<iframe src="${url}" title="МБОУ «Северокоммунарская СОШ»: помощь по электронному журналу" ` +
        'width="100%" height="1600" style="border:0;max-width:100%" loading="lazy">' +
        `<a href="${url}">МБОУ «Северокоммунарская СОШ»: помощь по электронному журналу</a></iframe>`,
    );
    expect(readSheetValues(rt, ru.sheets.settings)[row - 1][2]).toBe(snippet);
    expect(sheetModel(rt, ru.sheets.settings).layers.numberFormat.get(row, 3)).toBe('@');
    const before = rt.countOf('Range.setValue');
    expect(rt.runAsOwner('refreshEmbed')).toBe(snippet);
    expect(rt.countOf('Range.setValue')).toBe(before);
  });

  it('stays blank while the script is not deployed as a web app (getUrl() is null)', () => {
    const { rt } = publicPageWorkbook({ deployed: false });
    const row = embedRow(rt);
    expect(rt.runAsOwner('refreshEmbed')).toBe('');
    expect(readSheetValues(rt, ru.sheets.settings)[row - 1][2]).toBe('');
  });
});
