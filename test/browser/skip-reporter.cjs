// Prints once, after jest's summary, the plain line of every browser test file skipped for want of Chromium
// (test/browser/chromium.ts names the skipped test with that line), so `npm test` says plainly what it skipped.
class BrowserSkipReporter {
  constructor() {
    this.lines = new Set();
  }

  onTestResult(_test, result) {
    for (const r of result.testResults) {
      if (r.status === 'pending' && r.title.startsWith('SKIPPED: browser tests')) this.lines.add(r.title);
    }
  }

  onRunComplete() {
    for (const line of this.lines) process.stdout.write(`\n${line}\n`);
  }
}

module.exports = BrowserSkipReporter;
