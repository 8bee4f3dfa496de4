/**
 * `sendWeeklyReport` (Monday morning, the owner's trigger): the director gets the week that ended in one
 * e-mail — the key figures and the overdue list, with no requester's personal data. One batched read of the
 * log and one of the bookkeeping, whatever their size.
 */
import { isPlausibleEmail } from '../domain/contacts';
import { mailKey } from '../domain/mail-queue';
import { mailContextOf, renderWeeklyReport } from '../domain/mail-templates';
import type { Channel, RequesterType, Status } from '../domain/request';
import { CHOICE_LISTS } from '../domain/schema';
import { type ReportRow, weeklyFigures } from '../domain/weekly-report';
import { addDays, dateOf, instantOf, weekday } from '../domain/zoned-time';
import { requireTriggerEvent } from '../gas/guard';
import { Helpdesk } from '../gas/helpdesk';
import { enqueueMail, runMailQueue } from '../gas/mailer';
import { readOwner, recordHeartbeat } from '../gas/properties';
import { type CellValue, instantOfCell, readRecords, text } from '../gas/table';
import type { LocaleCode } from '../locale/index';

export const WEEKLY_REPORT_JOB = 'sendWeeklyReport';

export interface WeeklyReportOutcome {
  key: string;
  to: string;
  received: number;
  overdue: number;
}

export function sendWeeklyReportJob(event: unknown): WeeklyReportOutcome {
  requireTriggerEvent(event);
  const now = Date.now();
  recordHeartbeat(WEEKLY_REPORT_JOB, new Date(now));
  const hd = new Helpdesk();
  const zone = hd.zone;
  // The week that ended: from last Monday 00:00 to this Monday 00:00, in the school's zone.
  const today = dateOf(now, zone);
  const monday = addDays(today, 1 - weekday(today));
  const from = instantOf(addDays(monday, -7), 0, zone);
  const to = instantOf(monday, 0, zone);
  const figures = weeklyFigures(reportRows(hd), from, to, now);

  const director = hd.setting('director.email');
  const recipient = isPlausibleEmail(director) ? director : readOwner();
  const key = mailKey(`week-${addDays(monday, -7)}`, 'report', 'director');
  const ctx = mailContextOf(hd.settings(), {
    locale: hd.locale as LocaleCode,
    timeZone: zone,
    spreadsheetUrl: hd.ss.getUrl(),
  });
  const choices = hd.msgs.choices as unknown as Record<string, Record<string, string>>;
  const body = renderWeeklyReport(ctx, { key, figures, label: (list, k) => choices[list]?.[k] ?? k });
  enqueueMail({ key, requestId: key.split('|')[0], kind: 'report', to: recipient, ...body });
  runMailQueue(new Date(), 60_000);
  return { key, to: recipient, received: figures.received, overdue: figures.overdue.length };
}

/** The log joined with its bookkeeping (first-response and resolution due times), keys in place of labels. */
function reportRows(hd: Helpdesk): ReportRow[] {
  const due = new Map<string, { first: number | null; resolution: number | null }>();
  for (const { values } of readRecords(hd.table('state'), ['requestId', 'firstResponseDueAt', 'resolutionDueAt'])) {
    due.set(text(values.requestId), {
      first: timeOf(values.firstResponseDueAt),
      resolution: timeOf(values.resolutionDueAt),
    });
  }
  const keyOf = <K extends string>(
    list: readonly K[],
    labels: Record<K, string>,
    cell: CellValue | undefined,
  ): K | '' => list.find((k) => labels[k] === text(cell)) ?? '';
  const c = hd.msgs.choices;
  return readRecords(hd.table('requests')).map(({ values }) => {
    const id = text(values.id);
    return {
      id,
      createdAt: timeOf(values.createdAt),
      requesterType: keyOf<RequesterType>(CHOICE_LISTS.requesterType, c.requesterType, values.requesterType),
      channel: keyOf<Channel>(CHOICE_LISTS.channel, c.channel, values.channel),
      topic: text(values.topic),
      status: keyOf<Status>(CHOICE_LISTS.status, c.status, values.status),
      rejectReason: text(values.rejectReason),
      firstResponseAt: timeOf(values.firstResponseAt),
      resolvedAt: timeOf(values.resolvedAt),
      firstResponseDueAt: due.get(id)?.first ?? timeOf(values.dueAt),
      resolutionDueAt: due.get(id)?.resolution ?? null,
    };
  });
}

function timeOf(cell: CellValue | undefined): number | null {
  return instantOfCell(cell) ?? null;
}
