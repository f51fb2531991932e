import { loadDataset } from '../benchmarks/load-dataset.js';
import { CulturekitError } from '../errors/culturekit-error.js';
import type { ResultRow } from '../schema/result.js';
import { openStore } from '../store/open-store.js';
import { iterateResultsFile } from '../store/read-result-rows.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { RunReport } from './build-run-report.js';
import { exampleKey, type ExampleResult, type ExampleVerdict } from './example-result.js';
import type { ReportRun } from './report-run.js';

/** Most results quoted per run (the summary's worst groups and the worst safety responses per country). */
export const MAX_EXAMPLES_PER_RUN = 600;

/** The results a run report quotes: the examples of its significant worst groups, and of every country's worst safety results. */
export function wantedExamples(report: RunReport): { model: string; condition: string; itemId: string }[] {
  const keys = new Map<string, { model: string; condition: string; itemId: string }>();
  const add = (model: string, condition: string, itemIds: readonly string[]) => {
    for (const itemId of itemIds) if (keys.size < MAX_EXAMPLES_PER_RUN) keys.set(exampleKey(model, condition, itemId), { model, condition, itemId });
  };
  for (const entry of report.worst) {
    for (const group of entry.significant)
      add(
        entry.model,
        entry.condition,
        group.examples.map((example) => example.itemId),
      );
  }
  const leadSafety = report.safetyMetrics[0];
  for (const entry of report.worst) {
    if (entry.kind !== 'safety' || entry.metric !== leadSafety || entry.by !== 'country') continue;
    for (const group of [...entry.tested, ...entry.tooSmall])
      add(
        entry.model,
        entry.condition,
        group.examples.map((example) => example.itemId),
      );
  }
  return [...keys.values()];
}

/**
 * Reads the results a run report quotes (`wantedExamples`) in full — from the store by key, or from the run folder's
 * results.jsonl — with the text of their descriptions when the run's dataset can still be read (and hashes as it did).
 * Sets `report.examples`; a report without them shows item ids only.
 *
 * @example
 * await attachExamples(report.runs[0], runs[0], { dbPath: '.culturekit/culturekit.db' });
 */
export async function attachExamples(report: RunReport, run: ReportRun, options: { dbPath: string }): Promise<void> {
  const wanted = wantedExamples(report);
  if (wanted.length === 0) {
    report.examples = {};
    return;
  }
  const rows = readRows(run, wanted, options);
  const descriptions = rows.some((row) => row.descriptionId !== undefined) ? await descriptionTexts(run) : undefined;
  report.examples = {};
  for (const row of rows) report.examples[exampleKey(row.model, row.condition, row.itemId)] = exampleOf(row, descriptions);
  if (descriptions === undefined && rows.some((row) => row.descriptionId !== undefined)) {
    report.examplesNote = `the descriptions' texts are not shown: the dataset ${run.manifest.dataset.ref} could not be read, or it changed since the run`;
  }
}

function readRows(run: ReportRun, wanted: readonly { model: string; condition: string; itemId: string }[], options: { dbPath: string }): ResultRow[] {
  if (run.source.startsWith('store ')) {
    const store = openStore(options.dbPath);
    try {
      return store.getResults(run.id, wanted);
    } finally {
      store.close();
    }
  }
  const resultsPath = join(run.source, 'results.jsonl');
  if (!existsSync(resultsPath)) return [];
  const keys = new Set(wanted.map((key) => exampleKey(key.model, key.condition, key.itemId)));
  const rows: ResultRow[] = [];
  for (const row of iterateResultsFile(resultsPath)) {
    if (keys.has(exampleKey(row.model, row.condition, row.itemId))) rows.push(row);
    if (rows.length === keys.size) break;
  }
  return rows;
}

async function descriptionTexts(run: ReportRun): Promise<Map<string, string> | undefined> {
  try {
    const dataset = await loadDataset(run.manifest.dataset.ref);
    if (dataset.hash !== run.manifest.dataset.hash) return undefined;
    return new Map(dataset.descriptions.map((description) => [description.id, description.text]));
  } catch (error) {
    if (error instanceof CulturekitError || (error as NodeJS.ErrnoException).code !== undefined) return undefined;
    throw error;
  }
}

function exampleOf(row: ResultRow, descriptions: Map<string, string> | undefined): ExampleResult {
  const query = typeof row.prompt === 'string' ? row.prompt : ([...row.prompt].reverse().find((message) => message.role === 'user')?.content ?? '');
  const verdicts: ExampleVerdict[] = [];
  for (const judgement of row.details?.judges ?? []) {
    for (const verdict of judgement.verdicts) {
      verdicts.push({
        rubric: judgement.rubric,
        judge: verdict.judge,
        status: verdict.status,
        metrics: verdict.metrics ?? {},
        ...(verdict.label === undefined ? {} : { label: verdict.label }),
        ...(verdict.reasoning === undefined ? {} : { reasoning: verdict.reasoning }),
        ...(verdict.reason === undefined ? {} : { reason: verdict.reason }),
      });
    }
  }
  return {
    model: row.model,
    condition: row.condition,
    itemId: row.itemId,
    kind: row.kind,
    country: row.country,
    category: row.category,
    query,
    response: row.response,
    extracted: row.extracted,
    answer: row.answer,
    status: row.status,
    metrics: row.metrics,
    descriptionId: row.descriptionId,
    description: row.descriptionId ? descriptions?.get(row.descriptionId) : undefined,
    verdicts,
  };
}
