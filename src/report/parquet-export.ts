import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { RunSummary } from '../analysis/summarize.js';
import { CulturekitError } from '../errors/culturekit-error.js';
import type { ResultRow } from '../schema/result.js';

interface Column {
  name: string;
  type: 'STRING' | 'JSON' | 'DOUBLE' | 'INT32' | 'BOOLEAN';
  data: unknown[];
}

/**
 * Writes a run as Parquet, the format pandas, polars, DuckDB and Spark load directly: `results.parquet` (one row per
 * result, each metric its own column) and `summary.parquet` (tidy: one row per model × condition × metric × grouping,
 * with the mean, its 95% interval and n).
 *
 * @example
 * await writeRunParquet(rows, summary, 'exports/run-1'); // then: pandas.read_parquet('exports/run-1/results.parquet')
 */
export async function writeRunParquet(rows: readonly ResultRow[], summary: RunSummary, outDir: string): Promise<{ results: string; summary: string }> {
  let writer: typeof import('hyparquet-writer');
  try {
    writer = await import('hyparquet-writer');
  } catch (error) {
    throw new CulturekitError('Parquet export needs the hyparquet-writer package: npm install hyparquet-writer', { cause: error });
  }
  mkdirSync(outDir, { recursive: true });
  const metrics = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))].sort();
  const text = (pick: (row: ResultRow) => unknown): unknown[] => rows.map((row) => textOrNull(pick(row)));
  const results: Column[] = [
    { name: 'run_id', type: 'STRING', data: text((row) => row.runId) },
    { name: 'model', type: 'STRING', data: text((row) => row.model) },
    { name: 'condition', type: 'STRING', data: text((row) => row.condition) },
    { name: 'item_id', type: 'STRING', data: text((row) => row.itemId) },
    { name: 'kind', type: 'STRING', data: text((row) => row.kind) },
    { name: 'format', type: 'STRING', data: text((row) => row.format) },
    { name: 'language', type: 'STRING', data: text((row) => row.language) },
    { name: 'country', type: 'STRING', data: text((row) => row.country) },
    { name: 'category', type: 'STRING', data: text((row) => row.category) },
    { name: 'topic', type: 'STRING', data: text((row) => row.topic) },
    { name: 'description_id', type: 'STRING', data: text((row) => row.descriptionId) },
    { name: 'template', type: 'STRING', data: text((row) => row.template) },
    { name: 'prompt', type: 'STRING', data: text((row) => (typeof row.prompt === 'string' ? row.prompt : JSON.stringify(row.prompt))) },
    { name: 'answer', type: 'STRING', data: text((row) => row.answer) },
    { name: 'response', type: 'STRING', data: text((row) => row.response) },
    { name: 'extracted', type: 'STRING', data: text((row) => row.extracted) },
    { name: 'status', type: 'STRING', data: text((row) => row.status) },
    { name: 'method', type: 'STRING', data: text((row) => row.method) },
    { name: 'latency_ms', type: 'DOUBLE', data: rows.map((row) => row.latencyMs) },
    { name: 'input_tokens', type: 'INT32', data: rows.map((row) => row.usage.inputTokens) },
    { name: 'output_tokens', type: 'INT32', data: rows.map((row) => row.usage.outputTokens) },
    { name: 'cached', type: 'BOOLEAN', data: rows.map((row) => row.cached) },
    { name: 'attempts', type: 'INT32', data: rows.map((row) => row.attempts) },
    { name: 'error', type: 'STRING', data: text((row) => row.error) },
    { name: 'completed_at', type: 'STRING', data: text((row) => row.completedAt) },
    { name: 'details', type: 'JSON', data: text((row) => (row.details ? JSON.stringify(row.details) : undefined)) },
    ...metrics.map((metric): Column => ({ name: `metric_${metric}`, type: 'DOUBLE', data: rows.map((row) => row.metrics[metric] ?? null) })),
  ];
  const tidy = {
    model: [] as string[],
    condition: [] as string[],
    metric: [] as string[],
    groupBy: [] as string[],
    group: [] as (string | null)[],
    mean: [] as number[],
    low: [] as number[],
    high: [] as number[],
    n: [] as number[],
  };
  for (const group of summary.groups) {
    for (const [metric, metricSummary] of Object.entries(group.metrics)) {
      const cells: [string, string | null, { mean: number; n: number; ci95: [number, number] }][] = [['overall', null, metricSummary.overall]];
      for (const [groupBy, byKey] of [
        ['country', metricSummary.byCountry],
        ['kind', metricSummary.byKind],
        ['category', metricSummary.byCategory],
        ['language', metricSummary.byLanguage],
      ] as const) {
        for (const [key, cell] of Object.entries(byKey)) cells.push([groupBy, key, cell]);
      }
      for (const [groupBy, key, cell] of cells) {
        tidy.model.push(group.model);
        tidy.condition.push(group.condition);
        tidy.metric.push(metric);
        tidy.groupBy.push(groupBy);
        tidy.group.push(key);
        tidy.mean.push(cell.mean);
        tidy.low.push(cell.ci95[0]);
        tidy.high.push(cell.ci95[1]);
        tidy.n.push(cell.n);
      }
    }
  }
  const summaryColumns: Column[] = [
    { name: 'model', type: 'STRING', data: tidy.model },
    { name: 'condition', type: 'STRING', data: tidy.condition },
    { name: 'metric', type: 'STRING', data: tidy.metric },
    { name: 'group_by', type: 'STRING', data: tidy.groupBy },
    { name: 'group', type: 'STRING', data: tidy.group },
    { name: 'mean', type: 'DOUBLE', data: tidy.mean },
    { name: 'ci_low', type: 'DOUBLE', data: tidy.low },
    { name: 'ci_high', type: 'DOUBLE', data: tidy.high },
    { name: 'n', type: 'INT32', data: tidy.n },
  ];
  const paths = { results: join(outDir, 'results.parquet'), summary: join(outDir, 'summary.parquet') };
  // Each file is written whole under a temporary name, then renamed: never half written.
  for (const [path, columnData] of [
    [paths.results, results],
    [paths.summary, summaryColumns],
  ] as const) {
    const temporary = `${path}.${process.pid}.tmp`;
    writer.parquetWriteFile({ filename: temporary, columnData });
    renameSync(temporary, path);
  }
  return paths;
}

function textOrNull(value: unknown): string | null {
  return value === undefined || value === null ? null : String(value);
}
