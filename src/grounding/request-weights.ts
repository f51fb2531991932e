import { tokenize } from './tokenize.js';

/** A word in this share of the requests counts half; one in twice the share, a third; and so on. */
export const REQUEST_WEIGHT_SHARE = 0.03;
/** Fewer requests than this say too little about which words are common: every word counts fully. */
export const MIN_WEIGHTED_REQUESTS = 100;
/** Distinct words counted before those seen only once are forgotten (keeps a gateway's memory bounded). */
const MAX_COUNTED_WORDS = 200_000;

/** How much each query word counts in the lexical first stage, from how many requests use it. */
export interface RequestWeights {
  /** Requests counted. */
  readonly requests: number;
  /** The factor of a query token (1 for a word few requests use, towards 0 for one most requests use). */
  weight(token: string): number;
}

/** One request as the weights count it: its prompt, its options when it has them (`requestText`), and its language. */
export interface WeightedRequest {
  prompt: string;
  choices?: readonly string[];
  language?: string;
}

/**
 * Request weights (a query-log inverse document frequency): a word used by many requests says how requests are asked
 * (`explain`, `outdated`, `culture`, and the demonym of every request about one country), not which custom one is
 * about, and descriptions rarely use it, so plain BM25 over descriptions gives it a high weight that pulls in whatever
 * description happens to contain it. Counting the requests (their text only: no pairing, no labels) and weighing each
 * word by 1 / (1 + df / (n · share)) takes that weight back. The eval engine counts the run's own requests; on the
 * AdaCultureSafe release weights counted over the requests about *other* descriptions gave the same gain (R@3 of
 * safety requests 73 → 78 %), so they carry over to new requests about the same countries (`bench/retrieval-quality.ts`).
 *
 * @example
 * const weights = requestWeights(dataset.items);
 * kb.retrieve(query, { requestWeights: weights });
 */
export function requestWeights(requests: Iterable<WeightedRequest>, share = REQUEST_WEIGHT_SHARE): RequestCounter {
  const counter = new RequestCounter(share);
  for (const request of requests) counter.add(request);
  return counter;
}

/**
 * Request weights that go on counting: the gateway adds each request it has answered, so its weights follow the
 * requests it serves (a request is added after its own retrieval, never weighing itself).
 *
 * @example
 * const counter = requestWeights(kbDataset.items);
 * counter.add({ prompt: 'Why bow in Japan?', language: 'en' });
 */
export class RequestCounter implements RequestWeights {
  private readonly frequencies = new Map<string, number>();
  private count = 0;

  constructor(private readonly share = REQUEST_WEIGHT_SHARE) {}

  get requests(): number {
    return this.count;
  }

  /** Distinct words counted. */
  get words(): number {
    return this.frequencies.size;
  }

  add(request: WeightedRequest): void {
    this.count++;
    for (const token of new Set(tokenize(requestText(request), { language: request.language })))
      this.frequencies.set(token, (this.frequencies.get(token) ?? 0) + 1);
    if (this.frequencies.size > MAX_COUNTED_WORDS) this.forgetRareWords();
  }

  /** A long-running gateway meets words without end: the rarest (which weigh ~1 anyway) are forgotten, down to 3/4 of the bound. */
  private forgetRareWords(): void {
    for (let rarest = 1; this.frequencies.size > (MAX_COUNTED_WORDS * 3) / 4; rarest++) {
      for (const [token, frequency] of this.frequencies) if (frequency <= rarest) this.frequencies.delete(token);
    }
  }

  weight(token: string): number {
    if (this.count < MIN_WEIGHTED_REQUESTS) return 1;
    return 1 / (1 + (this.frequencies.get(token) ?? 0) / (this.count * this.share));
  }
}

/**
 * The text a request is searched by: the prompt, and for a multiple-choice item its options too (the model is shown
 * them, a user's message holds them, and the right one usually restates the custom: on the AdaCultureSafe release
 * R@3 of knowledge questions goes from 78 to 92 % with them).
 *
 * @example
 * requestText({ prompt: 'Which number is lucky in China?', choices: ['Four', 'Eight'] }) // 'Which number is lucky in China?\nFour\nEight'
 */
export function requestText(item: { prompt: string; choices?: readonly string[] }): string {
  return item.choices?.length ? `${item.prompt}\n${item.choices.join('\n')}` : item.prompt;
}
