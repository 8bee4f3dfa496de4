/**
 * Answers waiting out their undo window, kept in the document properties (`helpdesk.staged.<request ID>`):
 * only the few requests inside a window are there at any time, so the 500 KB store is never at risk, the edit
 * handler and runQueue read them in one call, and nothing of them shows in a sheet people edit. No personal
 * data: the record holds the request ID, times, the previous status and the staff member who answered; the
 * answer text stays in its cell and is read when it goes.
 * Both the edit handler and runQueue change them under the script lock.
 */
import { parseStaged, type StagedAnswer, serializeStaged } from '../domain/staged-answer';

const PREFIX = 'helpdesk.staged.';

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

export function readStaged(requestId: string): StagedAnswer | undefined {
  return parseStaged(requestId, props().getProperty(PREFIX + requestId));
}

export function saveStaged(staged: StagedAnswer): void {
  props().setProperty(PREFIX + staged.requestId, serializeStaged(staged));
}

export function dropStaged(requestId: string): void {
  props().deleteProperty(PREFIX + requestId);
}

/** Every waiting answer, oldest window end first; a malformed record is dropped (never sent). */
export function listStaged(): StagedAnswer[] {
  const all = props().getProperties();
  const out: StagedAnswer[] = [];
  for (const key of Object.keys(all)) {
    if (key.indexOf(PREFIX) !== 0) continue;
    const staged = parseStaged(key.slice(PREFIX.length), all[key]);
    if (staged) out.push(staged);
    else props().deleteProperty(key);
  }
  return out.sort((a, b) => a.due - b.due);
}
