import type { MetricCell, RunSummary } from '../analysis/summarize.js';
import { formatTable } from './format-table.js';

const percent = (value: number) => (Number.isFinite(value) ? value.toFixed(3) : '-');
const interval = (cell: MetricCell) => `[${percent(cell.ci95[0])}, ${percent(cell.ci95[1])}]`;

/** The end-of-run tables: each model × condition overall, then the main metric by country and by category. */
export function formatSummaryTables(summary: RunSummary): string {
  const sections: string[] = [];
  const overallRows: string[][] = [];
  for (const group of summary.groups) {
    const { counts } = group;
    const metricNames = Object.keys(group.metrics).filter((name) => name !== 'invalid');
    if (metricNames.length === 0) {
      overallRows.push([
        group.model,
        group.condition,
        '-',
        '-',
        '-',
        String(counts.total),
        String(counts.invalid),
        String(counts.unscored),
        String(counts.error),
      ]);
    }
    for (const name of metricNames) {
      const cell = group.metrics[name].overall;
      overallRows.push([
        group.model,
        group.condition,
        name,
        percent(cell.mean),
        interval(cell),
        String(cell.n),
        String(counts.invalid),
        String(counts.unscored),
        String(counts.error),
      ]);
    }
  }
  sections.push(formatTable(['model', 'condition', 'metric', 'value', '95% CI', 'n', 'invalid', 'unscored', 'errors'], overallRows));

  for (const [dimension, title] of [
    ['byCountry', 'country'],
    ['byCategory', 'category'],
  ] as const) {
    const groups = summary.groups.filter((group) => group.metrics.accuracy);
    if (groups.length === 0) continue;
    const keys = [...new Set(groups.flatMap((group) => Object.keys(group.metrics.accuracy[dimension])))].sort();
    if (keys.length === 0) continue;
    const header = [
      title,
      ...groups.map(
        (group) => `${shortName(group.model)}${summary.groups.some((other) => other.condition !== group.condition) ? ` (${group.condition})` : ''}`,
      ),
    ];
    const rows = keys.map((key) => [
      key,
      ...groups.map((group) => {
        const cell = group.metrics.accuracy[dimension][key];
        return cell ? `${percent(cell.mean)} ${interval(cell)} n=${cell.n}` : '-';
      }),
    ]);
    sections.push(`accuracy by ${title}\n${formatTable(header, rows)}`);
  }
  const agreementRows: string[][] = [];
  for (const group of summary.groups) {
    for (const [rubric, agreement] of Object.entries(group.judgeAgreement ?? {})) {
      for (const [metric, cell] of Object.entries(agreement.metrics)) {
        agreementRows.push([
          group.model,
          group.condition,
          rubric,
          metric,
          cell.krippendorffAlpha === null ? '-' : cell.krippendorffAlpha.toFixed(3),
          percent(cell.withinOnePointShare),
          String(cell.items),
        ]);
      }
      if (agreement.labels) {
        const kappa = agreement.labels.fleissKappa;
        agreementRows.push([
          group.model,
          group.condition,
          rubric,
          'label (Fleiss κ)',
          kappa === null ? '-' : kappa.toFixed(3),
          agreement.labels.meanMajorityShare === null ? '-' : percent(agreement.labels.meanMajorityShare),
          String(agreement.labels.items),
        ]);
      }
    }
  }
  if (agreementRows.length > 0) {
    sections.push(
      `judge panel agreement\n${formatTable(['model', 'condition', 'rubric', 'metric', 'α / κ', 'within 1 pt / majority', 'items'], agreementRows)}`,
    );
  }
  return sections.join('\n\n');
}

function shortName(spec: string): string {
  const withoutQuery = spec.split('?')[0];
  return withoutQuery.length > 40 ? `…${withoutQuery.slice(-39)}` : withoutQuery;
}
