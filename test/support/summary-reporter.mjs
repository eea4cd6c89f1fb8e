import { mkdirSync, writeFileSync } from 'node:fs';

/** Counts passed and failed browser tests and writes them for scripts/test.mjs's summary line. */
export function summaryReporter(file = '.tmp/wtr-summary.json') {
  const walk = (suite, counts) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) counts.skipped++;
      else if (test.passed) counts.passed++;
      else counts.failed++;
    }
    for (const child of suite?.suites ?? []) walk(child, counts);
  };
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0 };
      for (const session of sessions) {
        walk(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.sessionErrors++;
      }
      mkdirSync('.tmp', { recursive: true });
      writeFileSync(file, JSON.stringify(counts));
    },
  };
}
