import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import type { CreateModelDefaults } from '../models/create-language-model.js';
import { createLanguageModel } from '../models/create-language-model.js';
import type { LanguageModel } from '../models/language-model.js';
import { describeCallError, ModelCaller, type ModelRequest } from '../models/model-caller.js';
import { resolveModelSettings } from '../settings/run-settings.js';
import type { CulturalDescription } from '../schema/description.js';
import type { ChatMessage, Item } from '../schema/item.js';
import type { ModelEntry } from '../schema/manifest.js';
import { openStore, type CacheEntry } from '../store/open-store.js';
import { TOOL_VERSION } from '../version.js';
import { checkDescription, checkItem, type RejectionReason } from './check-item.js';
import type { LanguageCheckOptions } from './check-language.js';
import { knowledgeCandidate, safetyCandidate, type Candidate, type CandidateContext } from './make-candidates.js';
import { findNearDuplicates } from './minhash.js';
import { readReplyList, textField } from './parse-generator-reply.js';
import { countryName, defaultTemplates, languageName, renderTemplate, type PromptTemplate, type TemplateName } from './prompt-templates.js';
import type { SourceText } from './read-sources.js';

export interface NearDuplicateSettings {
  /** Estimated Jaccard similarity at or above which a later text is dropped. Default 0.8. */
  threshold: number;
  /** MinHash permutations. Default 128. */
  permutations: number;
  /** Code points per shingle. Default 3. */
  shingleSize: number;
  /** Seed of the hash functions. Default 1. */
  seed: number;
}

export interface BuildInput {
  sources: SourceText[];
  /** Where the sources came from (recorded in the manifest). */
  sourcesRef?: string;
  /** The generator model: an entry (spec, base URL, concurrency, rate limit, retries). */
  generator: ModelEntry;
  /** An already created model to use instead of creating one from `generator` (it is not closed). */
  generatorInstance?: LanguageModel;
  modelDefaults?: CreateModelDefaults;
  /** Languages of the queries (BCP 47). Default: each description's own language. */
  languages?: string[];
  /** Knowledge queries per description and language. Default 5. */
  knowledgePerDescription?: number;
  /** Safety queries per description and language. Default 5. */
  safetyPerDescription?: number;
  templates?: Partial<Record<TemplateName, PromptTemplate>>;
  nearDuplicates?: Partial<NearDuplicateSettings>;
  language?: LanguageCheckOptions;
  /** Default 0.7. */
  temperature?: number;
  /** Default 4096. */
  maxTokens?: number;
  /** Sent with every request; part of the cache key. Default 1. */
  seed?: number;
  /** Prices per million tokens, for the cost in the manifest. */
  price?: { inputPerMillion?: number; outputPerMillion?: number };
  /** The SQLite store that caches every generator call. */
  dbPath: string;
  /** Read cached calls (default true); new calls are cached either way. */
  useCache?: boolean;
  /** Requests in flight (default 8). */
  concurrency?: number;
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildProgress {
  stage: 'decompose' | 'generate';
  done: number;
  total: number;
  cached: number;
  errors: number;
}

/** A description or query that did not make it, with every reason. */
export interface RejectedCandidate {
  stage: 'decompose' | 'knowledge' | 'safety';
  sourceId: string;
  descriptionId?: string;
  language?: string;
  /** The id the candidate would have had. */
  id?: string;
  /** The candidate as built (an item or a description), or the generator's entry when none could be built. */
  candidate?: unknown;
  /** The generator's whole reply, when it could not be read. */
  reply?: string;
  reasons: RejectionReason[];
}

interface StageCounts {
  proposed: number;
  rejected: number;
  kept: number;
}

export interface BuildManifest {
  toolVersion: string;
  createdAt: string;
  sources: { ref?: string; records: number };
  generator: { spec: string; baseUrl?: string };
  templates: Record<TemplateName, { id: string; file?: string }>;
  options: {
    languages: string[] | null;
    knowledgePerDescription: number;
    safetyPerDescription: number;
    temperature: number;
    maxTokens: number;
    seed: number;
    nearDuplicates: NearDuplicateSettings;
  };
  counts: {
    sources: number;
    descriptions: StageCounts;
    knowledge: StageCounts;
    safety: StageCounts;
    items: number;
    /** Rejections by the first check each one failed. */
    rejectedByCheck: Record<string, number>;
  };
  calls: { total: number; cached: number; new: number; failed: number };
  /** Tokens of every call of the build (cached ones count what they cost when made) and of this invocation's new calls. */
  tokens: { input: number; output: number; newInput: number; newOutput: number };
  /** In the unit of the prices given; absent without prices. */
  cost?: { inputPerMillion: number; outputPerMillion: number; total: number; new: number };
}

export interface BuildResult {
  descriptions: CulturalDescription[];
  items: Item[];
  rejected: RejectedCandidate[];
  manifest: BuildManifest;
}

interface CallResult {
  text?: string;
  error?: string;
  cached?: boolean;
}

/**
 * Builds a benchmark from source texts about cultures, with a model as the generator: decompose each text into
 * fine-grained descriptions, generate knowledge queries (multiple choice, true/false, open) and safety queries (scene +
 * request) for each description and language, then check them (schema, answer leaks, options, language,
 * near-duplicates by MinHash). Every generator call goes through the store's cache, written as soon as it returns:
 * running the same build again, after a crash or not, repeats no call that was answered.
 *
 * @example
 * const sources = await readSources('japan.jsonl');
 * const result = await buildBenchmark({ sources, generator: { spec: 'openai:qwen2.5-72b-instruct', baseUrl: 'http://127.0.0.1:8000/v1' }, languages: ['en', 'ja'], dbPath: '.culturekit/culturekit.db' });
 * writeBuildOutputs('build/japan', result);
 */
export async function buildBenchmark(input: BuildInput): Promise<BuildResult> {
  const templates: Record<TemplateName, PromptTemplate> = { ...defaultTemplates, ...input.templates };
  const knowledgeCount = input.knowledgePerDescription ?? RUN_DEFAULTS.build.knowledgePerDescription;
  const safetyCount = input.safetyPerDescription ?? RUN_DEFAULTS.build.safetyPerDescription;
  const temperature = input.temperature ?? RUN_DEFAULTS.build.temperature;
  const maxTokens = input.maxTokens ?? RUN_DEFAULTS.build.maxTokens;
  const seed = input.seed ?? RUN_DEFAULTS.build.seed;
  const nearDuplicates: NearDuplicateSettings = { threshold: 0.8, permutations: 128, shingleSize: 3, seed: 1, ...input.nearDuplicates };
  const languageOptions = input.language ?? {};
  const store = openStore(input.dbPath);
  const generator = resolveModelSettings(input.generator, { overrides: { concurrency: input.concurrency } });
  const model = input.generatorInstance ?? (await createLanguageModel(generator, input.modelDefaults));
  const caller = new ModelCaller(model, generator, store, input.useCache !== false, true);
  const calls = { total: 0, cached: 0, new: 0, failed: 0 };
  const tokens = { input: 0, output: 0, newInput: 0, newOutput: 0 };
  const rejected: RejectedCandidate[] = [];

  async function generate(messages: ChatMessage[]): Promise<CallResult> {
    const request: ModelRequest = { type: 'generate', messages, maxTokens, temperature, seed };
    const newEntries: CacheEntry[] = [];
    calls.total++;
    try {
      const call = await caller.call(request, newEntries);
      if (call.outcome.type !== 'generate') return { error: 'internal error: not a generation' };
      const { usage, text } = call.outcome.result;
      tokens.input += usage.inputTokens;
      tokens.output += usage.outputTokens;
      if (call.cached) {
        calls.cached++;
      } else {
        calls.new++;
        tokens.newInput += usage.inputTokens;
        tokens.newOutput += usage.outputTokens;
      }
      return { text, cached: call.cached };
    } catch (error) {
      calls.failed++;
      return { error: describeCallError(error) };
    }
  }

  try {
    // 1. decompose
    const decomposeProgress = progressOf('decompose', input.sources.length, input.onProgress);
    const decomposed = await Promise.all(
      input.sources.map(async (source) => {
        const messages = renderTemplate(templates.decompose, {
          text: source.text,
          country: source.country,
          countryName: countryName(source.country),
          topic: source.topic,
          source: source.source ?? source.id,
          language: source.language,
          languageName: languageName(source.language),
        });
        const reply = await generate(messages);
        decomposeProgress.step(reply);
        return { source, reply };
      }),
    );
    const proposedDescriptions: { description: CulturalDescription; source: SourceText; reasons: RejectionReason[]; entry: unknown }[] = [];
    for (const { source, reply } of decomposed) {
      const failure = replyFailure(reply, 'descriptions');
      if (failure) {
        rejected.push({ stage: 'decompose', sourceId: source.id, reply: reply.text, reasons: [failure.reason] });
        continue;
      }
      const { entries } = readReplyList(reply.text!, 'descriptions') as { entries: unknown[] };
      entries.forEach((entry, index) => {
        const fields = entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as Record<string, unknown>) : undefined;
        const text = typeof entry === 'string' ? entry.trim() : fields ? textField(fields, 'text', 'description') : undefined;
        const description: CulturalDescription = {
          id: `${source.id}.d${index + 1}`,
          country: source.country,
          topic: (fields && textField(fields, 'topic')) ?? source.topic,
          language: source.language,
          text: text ?? '',
          source: source.source ?? source.id,
        };
        const reasons = text ? checkDescription(description, languageOptions) : [{ check: 'incomplete', message: 'the description has no "text"' }];
        proposedDescriptions.push({ description, source, reasons, entry });
      });
    }
    const descriptionDuplicates = nearDuplicateReasons(
      proposedDescriptions.map((proposal) => (proposal.reasons.length === 0 ? proposal.description.text : undefined)),
      proposedDescriptions.map((proposal) => proposal.description.id),
      nearDuplicates,
    );
    const descriptions: { description: CulturalDescription; source: SourceText }[] = [];
    proposedDescriptions.forEach((proposal, index) => {
      const duplicate = descriptionDuplicates.get(index);
      if (duplicate) proposal.reasons.push(duplicate);
      if (proposal.reasons.length > 0) {
        rejected.push({
          stage: 'decompose',
          sourceId: proposal.source.id,
          descriptionId: proposal.description.id,
          id: proposal.description.id,
          candidate: proposal.description,
          reasons: proposal.reasons,
        });
      } else {
        descriptions.push(proposal);
      }
    });

    // 2. generate
    interface Task {
      kind: 'knowledge' | 'safety';
      description: CulturalDescription;
      source: SourceText;
      language: string;
      count: number;
    }
    const tasks: Task[] = [];
    for (const { description, source } of descriptions) {
      for (const language of input.languages ?? [description.language]) {
        if (knowledgeCount > 0) tasks.push({ kind: 'knowledge', description, source, language, count: knowledgeCount });
        if (safetyCount > 0) tasks.push({ kind: 'safety', description, source, language, count: safetyCount });
      }
    }
    const generateProgress = progressOf('generate', tasks.length, input.onProgress);
    const replies = await Promise.all(
      tasks.map(async (task) => {
        const template = templates[task.kind];
        const formats = formatCounts(task.count);
        const messages = renderTemplate(template, {
          description: task.description.text,
          country: task.description.country,
          countryName: countryName(task.description.country),
          topic: task.description.topic,
          language: task.language,
          languageName: languageName(task.language),
          count: task.count,
          mcq: formats.mcq,
          trueFalse: formats.trueFalse,
          open: formats.open,
        });
        const reply = await generate(messages);
        generateProgress.step(reply);
        return reply;
      }),
    );

    // 3. check
    const candidates: { task: Task; candidate: Candidate }[] = [];
    tasks.forEach((task, taskIndex) => {
      const reply = replies[taskIndex];
      const failure = replyFailure(reply, 'queries');
      if (failure) {
        rejected.push({
          stage: task.kind,
          sourceId: task.source.id,
          descriptionId: task.description.id,
          language: task.language,
          reply: reply.text,
          reasons: [failure.reason],
        });
        return;
      }
      const { entries } = readReplyList(reply.text!, 'queries') as { entries: unknown[] };
      const context: CandidateContext = {
        description: task.description,
        language: task.language,
        build: { source: task.source.source ?? task.source.id, generator: input.generator.spec, template: templates[task.kind].id },
      };
      entries.forEach((entry, index) => {
        const candidate = task.kind === 'knowledge' ? knowledgeCandidate(entry, index + 1, context) : safetyCandidate(entry, index + 1, context);
        if (index >= task.count) candidate.reasons.push({ check: 'surplus', message: `beyond the ${task.count} queries asked for` });
        if (candidate.item && candidate.reasons.length === 0) candidate.reasons.push(...checkItem(candidate.item, languageOptions));
        candidates.push({ task, candidate });
      });
    });
    const itemDuplicates = nearDuplicateReasons(
      candidates.map(({ candidate }) => (candidate.item && candidate.reasons.length === 0 ? candidate.item.prompt : undefined)),
      candidates.map(({ candidate }) => candidate.item?.id ?? ''),
      nearDuplicates,
    );
    const items: Item[] = [];
    const counts = { knowledge: { proposed: 0, rejected: 0, kept: 0 }, safety: { proposed: 0, rejected: 0, kept: 0 } };
    candidates.forEach(({ task, candidate }, index) => {
      const duplicate = itemDuplicates.get(index);
      if (duplicate) candidate.reasons.push(duplicate);
      counts[task.kind].proposed++;
      if (candidate.reasons.length > 0 || !candidate.item) {
        counts[task.kind].rejected++;
        rejected.push({
          stage: task.kind,
          sourceId: task.source.id,
          descriptionId: task.description.id,
          language: task.language,
          id: candidate.item?.id,
          candidate: candidate.item ?? candidate.entry,
          reasons: candidate.reasons,
        });
      } else {
        counts[task.kind].kept++;
        items.push(candidate.item);
      }
    });

    const rejectedByCheck: Record<string, number> = {};
    for (const rejection of rejected) {
      const check = rejection.reasons[0]?.check ?? 'unknown';
      rejectedByCheck[check] = (rejectedByCheck[check] ?? 0) + 1;
    }
    const price = input.price;
    const manifest: BuildManifest = {
      toolVersion: TOOL_VERSION,
      createdAt: new Date().toISOString(),
      sources: { ref: input.sourcesRef, records: input.sources.length },
      generator: { spec: input.generator.spec, ...(input.generator.baseUrl ? { baseUrl: input.generator.baseUrl } : {}) },
      templates: Object.fromEntries(
        Object.values(templates).map((template) => [template.name, { id: template.id, ...(template.file ? { file: template.file } : {}) }]),
      ) as BuildManifest['templates'],
      options: {
        languages: input.languages ?? null,
        knowledgePerDescription: knowledgeCount,
        safetyPerDescription: safetyCount,
        temperature,
        maxTokens,
        seed,
        nearDuplicates,
      },
      counts: {
        sources: input.sources.length,
        descriptions: { proposed: proposedDescriptions.length, rejected: proposedDescriptions.length - descriptions.length, kept: descriptions.length },
        knowledge: counts.knowledge,
        safety: counts.safety,
        items: items.length,
        rejectedByCheck,
      },
      calls,
      tokens,
      ...(price && (price.inputPerMillion !== undefined || price.outputPerMillion !== undefined)
        ? {
            cost: {
              inputPerMillion: price.inputPerMillion ?? 0,
              outputPerMillion: price.outputPerMillion ?? 0,
              total: roundCost((tokens.input * (price.inputPerMillion ?? 0) + tokens.output * (price.outputPerMillion ?? 0)) / 1e6),
              new: roundCost((tokens.newInput * (price.inputPerMillion ?? 0) + tokens.newOutput * (price.outputPerMillion ?? 0)) / 1e6),
            },
          }
        : {}),
    };
    return { descriptions: descriptions.map(({ description }) => description), items, rejected, manifest };
  } finally {
    store.close();
    if (!input.generatorInstance) await model.close();
  }
}

/** How many queries of each format make up `count` knowledge queries: multiple choice, true/false, open in turn. */
export function formatCounts(count: number): { mcq: number; trueFalse: number; open: number } {
  return { mcq: Math.ceil(count / 3), trueFalse: Math.ceil((count - 1) / 3), open: Math.floor(count / 3) };
}

function replyFailure(reply: CallResult, key: string): { reason: RejectionReason } | undefined {
  if (reply.error !== undefined) return { reason: { check: 'call', message: `the generator call failed: ${reply.error}` } };
  const list = readReplyList(reply.text ?? '', key);
  if (!list.ok) return { reason: { check: 'reply', message: list.problem } };
  return undefined;
}

/** Near-duplicates among the texts given (undefined: not compared), as a reason by index. */
function nearDuplicateReasons(texts: (string | undefined)[], ids: string[], settings: NearDuplicateSettings): Map<number, RejectionReason> {
  const compared = texts.flatMap((text, index) => (text === undefined ? [] : [{ text, index }]));
  const reasons = new Map<number, RejectionReason>();
  for (const duplicate of findNearDuplicates(
    compared.map(({ text }) => text),
    settings,
  )) {
    const index = compared[duplicate.index].index;
    const of = compared[duplicate.of].index;
    reasons.set(index, { check: 'near-duplicate', message: `near-duplicate of ${ids[of]} (estimated Jaccard similarity ${duplicate.similarity.toFixed(2)})` });
  }
  return reasons;
}

function progressOf(stage: BuildProgress['stage'], total: number, onProgress?: (progress: BuildProgress) => void) {
  const state: BuildProgress = { stage, done: 0, total, cached: 0, errors: 0 };
  onProgress?.({ ...state });
  return {
    step(reply: CallResult): void {
      state.done++;
      if (reply.error !== undefined) state.errors++;
      if (reply.cached) state.cached++;
      onProgress?.({ ...state });
    },
  };
}

function roundCost(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
