/**
 * Bundles a TypeScript entry file of test code (which imports src/ modules) into an Apps Script-style
 * script, so adapters in src/gas and use cases in src/app can be exercised on the embedded runtime without
 * touching src/main.ts. Each export of the entry becomes a top-level function, as gas-webpack-plugin does.
 */
import path from 'node:path';
import { type BuildOptions, buildSync } from 'esbuild';
import { Runtime, type RuntimeOptions } from '../../emulator/index';

const cache = new Map<string, string>();

export function bundleTestEntry(entryFile: string): string {
  const abs = path.resolve(entryFile);
  const cached = cache.get(abs);
  if (cached) return cached;
  const common: BuildOptions = {
    entryPoints: [abs],
    bundle: true,
    write: false,
    target: 'es2020',
    platform: 'neutral',
  };
  // The ESM build's metafile names the entry's exports; the IIFE build is what runs.
  const esm = buildSync({ ...common, format: 'esm', metafile: true, outdir: 'out-esm' });
  const exports = Object.values(esm.metafile?.outputs ?? {}).flatMap((o) => o.exports ?? []);
  const result = buildSync({ ...common, format: 'iife', globalName: '__testEntry' });
  const code = result.outputFiles?.[0]?.text ?? '';
  const wrappers = exports.map((name) => `function ${name}() { return __testEntry.${name}.apply(this, arguments); }`);
  const bundle = `${wrappers.join('\n')}\n${code}`;
  cache.set(abs, bundle);
  return bundle;
}

export function testEntryRuntime(entryFile: string, options: Partial<RuntimeOptions> & { owner: string }): Runtime {
  return new Runtime({
    bundle: bundleTestEntry(entryFile),
    manifest: { timeZone: 'Asia/Yekaterinburg', runtimeVersion: 'V8' },
    now: '2026-09-01T09:00:00+05:00',
    ...options,
  });
}
