import { meanInterval } from '../statistics/intervals.js';
import { corpusChrf } from './chrf.js';
import { joinedFields, qeMethods, type QeMethod, type TranslationRecord } from './translation-record.js';

export interface MeanWithInterval {
  mean: number;
  low: number;
  high: number;
  /** Records with a valid score. */
  n: number;
  /** Records whose judge reply was invalid. */
  invalid: number;
}

/** One row of the per-language table (the Global Gallery style table: QE per language, plus what the filters kept). */
export interface LanguageRow {
  language: string;
  records: number;
  kept: number;
  keptPercent: number;
  /** Mean of each QE method over the language's translated records, with a 95% t-interval. */
  qe: Partial<Record<QeMethod, MeanWithInterval>>;
  /** Corpus chrF / chrF++ of the round trip (statistics summed over the language's records, scored once). */
  corpus: Partial<Record<'chrf' | 'chrf++', number>>;
  /** Rejections by their first check. */
  rejectedBy: Record<string, number>;
  borderline: number;
}

/**
 * The per-language table of a translation: mean QE with 95% intervals (invalid judge replies counted apart, not as 0),
 * corpus round-trip chrF/chrF++, kept share, rejections by check.
 *
 * @example
 * const rows = languageTable(records, ['gemba-da', 'chrf']);
 */
export function languageTable(records: readonly TranslationRecord[], methods: readonly QeMethod[]): LanguageRow[] {
  const byLanguage = new Map<string, TranslationRecord[]>();
  for (const record of records) byLanguage.set(record.language, [...(byLanguage.get(record.language) ?? []), record]);
  return [...byLanguage.entries()].map(([language, list]) => {
    const kept = list.filter((record) => record.status === 'kept').length;
    const qe: LanguageRow['qe'] = {};
    for (const method of qeMethods.filter((name) => methods.includes(name))) {
      let sum = 0;
      let squares = 0;
      let n = 0;
      let invalid = 0;
      for (const record of list) {
        if (!(method in record.qe)) continue;
        const value = record.qe[method];
        if (value === null || value === undefined) {
          invalid++;
          continue;
        }
        sum += value;
        squares += value * value;
        n++;
      }
      const [low, high] = meanInterval(sum, squares, n);
      qe[method] = { mean: n ? sum / n : Number.NaN, low, high, n, invalid };
    }
    const corpus: LanguageRow['corpus'] = {};
    const roundTrips = list.filter((record) => record.backTranslation);
    for (const variant of ['chrf', 'chrf++'] as const) {
      if (!methods.includes(variant) || roundTrips.length === 0) continue;
      corpus[variant] = corpusChrf(
        roundTrips.map((record) => joinedFields(record.backTranslation!)),
        [roundTrips.map((record) => joinedFields(record.source))],
        variant,
      );
    }
    const rejectedBy: Record<string, number> = {};
    for (const record of list) {
      const check = record.reasons[0]?.check;
      if (check) rejectedBy[check] = (rejectedBy[check] ?? 0) + 1;
    }
    return {
      language,
      records: list.length,
      kept,
      keptPercent: list.length ? (100 * kept) / list.length : 0,
      qe,
      corpus,
      rejectedBy,
      borderline: list.filter((record) => record.borderline.length > 0).length,
    };
  });
}
