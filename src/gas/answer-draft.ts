/**
 * An answer draft from a helper's or the support service's e-mail (SPEC R7, R8): into the request's empty
 * «Ответ» cell with a note naming its source, or — when the cell holds text a person typed, or the request is
 * no longer open — into that cell's note, the typed text untouched. The status is never changed here: the
 * consultant reads the draft and sets «Дан ответ» to send it. Call under the script lock (the cell is re-read
 * just before the write, so a person's typing meanwhile wins).
 */
import { type DraftPlacement, type DraftSource, draftNote, draftNoteHeader } from '../domain/helper-mail';
import { CELL_LIMIT, fitToCell } from '../domain/text-safety';
import { helpersTexts } from '../locale/helpers';
import type { LocaleCode } from '../locale/index';
import type { Helpdesk } from './helpdesk';
import { type CellValue, text } from './table';

export function placeAnswerDraft(
  hd: Helpdesk,
  row: number,
  draft: string,
  source: DraftSource,
  open: boolean,
): DraftPlacement {
  const body = draft.trim();
  if (body === '') return 'empty';
  const locale: LocaleCode = hd.locale;
  const table = hd.table('requests', true);
  const col = table.columns.get('answer');
  if (col === undefined) return 'empty';
  const cell = table.sheet.getRange(row, col);
  const current = text(cell.getValue() as CellValue);
  const fitted = fitToCell(body, CELL_LIMIT, `\n${helpersTexts(locale).draftNote.cut}`).value;
  if (current === fitted) return 'already';
  const note = cell.getNote();
  if (open && current.trim() === '') {
    // A string into a plain-text («@») column: a draft that starts with «=» stays text.
    cell.setValue(fitted);
    cell.setNote(draftNoteHeader(locale, source, true));
    return 'cell';
  }
  if (note.indexOf(body.slice(0, 2000)) >= 0) return 'already';
  cell.setNote(draftNote(locale, source, body, note));
  return 'note';
}
