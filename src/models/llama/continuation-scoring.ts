import type { ControlledEvaluateInputItem, ControlledEvaluateIndexOutput, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import type { ContinuationScore, ScoreContinuationsRequest } from '../language-model.js';
import { ModelCallError } from '../model-error.js';
import { abortedError } from './sequence-pool.js';

interface PlannedContinuation {
  /** Tokens after the shared prefix: context tokens first (where the boundary merged differently), then the scored tokens. */
  tail: Token[];
  /** Index in `tail` of the first scored token. */
  scoredFrom: number;
  characters: number;
}

/** How a request is evaluated: the shared prefix once, then each continuation's tail on top of it. */
export interface ContinuationPlan {
  prefix: Token[];
  continuations: PlannedContinuation[];
  /** Tokens of the longest `prefix + tail`. */
  longest: number;
  /** Tokens in the request: the prefix plus every tail. */
  totalTokens: number;
}

function commonPrefixLength(left: readonly Token[], right: readonly Token[]): number {
  const limit = Math.min(left.length, right.length);
  let index = 0;
  while (index < limit && left[index] === right[index]) index++;
  return index;
}

/**
 * Tokenizes the prompt and each `prompt + continuation` (as lm-evaluation-harness does) and splits them at the boundary:
 * a continuation's scored tokens are those after the common token prefix of the two tokenizations, so a space or a merge at
 * the boundary is never lost. The prefix shared by every continuation is evaluated once.
 */
export function planContinuations(model: LlamaModel, request: ScoreContinuationsRequest): ContinuationPlan {
  const promptTokens = model.tokenize(request.prompt, false);
  let start: Token[] = model.tokens.shouldPrependBosToken && model.tokens.bos !== null ? [model.tokens.bos] : [];
  if (start.length === 0 && promptTokens.length === 0 && model.tokens.eos !== null) start = [model.tokens.eos];
  const prompt = [...start, ...promptTokens];
  const fulls = request.continuations.map((continuation) => [...start, ...model.tokenize(request.prompt + continuation, false)]);
  const boundaries = fulls.map((full) => commonPrefixLength(prompt, full));
  const scored = boundaries.filter((boundary, index) => boundary < fulls[index].length);
  if (scored.some((boundary) => boundary === 0)) {
    throw new ModelCallError('cannot score a continuation with no token before it: the model adds no BOS token and has no EOS token', {
      kind: 'unsupported',
      isRetryable: false,
    });
  }
  const shared = scored.length > 0 ? Math.min(...scored) : prompt.length;
  const prefix = prompt.slice(0, shared);
  const continuations = fulls.map((full, index) => ({
    tail: full.slice(shared),
    scoredFrom: boundaries[index] - shared,
    characters: [...request.continuations[index]].length,
  }));
  return {
    prefix,
    continuations,
    longest: Math.max(prefix.length, ...fulls.map((full) => full.length)),
    totalTokens: prefix.length + continuations.reduce((sum, continuation) => sum + continuation.tail.length, 0),
  };
}

/** Evaluate `token` and return the greedy next token, the logits of `nexts` and of the greedy token, and the softmax normaliser. */
function scoringInput(token: Token, nexts: readonly Token[]): ControlledEvaluateInputItem {
  return [token, { generateNext: { token: true, totalLogitWeight: true, logits: { filter: { tokens: nexts, includeSelected: true } } } }];
}

/** log P(target) and whether it is (one of) the most likely tokens, from a greedy step's filtered logits. */
function logProbability(output: ControlledEvaluateIndexOutput | undefined, target: Token): { logProbability: number; isGreedy: boolean } {
  const next = output?.next;
  const selected = next?.token;
  const logits = next?.logits;
  const targetLogit = logits?.get(target);
  const maximum = selected === null || selected === undefined ? undefined : logits?.get(selected);
  if (targetLogit === undefined || maximum === undefined || next?.totalLogitWeight === undefined) {
    throw new ModelCallError('llama.cpp returned no logits for a scored token', { kind: 'server', isRetryable: false });
  }
  return { logProbability: targetLogit - maximum - Math.log(next.totalLogitWeight), isGreedy: targetLogit >= maximum };
}

function tailInput(item: PlannedContinuation): ControlledEvaluateInputItem[] {
  return item.tail.slice(0, -1).map((token, index) => (index + 1 >= item.scoredFrom ? scoringInput(token, [item.tail[index + 1]]) : token));
}

function scoreFromOutputs(
  item: PlannedContinuation,
  lastPrefixOutput: ControlledEvaluateIndexOutput | undefined,
  tailOutputs: readonly (ControlledEvaluateIndexOutput | undefined)[],
): ContinuationScore {
  let logLikelihood = 0;
  let isGreedy = true;
  for (let index = item.scoredFrom; index < item.tail.length; index++) {
    const step = logProbability(index === 0 ? lastPrefixOutput : tailOutputs[index - 1], item.tail[index]);
    logLikelihood += step.logProbability;
    isGreedy &&= step.isGreedy;
  }
  return { logLikelihood, tokens: item.tail.length - item.scoredFrom, characters: item.characters, isGreedy };
}

/**
 * Scores each planned continuation on one sequence: aligns the sequence with the prefix (reusing what it already holds),
 * evaluates the prefix together with the longest continuation in one batch, then evaluates each other continuation on top
 * of the prefix, erasing every continuation after use. The sequence is left holding the prefix.
 */
export async function scorePlannedContinuations(sequence: LlamaContextSequence, plan: ContinuationPlan, signal?: AbortSignal): Promise<ContinuationScore[]> {
  if (plan.longest > sequence.contextSize) {
    throw new ModelCallError(`the prompt and a continuation need ${plan.longest} tokens but the context holds ${sequence.contextSize} (raise contextSize)`, {
      kind: 'client',
      isRetryable: false,
    });
  }
  const { prefix, continuations } = plan;
  const eraseTails = async (): Promise<void> => {
    if (sequence.nextTokenIndex > prefix.length) {
      await sequence.eraseContextTokenRanges([{ start: prefix.length, end: sequence.nextTokenIndex }]);
    }
  };
  const firstTargets = [...new Set(continuations.filter((item) => item.scoredFrom === 0 && item.tail.length > 0).map((item) => item.tail[0]))];
  const reusable = sequence.compareContextTokens(prefix).firstDifferentIndex;
  const keep = Math.min(reusable, firstTargets.length > 0 ? prefix.length - 1 : prefix.length);
  if (sequence.nextTokenIndex > keep) await sequence.eraseContextTokenRanges([{ start: keep, end: sequence.nextTokenIndex }]);
  if (signal?.aborted) throw abortedError(signal);

  const prefixInput: ControlledEvaluateInputItem[] = prefix.slice(keep);
  if (firstTargets.length > 0) prefixInput[prefixInput.length - 1] = scoringInput(prefix[prefix.length - 1], firstTargets);
  let longest = -1;
  continuations.forEach((item, index) => {
    if (item.tail.length > item.scoredFrom && (longest < 0 || item.tail.length > continuations[longest].tail.length)) longest = index;
  });
  const longestInput = longest >= 0 ? tailInput(continuations[longest]) : [];
  let outputs: (ControlledEvaluateIndexOutput | undefined)[] = [];
  try {
    if (prefixInput.length + longestInput.length > 0) outputs = await sequence.controlledEvaluate([...prefixInput, ...longestInput]);
  } finally {
    await eraseTails();
  }
  const lastPrefixOutput = prefixInput.length > 0 ? outputs[prefixInput.length - 1] : undefined;

  const scores: ContinuationScore[] = [];
  for (const [index, item] of continuations.entries()) {
    if (signal?.aborted) throw abortedError(signal);
    if (item.tail.length === item.scoredFrom) {
      scores.push({ logLikelihood: 0, tokens: 0, characters: item.characters, isGreedy: true });
      continue;
    }
    if (index === longest) {
      scores.push(scoreFromOutputs(item, lastPrefixOutput, outputs.slice(prefixInput.length)));
      continue;
    }
    const input = tailInput(item);
    let tailOutputs: (ControlledEvaluateIndexOutput | undefined)[] = [];
    try {
      if (input.length > 0) tailOutputs = await sequence.controlledEvaluate(input);
    } finally {
      await eraseTails();
    }
    scores.push(scoreFromOutputs(item, lastPrefixOutput, tailOutputs));
  }
  return scores;
}
