/**
 * Re-scores the published per-item outputs of Global Gallery (iamshnoo/culture-llm) with culturekit in paper mode and
 * prints culturekit's table beside the published one, cell by cell.
 *
 * GeoMLaMA: `outputs/geomlama/{country,no_country}/{lang}_results_{model}_{size}b.csv` (each row's `probabilities`,
 * a Python dict sorted best first, is given to `culturekit score` as per-option scores of kind `order`), scored against
 * `data/geomlama/{lang}.csv` loaded with `protocol=paper`, pooled with `geomlamaPaperTable`, compared with
 * `outputs/geomlama/evals/all_results.csv`.
 * CAMeL-style: `outputs/camel/type{N}/english_results_alpaca-2_{size}b_type_{N}.csv` loaded as published option sets
 * (`camel-style:…?optionSets=…&protocol=paper`), compared with `outputs/camel/evals/english_results_alpaca-2_type_{N}.csv`
 * (rounded to 2 decimals as published).
 *
 * Run: node --import tsx bench/reproduce-global-gallery.ts --source <culture-llm checkout> [--data ../shared/data/culture-llm]
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { geomlamaPaperTable } from '../src/benchmarks/geomlama/geomlama-diagnostics.js';
import { camelStylePaperTable } from '../src/benchmarks/camel-style/camel-style-diagnostics.js';
import { parseCsv } from '../src/datasets/read-csv.js';
import { evaluate } from '../src/eval/evaluate.js';
import type { RecordedOptionScores } from '../src/models/language-model.js';
import { createRecordedResponsesModel } from '../src/models/recorded/recorded-responses-model.js';
import { parseOptionScores } from '../src/scoring/recorded-option-scores.js';
import type { ResultRow } from '../src/schema/result.js';

const { values } = parseArgs({ options: { source: { type: 'string' }, data: { type: 'string' }, quiet: { type: 'boolean', default: false } } });
if (!values.source) {
  process.stderr.write(
    'usage: node --import tsx bench/reproduce-global-gallery.ts --source <culture-llm checkout> [--data <folder with geomlama/ and camel/>]\n',
  );
  process.exit(2);
}
const source = values.source;
const data = values.data ?? join(source, 'data');
const LANGUAGES: Record<string, string> = { english: 'en', chinese: 'zh', hindi: 'hi', persian: 'fa', swahili: 'sw', greek: 'el' };
const COUNTRY_ORDER = ['us', 'cn', 'in', 'ir', 'ke', 'gr'];
const PUBLISHED_COLUMNS: Record<string, string> = { US: 'US', CN: 'China', IN: 'India', IR: 'Iran', KE: 'Kenya', GR: 'Greece' };

function readCsvRecords(file: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
  return rows.map((row) => Object.fromEntries(header.fields.map((name, index) => [name, row.fields[index] ?? ''])));
}

/** Scores recorded option rankings with culturekit (the engine, as `culturekit score --mcq-method loglik` does). */
async function scoreRecorded(dataset: string, models: Map<string, Map<string, RecordedOptionScores>>, directory: string) {
  const instances = [...models].map(([name, scores]) => createRecordedResponsesModel(name, new Map(), name, scores));
  const dbPath = join(directory, 'store.db');
  const output = await evaluate({
    dataset,
    models: instances.map((model) => ({ spec: model.spec })),
    modelInstances: instances,
    options: { mcqMethod: 'loglik' },
    dbPath,
    outDir: join(directory, `run-${Math.random().toString(36).slice(2)}`),
    onWarning: values.quiet ? undefined : (message) => process.stderr.write(`warning: ${message}\n`),
  });
  const rows: ResultRow[] = readFileSync(join(output.outDir, 'results.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line));
  const names = new Map(instances.map((model) => [model.spec, model.modelId]));
  for (const row of rows.filter((entry) => entry.status === 'error').slice(0, 3)) process.stderr.write(`error: ${row.itemId}: ${row.error}\n`);
  return { rows: rows.map((row) => ({ ...row, model: names.get(row.model) ?? row.model })), errors: output.outcome.errors };
}

interface Comparison {
  table: string;
  cells: number;
  equal: number;
  lines: string[];
}

function compare(table: string, key: string, ours: Record<string, number>, published: Record<string, number>, digits: number, into: Comparison): void {
  const cells = Object.keys(published).map((column) => {
    const mine = ours[column];
    const same = mine !== undefined && mine.toFixed(digits) === published[column].toFixed(digits);
    into.cells++;
    if (same) into.equal++;
    return `${column} ${published[column].toFixed(digits)}|${mine === undefined ? '—' : mine.toFixed(digits)}${same ? '' : ' ≠'}`;
  });
  into.lines.push(`${key.padEnd(30)} ${cells.join('  ')}`);
  void table;
}

async function reproduceGeomlama(directory: string): Promise<Comparison | undefined> {
  const published = join(source, 'outputs', 'geomlama', 'evals', 'all_results.csv');
  if (!existsSync(published)) return undefined;
  const result: Comparison = { table: 'GeoMLaMA (hits ÷ golds per country; published | culturekit)', cells: 0, equal: 0, lines: [] };
  const expected = new Map(readCsvRecords(published).map((row) => [row.key, row]));
  const defaultDifferences: number[] = [];
  let largestDefault: { key: string; difference: number; published: number; ours: number } | undefined;
  for (const [name, language] of Object.entries(LANGUAGES)) {
    const models = new Map<string, Map<string, RecordedOptionScores>>();
    for (const mode of ['country', 'no_country']) {
      const folder = join(source, 'outputs', 'geomlama', mode);
      for (const file of readdirSync(folder).filter((entry) => entry.startsWith(`${name}_results_`) && entry.endsWith('.csv'))) {
        const model = file.slice(`${name}_results_`.length, -'.csv'.length);
        let scores = models.get(model);
        if (!scores) models.set(model, (scores = new Map()));
        readCsvRecords(join(folder, file)).forEach((row, index) => {
          const id =
            mode === 'country'
              ? `geomlama-${language}-${Math.floor(index / 6) + 1}-${COUNTRY_ORDER[index % 6]}`
              : `geomlama-${language}-${index + 1}-no-country`;
          const parsed = parseOptionScores(row.probabilities, 'order');
          if (typeof parsed === 'string') throw new Error(`${file}:${index + 2}: ${parsed}`);
          scores.set(id, parsed);
        });
      }
    }
    const { rows } = await scoreRecorded(`geomlama:${join(data, 'geomlama')}?protocol=paper&languages=${language}`, models, directory);
    // culturekit's default protocol on the same rankings: golds repaired, unreadable rows skipped, mean of per-item accuracies.
    const defaults = await scoreRecorded(`geomlama:${join(data, 'geomlama')}?languages=${language}&noCountry=false`, models, directory);
    const sums = new Map<string, [number, number]>();
    for (const row of defaults.rows) {
      if (row.metrics.accuracy === undefined || !row.country) continue;
      const key = `${row.model}\u0000${row.country}`;
      const [sum, count] = sums.get(key) ?? [0, 0];
      sums.set(key, [sum + row.metrics.accuracy, count + 1]);
    }
    for (const cell of geomlamaPaperTable(rows)) {
      const [family, size] = splitModel(cell.model);
      const key = `${name}_${size}_${cell.setting === 'country' ? 'country' : 'no_country'}_${family}`;
      const row = expected.get(key);
      if (!row) continue;
      const publishedCells = Object.fromEntries(Object.entries(PUBLISHED_COLUMNS).map(([code, column]) => [code, Number(row[column])]));
      compare(result.table, key, cell.scores, publishedCells, 4, result);
      if (cell.setting !== 'country') continue;
      for (const [code, value] of Object.entries(publishedCells)) {
        const [sum, count] = sums.get(`${cell.model}\u0000${code}`) ?? [0, 0];
        if (count === 0) continue;
        const difference = Math.abs(sum / count - value);
        defaultDifferences.push(difference);
        if (difference > (largestDefault?.difference ?? -1)) largestDefault = { key: `${key} ${code}`, difference, published: value, ours: sum / count };
      }
    }
  }
  const over = defaultDifferences.filter((difference) => difference >= 0.00005).length;
  result.lines.push(
    `culturekit's default protocol on the same outputs (country setting): ${over} of ${defaultDifferences.length} cells differ at 4 decimals; largest difference ${largestDefault?.difference.toFixed(4)} (${largestDefault?.key}: published ${largestDefault?.published.toFixed(4)}, default ${largestDefault?.ours.toFixed(4)})`,
  );
  return result;
}

const CAMEL_COLUMNS: Record<string, string> = { US: 'USA', CN: 'China', IN: 'India', IR: 'Iran', KE: 'Kenya', GR: 'Greece' };

/** Python's round(x, 2) (what the authors' tables hold): halves that are exact in binary (k/8) go to the even digit. */
function pythonRound2(value: number | undefined): number {
  if (value === undefined) return Number.NaN;
  const eighths = value * 8;
  if (Number.isInteger(eighths) && eighths % 2 !== 0) {
    const cents = Math.floor(value * 100);
    return (cents % 2 === 0 ? cents : cents + 1) / 100;
  }
  return Number(value.toFixed(2));
}

function splitModel(model: string): [string, string] {
  const match = /^(.*)_(\d+)b$/.exec(model);
  return match ? [match[1], match[2]] : [model, ''];
}

async function reproduceCamel(directory: string): Promise<Comparison | undefined> {
  const result: Comparison = { table: 'CAMeL-style (published | culturekit, 2 decimals)', cells: 0, equal: 0, lines: [] };
  for (const type of [1, 3, 4, 5]) {
    const evals = join(source, 'outputs', 'camel', 'evals', `english_results_alpaca-2_type_${type}.csv`);
    if (!existsSync(evals)) continue;
    const expected = readCsvRecords(evals);
    for (const size of ['7', '13', '70']) {
      const file = join(source, 'outputs', 'camel', `type${type}`, `english_results_alpaca-2_${size}b_type_${type}.csv`);
      if (!existsSync(file) || statSync(file).size === 0 || readFileSync(file, 'utf8').startsWith('version https://git-lfs')) {
        result.lines.push(`type ${type}, ${size}b: per-item outputs not in this checkout (${file}); skipped`);
        continue;
      }
      const scores = new Map<string, RecordedOptionScores>();
      readCsvRecords(file).forEach((row, index) => {
        const parsed = parseOptionScores(row.probabilities, 'order');
        if (typeof parsed === 'string') throw new Error(`${file}:${index + 2}: ${parsed}`);
        // camel_eval.py scores the `response` column (the top option before the probabilities were rounded to 2
        // decimals): where rounded values tie, the response goes first.
        const first = parsed.values.find(([text]) => text === row.response);
        const values = first ? [first, ...parsed.values.filter((entry) => entry !== first)] : parsed.values;
        scores.set(`camel-style-published-${type}-${index + 1}`, { kind: 'order', values });
      });
      const dataset = `camel-style:${join(data, 'camel')}?protocol=paper&optionSets=${encodeURIComponent(file)}&settings=${type}`;
      const { rows } = await scoreRecorded(dataset, new Map([[`alpaca-2_${size}b`, scores]]), directory);
      const table = camelStylePaperTable(rows, type);
      for (const row of expected.filter((entry) => entry.Llama_Size === size)) {
        const byCode = table.get(row.Category) ?? {};
        const ours = Object.fromEntries(Object.entries(CAMEL_COLUMNS).map(([code, column]) => [column, pythonRound2(byCode[code])]));
        const publishedCells = Object.fromEntries(
          Object.entries(row)
            .filter(([column]) => column !== 'Category' && column !== 'Llama_Size')
            .map(([column, value]) => [column, Number(value)]),
        );
        compare(result.table, `type${type} ${size}b ${row.Category}`, ours ?? {}, publishedCells, 2, result);
      }
    }
  }
  return result.cells > 0 || result.lines.length > 0 ? result : undefined;
}

const directory = mkdtempSync(join(tmpdir(), 'ck-reproduce-'));
try {
  for (const reproduce of [reproduceGeomlama, reproduceCamel]) {
    const comparison = await reproduce(directory);
    if (!comparison) continue;
    process.stdout.write(`\n${comparison.table}\n${comparison.lines.join('\n')}\n`);
    process.stdout.write(`${comparison.equal} of ${comparison.cells} cells equal at the published precision\n`);
    if (comparison.equal !== comparison.cells) process.exitCode = 1;
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
