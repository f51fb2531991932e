import type { ContinuationScore } from '../models/language-model.js';
import type { Item } from '../schema/item.js';
import { CHOICE_LETTERS } from '../schema/fields.js';
import type { Score } from '../schema/score.js';
import { rankContinuations } from './chosen-option.js';
import { extractChoice } from './extract-choice.js';
import { extractTrueFalse } from './extract-true-false.js';

/**
 * Scores a generated reply. Multiple choice and true/false are read from the text; a reply with no
 * extractable answer is `invalid` (its `accuracy` is 0 and its `invalid` is 1, so it is counted and shown, never silently dropped).
 * Open items stay `unscored` until a judge scores them.
 *
 * @example
 * scoreGeneration(item, 'Answer: **B**', 'B') // { status: 'scored', method: 'letter', metrics: { accuracy: 1, invalid: 0 }, extracted: 'B', … }
 */
export function scoreGeneration(item: Item, reply: string, answer: string | undefined, shownChoices?: readonly string[]): Score {
  if (item.format === 'mcq') {
    const extraction = extractChoice(reply, shownChoices ?? item.choices ?? [], { language: item.language });
    return scoreExtraction('letter', extraction.status === 'found' ? { ...extraction, value: extraction.letter } : extraction, answer);
  }
  if (item.format === 'true_false') return scoreExtraction('true-false', extractTrueFalse(reply, { language: item.language }), answer);
  return { status: 'unscored', method: 'none', metrics: {}, details: { reason: 'open responses are scored by a judge' } };
}

type Extraction = { status: 'found'; value: string; rule: string } | { status: 'invalid'; reason: string };

/** An answer read from a reply, compared with the key; without a key the reading is kept but not scored. */
function scoreExtraction(method: 'letter' | 'true-false', extraction: Extraction, answer: string | undefined): Score {
  if (extraction.status === 'invalid') {
    return answer === undefined
      ? { status: 'unscored', method, metrics: {}, details: { reason: extraction.reason } }
      : { status: 'invalid', method, metrics: { accuracy: 0, invalid: 1 }, details: { reason: extraction.reason } };
  }
  if (answer === undefined) {
    return { status: 'unscored', method, metrics: {}, extracted: extraction.value, details: { rule: extraction.rule, reason: 'no answer key' } };
  }
  return {
    status: 'scored',
    method,
    metrics: { accuracy: extraction.value === answer ? 1 : 0, invalid: 0 },
    extracted: extraction.value,
    details: { rule: extraction.rule },
  };
}

/**
 * Scores multiple choice by log-likelihood: the choice with the highest sum (`accuracy`) and the highest
 * per-character log-likelihood (`accuracy_norm`, as lm-evaluation-harness's acc_norm).
 */
export function scoreLogLikelihood(scores: readonly ContinuationScore[], answer: string | undefined): Score {
  const bestSum = CHOICE_LETTERS[rankContinuations(scores, 'sum')[0] ?? 0];
  const bestNormalized = CHOICE_LETTERS[rankContinuations(scores, 'per-character')[0] ?? 0];
  const details = {
    logLikelihoods: scores.map((score) => score.logLikelihood),
    tokens: scores.map((score) => score.tokens),
    characters: scores.map((score) => score.characters),
    normalizedChoice: bestNormalized,
  };
  if (answer === undefined) return { status: 'unscored', method: 'loglik', metrics: {}, extracted: bestSum, details };
  return {
    status: 'scored',
    method: 'loglik',
    metrics: { accuracy: bestSum === answer ? 1 : 0, accuracy_norm: bestNormalized === answer ? 1 : 0 },
    extracted: bestSum,
    details,
  };
}
