/**
 * runQueue's step for answers typed into the sheet (issue 5 part 3): each answer whose undo window has passed
 * is applied as the staff member's change — `changeStatus(... to: 'answered', via: 'staged')`, which records
 * the times, the bookkeeping and the journal and enqueues the e-mail that the same runQueue then sends.
 * Checked under the script lock, so a person setting the status back at the last moment wins: a waiting answer
 * cancelled or restarted meanwhile is left alone, and one whose status cell no longer says «Дан ответ» (an
 * edit whose trigger did not run) is dropped, never sent.
 * `now` of the change is the moment the window last started (domain/staged-answer.ts says why); a run that dies
 * half-way leaves the record, and the retry makes the same change with the same e-mail key, which the queue
 * holds once.
 */
import { clip, isHandlerNote } from '../domain/edit-audit';
import { isDue, type StagedAnswer } from '../domain/staged-answer';
import { revertNote } from '../domain/workflow';
import { sheetEditTexts } from '../locale/sheet-edit';
import { workflowTexts } from '../locale/workflow';
import { appendAudit } from '../gas/audit-log';
import type { Helpdesk } from '../gas/helpdesk';
import { statusOfLabel, withScriptLock } from '../gas/personal-data';
import { changeStatus, findRequest } from '../gas/request-actions';
import { dropStaged, listStaged, readStaged } from '../gas/staged-answers';
import { type CellValue, text } from '../gas/table';

const LOCK_WAIT_MS = 10_000;
/** At most this many answers a run; the rest at the next run (each is a few dozen calls). */
const BATCH = 30;

export interface StagedReport {
  sent: number;
  dropped: number;
  refused: number;
  /** Still inside their window, or left for the next run. */
  waiting: number;
}

type Outcome = 'sent' | 'dropped' | 'refused' | 'waiting';

export function sendStagedAnswers(hd: Helpdesk, now: Date): StagedReport {
  const report: StagedReport = { sent: 0, dropped: 0, refused: 0, waiting: 0 };
  const all = listStaged();
  const due = all.filter((s) => isDue(s, now.getTime()));
  report.waiting = all.length - due.length;
  due.forEach((staged, i) => {
    if (i >= BATCH) {
      report.waiting++;
      return;
    }
    try {
      const locked = withScriptLock(LOCK_WAIT_MS, () => sendOne(hd, staged, now));
      report[locked.done ? locked.value : 'waiting']++;
    } catch (err) {
      // One answer that fails must not hold up the others or the mail queue; its record stays for a retry.
      console.error(`staged answer ${staged.requestId}: ${err instanceof Error ? err.message : String(err)}`);
      report.waiting++;
    }
  });
  return report;
}

function sendOne(hd: Helpdesk, listed: StagedAnswer, now: Date): Outcome {
  const staged = readStaged(listed.requestId);
  // Cancelled or restarted since the list was read.
  if (!staged || staged.at !== listed.at || !isDue(staged, now.getTime())) return 'waiting';
  const t = sheetEditTexts[hd.locale];
  const found = findRequest(hd, staged.requestId);
  const answered = hd.msgs.choices.status.answered;
  if (!found || statusOfLabel(found.cells.status) !== 'answered') {
    dropStaged(staged.requestId);
    journal(hd, staged, now, t.audit.stagedDropped, found ? text(found.cells.status) : '', undefined);
    return 'dropped';
  }
  const result = changeStatus(hd, {
    requestId: staged.requestId,
    to: 'answered',
    from: staged.from,
    actor: { email: staged.email, role: staged.role },
    via: 'staged',
    now: new Date(staged.at),
  });
  if (!result.ok && !result.problem) return 'waiting'; // not decided (busy): try again next run
  dropStaged(staged.requestId);
  const statusCell = statusRange(hd, found.row);
  if (result.ok) {
    if (statusCell && isHandlerNote(statusCell.getNote())) statusCell.setNote('');
    return 'sent';
  }
  // Refused at the end of the window (e.g. the answer was emptied by a paste): the status goes back, saying why.
  const problem = result.problem as NonNullable<typeof result.problem>;
  const note = revertNote(problem, hd.locale);
  if (statusCell && text(statusCell.getValue() as CellValue) === answered) {
    statusCell.setValue(hd.msgs.choices.status[staged.from]);
    statusCell.setNote(note);
  }
  journal(
    hd,
    staged,
    now,
    t.audit.stagedRefused,
    answered,
    hd.msgs.choices.status[staged.from],
    note.split('\n').slice(1).join(' '),
  );
  return 'refused';
}

function statusRange(hd: Helpdesk, row: number): GoogleAppsScript.Spreadsheet.Range | undefined {
  const table = hd.table('requests');
  const col = table.columns.get('status');
  return col === undefined ? undefined : table.sheet.getRange(row, col);
}

function journal(
  hd: Helpdesk,
  staged: StagedAnswer,
  now: Date,
  action: string,
  before: string,
  after: string | undefined,
  note?: string,
): void {
  appendAudit(
    hd.table('audit', true),
    [
      {
        at: now,
        requestId: staged.requestId,
        action,
        columnKey: 'status',
        actor: staged.email || workflowTexts[hd.locale].actors[staged.role],
        before: clip(before, 100),
        after,
        note,
      },
    ],
    hd.labels(),
  );
}
