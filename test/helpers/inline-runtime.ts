/**
 * A runtime over an inline script instead of the built bundle: emulator tests exercise one Apps Script
 * behaviour with a few lines of script code, exactly as a bundle would call it.
 */
import { Runtime, type RuntimeOptions } from '../../emulator/index';

export const OWNER = 'school.helpdesk@gmail.com';

export function inlineRuntime(code: string, options: Partial<RuntimeOptions> & { timeZone?: string } = {}): Runtime {
  return new Runtime({
    bundle: code,
    manifest: { timeZone: options.timeZone ?? 'Asia/Yekaterinburg', runtimeVersion: 'V8' },
    owner: options.owner ?? OWNER,
    now: options.now ?? '2026-09-01T04:00:00Z',
    ...options,
  });
}
