import { costTableRows, type RunCost } from '../analysis/cost.js';
import { formatTable } from './format-table.js';

/** The end-of-run cost table: the total, each model and judge, each condition and country (US dollars, tokens). */
export function formatCostTable(cost: RunCost): string {
  const rows = costTableRows(cost).map(([what, name, cell]) => [what, name, `$${cell.cost.toFixed(4)}`, String(cell.inputTokens), String(cell.outputTokens)]);
  const unpriced = cost.unpriced.length ? `\nno price for ${cost.unpriced.join(', ')} (counted as free): add them under prices in the config` : '';
  return `cost (US dollars, by the config's prices)\n${formatTable(['', 'name', 'cost', 'input tokens', 'output tokens'], rows)}${unpriced}`;
}
