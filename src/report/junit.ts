import type { GateCheck } from '../analysis/gate.js';
import type { RunSummary } from '../analysis/summarize.js';

/**
 * A gate's outcome as JUnit XML, which CI systems (GitHub Actions, GitLab, Jenkins) show as tests: one test suite per
 * model × condition, one test case per metric overall and per metric × country. A case fails when a check on it failed
 * (`--fail-under`, or `--baseline` on the overall value); its `system-out` gives the measured value and interval.
 *
 * @example
 * writeFileSync('junit.xml', renderJUnit(summary, report.checks));
 */
export function renderJUnit(summary: RunSummary, checks: readonly GateCheck[]): string {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  const caseKey = (model: string, condition: string, metric: string, country: string | undefined) =>
    `${model}\u0000${condition}\u0000${metric}\u0000${country ?? ''}`;
  const checksByCase = new Map<string, GateCheck[]>();
  for (const check of checks) {
    const key = caseKey(check.model, check.condition, check.metric, check.country);
    checksByCase.set(key, [...(checksByCase.get(key) ?? []), check]);
  }
  const seen = new Set<string>();
  for (const group of summary.groups) {
    const cases: string[] = [];
    let failures = 0;
    const addCase = (metric: string, country: string | undefined, detail: string) => {
      const key = caseKey(group.model, group.condition, metric, country);
      seen.add(key);
      const own = checksByCase.get(key) ?? [];
      const failed = own.filter((check) => !check.passed);
      if (failed.length) failures++;
      const lines = [detail, ...own.map((check) => `${check.passed ? 'PASS' : 'FAIL'} ${check.message}`)].join('\n');
      cases.push(
        `    <testcase classname="${escapeXml(`culturekit.${group.model}.${group.condition}`)}" name="${escapeXml(country ? `${metric} [${country}]` : metric)}">` +
          failed.map((check) => `\n      <failure message="${escapeXml(check.message)}" type="${check.kind}">${escapeXml(check.message)}</failure>`).join('') +
          `\n      <system-out>${escapeXml(lines)}</system-out>\n    </testcase>`,
      );
    };
    for (const [metric, metricSummary] of Object.entries(group.metrics)) {
      const { overall } = metricSummary;
      addCase(metric, undefined, `${metric} = ${overall.mean} (95% CI ${overall.ci95[0]}–${overall.ci95[1]}, n=${overall.n})`);
      for (const [country, cell] of Object.entries(metricSummary.byCountry)) {
        addCase(metric, country, `${metric} in ${country} = ${cell.mean} (95% CI ${cell.ci95[0]}–${cell.ci95[1]}, n=${cell.n})`);
      }
    }
    // Checks on values the run does not have (a missing metric or country) still show as failed cases.
    for (const check of checks) {
      if (check.model !== group.model || check.condition !== group.condition) continue;
      if (seen.has(caseKey(check.model, check.condition, check.metric, check.country))) continue;
      addCase(check.metric, check.country, `${check.metric}: no value in this run`);
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${escapeXml(`${group.model} (${group.condition})`)}" tests="${cases.length}" failures="${failures}" errors="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="culturekit ${escapeXml(summary.runId)}" tests="${totalTests}" failures="${totalFailures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // Characters XML 1.0 cannot hold (C0 controls but tab, newline and carriage return).
      .replace(/[\s\S]/g, (character) => (character.charCodeAt(0) < 0x20 && !'\t\n\r'.includes(character) ? '' : character))
  );
}
