// The project's web-test-runner.config.js plus a reporter that writes the pass/fail/skip
// counts to the JSON file named by CXKIT_TEST_COUNTS, so scripts/test.js can total them
// without scraping the progress output.
import { writeFileSync } from 'node:fs';
import { defaultReporter } from '@web/test-runner';

const { default: projectConfig } = await import(
  new URL('../web-test-runner.config.js', import.meta.url)
);

function countTests(suite, counts) {
  for (const test of suite.tests) {
    if (test.skipped) counts.skipped++;
    else if (test.passed) counts.passed++;
    else counts.failed++;
  }
  for (const child of suite.suites) countTests(child, counts);
  return counts;
}

const countingReporter = {
  onTestRunFinished({ sessions }) {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    for (const session of sessions) {
      const before = counts.failed;
      if (session.testResults) countTests(session.testResults, counts);
      // A file that failed to load or threw outside a test has no failed test to show for it.
      if (!session.passed && counts.failed === before) counts.failed++;
    }
    writeFileSync(process.env.CXKIT_TEST_COUNTS, JSON.stringify(counts));
  },
};

export default {
  ...projectConfig,
  reporters: [...(projectConfig.reporters ?? [defaultReporter()]), countingReporter],
};
