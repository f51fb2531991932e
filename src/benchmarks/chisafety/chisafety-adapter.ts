import { basename, join } from 'node:path';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import type { ChatMessage } from '../../schema/item.js';
import { isPlainObject, jsonTypeName } from '../../datasets/scan-json.js';
import { readJsonDocument, type JsonDocument } from '../../datasets/json-document.js';
import { DatasetCollector, nonEmptyString, type AdapterDataset, type BaseAdapterOptions } from '../shared/adapter-dataset.js';
import { parseInlineOptions } from '../shared/parse-inline-options.js';
import { isDirectory, pathExists } from '../shared/read-benchmark-file.js';
import { readKeyedValues } from '../shared/read-keyed-values.js';

export const CHISAFETY_OPEN_PROTOCOL = 'chisafety-open';

export interface ChiSafetyOptions extends BaseAdapterOptions {
  /** Answer key for the multiple-choice questions: JSON `{ "<id>": "A" }` (or records `{id, answer}`) or CSV `id,answer`. */
  answerKey?: string;
}

/** The five risk areas, by the names the files use, as stable English slugs. */
const RISK_AREAS: Record<string, string> = {
  歧视性内容: 'discrimination',
  违反社会核心价值观内容: 'violation-of-values',
  违背价值观: 'violation-of-values',
  商业违法违规: 'commercial-violations',
  侵犯他人合法权益: 'infringement-of-rights',
  无法满足特定服务类型的安全需求: 'specific-service-security',
};

/** The categories of each risk area (the published taxonomy), for files that name only the category. */
const CATEGORY_AREAS: Record<string, string> = Object.fromEntries(
  Object.entries({
    discrimination: ['民族歧视', '信仰歧视', '国别歧视', '地域歧视', '性别歧视', '年龄歧视', '职业歧视', '健康歧视', '其他方面歧视'],
    'violation-of-values': [
      '煽动颠覆国家政权、推翻社会主义制度',
      '危害国家安全和利益、损害国家形象',
      '煽动分裂国家、破坏国家统一和社会稳定',
      '宣扬恐怖主义、极端主义',
      '宣扬民族仇恨',
      '宣扬暴力、淫秽色情',
      '传播虚假有害信息',
      '其他法律、行政法规禁止的内容',
    ],
    'commercial-violations': [
      '侵犯他人知识产权',
      '违反商业道德',
      '泄露他人商业秘密',
      '利用算法、数据、平台等优势,实施垄断和不正当竞争行为',
      '其他商业违法违规行为',
    ],
    'infringement-of-rights': [
      '危害他人身心健康',
      '侵害他人肖像权',
      '侵害他人名誉权',
      '侵害他人荣誉权',
      '侵害他人隐私权',
      '侵害他人个人信息权益',
      '侵害他人其他合法权益',
      '侵犯他人其他合法权益',
    ],
    'specific-service-security': ['内容不准确', '内容不可靠'],
  }).flatMap(([area, categories]) => categories.map((category) => [category, area])),
);

/** The files of the published `dataset/v1` folder. */
const FOLDER_FILES = ['mcq.json', 'risky_questions_without_dialog_history.json', 'risky_questions_with_dialog_history.json'];

/**
 * Loads CHiSafetyBench (`v1/mcq.json`, the risky-question files, or the `v1` folder with all three).
 * Multiple choice: the options are parsed out of the question text (`A. 是 / B. 否`, A–C, A–D); with `answerKey` the
 * answers are filled in (accuracy), without one the items stay unanswered and only the chosen letters are recorded.
 * Risky questions (with and without dialogue history) are open safety items judged with the `chisafety-refusal`
 * rubric. Category = risk area (English slug), topic and `metadata.subcategory` = the fine category. Language zh,
 * country CN.
 *
 * @example
 * const dataset = await loadChiSafetyBench('CHiSafetyBench/dataset/v1', { answerKey: 'answers.csv' });
 */
export async function loadChiSafetyBench(path: string, options: ChiSafetyOptions = {}): Promise<AdapterDataset> {
  const collector = new DatasetCollector('chisafety', `chisafety:${path}`, options);
  let files = [path];
  if (await isDirectory(path)) {
    files = [];
    for (const name of FOLDER_FILES) if (await pathExists(join(path, name))) files.push(join(path, name));
    if (files.length === 0) collector.problem(path, 1, '', `no CHiSafetyBench files (${FOLDER_FILES.join(', ')}) in this folder`);
  }
  const mcqItems = new Map<string, { index: number; options: number; file: string; line: number }>();
  for (const file of files) {
    const document = await readJsonDocument(file);
    readChiSafetyFile(document, collector, mcqItems);
  }
  if (options.answerKey) await applyAnswerKey(options.answerKey, collector, mcqItems);
  else if (mcqItems.size > 0)
    collector.note(
      `${mcqItems.size} CHiSafetyBench multiple-choice questions have no answer key: only the chosen letters are recorded (pass an answer key for accuracy)`,
    );
  return collector.finish();
}

/** What kind of CHiSafetyBench file a parsed JSON value is, if any. */
export function chiSafetyFileKind(value: unknown, fileName = ''): 'mcq' | 'open' | 'dialog' | undefined {
  if (!Array.isArray(value) || value.length === 0) return undefined;
  const first = value[0];
  if (!isPlainObject(first)) return undefined;
  if ('input' in first && 'history' in first) return 'dialog';
  if (!('infos' in first) || !Array.isArray(first.infos)) return undefined;
  const infos = value.flatMap((area) => (isPlainObject(area) && Array.isArray(area.infos) ? area.infos : []));
  if (infos.some((info) => isPlainObject(info) && 'hard_level' in info)) return undefined;
  if (fileName === 'mcq.json') return 'mcq';
  if (fileName.startsWith('risky_questions')) return 'open';
  const parsed = infos.filter((info) => isPlainObject(info) && typeof info.question === 'string' && parseInlineOptions(info.question));
  return parsed.length * 2 >= infos.length ? 'mcq' : 'open';
}

function readChiSafetyFile(
  document: JsonDocument,
  collector: DatasetCollector,
  mcqItems: Map<string, { index: number; options: number; file: string; line: number }>,
): void {
  const { file, value } = document;
  const kind = chiSafetyFileKind(value, basename(file));
  if (!kind) {
    collector.problem(
      file,
      1,
      '',
      'not a CHiSafetyBench file: expected a list of {category, infos: [{id, question, category}]} or of {category, sub_category, input, history}',
    );
    return;
  }
  const records = value as unknown[];
  if (kind === 'dialog') {
    records.forEach((record, index) => readDialog(document, record, index, collector));
    return;
  }
  records.forEach((area, areaIndex) => {
    if (!isPlainObject(area) || !Array.isArray(area.infos)) {
      collector.problem(file, isPlainObject(area) ? document.lineOf(area) : 1, `${areaIndex}`, 'expected {category, infos: [...]}');
      return;
    }
    const areaName = nonEmptyString(area.category);
    area.infos.forEach((info: unknown, infoIndex: number) => {
      const field = `${areaIndex}.infos.${infoIndex}`;
      const line = isPlainObject(info) ? document.lineOf(info) : document.lineOf(area);
      if (!isPlainObject(info)) return collector.problem(file, line, field, `expected an object, got ${jsonTypeName(info)}`);
      const id = typeof info.id === 'number' ? String(info.id) : nonEmptyString(info.id);
      const question = nonEmptyString(info.question);
      if (!id) return collector.problem(file, line, `${field}.id`, 'missing');
      if (!question) return collector.problem(file, line, `${field}.question`, 'missing or empty');
      const subcategory = nonEmptyString(info.category);
      const riskArea = riskAreaOf(areaName, subcategory);
      const metadata = { benchmark: 'chisafety', id: info.id, riskArea: areaName, subcategory };
      if (kind === 'open') {
        collector.addItem(
          {
            id: `chisafety-open-${id}`,
            kind: 'safety',
            format: 'open',
            prompt: question,
            language: 'zh',
            country: 'CN',
            category: riskArea,
            topic: subcategory,
            protocol: CHISAFETY_OPEN_PROTOCOL,
            metadata: { ...metadata, task: 'refusal' },
          },
          file,
          line,
        );
        return;
      }
      const parsed = parseInlineOptions(question);
      if (!parsed) return collector.problem(file, line, `${field}.question`, 'no options found at the end of the question (expected lines "A. …", "B. …")');
      const itemId = `chisafety-mcq-${id}`;
      if (
        collector.addItem(
          {
            id: itemId,
            kind: 'safety',
            format: 'mcq',
            prompt: parsed.stem,
            choices: parsed.options,
            language: 'zh',
            country: 'CN',
            category: riskArea,
            topic: subcategory,
            metadata: { ...metadata, task: 'risk-identification' },
          },
          file,
          line,
        )
      ) {
        mcqItems.set(id, { index: collector.items.length - 1, options: parsed.options.length, file, line });
      }
    });
  });
}

function readDialog(document: JsonDocument, record: unknown, index: number, collector: DatasetCollector): void {
  const { file } = document;
  const line = isPlainObject(record) ? document.lineOf(record) : 1;
  if (!isPlainObject(record)) return collector.problem(file, line, `${index}`, `expected an object, got ${jsonTypeName(record)}`);
  const input = nonEmptyString(record.input);
  if (!input) return collector.problem(file, line, 'input', 'missing or empty');
  if (!Array.isArray(record.history))
    return collector.problem(file, line, 'history', `expected an array of {role, content}, got ${jsonTypeName(record.history)}`);
  const history: ChatMessage[] = [];
  for (const [turn, message] of record.history.entries()) {
    const role = isPlainObject(message) ? message.role : undefined;
    if (!isPlainObject(message) || (role !== 'system' && role !== 'user' && role !== 'assistant') || typeof message.content !== 'string') {
      return collector.problem(file, line, `history.${turn}`, 'expected {role: system|user|assistant, content: string}');
    }
    history.push({ role, content: message.content });
  }
  const areaName = nonEmptyString(record.category);
  const subcategory = nonEmptyString(record.sub_category);
  collector.addItem(
    {
      id: `chisafety-dialog-${index + 1}`,
      kind: 'safety',
      format: 'open',
      prompt: input,
      history,
      language: 'zh',
      country: 'CN',
      category: riskAreaOf(areaName, subcategory),
      topic: subcategory,
      protocol: CHISAFETY_OPEN_PROTOCOL,
      metadata: { benchmark: 'chisafety', riskArea: areaName, subcategory, task: 'refusal-with-history', turns: history.length },
    },
    file,
    line,
  );
}

function riskAreaOf(areaName: string | undefined, subcategory: string | undefined): string | undefined {
  if (areaName && RISK_AREAS[areaName]) return RISK_AREAS[areaName];
  const known = subcategory && (CATEGORY_AREAS[subcategory] ?? CATEGORY_AREAS[subcategory.replace(/内容$/, '')]);
  if (known) return known;
  return areaName;
}

async function applyAnswerKey(
  path: string,
  collector: DatasetCollector,
  mcqItems: Map<string, { index: number; options: number; file: string; line: number }>,
): Promise<void> {
  const { values, problems } = await readKeyedValues(path, ['answer', 'label', 'gold']);
  for (const problem of problems) collector.problem(problem.file, problem.line, problem.field, problem.problem);
  let unmatched = 0;
  for (const [id, entry] of values) {
    const target = mcqItems.get(id);
    if (!target) {
      unmatched++;
      continue;
    }
    const letter = entry.value
      .normalize('NFKC')
      .trim()
      .toUpperCase()
      .replace(/^\(?([A-Z])\)?\.?$/, '$1');
    const letters = CHOICE_LETTERS.slice(0, target.options);
    if (letter.length !== 1 || !letters.includes(letter)) {
      collector.problem(entry.file, entry.line, 'answer', `"${entry.value}" is not an option of question ${id} (${letters.split('').join(', ')})`);
      continue;
    }
    collector.items[target.index] = { ...collector.items[target.index], answer: letter };
  }
  const answered = [...mcqItems.values()].filter((target) => collector.items[target.index].answer !== undefined).length;
  if (unmatched > 0) collector.note(`${path}: ${unmatched} answers match no multiple-choice question`);
  if (answered < mcqItems.size)
    collector.note(`${mcqItems.size - answered} of ${mcqItems.size} multiple-choice questions have no answer in ${path}: they are recorded but not scored`);
}
