/**
 * The public page behind `doGet` (R4, cl. 4, 7.1, 8): anonymous visitors, the web app running as the
 * school account. Reads the settings, the «График» rows, the public knowledge-base articles and the form
 * links, and serves server-rendered HTML (no scripts) that a school site may embed in an iframe.
 * `?view=print` is the A4 page for the information board; unknown parameters are ignored, a bad `view`
 * gets a plain bad-request page.
 */
import { buildPublicPage, checkPageParams, type PageView, type PublicArticle } from '../domain/public-page';
import { publishedUrl, readFormsRecord } from '../gas/forms';
import { Helpdesk } from '../gas/helpdesk';
import { readKnowledge } from '../gas/knowledge-repo';
import { APPROVAL_KEYS, readScheduleRows } from '../gas/schedule-repo';
import { webAppUrl } from '../gas/web-app';
import { en, ru, type ScheduleTexts } from '../locale/schedule';
import { renderSatisfactionPage } from './satisfaction-page';

/** The column that holds the fingerprint an approval covered. */
export const APPROVAL_FINGERPRINT_KEY = APPROVAL_KEYS[2];

const VIEWPORT = 'width=device-width, initial-scale=1';

export interface DoGetEvent {
  parameters?: Record<string, string[]>;
}

export function renderPublicPage(e?: DoGetEvent): GoogleAppsScript.HTML.HtmlOutput {
  const params = checkPageParams(e?.parameters);
  if (params.ok && params.feedback !== undefined) return renderSatisfactionPage(params.feedback);
  let hd: Helpdesk | undefined;
  try {
    hd = new Helpdesk();
    const texts = hd.locale === 'en' ? en : ru;
    if (!params.ok) return plainPage(texts.page.badRequestTitle, texts.page.badRequest, hd.locale);
    return servePage(hd, texts, params.view);
  } catch (err) {
    console.error(`public page: ${err instanceof Error ? err.message : String(err)}`);
    const texts = hd?.locale === 'en' ? en : ru;
    return plainPage(texts.page.unavailableTitle, texts.page.unavailable, hd?.locale ?? 'ru');
  }
}

function servePage(hd: Helpdesk, texts: ScheduleTexts, view: PageView): GoogleAppsScript.HTML.HtmlOutput {
  const zone = hd.zone;
  const forms = readFormsRecord();
  const model = buildPublicPage({
    now: Date.now(),
    zone,
    lang: hd.locale,
    view,
    settings: hd.settings(),
    events: readScheduleRows(hd.table('schedule'), zone).map((r) => r.event),
    articles: readPublicArticles(hd),
    formUrl: forms.requests ? publishedUrl(forms.requests.formId) : '',
    complaintsUrl: forms.complaints ? publishedUrl(forms.complaints.formId) : '',
    pageUrl: webAppUrl(),
    texts,
    kindLabels: hd.msgs.choices.scheduleKind,
    audienceLabels: hd.msgs.choices.audience,
  });
  const template = HtmlService.createTemplateFromFile('public-page');
  template.page = model;
  return decorate(template.evaluate(), model.title);
}

function decorate(out: GoogleAppsScript.HTML.HtmlOutput, title: string): GoogleAppsScript.HTML.HtmlOutput {
  return out
    .setTitle(title)
    .addMetaTag('viewport', VIEWPORT)
    .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.ALLOWALL);
}

/** A page with one heading and one sentence (bad request, not set up): no data of the workbook. */
function plainPage(title: string, message: string, lang: string): GoogleAppsScript.HTML.HtmlOutput {
  const template = HtmlService.createTemplate(
    '<!DOCTYPE html><html lang="<?= lang ?>"><head><meta charset="utf-8"></head>' +
      '<body><main><h1><?= title ?></h1><p><?= message ?></p></main></body></html>',
  );
  template.lang = lang === 'en' ? 'en' : 'ru';
  template.title = title;
  template.message = message;
  return decorate(template.evaluate(), title);
}

function readPublicArticles(hd: Helpdesk): PublicArticle[] {
  return readKnowledge(hd.table('knowledge')).filter((a) => a.public);
}

