/**
 * The public page behind `doGet` (R4, cl. 4, 7.1, 8): anonymous visitors, the web app running as the
 * school account. Reads the settings, the «График» rows, the public knowledge-base articles and the form
 * links, and serves server-rendered HTML (no scripts) that a school site may embed in an iframe.
 * `?view=print` is the A4 page for the information board; unknown parameters are ignored, a bad `view`
 * gets a plain bad-request page.
 */
import { buildPublicPage, checkPageParams, type PageView, type PublicArticle } from '../domain/public-page';
import type { Audience, ScheduleEvent, ScheduleKind } from '../domain/schedule';
import { CHOICE_LISTS } from '../domain/schema';
import { parseDayMonthYear, parseTimeOfDay } from '../domain/settings-catalog';
import { dateOf, wallClockOf } from '../domain/zoned-time';
import { publishedUrl, readFormsRecord } from '../gas/forms';
import { Helpdesk } from '../gas/helpdesk';
import { readKnowledge } from '../gas/knowledge-repo';
import { type CellValue, isDateCell, readRecords, type Table, text } from '../gas/table';
import { webAppUrl } from '../gas/web-app';
import { en as enChoices } from '../locale/en';
import { ru as ruChoices } from '../locale/ru';
import { en, ru, type ScheduleTexts } from '../locale/schedule';
import { renderSatisfactionPage } from './satisfaction-page';

/** The column that holds the fingerprint an approval covered (the lead adds it to the schema). */
export const APPROVAL_FINGERPRINT_KEY = 'approvedFingerprint';

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
    events: readScheduleEvents(hd.table('schedule'), zone),
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

function choiceKey<K extends string>(
  cell: CellValue | undefined,
  keys: readonly K[],
  labels: Array<Record<K, string>>,
): K | '' {
  const v = text(cell).trim().toLowerCase();
  if (!v) return '';
  return keys.find((k) => v === k.toLowerCase() || labels.some((l) => l[k].toLowerCase() === v)) ?? '';
}

function dateCell(cell: CellValue | undefined, zone: string): string {
  if (isDateCell(cell)) return dateOf(cell.getTime(), zone);
  return parseDayMonthYear(text(cell)) ?? '';
}

/**
 * A time cell is a date-time on 30.12.1899 in the spreadsheet's zone, whose offset then was local mean
 * time with seconds (Yekaterinburg +4:02:33): the wall clock is read with seconds and rounded to a minute.
 */
function timeCell(cell: CellValue | undefined, zone: string): number {
  if (isDateCell(cell)) {
    const w = wallClockOf(cell.getTime(), zone);
    return Math.round((w.hour * 3600 + w.minute * 60 + w.second) / 60) % 1440;
  }
  return parseTimeOfDay(text(cell)) ?? Number.NaN;
}

/** «График» rows as events; a row whose date or times cannot be read keeps NaN/'' and is never published. */
export function readScheduleEvents(table: Table, zone: string): ScheduleEvent[] {
  const keys = [
    'date',
    'start',
    'end',
    'kind',
    'audience',
    'topic',
    'place',
    'consultant',
    'approvedBy',
    'approvedAt',
    'notes',
    'eventId',
    APPROVAL_FINGERPRINT_KEY,
  ];
  return readRecords(table, keys).map(({ values: v }) => ({
    date: dateCell(v.date, zone),
    startMin: timeCell(v.start, zone),
    endMin: timeCell(v.end, zone),
    kind: choiceKey<ScheduleKind>(v.kind, CHOICE_LISTS.scheduleKind, [
      ruChoices.choices.scheduleKind,
      enChoices.choices.scheduleKind,
    ]),
    audience: choiceKey<Audience>(v.audience, CHOICE_LISTS.audience, [
      ruChoices.choices.audience,
      enChoices.choices.audience,
    ]),
    topic: text(v.topic),
    place: text(v.place),
    consultant: text(v.consultant),
    approvedBy: text(v.approvedBy).trim(),
    approvedAt: isDateCell(v.approvedAt) ? v.approvedAt.getTime() : undefined,
    approvedFingerprint: text(v[APPROVAL_FINGERPRINT_KEY]).trim(),
    notes: text(v.notes),
    eventId: text(v.eventId),
  }));
}
