import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { datasetHash, type Dataset } from '../datasets/dataset.js';
import { readDatasetLines, fileError } from '../datasets/read-text-file.js';
import { InputError } from '../errors/culturekit-error.js';
import { itemSchema, type Item } from '../schema/item.js';
import type { TranslationRecord } from '../translate/translation-record.js';

/** Which translated records a review project holds: the rejected ones, or the kept ones close to a threshold. */
export type TranslationSelection = 'rejected' | 'borderline';

/**
 * A review project's dataset from a `culturekit translate` output folder: the rejected records (`rejected.jsonl`, each
 * with its reasons) or the borderline ones (kept records of `kept.jsonl` near a threshold or with an invalid judge
 * reply). Benchmark items are reviewed as the translated items; an instruction record becomes an open item (prompt:
 * instruction and input; reference: output). The source text, QE scores, GEMBA-MQM errors and reasons go in
 * `metadata.translation` for the reviewer. Records with no readable translation are left out (counted in `skipped`).
 *
 * @example
 * const { dataset } = await translationReviewDataset('translated', 'rejected');
 * reviews.createProject({ name: 'ja-rejected', dataset, reviewsPerRecord: 1 });
 */
export async function translationReviewDataset(outDir: string, selection: TranslationSelection): Promise<{ dataset: Dataset; skipped: number }> {
  const file = join(outDir, selection === 'rejected' ? 'rejected.jsonl' : 'kept.jsonl');
  const items: Item[] = [];
  let skipped = 0;
  if (!existsSync(file)) throw new InputError(`${file} not found: --translation names the --out folder of culturekit translate`);
  for await (const { line, text } of readDatasetLines(file)) {
    if (text.trim() === '') continue;
    let record: TranslationRecord;
    try {
      record = JSON.parse(text) as TranslationRecord;
    } catch (error) {
      throw fileError(file, line, `not JSON: ${(error as Error).message}`);
    }
    if (typeof record?.id !== 'string' || !Array.isArray(record.reasons) || !Array.isArray(record.borderline)) {
      throw fileError(file, line, 'not a translation record (id, reasons, borderline) written by culturekit translate');
    }
    if (selection === 'borderline' && record.borderline.length === 0) continue;
    if (!record.translation) {
      skipped++;
      continue;
    }
    const review = {
      sourceId: record.sourceId,
      sourceLanguage: record.sourceLanguage,
      source: record.source,
      reasons: record.reasons,
      borderline: record.borderline,
      qe: record.qe,
      ...(record.mqmErrors ? { mqmErrors: record.mqmErrors } : {}),
      ...(record.backTranslation ? { backTranslation: record.backTranslation } : {}),
    };
    const { instruction = '', input = '', output = '' } = record.translation;
    const candidate: Item = record.item
      ? { ...record.item, metadata: { ...record.item.metadata, translation: { ...(record.item.metadata?.translation as object), ...review } } }
      : {
          id: record.id,
          kind: 'capability',
          format: 'open',
          prompt: input ? `${instruction}\n\n${input}` : instruction,
          ...(output ? { reference: output } : {}),
          language: record.language,
          metadata: { translation: review },
        };
    const parsed = itemSchema.safeParse(candidate);
    if (parsed.success) items.push(parsed.data);
    else skipped++;
  }
  return { dataset: { ref: `translation:${outDir}?${selection}`, descriptions: [], items, skippedInvalid: skipped, hash: datasetHash([], items) }, skipped };
}
