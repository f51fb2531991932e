import type { ResultBrief } from '../store/result-brief.js';
import type { LanguageRow } from '../translate/language-table.js';
import type { TranslationManifest } from '../translate/run-translation.js';
import { qeMethods } from '../translate/translation-record.js';
import type { TextTable } from './fine-grained-tables.js';
import { formatCount, formatValue } from './format-values.js';

const QE_TITLES: Record<string, string> = {
  'gemba-da': 'GEMBA-DA',
  'gemba-mqm': 'GEMBA-MQM',
  chrf: 'chrF (round trip)',
  'chrf++': 'chrF++ (round trip)',
  http: 'QE service',
};

/**
 * The per-language table of a translation, in the Global Gallery style (one row per language: translation quality
 * estimated per language), plus what the filters kept: mean QE with its 95% interval and the count of invalid judge
 * replies, the corpus round-trip chrF/chrF++, kept share, borderline records and rejections by check.
 *
 * @example
 * translationLanguageTable(manifest) // { title: 'Translation quality by language', header: ['language', 'records', 'kept', …], rows: [['ja', '100', '92 (92.0%)', …]] }
 */
export function translationLanguageTable(manifest: Pick<TranslationManifest, 'qe' | 'languages'>): TextTable {
  const methods = qeMethods.filter((method) => manifest.qe.includes(method));
  const corpus = (['chrf', 'chrf++'] as const).filter((variant) => methods.includes(variant));
  const header = [
    'language',
    'records',
    'kept',
    ...methods.map((method) => `${QE_TITLES[method]} mean [95% CI]`),
    ...corpus.map((variant) => `corpus ${variant === 'chrf' ? 'chrF' : 'chrF++'}`),
    'borderline',
    'rejected by',
  ];
  const rows = manifest.languages.map((row: LanguageRow) => [
    row.language,
    formatCount(row.records),
    `${formatCount(row.kept)} (${row.keptPercent.toFixed(1)}%)`,
    ...methods.map((method) => {
      const cell = row.qe[method];
      if (!cell || cell.n === 0) return cell?.invalid ? `— (${cell.invalid} invalid)` : '—';
      return `${formatValue(cell.mean)} [${formatValue(cell.low)}, ${formatValue(cell.high)}] n=${cell.n}${cell.invalid ? `, ${cell.invalid} invalid` : ''}`;
    }),
    ...corpus.map((variant) => formatValue(row.corpus[variant])),
    formatCount(row.borderline),
    Object.entries(row.rejectedBy)
      .sort(([, left], [, right]) => right - left)
      .map(([check, count]) => `${check} ${count}`)
      .join(', ') || '—',
  ]);
  return {
    title: 'Translation quality by language',
    note: 'Invalid judge replies are counted apart, never as 0. Corpus chrF sums the round trip statistics of the language, then scores once (as sacrebleu does).',
    header,
    numeric: header.map((_, index) => index > 0 && index < header.length - 1),
    rows,
  };
}

/** A table as plain aligned text (terminal) or as Markdown. */
export function formatTextTable(table: TextTable, style: 'text' | 'markdown'): string {
  if (style === 'markdown') {
    const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
    const lines = [
      `| ${table.header.map(cell).join(' | ')} |`,
      `| ${table.numeric.map((numeric) => (numeric ? '---:' : '---')).join(' | ')} |`,
      ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    ];
    return `${table.title}:\n\n${lines.join('\n')}\n${table.note ? `\n${table.note}\n` : ''}`;
  }
  const widths = table.header.map((heading, index) => Math.max(heading.length, ...table.rows.map((row) => row[index].length)));
  const line = (row: string[]) => row.map((value, index) => (table.numeric[index] ? value.padStart(widths[index]) : value.padEnd(widths[index]))).join('  ');
  return [table.title, line(table.header), ...table.rows.map(line)].join('\n');
}

/** `translation-report.md`: what was translated, how, and the per-language table. */
export function renderTranslationMarkdown(manifest: TranslationManifest): string {
  const { counts, calls, tokens } = manifest;
  return [
    '# Translation report',
    '',
    `- input: ${manifest.input.ref ?? '(records given)'} (${formatCount(manifest.input.records)} records) → ${manifest.targets.join(', ')}`,
    `- translator: \`${manifest.translator.spec}\`${manifest.judge ? `; judge: \`${manifest.judge.spec}\`` : ''}; prompts: ${Object.values(manifest.prompts).join(', ')}`,
    `- quality estimation: ${manifest.qe.join(', ') || 'none'}; thresholds: ${
      Object.entries(manifest.thresholds)
        .map(([method, value]) => `${method} ≥ ${value}`)
        .join(', ') || 'none'
    }`,
    `- kept ${formatCount(counts.kept)} of ${formatCount(counts.tasks)} (${formatCount(counts.rejected)} rejected, ${formatCount(counts.borderline)} borderline)${manifest.interrupted ? ' — interrupted: run the same command again to finish' : ''}`,
    `- calls: ${calls.total} (${calls.cached} cached, ${calls.new} new, ${calls.failed} failed); tokens ${tokens.input} in, ${tokens.output} out${manifest.cost ? `; cost $${manifest.cost.total.toFixed(4)} (new $${manifest.cost.new.toFixed(4)})` : ''}`,
    '',
    formatTextTable(translationLanguageTable(manifest), 'markdown'),
  ].join('\n');
}

/**
 * The id of the source item a result answers: a translated item's id is `<source id>.<language>` (see
 * `culturekit translate`), any other id is its own source.
 */
function sourceIdOf(row: Pick<ResultBrief, 'itemId' | 'language'>): string {
  const suffix = `.${row.language}`;
  return row.itemId.endsWith(suffix) ? row.itemId.slice(0, -suffix.length) : row.itemId;
}

/** Items shown one by one at most, per series. */
const ITEM_ROWS = 40;

/**
 * Results of the same item in several languages (a benchmark and its translations by `culturekit translate`), side by
 * side per model · condition: per language, the items compared, the metric's mean and how often the answer's
 * correctness agrees with the source language's; then item by item. Empty when no item was asked in two languages.
 *
 * @example
 * crossLanguageTables(rows, 'accuracy') // [{ title: 'openai:m · plain: the same items across languages', … }, …]
 */
export function crossLanguageTables(rows: Iterable<ResultBrief>, metric: string): TextTable[] {
  const bySeries = new Map<string, Map<string, Map<string, number>>>();
  const sourceLanguage = new Map<string, string>();
  for (const row of rows) {
    const value = row.metrics[metric];
    if (row.status !== 'scored' || typeof value !== 'number') continue;
    const source = sourceIdOf(row);
    if (source === row.itemId) sourceLanguage.set(source, row.language);
    const series = `${row.model} · ${row.condition}`;
    let items = bySeries.get(series);
    if (!items) bySeries.set(series, (items = new Map()));
    let languages = items.get(source);
    if (!languages) items.set(source, (languages = new Map()));
    languages.set(row.language, value);
  }
  const tables: TextTable[] = [];
  for (const [series, items] of bySeries) {
    const shared = [...items.entries()].filter(([, languages]) => languages.size >= 2).sort(([left], [right]) => left.localeCompare(right));
    if (shared.length === 0) continue;
    const languages = [...new Set(shared.flatMap(([, values]) => [...values.keys()]))].sort();
    const summary = languages.map((language) => {
      let n = 0;
      let sum = 0;
      let compared = 0;
      let agree = 0;
      for (const [source, values] of shared) {
        const value = values.get(language);
        if (value === undefined) continue;
        n++;
        sum += value;
        const original = sourceLanguage.get(source);
        const reference = original === undefined || original === language ? undefined : values.get(original);
        if (reference !== undefined) {
          compared++;
          if (reference === value) agree++;
        }
      }
      return [language, formatCount(n), formatValue(n ? sum / n : Number.NaN), compared ? `${((100 * agree) / compared).toFixed(1)}% of ${compared}` : '—'];
    });
    tables.push({
      title: `${series}: the same items across languages`,
      note: `${metric} per language over the items asked in two languages or more; agreement: the same ${metric} as the item in its source language.`,
      header: ['language', 'items', metric, 'agrees with source'],
      numeric: [false, true, true, true],
      rows: summary,
    });
    tables.push({
      title: `${series}: item by item (${metric})`,
      note: shared.length > ITEM_ROWS ? `the first ${ITEM_ROWS} of ${shared.length} items` : undefined,
      header: ['source item', ...languages],
      numeric: [false, ...languages.map(() => true)],
      rows: shared.slice(0, ITEM_ROWS).map(([source, values]) => [source, ...languages.map((language) => formatValue(values.get(language)))]),
    });
  }
  return tables;
}
