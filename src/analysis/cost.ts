import { callCost, type ModelPrice } from '../schema/price.js';
import type { ResultRow } from '../schema/result.js';

/** What pricing reads of a result (a row or its brief). */
type PricedResult = Pick<ResultRow, 'model' | 'condition' | 'country' | 'cached' | 'usage' | 'details'>;

/** Money and tokens of one group of calls. */
export interface CostCell {
  /** US dollars. */
  cost: number;
  inputTokens: number;
  outputTokens: number;
}

/** What a run's model calls cost, by its `prices` (US dollars per million tokens): `summary.json`'s `cost`. */
export interface RunCost {
  currency: 'USD';
  total: CostCell;
  /** The evaluated models' own calls (answers, recall steps). */
  byModel: Record<string, CostCell>;
  /** Each judge's calls. */
  byJudge: Record<string, CostCell>;
  /** Models and judges together, per condition and per country. */
  byCondition: Record<string, CostCell>;
  byCountry: Record<string, CostCell>;
  /** Specs that made calls but have no price (counted as free). */
  unpriced: string[];
}

/**
 * Prices the calls of a run's results as they stream past. A row's own tokens (its `usage` less its judges') are the
 * model's, charged unless the row was answered from the cache; each judge verdict's tokens are that judge's, charged
 * unless cached. A run resumed over several invocations is charged for every call it made.
 *
 * @example
 * const costs = new CostAccumulator({ 'openai:gpt-4o-mini': { input: 0.15, output: 0.6 } });
 * for (const row of rows) costs.add(row);
 * costs.result().total.cost
 */
export class CostAccumulator {
  private readonly cost: RunCost = { currency: 'USD', total: emptyCell(), byModel: {}, byJudge: {}, byCondition: {}, byCountry: {}, unpriced: [] };
  private readonly unpriced = new Set<string>();

  constructor(private readonly prices: Readonly<Record<string, ModelPrice>>) {}

  add(row: PricedResult): void {
    let judgeInput = 0;
    let judgeOutput = 0;
    for (const rubric of row.details?.judges ?? []) {
      for (const verdict of rubric.verdicts) {
        if (!verdict.usage) continue;
        judgeInput += verdict.usage.inputTokens;
        judgeOutput += verdict.usage.outputTokens;
        if (!verdict.cached) this.charge(row, 'byJudge', verdict.judge, verdict.usage.inputTokens, verdict.usage.outputTokens);
      }
    }
    if (!row.cached) this.charge(row, 'byModel', row.model, Math.max(0, row.usage.inputTokens - judgeInput), Math.max(0, row.usage.outputTokens - judgeOutput));
  }

  result(): RunCost {
    return { ...this.cost, unpriced: [...this.unpriced].sort() };
  }

  private charge(row: PricedResult, role: 'byModel' | 'byJudge', spec: string, inputTokens: number, outputTokens: number): void {
    if (inputTokens === 0 && outputTokens === 0) return;
    const price = this.prices[spec];
    if (!price) this.unpriced.add(spec);
    const cost = price ? callCost(price, inputTokens, outputTokens) : 0;
    for (const cell of [
      this.cost.total,
      (this.cost[role][spec] ??= emptyCell()),
      (this.cost.byCondition[row.condition] ??= emptyCell()),
      ...(row.country ? [(this.cost.byCountry[row.country] ??= emptyCell())] : []),
    ]) {
      cell.cost += cost;
      cell.inputTokens += inputTokens;
      cell.outputTokens += outputTokens;
    }
  }
}

function emptyCell(): CostCell {
  return { cost: 0, inputTokens: 0, outputTokens: 0 };
}

/**
 * The rows of a cost table, in one order for the terminal, the HTML and the Markdown report: the total, each model and
 * judge, each condition, each country.
 *
 * @example
 * costTableRows(summary.cost) // [['run', 'total', { cost: 0.12, inputTokens: 90000, outputTokens: 20000 }], ['model', 'openai:qwen', …], …]
 */
export function costTableRows(cost: RunCost): [what: string, name: string, cell: CostCell][] {
  return [
    ['run', 'total', cost.total],
    ...Object.entries(cost.byModel).map(([name, cell]): [string, string, CostCell] => ['model', name, cell]),
    ...Object.entries(cost.byJudge).map(([name, cell]): [string, string, CostCell] => ['judge', name, cell]),
    ...Object.entries(cost.byCondition).map(([name, cell]): [string, string, CostCell] => ['condition', name, cell]),
    ...Object.entries(cost.byCountry)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, cell]): [string, string, CostCell] => ['country', name, cell]),
  ];
}
