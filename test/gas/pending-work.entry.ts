// Test entry: thin exports over the work inbox, bundled by test/helpers/gas-bundle.ts.
import { drainWork, postWork, takeWork, type WorkItem } from '../../src/gas/pending-work';

export function post(kind: string, payload: unknown): string {
  return postWork(kind, payload);
}

export function take(kind?: string): WorkItem[] {
  return takeWork(kind);
}

/** A handler that reports the first `count` items done, as one that handled only part of its batch. */
export function drainFirst(count: number, kind?: string) {
  const seen: string[] = [];
  const report = drainWork((items) => {
    for (const item of items) seen.push(item.key);
    return items.slice(0, count).map((item) => item.key);
  }, kind);
  return { report, seen };
}

export function drainFailing() {
  return drainWork(() => {
    throw new Error('Service Spreadsheets failed while accessing document with id 1x.');
  });
}
