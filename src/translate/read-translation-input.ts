import { loadDataset } from '../benchmarks/load-dataset.js';
import { readDatasetFile } from '../datasets/read-records.js';
import { fileError } from '../datasets/read-text-file.js';
import { DatasetError, type RecordProblem } from '../errors/culturekit-error.js';
import type { Item } from '../schema/item.js';
import { languageTag } from '../schema/fields.js';

/** One record to translate: its natural-language fields (in a fixed order) and what it came from. */
export interface SourceRecord {
  id: string;
  kind: 'instruction' | 'item';
  /** BCP 47 tag of the record's language. */
  language: string;
  /** `instruction`, `input`, `output` of instruction data; `prompt`, `choice.1`…, `reference` of benchmark items. */
  fields: Record<string, string>;
  /** The benchmark item (kind `item`). */
  item?: Item;
  /** Where it was read (`file:line`), for messages. */
  where: string;
}

const INSTRUCTION_FIELDS = ['instruction', 'input', 'output'] as const;

/**
 * Reads what `culturekit translate --input` names: a file of instruction data (records with `instruction` and
 * `output`, optional `input`, `id`, `language`: Alpaca's shape) or any dataset reference `eval` reads (a culturekit
 * items file, `builtin:sample`, `<benchmark>:<path>`). Errors name the file, line and field.
 *
 * @example
 * const records = await readTranslationInput('alpaca.jsonl', 'en');
 */
export async function readTranslationInput(ref: string, defaultLanguage: string, onWarning?: (message: string) => void): Promise<SourceRecord[]> {
  if (/\.(jsonl|json|csv|parquet)$/i.test(ref) && !ref.includes(':')) {
    const read = await readDatasetFile(ref);
    const first = read.records[0]?.value;
    if (first && typeof first.instruction === 'string') return instructionRecords(ref, read.records, read.problems, defaultLanguage);
  }
  const dataset = await loadDataset(ref, { onWarning });
  return dataset.items.map((item) => itemRecord(item, ref));
}

function instructionRecords(
  file: string,
  records: { line: number; value: Record<string, unknown> }[],
  problems: RecordProblem[],
  defaultLanguage: string,
): SourceRecord[] {
  if (problems.length > 0) throw new DatasetError(problems, `dataset ${file} rejected`);
  const seen = new Set<string>();
  return records.map(({ line, value }) => {
    const fields: Record<string, string> = {};
    for (const name of INSTRUCTION_FIELDS) {
      const field = value[name];
      if (field === undefined || field === null || field === '') {
        if (name === 'input') continue;
        throw fileError(file, line, `an instruction record needs a non-empty "${name}"`, name);
      }
      if (typeof field !== 'string') throw fileError(file, line, `expected text, got ${typeof field}`, name);
      fields[name] = field;
    }
    const id = value.id === undefined ? `r${line}` : String(value.id);
    if (seen.has(id)) throw fileError(file, line, `duplicate id "${id}"`, 'id');
    seen.add(id);
    const language = value.language === undefined ? defaultLanguage : String(value.language);
    if (!languageTag.safeParse(language).success) throw fileError(file, line, `"${language}" is not a BCP 47 language tag`, 'language');
    return { id, kind: 'instruction', language, fields, where: `${file}:${line}` };
  });
}

function itemRecord(item: Item, ref: string): SourceRecord {
  const fields: Record<string, string> = { prompt: item.prompt };
  item.choices?.forEach((choice, index) => {
    fields[`choice.${index + 1}`] = choice;
  });
  if (item.reference) fields.reference = item.reference;
  return { id: item.id, kind: 'item', language: item.language, fields, item, where: `${ref}: item ${item.id}` };
}

/** The translated benchmark item: same id suffixed by the language, country, gold answer; linked to its source. */
export function translatedItem(source: Item, fields: Readonly<Record<string, string>>, language: string, extra: Record<string, unknown>): Item {
  const choices = source.choices?.map((_, index) => fields[`choice.${index + 1}`]);
  return {
    ...source,
    id: `${source.id}.${language}`,
    prompt: fields.prompt,
    ...(choices ? { choices } : {}),
    ...(source.reference !== undefined ? { reference: fields.reference } : {}),
    language,
    metadata: { ...source.metadata, translation: { sourceId: source.id, sourceLanguage: source.language, ...extra } },
  };
}
