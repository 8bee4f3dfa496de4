/**
 * Texts of working in the sheet itself (issue 5 parts 1, 3, 7): the notes the edit handler leaves on a status
 * cell, and the audit entries («Журнал») of hand edits and of answers waiting out their undo window.
 * Russian first; English mirrors it key for key (the shared type makes a missing key a compile error).
 * Placeholders in {braces} are filled by `format`.
 */
export interface SheetEditTexts {
  /** Who the journal names when the spreadsheet did not tell who edited. */
  readonly unknownEditor: string;
  readonly notes: {
    /** The status cell's note while the answer waits: {time} the moment it leaves, {from} the status to go back to. */
    readonly staged: string;
    // The reasons below follow the first line of a reverted status's note (workflow.ts `reverted`).
    /** A person with an e-mail but no role in «Сотрудники»: {email}. Replaces the blank-identity reason. */
    readonly noRole: string;
    /** A multi-cell edit (paste, fill, clear) reached the status column. */
    readonly pastedStatus: string;
    /** A multi-cell edit touched a row whose answer was waiting: the wait is cancelled. */
    readonly pastedStaged: string;
    /** A waiting answer's text was deleted: nothing was sent. */
    readonly stagedCleared: string;
  };
  readonly audit: {
    /** A single cell edited by hand: before → after (personal columns: no values). */
    readonly handEdit: string;
    /** The note of a personal column's entry: the values are not copied. */
    readonly personalNote: string;
    /** A hand edit of the status that was set back (the note says why). */
    readonly statusReverted: string;
    /** Several cells at once (the entry's column key lists the watched columns reached). */
    readonly pasted: string;
    readonly pastedNote: string;
    /** More rows than are audited one by one: {rows} reached, {first}–{last} the rows. */
    readonly pastedMany: string;
    /** The status of a multi-cell edit was not checked: the helpdesk has no earlier status for the request. */
    readonly pastedUnverified: string;
    /** An answer with «Дан ответ» waits out the window: {time}. */
    readonly staged: string;
    /** The answer changed within the window: {time} the new end. */
    readonly stagedRestarted: string;
    /** The status was set back within the window: the answer was not sent. */
    readonly stagedCancelled: string;
    /** At the window's end the status cell no longer said «Дан ответ». */
    readonly stagedDropped: string;
    /** At the window's end the change was refused (the note says why). */
    readonly stagedRefused: string;
  };
}

export const ru: SheetEditTexts = {
  unknownEditor: 'не известен (таблица не сообщила)',
  notes: {
    staged:
      'Ответ ждёт отправки: уйдёт заявителю после {time}.\nЧтобы отменить отправку, до этого времени верните статус «{from}». Изменённый текст ответа начинает ожидание заново.',
    noRole:
      'Статус может менять только сотрудник, указанный в листе «Сотрудники» с ролью (консультант, заместитель, директор). Адреса {email} там нет.',
    pastedStatus:
      'Статус меняется по одной ячейке: при вставке или заполнении нескольких ячеек таблица не сообщает прежние значения, и изменение нельзя проверить.',
    pastedStaged:
      'Ответ не отправлен: строку изменили вставкой нескольких ячеек. Проверьте ответ и снова выберите «Дан ответ» в этой ячейке.',
    stagedCleared: 'Ответ не отправлен: текст ответа удалён.',
  },
  audit: {
    handEdit: 'Изменено в таблице вручную',
    personalNote: 'персональные данные: значения не записываются',
    statusReverted: 'Изменение статуса вручную отменено',
    pasted: 'Изменено несколько ячеек сразу (вставка, заполнение или очистка)',
    pastedNote: 'прежние значения таблица при такой правке не сообщает',
    pastedMany:
      'Изменено несколько ячеек сразу в {rows} строках ({first}–{last}): построчно не записано и не проверено',
    pastedUnverified: 'статус не проверен: у обращения нет записанного прежнего статуса',
    staged: 'Ответ ждёт отправки (до {time} его можно отменить)',
    stagedRestarted: 'Ответ изменён: ожидание отправки начато заново (до {time})',
    stagedCancelled: 'Отправка ответа отменена: статус возвращён',
    stagedDropped: 'Отправка ответа отменена: в ячейке статуса уже не «Дан ответ»',
    stagedRefused: 'Ответ не отправлен',
  },
};

export const en: SheetEditTexts = {
  unknownEditor: 'unknown (the spreadsheet did not tell)',
  notes: {
    staged:
      'The answer is waiting: it goes to the requester after {time}.\nTo cancel, set the status back to «{from}» before then. Changing the answer text starts the wait again.',
    noRole:
      'Only staff listed in the «Staff» sheet with a role (consultant, deputy, director) may change a status. {email} is not there.',
    pastedStatus:
      'Change a status one cell at a time: when several cells are pasted or filled the spreadsheet does not tell the previous values, so the change cannot be checked.',
    pastedStaged:
      'The answer was not sent: the row was changed by a multi-cell paste. Check the answer and choose «Answered» in this cell again.',
    stagedCleared: 'The answer was not sent: its text was deleted.',
  },
  audit: {
    handEdit: 'Edited by hand in the sheet',
    personalNote: 'personal data: values are not recorded',
    statusReverted: 'Hand edit of the status set back',
    pasted: 'Several cells changed at once (paste, fill or clear)',
    pastedNote: 'the spreadsheet does not tell the previous values of such an edit',
    pastedMany: 'Several cells changed at once in {rows} rows ({first}–{last}): not recorded or checked row by row',
    pastedUnverified: 'status not checked: the request has no recorded earlier status',
    staged: 'Answer waiting to be sent (it can be cancelled until {time})',
    stagedRestarted: 'Answer changed: the wait starts again (until {time})',
    stagedCancelled: 'Sending the answer cancelled: status set back',
    stagedDropped: 'Sending the answer cancelled: the status cell no longer says «Answered»',
    stagedRefused: 'Answer not sent',
  },
};

export const sheetEditTexts = { ru, en } as const;
