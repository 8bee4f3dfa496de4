/**
 * Request intake — nothing lost (SPEC R1, R5.1/R6.1, R5.3/R6.3, R10). A request from any channel is
 * cleaned, fitted to cells and marked for a person; it is never refused. Every character a person typed
 * (after cleaning away control characters and surrounding whitespace) is either in a field or in that
 * field's overflow, which the bookkeeping keeps.
 *
 * Rules chosen where the spec is silent:
 * - 'invalid-email' marks any non-empty address that is not plausible, whatever the channel (the form's own
 *   check makes that rare there, and a bounced answer would be lost silently);
 * - 'callback-needed' marks every request without a usable e-mail, with or without a phone: no answer can go
 *   by mail, so a person has to reach the requester;
 * - 'no-consent' marks every request without consent; only manual and e-mail requests can arrive so, since
 *   the form's consent question is required;
 * - the etiquette detector reads the name and the whole description, overflow included; if it throws, the
 *   request is still registered and the failure is reported;
 * - text fields are trimmed at both ends; the description keeps its inner lines as typed.
 */
import { type IntakeProblemCode, intakeTexts } from '../locale/intake';
import { contactKeys, isPlausibleEmail, isPlausiblePhone } from './contacts';
import type { IncomingRequest, RequestFlag } from './request';
import { CELL_LIMIT, cleanPlainText, fitToCell } from './text-safety';

export type { IntakeProblemCode };

/** The free-text fields of a request, in the order they are checked. */
export const INTAKE_TEXT_FIELDS = ['name', 'className', 'email', 'phone', 'topic', 'description'] as const;
export type IntakeTextField = (typeof INTAKE_TEXT_FIELDS)[number];

export interface IntakeProblem {
  field: IntakeTextField | 'contact' | 'consent';
  code: IntakeProblemCode;
}

export interface IntakeOptions {
  /** The etiquette detector (cl. 10): true when the text has obscene or insulting words. */
  detectAbuse?: (text: string) => boolean;
  /** The language of the overflow marker written into a cell. Default 'ru'. */
  locale?: string;
  /** Characters per cell. Default 50 000. */
  cellLimit?: number;
  /** A description shorter than this is reported as likely to need clarification. Default: not checked. */
  minDescriptionLength?: number;
}

export interface PreparedRequest {
  /** The request with its text fields cleaned and fitted to cells; everything else as it came. */
  fields: IncomingRequest;
  /** In the order of the «Отметки» list. */
  flags: RequestFlag[];
  /** The rest of each field that did not fit its cell, by field key. */
  overflow: Record<string, string>;
  problems: IntakeProblem[];
  /** The keys for spotting repeats (`findPossibleDuplicate`). */
  contactKeys: string[];
}

const FLAG_ORDER: readonly RequestFlag[] = [
  'invalid-email',
  'callback-needed',
  'etiquette',
  'truncated',
  'possible-duplicate',
  'no-consent',
];

/** Cleans, fits and marks one incoming request. Pure: the caller writes the row and the bookkeeping. */
export function prepareIncoming(incoming: IncomingRequest, opts: IntakeOptions = {}): PreparedRequest {
  const cleaned = cleanTextFields(incoming);
  const flags = new Set<RequestFlag>();
  const problems: IntakeProblem[] = [];
  const report = (field: IntakeProblem['field'], code: IntakeProblemCode) => problems.push({ field, code });

  const emailUsable = isPlausibleEmail(cleaned.email);
  if (cleaned.email !== '' && !emailUsable) {
    flags.add('invalid-email');
    report('email', 'invalidEmail');
  }
  const phoneUsable = isPlausiblePhone(cleaned.phone);
  if (cleaned.phone !== '' && !phoneUsable) report('phone', 'invalidPhone');
  if (!emailUsable) flags.add('callback-needed');
  if (!emailUsable && !phoneUsable) report('contact', 'noContact');

  if (incoming.consent !== true) {
    flags.add('no-consent');
    report('consent', 'noConsent');
  }
  if (cleaned.topic === '') report('topic', 'missingTopic');
  const descriptionLength = cleaned.description.length;
  if (descriptionLength === 0) report('description', 'emptyDescription');
  else if (opts.minDescriptionLength !== undefined && descriptionLength < opts.minDescriptionLength) {
    report('description', 'shortDescription');
  }

  const abuse = checkEtiquette(`${cleaned.name}\n${cleaned.description}`, opts.detectAbuse);
  if (abuse === 'abusive') flags.add('etiquette');
  if (abuse === 'failed') report('description', 'etiquetteCheckFailed');

  const { fitted, overflow } = fitFields(cleaned, opts);
  for (const field of INTAKE_TEXT_FIELDS) {
    if (overflow[field] !== undefined) {
      flags.add('truncated');
      report(field, 'truncated');
    }
  }
  return {
    fields: { ...incoming, ...fitted },
    flags: FLAG_ORDER.filter((flag) => flags.has(flag)),
    overflow,
    problems,
    contactKeys: contactKeys(cleaned.email, cleaned.phone),
  };
}

type TextFields = Record<IntakeTextField, string>;

/** Each text field as a person meant it: plain text, no control characters, no surrounding whitespace. */
export function cleanTextFields(incoming: IncomingRequest): TextFields {
  const out = {} as TextFields;
  for (const field of INTAKE_TEXT_FIELDS) out[field] = cleanPlainText(asText(incoming[field])).trim();
  return out;
}

/** The cell value of each field, and the overflow of those that did not fit. */
function fitFields(cleaned: TextFields, opts: IntakeOptions): { fitted: TextFields; overflow: Record<string, string> } {
  const marker = intakeTexts(opts.locale ?? 'ru').continuedMarker;
  const fitted = {} as TextFields;
  const overflow: Record<string, string> = {};
  for (const field of INTAKE_TEXT_FIELDS) {
    const cell = fitToCell(cleaned[field], opts.cellLimit ?? CELL_LIMIT, marker);
    fitted[field] = cell.value;
    if (cell.overflow !== '') overflow[field] = cell.overflow;
  }
  return { fitted, overflow };
}

function checkEtiquette(text: string, detect: IntakeOptions['detectAbuse']): 'clean' | 'abusive' | 'failed' {
  if (!detect) return 'clean';
  try {
    return detect(text) ? 'abusive' : 'clean';
  } catch {
    // A broken detector must not cost the request; the problem list says the check did not run.
    return 'failed';
  }
}

/** Dialog input arrives through google.script.run, so a "string" may be anything at run time. */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  return value === null || value === undefined ? '' : String(value);
}
