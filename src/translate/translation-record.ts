import type { Item } from '../schema/item.js';
import type { MqmError } from './gemba.js';

/** Quality-estimation methods `--qe` accepts. */
export const qeMethods = ['gemba-da', 'gemba-mqm', 'chrf', 'chrf++', 'http'] as const;
export type QeMethod = (typeof qeMethods)[number];

/** Why a record was rejected (or is borderline): the check and a sentence. */
export interface TranslationReason {
  check: 'call' | 'reply' | 'protected-span' | 'choices' | 'language' | 'length-ratio' | 'threshold' | 'qe-invalid';
  field?: string;
  message: string;
}

/** One record in one target language, as written to kept.jsonl / rejected.jsonl. */
export interface TranslationRecord {
  /** `<source id>.<language>`. */
  id: string;
  sourceId: string;
  kind: 'instruction' | 'item';
  sourceLanguage: string;
  language: string;
  status: 'kept' | 'rejected';
  /** Why it was rejected (empty when kept). */
  reasons: TranslationReason[];
  /** Kept, but close to a threshold or with an unreadable judge reply: worth a person's look. */
  borderline: string[];
  source: Record<string, string>;
  /** Absent when the translation call failed or its reply could not be read. */
  translation?: Record<string, string>;
  /** The round trip (target → source), when chrF or chrF++ was asked for. */
  backTranslation?: Record<string, string>;
  /** Each QE method's score: a number, or null when the judge's reply was invalid (never 0 for invalid). */
  qe: Partial<Record<QeMethod, number | null>>;
  /** Why a QE score is null. */
  qeInvalid?: Partial<Record<QeMethod, string>>;
  /** GEMBA-MQM's error list, for reviewers. */
  mqmErrors?: MqmError[];
  /** Code points of the translated prose / of the source prose. */
  lengthRatio?: number;
  /** The language identified in the translation (BCP 47, `und` when undetermined). */
  detectedLanguage?: string;
  /** The translated benchmark item (kind `item`, kept or not). */
  item?: Item;
  /** The translator's raw reply, when it could not be read. */
  reply?: string;
}

/** The record's fields in one text, in their order: what QE, language identification and length ratios look at. */
export function joinedFields(fields: Readonly<Record<string, string>>): string {
  return Object.values(fields)
    .filter((value) => value !== '')
    .join('\n');
}
