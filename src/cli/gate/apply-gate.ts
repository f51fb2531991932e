import { writeFileSync } from 'node:fs';
import { checkBaseline, checkThresholds, type GateReport } from '../../analysis/gate.js';
import { summarizeRun, type RunSummary } from '../../analysis/summarize.js';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import { GATE_THRESHOLD_KEY } from '../../schema/gate-threshold-key.js';
import { renderJUnit } from '../../report/junit.js';
import { loadReportRuns } from '../../report/load-report-runs.js';
import type { GateSettings } from '../../settings/run-settings.js';

/**
 * Checks a finished run against its gate: the thresholds on its summary, then the baseline run item by item; writes
 * the JUnit file when asked; prints one line per failed check and a verdict; sets exit code `gateFailed` on failure.
 */
export function applyGate(run: string, gate: GateSettings, options: { dbPath: string; summary?: RunSummary }): GateReport {
  const [current] = loadReportRuns([run], { dbPath: options.dbPath });
  const summary = options.summary ?? summarizeRun(current.manifest, current.rows);
  const checks = checkThresholds(summary, gate.failUnder);
  if (gate.baseline !== undefined) {
    const [baseline] = loadReportRuns([gate.baseline], { dbPath: options.dbPath });
    const named = Object.keys(gate.failUnder).map((key) => GATE_THRESHOLD_KEY.exec(key)![1]);
    checks.push(...checkBaseline(current.rows, baseline.rows, { metrics: named.length ? [...new Set(named)] : undefined, alpha: gate.alpha }));
  }
  const report: GateReport = { passed: checks.every((check) => check.passed), checks };
  if (gate.junit) {
    writeFileSync(gate.junit, renderJUnit(summary, checks));
    process.stderr.write(`wrote ${gate.junit} (JUnit XML)\n`);
  }
  const failed = checks.filter((check) => !check.passed);
  for (const check of checks.filter((entry) => entry.kind === 'baseline' || !entry.passed)) {
    process.stdout.write(`${check.passed ? 'pass' : 'FAIL'}: ${check.message}\n`);
  }
  if (checks.length > 0) {
    process.stdout.write(
      report.passed
        ? `gate passed: ${checks.length} check(s)\n`
        : `gate FAILED: ${failed.length} of ${checks.length} check(s) failed (exit code ${EXIT_CODES.gateFailed})\n`,
    );
  }
  if (!report.passed) process.exitCode = EXIT_CODES.gateFailed;
  return report;
}
