import type { Report } from './build-report.js';

/** Columns of the tidy CSV, in order. */
export const CSV_COLUMNS = ['run', 'model', 'condition', 'kind', 'metric', 'group_by', 'group', 'mean', 'ci_low', 'ci_high', 'n'] as const;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break. Text that a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`.
 *
 * @example
 * csvField('a,b') // '"a,b"'
 * csvField('=HYPERLINK("x")') // '"\'=HYPERLINK(""x"")"'
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The report as one tidy CSV: one line per run × model × condition × kind × metric × grouping, with the mean, its 95%
 * interval and n. `group_by` is `overall` (group empty), `country`, `category` or `language`.
 *
 * @example
 * renderCsvReport(report).split('\n')[1] // 'run-…,openai:qwen,plain,knowledge,accuracy,overall,,0.713,0.642,0.775,174'
 */
export function renderCsvReport(report: Report): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const run of report.runs) {
    for (const kind of run.kinds) {
      for (const group of run.summariesByKind[kind].groups) {
        for (const metric of Object.keys(group.metrics).sort()) {
          const summary = group.metrics[metric];
          const emit = (groupBy: string, key: string, cell: { mean: number; n: number; ci95: [number, number] }) =>
            lines.push(
              [run.id, group.model, group.condition, kind, metric, groupBy, key, cell.mean, cell.ci95[0], cell.ci95[1], cell.n].map(csvField).join(','),
            );
          emit('overall', '', summary.overall);
          for (const [groupBy, cells] of [
            ['country', summary.byCountry],
            ['category', summary.byCategory],
            ['language', summary.byLanguage],
          ] as const) {
            for (const key of Object.keys(cells).sort()) emit(groupBy, key, cells[key]);
          }
        }
      }
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}
