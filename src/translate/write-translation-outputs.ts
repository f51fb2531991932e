import { join } from 'node:path';
import { writeFileAtomic } from '../util/write-file-atomic.js';
import type { SourceRecord } from './read-translation-input.js';
import type { TranslationResult } from './run-translation.js';

function jsonLines(values: readonly unknown[]): string {
  return values.map((value) => JSON.stringify(value)).join('\n') + (values.length > 0 ? '\n' : '');
}

/**
 * Writes a translation's outputs, each file whole or not at all:
 * - `kept.jsonl`, `rejected.jsonl`: every record × language with its QE scores and reasons;
 * - `<language>/messages.jsonl` (instruction data): one OpenAI chat example per kept record,
 *   `{"messages": [{"role": "user", …}, {"role": "assistant", …}], "id", "sourceId", "language"}` — what `adapt data` reads per language;
 * - `<language>/instructions.jsonl` (instruction data): the kept records as `{id, sourceId, language, instruction, input, output}`;
 * - `<language>/items.jsonl` (benchmark items): the kept translated items, ready for `culturekit eval --dataset`;
 * - `items-all-languages.jsonl` (benchmark items): the source items and every kept translation, for one eval run whose
 *   report compares items across languages;
 * - `translation-manifest.json`: options, prompts, counts, calls, tokens, cost and the per-language table.
 * Returns the files written (relative to `outDir`).
 *
 * @example
 * writeTranslationOutputs('translated', result, records);
 */
export function writeTranslationOutputs(outDir: string, result: TranslationResult, sources: readonly SourceRecord[]): string[] {
  const written: string[] = [];
  const write = (name: string, content: string) => {
    writeFileAtomic(join(outDir, name), content);
    written.push(name);
  };
  const kept = result.records.filter((record) => record.status === 'kept');
  write('kept.jsonl', jsonLines(kept));
  write('rejected.jsonl', jsonLines(result.records.filter((record) => record.status === 'rejected')));
  for (const language of result.manifest.targets) {
    const mine = kept.filter((record) => record.language === language);
    const instructions = mine.filter((record) => record.kind === 'instruction');
    if (instructions.length > 0) {
      write(
        join(language, 'messages.jsonl'),
        jsonLines(
          instructions.map((record) => {
            const { instruction, input = '', output } = record.translation!;
            return {
              messages: [
                { role: 'user', content: input ? `${instruction}\n\n${input}` : instruction },
                { role: 'assistant', content: output },
              ],
              id: record.id,
              sourceId: record.sourceId,
              language,
            };
          }),
        ),
      );
      write(
        join(language, 'instructions.jsonl'),
        jsonLines(instructions.map((record) => ({ id: record.id, sourceId: record.sourceId, language, ...record.translation }))),
      );
    }
    const items = mine.flatMap((record) => (record.item ? [record.item] : []));
    if (items.length > 0) write(join(language, 'items.jsonl'), jsonLines(items));
  }
  const sourceItems = sources.flatMap((source) => (source.item ? [source.item] : []));
  if (sourceItems.length > 0) write('items-all-languages.jsonl', jsonLines([...sourceItems, ...kept.flatMap((record) => (record.item ? [record.item] : []))]));
  write('translation-manifest.json', `${JSON.stringify(result.manifest, null, 2)}\n`);
  return written;
}
