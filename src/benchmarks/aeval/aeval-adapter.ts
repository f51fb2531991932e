import { isPlainObject, jsonTypeName } from '../../datasets/scan-json.js';
import { readJsonDocument } from '../../datasets/json-document.js';
import { DatasetCollector, nonEmptyString, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { readKeyedValues } from '../shared/read-keyed-values.js';

export const AEVAL_PROTOCOL = 'aeval';

export interface AEvalOptions extends BaseAdapterOptions {
  /** Reference answers: JSON `{ "<id>": "…" }` (or records `{id, reference}`), JSONL, or CSV `id,reference`. */
  references?: string;
}

/** The five task categories, by the names the file uses. */
const CATEGORIES: Record<string, string> = {
  文本理解: 'text-understanding',
  信息抽取: 'information-extraction',
  文本生成: 'text-generation',
  逻辑推理: 'logical-reasoning',
  任务规划: 'task-planning',
};

const DIFFICULTIES: Record<string, string> = { 易: 'easy', 中: 'medium', 难: 'hard', 難: 'hard' };

/**
 * Loads A-Eval (a list of categories, each `{category, infos: [{id, question, hard_level, category}]}`): open
 * capability items in Chinese, judged with the `aeval-score` rubric (0–100). Category = task category (English slug),
 * topic = difficulty (`easy`/`medium`/`hard`, from 易/中/难), `metadata.subtask` = the subtask. Reference answers are
 * not published; pass your own with `references`.
 *
 * @example
 * const dataset = await loadAEval('A-Eval/dataset/llm_678.json', { references: 'my-references.csv' });
 */
export async function loadAEval(path: string, options: AEvalOptions = {}): Promise<AdapterDataset> {
  const collector = new DatasetCollector('aeval', `aeval:${path}`, options);
  const document = await readJsonDocument(path);
  const { file, value } = document;
  if (!looksLikeAEval(value)) {
    collector.problem(file, 1, '', 'not an A-Eval file: expected a list of {category, infos: [{id, question, hard_level, category}]}');
    return collector.finish();
  }
  const positions = new Map<string, number>();
  (value as unknown[]).forEach((group, groupIndex) => {
    if (!isPlainObject(group) || !Array.isArray(group.infos)) {
      collector.problem(file, isPlainObject(group) ? document.lineOf(group) : 1, `${groupIndex}`, 'expected {category, infos: [...]}');
      return;
    }
    const categoryName = nonEmptyString(group.category);
    group.infos.forEach((info: unknown, infoIndex: number) => {
      const field = `${groupIndex}.infos.${infoIndex}`;
      const line = isPlainObject(info) ? document.lineOf(info) : document.lineOf(group);
      if (!isPlainObject(info)) return collector.problem(file, line, field, `expected an object, got ${jsonTypeName(info)}`);
      const id = typeof info.id === 'number' ? String(info.id) : nonEmptyString(info.id);
      const question = nonEmptyString(info.question);
      const hardLevel = nonEmptyString(info.hard_level);
      if (!id) return collector.problem(file, line, `${field}.id`, 'missing');
      if (!question) return collector.problem(file, line, `${field}.question`, 'missing or empty');
      const difficulty = hardLevel ? DIFFICULTIES[hardLevel] : undefined;
      if (!difficulty) return collector.problem(file, line, `${field}.hard_level`, `expected 易, 中 or 难, got ${JSON.stringify(info.hard_level ?? null)}`);
      const subtask = nonEmptyString(info.category);
      const added = collector.addItem(
        {
          id: `aeval-${id}`,
          kind: 'capability',
          format: 'open',
          prompt: question,
          language: 'zh',
          category: (categoryName && CATEGORIES[categoryName]) ?? categoryName,
          topic: difficulty,
          protocol: AEVAL_PROTOCOL,
          metadata: { benchmark: 'aeval', id: info.id, category: categoryName, subtask, hardLevel, difficulty },
        },
        file,
        line,
      );
      if (added) positions.set(id, collector.items.length - 1);
    });
  });
  if (options.references) {
    const { values, problems } = await readKeyedValues(options.references, ['reference', 'answer', 'reference_answer']);
    for (const problem of problems) collector.problem(problem.file, problem.line, problem.field, problem.problem);
    let unmatched = 0;
    for (const [id, entry] of values) {
      const index = positions.get(id);
      if (index === undefined) unmatched++;
      else collector.items[index] = { ...collector.items[index], reference: entry.value };
    }
    if (unmatched > 0) collector.note(`${options.references}: ${unmatched} references match no A-Eval item`);
  }
  return collector.finish();
}

/** Whether a parsed JSON value has the A-Eval shape: a list of `{category, infos}` whose infos carry `hard_level`. */
export function looksLikeAEval(value: unknown): boolean {
  if (!Array.isArray(value) || value.length === 0) return false;
  return value.some(
    (group) => isPlainObject(group) && Array.isArray(group.infos) && group.infos.some((info: unknown) => isPlainObject(info) && 'hard_level' in info),
  );
}
