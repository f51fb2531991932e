/**
 * chrF and chrF++ exactly as sacrebleu 2.6.0 computes them (`sacrebleu/metrics/chrf.py`, default settings: character
 * n-grams 1…6, β = 2, case kept, whitespace removed, effective order; chrF++ adds word 1- and 2-grams). Signatures:
 * `nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.6.0` (chrF) and `…|nw:2|…` (chrF++).
 * `test/fixtures/sacrebleu-chrf.json` (made by `scripts/make-chrf-fixture.py`) holds sacrebleu's own values.
 */

/** Which metric: chrF (characters only) or chrF++ (characters and word 1-, 2-grams). */
export type ChrfVariant = 'chrf' | 'chrf++';

const CHAR_ORDER = 6;
const BETA = 2;

/** Python's `str.split()` whitespace (not JavaScript's `\s`: no U+FEFF, but U+001C–001F and U+0085). */
const PYTHON_WHITESPACE = new Set<number>([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);
/** Python's `string.punctuation`. */
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

/** Per order, [hypothesis n-grams, reference n-grams, matches]: the flat list sacrebleu sums over a corpus. */
export type ChrfStatistics = number[];

/** Words as Python's `str.split()` gives them. */
function pythonSplit(text: string): string[] {
  const words: string[] = [];
  let word = '';
  for (const character of text) {
    if (PYTHON_WHITESPACE.has(character.codePointAt(0)!)) {
      if (word) words.push(word);
      word = '';
    } else {
      word += character;
    }
  }
  if (word) words.push(word);
  return words;
}

function countNgrams(units: readonly string[], n: number, joiner: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let start = 0; start + n <= units.length; start++) {
    const gram = units.slice(start, start + n).join(joiner);
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/** sacrebleu's `_remove_punctuation`: one ASCII punctuation character split off the end, else off the start, of each longer word. */
function wordsOf(text: string): string[] {
  const words: string[] = [];
  for (const word of pythonSplit(text)) {
    const points = Array.from(word);
    if (points.length === 1) words.push(word);
    else if (ASCII_PUNCTUATION.has(points[points.length - 1])) words.push(points.slice(0, -1).join(''), points[points.length - 1]);
    else if (ASCII_PUNCTUATION.has(points[0])) words.push(points[0], points.slice(1).join(''));
    else words.push(word);
  }
  return words;
}

/** The n-gram counters of one segment: character orders 1…6, then word orders 1…`wordOrder`. */
function segmentNgrams(text: string, wordOrder: number): Map<string, number>[] {
  const characters = Array.from(pythonSplit(text).join(''));
  const counters: Map<string, number>[] = [];
  for (let n = 1; n <= CHAR_ORDER; n++) counters.push(countNgrams(characters, n, ''));
  if (wordOrder > 0) {
    const words = wordsOf(text);
    for (let n = 1; n <= wordOrder; n++) counters.push(countNgrams(words, n, ' '));
  }
  return counters;
}

function matchStatistics(hypothesis: Map<string, number>, reference: Map<string, number>): [number, number, number] {
  let hypCount = 0;
  let matches = 0;
  for (const [gram, count] of hypothesis) {
    hypCount += count;
    const inReference = reference.get(gram);
    if (inReference !== undefined) matches += Math.min(count, inReference);
  }
  let refCount = 0;
  for (const count of reference.values()) refCount += count;
  // sacrebleu: no hypothesis count where the reference has no n-gram of this order.
  return [reference.size > 0 ? hypCount : 0, refCount, matches];
}

/** The F-score (0–100) of summed statistics, with sacrebleu's effective-order averaging. */
export function chrfFromStatistics(statistics: readonly number[]): number {
  const factor = BETA ** 2;
  let averagePrecision = 0;
  let averageRecall = 0;
  let effectiveOrder = 0;
  for (let index = 0; index + 2 < statistics.length; index += 3) {
    const [hyp, ref, match] = [statistics[index], statistics[index + 1], statistics[index + 2]];
    if (hyp > 0 && ref > 0) {
      averagePrecision += match / hyp;
      averageRecall += match / ref;
      effectiveOrder++;
    }
  }
  if (effectiveOrder === 0) return 0;
  averagePrecision /= effectiveOrder;
  averageRecall /= effectiveOrder;
  if (averagePrecision + averageRecall === 0) return 0;
  return (100 * ((1 + factor) * averagePrecision * averageRecall)) / (factor * averagePrecision + averageRecall);
}

/**
 * A segment's statistics against its references: those of the reference with the best F-score (the first on a tie).
 *
 * @example
 * chrfFromStatistics(chrfStatistics('Der Hund bellt laut.', ['Der Hund bellt sehr laut.'])) // 66.55130631400885
 */
export function chrfStatistics(hypothesis: string, references: readonly string[], variant: ChrfVariant = 'chrf'): ChrfStatistics {
  if (references.length === 0) throw new Error('chrF needs at least one reference');
  const wordOrder = variant === 'chrf++' ? 2 : 0;
  const hypothesisNgrams = segmentNgrams(hypothesis, wordOrder);
  let best: ChrfStatistics = [];
  let bestScore = -1;
  for (const reference of references) {
    const referenceNgrams = segmentNgrams(reference, wordOrder);
    const statistics = hypothesisNgrams.flatMap((counter, order) => matchStatistics(counter, referenceNgrams[order]));
    const score = chrfFromStatistics(statistics);
    if (score > bestScore) {
      bestScore = score;
      best = statistics;
    }
  }
  return best;
}

/**
 * sacrebleu's `CHRF().sentence_score(hypothesis, references)` (chrF++: `CHRF(word_order=2)`).
 *
 * @example
 * sentenceChrf('猫は寝ている', ['猫が寝ている']) // 37.77777777777778
 */
export function sentenceChrf(hypothesis: string, references: readonly string[], variant: ChrfVariant = 'chrf'): number {
  return chrfFromStatistics(chrfStatistics(hypothesis, references, variant));
}

/**
 * sacrebleu's `CHRF().corpus_score(hypotheses, references)`: the segments' statistics summed, then scored once.
 * `references[k][i]` is reference k of segment i (sacrebleu's reference streams).
 *
 * @example
 * corpusChrf(['Der Hund bellt laut.', '猫は寝ている'], [['Der Hund bellt sehr laut.', '猫が寝ている']]) // 63.008091132890165
 */
export function corpusChrf(hypotheses: readonly string[], references: readonly (readonly string[])[], variant: ChrfVariant = 'chrf'): number {
  for (const stream of references) {
    if (stream.length !== hypotheses.length) throw new Error(`chrF: ${hypotheses.length} hypotheses but a reference stream of ${stream.length}`);
  }
  const total: number[] = [];
  hypotheses.forEach((hypothesis, index) => {
    const statistics = chrfStatistics(
      hypothesis,
      references.map((stream) => stream[index]),
      variant,
    );
    statistics.forEach((value, position) => {
      total[position] = (total[position] ?? 0) + value;
    });
  });
  return chrfFromStatistics(total);
}

/** Sums segments' statistics (same variant), for a corpus score computed once at the end. */
export function sumChrfStatistics(list: readonly ChrfStatistics[]): ChrfStatistics {
  const total: number[] = [];
  for (const statistics of list) statistics.forEach((value, position) => (total[position] = (total[position] ?? 0) + value));
  return total;
}
