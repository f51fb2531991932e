import { DatasetError, type RecordProblem } from '../../errors/culturekit-error.js';
import { culturalDescriptionSchema, type CulturalDescription } from '../../schema/description.js';
import { CHOICE_LETTERS } from '../../schema/fields.js';
import { itemSchema, type Item } from '../../schema/item.js';
import { australia } from './sample/au.js';
import { brazil } from './sample/br.js';
import { china } from './sample/cn.js';
import { germany } from './sample/de.js';
import { egypt } from './sample/eg.js';
import { france } from './sample/fr.js';
import { india } from './sample/in.js';
import { japan } from './sample/jp.js';
import { mexico } from './sample/mx.js';
import { nigeria } from './sample/ng.js';
import type { SampleCountry, SampleQuestion, SampleRequest } from './sample/sample-country.js';
import { saudiArabia } from './sample/sa.js';
import { thailand } from './sample/th.js';
import { unitedStates } from './sample/us.js';
import { southAfrica } from './sample/za.js';

/** The name of the built-in sample in dataset references (`builtin:sample`). */
export const BUILTIN_SAMPLE_NAME = 'sample';

/** The `source` of every description in the built-in sample. */
export const BUILTIN_SAMPLE_SOURCE = 'culturekit built-in sample (written by the culturekit authors)';

const SAMPLE_COUNTRIES: readonly SampleCountry[] = [
  japan,
  china,
  india,
  thailand,
  saudiArabia,
  egypt,
  nigeria,
  southAfrica,
  germany,
  france,
  brazil,
  mexico,
  unitedStates,
  australia,
];

/** Languages written without spaces between sentences. */
const UNSPACED_LANGUAGES = new Set(['ja', 'zh', 'th']);

/**
 * The built-in sample: descriptions and items, validated.
 *
 * Fourteen countries on six continents, eight fine-grained descriptions each; every description has a
 * knowledge item (4-option multiple choice) and a safety item (an open request: scene + requirement), and
 * Japan, China, Saudi Arabia and Mexico also have each description translated into their own language
 * (id suffixed with the language: `jp-greetings-1-ja`), with both items in that language pointing at it.
 * Each call returns fresh objects.
 *
 * @example
 * ```ts
 * const { descriptions, items } = loadBuiltinSample();
 * const japanese = items.filter((item) => item.country === 'JP' && item.language === 'ja');
 * ```
 */
export function loadBuiltinSample(): { descriptions: CulturalDescription[]; items: Item[] } {
  const descriptions: CulturalDescription[] = [];
  const items: Item[] = [];
  for (const sample of SAMPLE_COUNTRIES) {
    const prefix = sample.country.toLowerCase();
    const topicCounts = new Map<string, number>();
    for (const entry of sample.descriptions) {
      const count = (topicCounts.get(entry.topic) ?? 0) + 1;
      topicCounts.set(entry.topic, count);
      const descriptionId = `${prefix}-${entry.topic}-${count}`;
      descriptions.push({
        id: descriptionId,
        country: sample.country,
        topic: entry.topic,
        language: 'en',
        text: entry.text,
        source: BUILTIN_SAMPLE_SOURCE,
      });
      const context = { country: sample.country, topic: entry.topic, descriptionId };
      const probes: Probe[] = [{ language: 'en', suffix: '', knowledge: entry.knowledge, safety: entry.safety }];
      if (entry.local) {
        if (!sample.localLanguage) {
          throw new DatasetError([
            {
              file: `builtin:${BUILTIN_SAMPLE_NAME}`,
              line: descriptions.length,
              field: 'local',
              problem: `${sample.country} has local items but no localLanguage`,
            },
          ]);
        }
        const localId = `${descriptionId}-${sample.localLanguage}`;
        descriptions.push({
          id: localId,
          country: sample.country,
          topic: entry.topic,
          language: sample.localLanguage,
          text: entry.local.text,
          source: BUILTIN_SAMPLE_SOURCE,
        });
        probes.push({
          language: sample.localLanguage,
          suffix: `-${sample.localLanguage}`,
          descriptionId: localId,
          knowledge: entry.local.knowledge,
          safety: entry.local.safety,
        });
      }
      for (const probe of probes) {
        const probeContext = probe.descriptionId ? { ...context, descriptionId: probe.descriptionId } : context;
        probe.knowledge.forEach((question, index) => {
          items.push(knowledgeItem(question, `${descriptionId}-k${index + 1}${probe.suffix}`, probe.language, probeContext));
        });
        probe.safety.forEach((request, index) => {
          items.push(safetyItem(request, `${descriptionId}-s${index + 1}${probe.suffix}`, probe.language, probeContext));
        });
      }
    }
  }
  return validate(descriptions, items);
}

/** The items of one description in one language. */
interface Probe {
  language: string;
  /** Appended to item ids: `''` for English, `-ja` for Japanese. */
  suffix: string;
  /** The description the items point at, when it is not the English one: the local-language version. */
  descriptionId?: string;
  knowledge: SampleQuestion[];
  safety: SampleRequest[];
}

interface ItemContext {
  country: string;
  topic: string;
  descriptionId: string;
}

function knowledgeItem(question: SampleQuestion, id: string, language: string, context: ItemContext): Item {
  const choices = [...question.distractors];
  choices.splice(CHOICE_LETTERS.indexOf(question.letter), 0, question.correct);
  return {
    id,
    kind: 'knowledge',
    format: 'mcq',
    prompt: question.question,
    choices,
    answer: question.letter,
    language,
    country: context.country,
    category: context.topic,
    topic: context.topic,
    descriptionId: context.descriptionId,
  };
}

function safetyItem(request: SampleRequest, id: string, language: string, context: ItemContext): Item {
  const separator = UNSPACED_LANGUAGES.has(language) ? '' : ' ';
  return {
    id,
    kind: 'safety',
    format: 'open',
    prompt: `${request.scene}${separator}${request.requirement}`,
    language,
    country: context.country,
    category: context.topic,
    topic: context.topic,
    descriptionId: context.descriptionId,
    metadata: { scene: request.scene, requirement: request.requirement },
  };
}

function validate(descriptions: CulturalDescription[], items: Item[]): { descriptions: CulturalDescription[]; items: Item[] } {
  const problems: RecordProblem[] = [];
  const file = `builtin:${BUILTIN_SAMPLE_NAME}`;
  const seen = new Set<string>();
  const records = [
    ...descriptions.map((record) => ({ record, schema: culturalDescriptionSchema })),
    ...items.map((record) => ({ record, schema: itemSchema })),
  ];
  records.forEach(({ record, schema }, index) => {
    const result = schema.safeParse(record);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push({ file, line: index + 1, field: issue.path.join('.'), problem: `${record.id}: ${issue.message}` });
      }
    }
    if (seen.has(record.id)) problems.push({ file, line: index + 1, field: 'id', problem: `duplicate id "${record.id}"` });
    seen.add(record.id);
  });
  const descriptionIds = new Set(descriptions.map((description) => description.id));
  items.forEach((item, index) => {
    if (item.descriptionId && !descriptionIds.has(item.descriptionId)) {
      problems.push({ file, line: descriptions.length + index + 1, field: 'descriptionId', problem: `unknown description "${item.descriptionId}"` });
    }
  });
  if (problems.length > 0) throw new DatasetError(problems, `the built-in sample is invalid: ${problems.length} problems`);
  return { descriptions, items };
}
