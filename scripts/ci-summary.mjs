// Prints the one line CI reads, `N passed, N failed`, from vitest --reporter=json files plus
// `--failed-steps N` (check steps such as lint or typecheck that failed), and exits non-zero on any failure.
// A missing or unreadable report counts as one failure: a runner that crashed before writing
// its report must not read as green.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const stepsFlag = args.indexOf('--failed-steps');
const failedSteps = stepsFlag >= 0 ? Number(args.splice(stepsFlag, 2)[1]) : 0;
let passed = 0;
let failed = failedSteps;
let skipped = 0;
for (const file of args) {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    skipped += report.numPendingTests + report.numTodoTests;
    if (report.numFailedTestSuites > 0 && report.numFailedTests === 0) failed += report.numFailedTestSuites;
  } catch {
    console.error(`ci-summary: no readable vitest report at ${file}`);
    failed += 1;
  }
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
