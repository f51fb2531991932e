import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/** Where browser tests keep their screenshots (gitignored; CI may upload it): `test-artifacts/<area>/`. */
export function artifactsDirectory(area: string): string {
  const directory = join(process.env.CULTUREKIT_ARTIFACTS ?? 'test-artifacts', area);
  mkdirSync(directory, { recursive: true });
  return directory;
}

/** A full-page screenshot under the area's artifacts folder. */
export async function screenshot(page: Page, area: string, name: string): Promise<void> {
  await page.screenshot({ path: join(artifactsDirectory(area), `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol: the page's own policy allows no script) and fails
 * on any serious or critical violation, naming the rule and the elements.
 */
export async function assertAccessible(page: Page, label: string): Promise<void> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations'] }).then((result) => result.violations.map((violation) => ({ id: violation.id, impact: violation.impact, help: violation.help, nodes: violation.nodes.slice(0, 5).map((node) => ({ target: node.target })) })))`,
  )) as AxeViolation[];
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  assert.deepEqual(
    serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`),
    [],
    `${label}: accessibility violations`,
  );
}

/** The page's width beyond the viewport (0: nothing scrolls sideways) and its height. */
export function pageExtent(page: Page): Promise<{ overflowX: number; height: number }> {
  return page.evaluate('({ overflowX: document.documentElement.scrollWidth - window.innerWidth, height: document.documentElement.scrollHeight })');
}
