import { z } from 'zod';
import { DatasetError, type RecordProblem } from '../errors/culturekit-error.js';
import { readDatasetFile } from '../datasets/read-records.js';
import { countryCode, languageTag } from '../schema/fields.js';
import { detectLanguage } from './check-language.js';

/** One authoritative text about a culture, the input of `culturekit build`. */
export const sourceTextSchema = z.object({
  /** Default: `<country lower-case>-<line>` (e.g. `jp-3`). */
  id: z
    .string()
    .regex(/^[\p{L}\p{N}_.:-]+$/u, 'letters, digits, "_", ".", ":" and "-" only')
    .optional(),
  country: countryCode,
  topic: z.string().trim().min(1),
  text: z.string().trim().min(1),
  /** Where the text comes from (a URL, a book); copied to every description made from it. */
  source: z.string().trim().min(1).optional(),
  /** Language of the text; default: detected from the text. */
  language: languageTag.optional(),
});

export interface SourceText {
  id: string;
  country: string;
  topic: string;
  text: string;
  source?: string;
  language: string;
  /** Line (or record number) in the file. */
  line: number;
}

/**
 * Reads and validates the source texts of a build (`.jsonl`, `.json`, `.csv`, `.parquet` records with `country`,
 * `topic`, `text` and optionally `source`, `id`, `language`). Any invalid record rejects the file with a
 * `DatasetError` listing every problem as `file:line: field: problem`.
 *
 * @example
 * const sources = await readSources('japan-sources.jsonl');
 * // [{ id: 'jp-1', country: 'JP', topic: 'etiquette', text: 'In Japan…', source: 'https://…', language: 'en', line: 1 }]
 */
export async function readSources(file: string): Promise<SourceText[]> {
  const { records, problems } = await readDatasetFile(file);
  const all: RecordProblem[] = [...problems];
  const sources: SourceText[] = [];
  const firstLines = new Map<string, number>();
  for (const record of records) {
    const value = Object.fromEntries(Object.entries(record.value).filter(([, field]) => field !== '' && field !== null));
    const parsed = sourceTextSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) all.push({ file, line: record.line, field: issue.path.join('.'), problem: issue.message });
      continue;
    }
    const { data } = parsed;
    const id = data.id ?? `${data.country.toLowerCase()}-${record.line}`;
    const first = firstLines.get(id);
    if (first !== undefined) {
      all.push({ file, line: record.line, field: 'id', problem: `duplicate source id "${id}" (first on line ${first})` });
      continue;
    }
    firstLines.set(id, record.line);
    sources.push({
      id,
      country: data.country,
      topic: data.topic,
      text: data.text,
      source: data.source,
      language: data.language ?? detectLanguage(data.text),
      line: record.line,
    });
  }
  if (all.length > 0) {
    all.sort((left, right) => left.line - right.line);
    throw new DatasetError(all, `source texts ${file} rejected: ${all.length} problem${all.length === 1 ? '' : 's'}`);
  }
  if (sources.length === 0) throw new DatasetError([], `source texts ${file}: no records`);
  return sources;
}
