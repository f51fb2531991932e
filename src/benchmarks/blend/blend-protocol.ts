import { BLEND_PROTOCOL, type BlendMetadata } from './blend-adapter.js';
import type { Item } from '../../schema/item.js';
import type { Score } from '../../schema/score.js';
import type { CallOutcome } from '../../models/call-outcome.js';
import { prepareReply } from '../../scoring/extract-choice.js';
import type { ScoringProtocol } from '../../scoring/protocol.js';
import { containsAnswer } from '../../scoring/normalize-answer.js';
import { renderRequest } from '../../scoring/render-request.js';
import { foldAnswer } from '../../text/fold-text.js';

/** The annotation a response matched: its answer, weight (`count / max count`) and the language it was matched in. */
export interface BlendMatch {
  answer: string;
  weight: number;
  count: number;
  language: string;
}

/**
 * The best annotation a response contains (soft exact match): every annotation's local-language answers (when
 * `matchLocal`) and English answers are normalised (NFKC, lower case, no accents or punctuation) and looked for in the
 * normalised response, as substrings in scripts written without spaces (and Korean), as runs of whole words otherwise.
 * The matched annotation with the highest count wins, as in BLEnD's scorer (annotations sorted by count, first hit).
 *
 * @example
 * matchBlendAnswer('I think it is kimchi.', [{ answers: ['김치'], en_answers: ['kimchi'], count: 4 }], false, 'en')
 * // { answer: 'kimchi', weight: 1, count: 4, language: 'en' }
 */
export function matchBlendAnswer(
  response: string,
  annotations: readonly BlendMetadata['annotations'][number][],
  matchLocal: boolean,
  language: string,
): BlendMatch | undefined {
  const text = foldAnswer(prepareReply(response));
  const maxCount = Math.max(...annotations.map((annotation) => annotation.count));
  let best: BlendMatch | undefined;
  for (const annotation of annotations) {
    if (best && best.count >= annotation.count) continue;
    const candidates = [
      ...(matchLocal ? annotation.answers.map((answer) => ({ answer, language })) : []),
      ...annotation.en_answers.map((answer) => ({ answer, language: 'en' })),
    ];
    const hit = candidates.find((candidate) => containsAnswer(text, foldAnswer(candidate.answer), candidate.language));
    if (hit) best = { answer: hit.answer, weight: annotation.count / maxCount, count: annotation.count, language: hit.language };
  }
  return best;
}

/**
 * The authors' response clean-up (`delete_prompt_from_answer`, `get_llm_response_by_id`): the echoed prompt removed,
 * full-width `：、，。` as ASCII, lower case, a leading `word:` label removed when the word is in the prompt, stripped of
 * spaces and of dots at both ends.
 *
 * @example
 * blendPaperResponse('Answer: Kimchi.', 'Question? Answer:') // 'kimchi'
 */
export function blendPaperResponse(response: string, prompt: string): string {
  const ascii = (text: string) => text.replaceAll('：', ':').replaceAll('、', ',').replaceAll('，', ',').replaceAll('。', '.').toLowerCase();
  let text = ascii(prompt === '' ? response : response.replaceAll(prompt, ''));
  const loweredPrompt = ascii(prompt);
  const label = /^([\p{L}\p{N}_]+:)\s/u.exec(text)?.[1];
  if (label && loweredPrompt.includes(label.slice(0, -1))) text = text.replace(label, '');
  return text.trim().replace(/^\.+|\.+$/g, '');
}

const PUNCTUATION_TOKEN = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/;

function paperTokens(text: string): string[] {
  return text
    .split(/[\s\p{P}]+/u)
    .map((token) =>
      token
        .normalize('NFD')
        .replace(/\u0301/g, '')
        .toLowerCase(),
    )
    .filter((token) => token !== '' && !PUNCTUATION_TOKEN.test(token));
}

/**
 * The authors' `lemma_check` without their lemmatizers: the answer as a raw substring of the cleaned response (also with
 * `-` ↔ space; an empty answer is a substring of everything), else every token of the answer among the response's.
 */
export function blendPaperCheck(answer: string, response: string): boolean {
  if (response.includes(answer) || response.includes(answer.replaceAll('-', ' ')) || response.includes(answer.replaceAll(' ', '-'))) return true;
  const tokens = new Set(paperTokens(response));
  return paperTokens(answer).every((token) => tokens.has(token));
}

/** The first annotation (in the file's order, highest count first) one of whose answers passes `blendPaperCheck`. */
function matchBlendPaper(
  response: string,
  annotations: readonly BlendMetadata['annotations'][number][],
  matchLocal: boolean,
  language: string,
): BlendMatch | undefined {
  const maxCount = annotations[0]?.count ?? 1;
  for (const annotation of annotations) {
    const local = matchLocal ? annotation.answers.find((answer) => blendPaperCheck(answer, response)) : undefined;
    if (local !== undefined) return { answer: local, weight: annotation.count / maxCount, count: annotation.count, language };
    const english = annotation.en_answers.find((answer) => blendPaperCheck(answer, response));
    if (english !== undefined) return { answer: english, weight: annotation.count / maxCount, count: annotation.count, language: 'en' };
  }
  return undefined;
}

/**
 * BLEnD short answers, scored by soft exact match against the annotators' answers: `sem_b` = 1 when the response
 * contains an annotated answer, `sem_w` = count of the matched annotation / highest count (0 when none matches).
 * An empty reply is `invalid` (both metrics 0).
 */
export const blendProtocol: ScoringProtocol = {
  id: BLEND_PROTOCOL,
  render: renderRequest,
  score(item: Item, _rendered, outcome: CallOutcome): Score {
    const metadata = blendMetadata(item);
    if (outcome.type !== 'generate')
      return {
        status: 'invalid',
        method: 'soft-match',
        metrics: { sem_b: 0, sem_w: 0, invalid: 1 },
        details: { reason: 'BLEnD answers are generated, not scored by log-likelihood' },
      };
    const reply = outcome.result.text;
    if (prepareReply(reply).trim() === '')
      return { status: 'invalid', method: 'soft-match', metrics: { sem_b: 0, sem_w: 0, invalid: 1 }, details: { reason: 'empty reply' } };
    const prompt = _rendered.type === 'generate' ? messageText(_rendered.messages.at(-1)?.content) : '';
    const match = metadata.paper
      ? matchBlendPaper(blendPaperResponse(reply, prompt), metadata.annotations, metadata.matchLocal, item.language)
      : // An echoed prompt is no answer: its words (which may include an answer) are not credited.
        matchBlendAnswer(prompt.trim() !== '' ? reply.replaceAll(prompt.trim(), ' ') : reply, metadata.annotations, metadata.matchLocal, item.language);
    return {
      status: 'scored',
      method: 'soft-match',
      metrics: { sem_b: match ? 1 : 0, sem_w: match?.weight ?? 0, invalid: 0 },
      extracted: match?.answer,
      details: { questionId: metadata.questionId, matched: match ?? null, ...(metadata.paper ? { protocol: 'paper' } : {}) },
    };
  },
  rubrics: () => [],
};

function messageText(content: unknown): string {
  return typeof content === 'string' ? content : '';
}

function blendMetadata(item: Item): BlendMetadata {
  const metadata = item.metadata as Partial<BlendMetadata> | undefined;
  if (metadata?.benchmark !== 'blend' || !Array.isArray(metadata.annotations))
    throw new Error(`item ${item.id} uses the blend-sem protocol but has no BLEnD annotations`);
  return metadata as BlendMetadata;
}
