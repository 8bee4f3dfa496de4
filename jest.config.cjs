/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test', '<rootDir>/emulator', '<rootDir>/src'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript' } } }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  // The browser tests (test/browser, Debian's /usr/bin/chromium) run in every jest run; when Chromium is
  // missing they are skipped, and this reporter ends the run with a plain line saying so (in CI they fail).
  reporters: ['default', '<rootDir>/test/browser/skip-reporter.cjs'],
};
