/**
 * The weekly report rendered: an HTML body of tables (the key figures with their targets and colours, the
 * detail tables, the overdue list) that the e-mail and the print dialog both show, and the e-mail's plain
 * text twin. Every value is escaped here (escapeHtml); the dialog prints the body as it is.
 */
import { mailTexts } from '../locale/mail';
import { format, type LocaleCode } from '../locale/index';
import { RAG_COLORS } from './dashboard-layout';
import type { Table, TableCell } from './dashboard-figures';
import { MAX_PAYLOAD_CHARS, payloadOf } from './mail-queue';
import { compose, escapeHtml, filled, footer, type RenderedMail } from './mail-templates';
import type { WeeklyReportView } from './weekly-report';

// Attributes rather than per-cell styles: the whole message must fit one cell of the mail queue.
const TABLE = '<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;margin:4px 0 12px">';
const H3 = (text: string) => `<h3 style="margin:14px 0 4px">${escapeHtml(text)}</h3>`;

function td(text: string, rag?: keyof typeof RAG_COLORS, numeric = false): string {
  const fill = rag ? ` bgcolor="${RAG_COLORS[rag]}"` : '';
  const align = numeric ? ' align="right"' : '';
  return `<td${fill}${align}>${escapeHtml(text)}</td>`;
}

function tableHtml(columns: readonly string[], rows: readonly string[]): string {
  const head = `<tr bgcolor="#f1f3f4">${columns.map((c) => `<th align="left">${escapeHtml(c)}</th>`).join('')}</tr>`;
  return `${TABLE}${head}${rows.join('')}</table>`;
}

const cellHtml = (c: TableCell) => td(c.text, c.rag, c.format !== 'text');

function detailHtml(table: Table, none: string, more: string): string {
  if (table.rows.length === 0) return `${H3(table.heading)}<p>${escapeHtml(none)}</p>`;
  const rows = table.rows.map((line) => `<tr>${line.map(cellHtml).join('')}</tr>`);
  const tail = more ? `<p style="color:#555">${escapeHtml(more)}</p>` : '';
  return `${H3(table.heading)}${tableHtml(table.columns, rows)}${tail}`;
}

/** «и ещё N» under a table that was cut. */
function moreText(view: WeeklyReportView, table: Table): string {
  return table.more > 0 ? format(view.moreTemplate, { count: table.more }) : '';
}

/** The report's body as HTML, the same in the e-mail and in the dialog. */
export function weeklyReportHtml(view: WeeklyReportView): string {
  const c = view.columns;
  const figures = view.figures.map(
    (f) => `<tr>${td(f.label)}${td(f.text, f.rag, f.format !== 'text')}${td(f.target)}${td(f.note)}</tr>`,
  );
  const overdue =
    view.overdue.rows.length === 0
      ? `${H3(view.overdue.heading)}<p>${escapeHtml(view.noneOverdue)}</p>`
      : detailHtml(view.overdue, view.none, moreText(view, view.overdue));
  return [
    `<h2 style="margin:0 0 4px">${escapeHtml(view.heading)}</h2>`,
    `<p style="margin:0 0 8px;color:#555">${escapeHtml(view.asOf)}</p>`,
    `<p>${escapeHtml(view.intro)}</p>`,
    H3(view.figuresHeading),
    tableHtml([c.figure, c.value, c.target, c.note], figures),
    overdue,
    ...view.tables.map((t) => detailHtml(t, view.none, moreText(view, t))),
  ].join('');
}

/** The report as plain text lines: «label: value (note)», then each table row joined by « — ». */
export function weeklyReportText(view: WeeklyReportView): string {
  const lines: string[] = [view.heading, view.asOf, '', view.intro, '', view.figuresHeading];
  for (const f of view.figures) lines.push(`${f.label}: ${f.text}${f.note ? ` (${f.note})` : ''}`);
  const table = (t: Table, emptyText: string, more: string) => {
    lines.push('', t.heading);
    if (t.rows.length === 0) lines.push(emptyText);
    for (const row of t.rows) lines.push(row.map((cell) => cell.text).join(' — '));
    if (more) lines.push(more);
  };
  table(view.overdue, view.noneOverdue, moreText(view, view.overdue));
  for (const t of view.tables) table(t, view.none, moreText(view, t));
  return lines.join('\n');
}

/**
 * The Monday e-mail: the body, a link to the spreadsheet, the key footer the mailer finds it by. The whole
 * message must fit one cell of the mail queue: a week with a very long overdue list sends its oldest part
 * and says how many more there are (the print dialog shows the whole list of the view).
 */
export function renderWeeklyReportMail(
  view: WeeklyReportView,
  opts: { locale: LocaleCode; key: string; spreadsheetUrl: string; openLabel: string },
): RenderedMail {
  let shown = view;
  let mail = mailOf(shown, opts);
  while (payloadOf(mail).length > MAX_PAYLOAD_CHARS && shown.overdue.rows.length > 0) {
    const keep = Math.floor(shown.overdue.rows.length / 2);
    const cut = shown.overdue.rows.length - keep;
    shown = {
      ...shown,
      overdue: { ...shown.overdue, rows: shown.overdue.rows.slice(0, keep), more: shown.overdue.more + cut },
    };
    mail = mailOf(shown, opts);
  }
  return mail;
}

function mailOf(
  view: WeeklyReportView,
  opts: { locale: LocaleCode; key: string; spreadsheetUrl: string; openLabel: string },
): RenderedMail {
  const t = mailTexts(opts.locale);
  const tail = compose(view.subject, [
    ...(filled(opts.spreadsheetUrl)
      ? [{ type: 'links' as const, items: [{ title: opts.openLabel, link: opts.spreadsheetUrl }] }]
      : []),
    footer(t, [opts.key]),
  ]);
  return {
    subject: tail.subject,
    text: `${weeklyReportText(view)}\n\n${tail.text}`,
    html: `<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4">${weeklyReportHtml(view)}</div>${tail.html}`,
  };
}
