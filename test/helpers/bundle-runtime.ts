/**
 * The built bundle (dist/Code.js, as a school deploys it) on the embedded runtime, with the cast of people
 * the tests use. `npm test` builds before jest runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Runtime } from '../../emulator/index';
import { person } from '../../emulator/people';

const DIST = path.resolve(__dirname, '../../dist');

export const OWNER = 'pomosh.ej.school@gmail.com';
export const CONSULTANT = 'consultant.ivanova@gmail.com';
export const DIRECTOR = 'director.petrov@gmail.com';
export const STRANGER = 'someone.else@gmail.com';

export function bundleRuntime(now = '2026-09-01T09:00:00+05:00'): Runtime {
  const bundlePath = path.join(DIST, 'Code.js');
  if (!fs.existsSync(bundlePath)) throw new Error('dist/Code.js is missing: run `npm run build` first');
  return new Runtime({ bundlePath, manifestPath: path.join(DIST, 'appsscript.json'), owner: OWNER, now });
}

export const owner = (rt: Runtime) => person(rt, OWNER);
