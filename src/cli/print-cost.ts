import type { CostCell, RunCost } from '../analysis/cost.js';
import { formatTable } from './format-table.js';

/** The end-of-run cost table: the total, each model and judge, each condition and country (US dollars, tokens). */
export function formatCostTable(cost: RunCost): string {
  const row = (what: string, name: string, cell: CostCell) => [what, name, `$${cell.cost.toFixed(4)}`, String(cell.inputTokens), String(cell.outputTokens)];
  const rows = [
    row('run', 'total', cost.total),
    ...Object.entries(cost.byModel).map(([name, cell]) => row('model', name, cell)),
    ...Object.entries(cost.byJudge).map(([name, cell]) => row('judge', name, cell)),
    ...Object.entries(cost.byCondition).map(([name, cell]) => row('condition', name, cell)),
    ...Object.entries(cost.byCountry)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([name, cell]) => row('country', name, cell)),
  ];
  const unpriced = cost.unpriced.length ? `\nno price for ${cost.unpriced.join(', ')} (counted as free): add them under prices in the config` : '';
  return `cost (US dollars, by the config's prices)\n${formatTable(['', 'name', 'cost', 'input tokens', 'output tokens'], rows)}${unpriced}`;
}
