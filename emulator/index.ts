// The embedded Apps Script runtime: import from here in tests, the demo and the benchmark.
import './services/index';

export * from './runtime';
export { VirtualClock } from './clock';
export { isDate } from './realm';
