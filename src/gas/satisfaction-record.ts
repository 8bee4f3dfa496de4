/**
 * The request's side of a satisfaction vote: what the decision needs of its row, and the «Оценка» cell, which
 * is the one-use mark (a filled cell refuses every later vote). Call the writers under the script lock.
 */
import { holdsPersonalData, personalColumns } from '../domain/retention';
import type { RatedRequest } from '../domain/satisfaction';
import { PRIVACY_MARKERS } from '../locale/privacy';
import { cellTexts, statusOfLabel } from './personal-data';
import { replaceCellIfUnchanged } from './record-lookup';
import { type RecordOf, type Table, text } from './table';

const PERSONAL = personalColumns('requests');

/** The row's status, its «Оценка» cell, and whether its personal data is gone (anonymised or erased). */
export function ratedRequestOf(cells: RecordOf): RatedRequest {
  return {
    status: statusOfLabel(cells.status),
    satisfaction: text(cells.satisfaction),
    anonymised: !holdsPersonalData(cellTexts(cells, PERSONAL), PERSONAL, PRIVACY_MARKERS),
  };
}

/** Writes the vote's label into a blank «Оценка» cell; false when the cell is no longer blank (or missing). */
export function claimVote(requests: Table, row: number, label: string): boolean {
  return replaceCellIfUnchanged(requests, row, 'satisfaction', '', label);
}

/** Takes a claimed vote back, unless someone wrote something else there meanwhile. */
export function withdrawVote(requests: Table, row: number, label: string): boolean {
  return replaceCellIfUnchanged(requests, row, 'satisfaction', label, '');
}
