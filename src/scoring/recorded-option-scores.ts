import type { ContinuationScore, RecordedOptionScores } from '../models/language-model.js';
import { foldAnswer } from '../text/fold-text.js';

export const OPTION_SCORE_KINDS = ['logprob', 'prob', 'rank', 'order'] as const;
export type OptionScoreKind = (typeof OPTION_SCORE_KINDS)[number];

/**
 * Reads one recorded cell of per-option scores: a JSON object `{"option": value}`, a Python dict literal as published
 * by many papers (`{'right': 0.95, 'left': 0.05}`), or a JSON array of option texts best first (kind `order`).
 * Key order is kept (it is the published ranking where values tie). Returns a message when it cannot be read.
 *
 * @example
 * parseOptionScores("{'middle': 0.95, 'left': 0.0}", 'prob') // { kind: 'prob', values: [['middle', 0.95], ['left', 0]] }
 * parseOptionScores('["Kyoto", "Tokyo"]', 'order')            // { kind: 'order', values: [['Kyoto', 1], ['Tokyo', 2]] }
 */
export function parseOptionScores(cell: unknown, kind: OptionScoreKind): RecordedOptionScores | string {
  if (Array.isArray(cell)) {
    if (!cell.every((entry) => typeof entry === 'string')) return 'an array of option texts (best first) was expected';
    return { kind: kind === 'order' ? 'order' : 'rank', values: cell.map((text, index) => [text, index + 1]) };
  }
  if (cell && typeof cell === 'object') {
    const values: [string, number][] = [];
    for (const [key, value] of Object.entries(cell)) {
      if (typeof value !== 'number' || Number.isNaN(value)) return `the score of "${key}" is not a number`;
      values.push([key, value]);
    }
    return values.length > 0 ? { kind, values } : 'no option scores';
  }
  if (typeof cell !== 'string' || cell.trim() === '') return 'no option scores';
  const text = cell.trim();
  if (text.startsWith('[')) {
    try {
      return parseOptionScores(JSON.parse(text), kind);
    } catch {
      return 'not a JSON array of option texts';
    }
  }
  return parseDictLiteral(text, kind);
}

const ENTRY = /\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")\s*:\s*(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?|-?inf(?:inity)?|nan)\s*(,|\})/iy;

/** A JSON object or Python dict literal of string keys and number values, in key order. */
function parseDictLiteral(text: string, kind: OptionScoreKind): RecordedOptionScores | string {
  if (!text.startsWith('{')) return 'expected {"option": score, …} or ["option", …]';
  const values: [string, number][] = [];
  let index = 1;
  if (/^\{\s*\}$/.test(text)) return 'no option scores';
  for (;;) {
    ENTRY.lastIndex = index;
    const match = ENTRY.exec(text);
    if (!match) return `cannot read the option scores at character ${index + 1}: ${text.slice(index, index + 30)}`;
    const key = (match[1] ?? match[2]).replace(/\\(.)/g, '$1');
    const raw = match[3].toLowerCase();
    const value = raw.includes('inf') ? (raw.startsWith('-') ? -Infinity : Infinity) : Number(raw);
    if (Number.isNaN(value)) return `the score of "${key}" is not a number`;
    values.push([key, value]);
    index = ENTRY.lastIndex;
    if (match[4] === '}') break;
  }
  if (text.slice(index).trim() !== '') return `unexpected text after the option scores: ${text.slice(index, index + 30)}`;
  return { kind, values };
}

/**
 * The recorded scores of the options as shown, as continuation scores the log-likelihood scorers rank (higher is
 * better; one token and one character each, so sum, mean and per-character ranking agree): log-probabilities as given,
 * probabilities as their logarithm, ranks and orders negated. Where values tie, the recorded order decides. Options are
 * matched by exact text, then by folded text; an option with no score is an error message.
 *
 * @example
 * recordedContinuationScores(['left', 'right'], { kind: 'order', values: [['right', 1], ['left', 2]] }) // right ranks first
 */
export function recordedContinuationScores(shownChoices: readonly string[], recorded: RecordedOptionScores): ContinuationScore[] | string {
  const exact = new Map<string, number>();
  const folded = new Map<string, number>();
  recorded.values.forEach(([text], position) => {
    if (!exact.has(text)) exact.set(text, position);
    if (!folded.has(foldAnswer(text))) folded.set(foldAnswer(text), position);
  });
  const scores: ContinuationScore[] = [];
  for (const choice of shownChoices) {
    const position = exact.get(choice) ?? exact.get(choice.trim()) ?? folded.get(foldAnswer(choice));
    if (position === undefined) return `no recorded score for the option "${choice}" (recorded: ${recorded.values.map(([text]) => text).join(', ')})`;
    const value = recorded.values[position][1];
    const score = recorded.kind === 'logprob' ? value : recorded.kind === 'prob' ? Math.log(value) : recorded.kind === 'rank' ? -value : -(position + 1);
    // The recorded position breaks ties (equal rounded probabilities): a vanishing adjustment that never reorders distinct values.
    scores.push({ logLikelihood: tieBreak(score, position), tokens: 1, characters: 1 });
  }
  return scores;
}

function tieBreak(score: number, position: number): number {
  if (!Number.isFinite(score)) return score === -Infinity ? -1e300 * (1 + position * 1e-6) : score;
  return score - position * 1e-12 * Math.max(1, Math.abs(score));
}
