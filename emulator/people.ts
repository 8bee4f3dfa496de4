/**
 * People at the spreadsheet: what a consultant, a director or a stranger does in the Sheets UI, played
 * against the runtime with the executions Apps Script would start for it.
 *
 * - opening the spreadsheet runs the simple `onOpen` (LIMITED, as that person) and installable on-open
 *   triggers (as their owners) — guides/triggers, guides/triggers/installable;
 * - a menu item runs the function as the person who clicks (kind 'menu');
 * - an edit is refused where a protection does not list the person, else stored as typed input, then fires
 *   the simple `onEdit` and the installable on-edit triggers with the edit event (guides/triggers/events:
 *   `value`/`oldValue` only for a single cell; edits made by scripts fire nothing);
 * - a sidebar or dialog button is `google.script.run` from a page the person opened.
 */
import type { ExecutionKind, Outcome, Runtime } from './runtime';
import { fireEventTriggers, runSimpleTrigger, type TriggerRun } from './scheduler';
import {
  allowUi,
  containerSpreadsheet,
  personEdit,
  rangeFacade,
  readDisplayValues,
  setExecutionSelection,
  spreadsheetFacade,
} from './services/spreadsheet/index';
import { UserImpl } from './services/spreadsheet/user';
import { scriptRun } from './web';

export interface OpenResult {
  simple?: Outcome;
  installable: TriggerRun[];
}

export interface EditResult {
  /** Apps Script's (or the Sheets UI's) refusal; nothing changed and no trigger fired. */
  refused?: string;
  simple?: Outcome;
  installable: TriggerRun[];
}

export class Person {
  constructor(
    readonly rt: Runtime,
    readonly email: string,
  ) {}

  open(): OpenResult {
    const ssId = containerSpreadsheet(this.rt).id;
    const simple = runSimpleTrigger(this.rt, 'onOpen', this.email, (exec) => ({
      authMode: 'LIMITED',
      source: spreadsheetFacade(exec, ssId),
      user: new UserImpl(exec, exec.activeUser)._wrapped(),
    }));
    const installable = fireEventTriggers(this.rt, {
      sourceId: ssId,
      eventType: 'ON_OPEN',
      actingUser: this.email,
      makeEvent: (exec, trigger) => {
        allowUi(exec);
        return { authMode: 'FULL', source: spreadsheetFacade(exec, ssId), triggerUid: trigger.uid };
      },
    });
    return { simple, installable };
  }

  /** A custom menu item (or a dialog's server call made while the person watches). */
  run<T = unknown>(functionName: string, ...args: unknown[]): Outcome<T> {
    return this.rt.execute<T>(functionName, args, this.spec('menu'));
  }

  /** Like run, but throws with the script's message when it fails. */
  runOrThrow<T = unknown>(functionName: string, ...args: unknown[]): T {
    return this.rt.run<T>(functionName, args, this.spec('menu'));
  }

  /** A button in a sidebar or dialog this person opened: google.script.run. */
  call(functionName: string, ...args: unknown[]): ReturnType<typeof scriptRun> {
    return scriptRun(this.rt, functionName, args, { from: 'sidebar', user: this.email });
  }

  /** Types into a cell (one value) or pastes a block (rows of values) on a sheet of the bound spreadsheet. */
  edit(sheetName: string, a1: string, input: unknown | unknown[][]): EditResult {
    const values = Array.isArray(input) ? (input as unknown[][]) : [[input]];
    const ssId = containerSpreadsheet(this.rt).id;
    let changed: ReturnType<typeof personEdit>;
    try {
      changed = personEdit(this.rt, this.email, sheetName, a1, values, ssId);
    } catch (e) {
      return { refused: e instanceof Error ? e.message : String(e), installable: [] };
    }
    const single = values.length === 1 && values[0].length === 1;
    const shown = single ? readDisplayValues(this.rt, sheetName, { a1, spreadsheetId: ssId })[0][0] : undefined;
    const oldValue = single ? changed.oldValues[0][0] : undefined;
    const makeEvent = (exec: Parameters<Parameters<typeof runSimpleTrigger>[3]>[0], authMode: string) => {
      setExecutionSelection(exec, sheetName, a1, ssId);
      const event: Record<string, unknown> = {
        authMode,
        range: rangeFacade(exec, sheetName, a1, ssId),
        source: spreadsheetFacade(exec, ssId),
        user: new UserImpl(exec, exec.activeUser)._wrapped(),
      };
      if (single) {
        event.value = shown;
        if (oldValue !== '' && oldValue !== undefined)
          event.oldValue = oldValue instanceof Date ? oldValue.toString() : String(oldValue);
      }
      return event;
    };
    const simple = runSimpleTrigger(this.rt, 'onEdit', this.email, (exec) => makeEvent(exec, 'LIMITED'));
    const installable = fireEventTriggers(this.rt, {
      sourceId: ssId,
      eventType: 'ON_EDIT',
      actingUser: this.email,
      makeEvent: (exec, trigger) => ({ ...makeEvent(exec, 'FULL'), triggerUid: trigger.uid }),
    });
    return { simple, installable };
  }

  private spec(kind: ExecutionKind) {
    return { kind, effectiveUser: this.email, actingUser: this.email };
  }
}

export function person(rt: Runtime, email: string): Person {
  return new Person(rt, email);
}
