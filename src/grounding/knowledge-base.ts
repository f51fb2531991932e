import { InputError } from '../errors/culturekit-error.js';
import type { CallOptions, LanguageModel } from '../models/language-model.js';
import { countryOf } from '../schema/countries.js';
import type { CulturalDescription } from '../schema/description.js';
import { canonicalJson, sha256Hex } from '../util/hash.js';
import { Bm25Index, type ScoredDocument } from './bm25-index.js';
import { Bm25fIndex, type Bm25fParameters } from './bm25f-index.js';
import { conceptTokens, countryToken } from './concept-tokens.js';
import { DenseIndex } from './dense-index.js';
import { openKnowledgeStore } from './knowledge-store.js';
import { reciprocalRankFusion } from './reciprocal-rank-fusion.js';
import { countriesIn } from './recognize-countries.js';
import type { DescriptionQuestions } from './description-questions.js';
import { type RequestWeights, requestText } from './request-weights.js';
import { tokenize, TOKENIZER_VERSION } from './tokenize.js';

/** Descriptions returned when `k` is not given. */
export const DEFAULT_RETRIEVAL_K = 3;
/** Candidates each ranker gives to reciprocal rank fusion. */
const FUSION_CANDIDATES = 50;
/** Descriptions embedded per `/v1/embeddings` request. */
const EMBEDDING_BATCH = 64;

export interface RetrieveOptions {
  /** How many descriptions (default 3). */
  k?: number;
  /** Only descriptions of these countries (ISO alpha-2; a region such as `IN-AS` also matches `IN`). A hard filter. */
  countries?: string[];
  /**
   * The language of the query (BCP 47). Descriptions in that language are preferred: when the knowledge base
   * has any, only they are searched unless none of them matches. It also picks the query's stopwords.
   */
  language?: string;
  /**
   * The lexical ranker: `bm25f` (default) scores the text, the topic, the country and the everyday-culture concepts
   * (in any language, `culture-lexicon.ts`) as separate fields; `bm25` the text alone, as before.
   */
  lexical?: LexicalRanker;
  /**
   * What a country named in the query does: `filter` (default) searches that country's descriptions first (the
   * others only when none matches); `boost` searches all, the named country's weighing more (`bm25f` only).
   */
  countryMode?: 'filter' | 'boost';
  /** How much each query word counts (`requestWeights`: words common to many requests count less; `bm25f` only). */
  requestWeights?: RequestWeights;
  /**
   * The options of a multiple-choice request, the query being its question: `bm25f` scores the question plus a smooth
   * maximum over the options (`searchPostingsWithChoices`); the other rankers search question and options as one text.
   */
  choices?: readonly string[];
  /** Also match the questions each description answers, when the knowledge base indexes them (default true; `bm25f` only). */
  expand?: boolean;
}

/** The first-stage lexical rankers. */
export const LEXICAL_RANKERS = ['bm25', 'bm25f'] as const;
export type LexicalRanker = (typeof LEXICAL_RANKERS)[number];

/**
 * BM25F parameters of the knowledge base: fields text, topic, country, concepts. Tuned on the built-in sample and
 * the synthetic bench set (`bench/retrieval-quality.ts`).
 */
export const DEFAULT_BM25F: Bm25fParameters = {
  k1: 1.2,
  fields: [
    { weight: 1, b: 0.75 },
    { weight: 2, b: 0 },
    { weight: 3, b: 0 },
    { weight: 0.5, b: 0.5 },
  ],
};

/** The BM25F field of the questions a description answers: half a word of the description's own text. */
const QUESTIONS_FIELD = { weight: 0.5, b: 0.75 };

export interface HybridRetrieveOptions extends RetrieveOptions, CallOptions {}

export interface RetrievalHit {
  description: CulturalDescription;
  /** BM25 score for `retrieve`; reciprocal-rank-fusion score for `retrieveHybrid` with embeddings. */
  score: number;
  /** 1 for the best hit. */
  rank: number;
}

export interface BuildKnowledgeBaseOptions {
  /** A model with `embed` (an OpenAI-compatible `/v1/embeddings` endpoint) for dense retrieval, fused with BM25. */
  embeddings?: LanguageModel;
  /** SQLite file (the project's store) where token lists and embeddings are kept between runs. */
  dbPath?: string;
  /** Aborts embedding the descriptions. */
  signal?: AbortSignal;
  /** BM25F parameters (default `DEFAULT_BM25F`). */
  bm25f?: Bm25fParameters;
  /** The questions each description answers (`descriptionQuestions`), indexed as a fifth BM25F field. */
  questions?: DescriptionQuestions;
}

/**
 * Cultural descriptions, searchable in any language. Immutable once built: one knowledge base may serve any
 * number of concurrent requests.
 */
export interface KnowledgeBase {
  /** sha256 of the descriptions (canonical JSON, sorted by id): equal descriptions, equal hash. */
  readonly hash: string;
  readonly size: number;
  /** The descriptions, sorted by id. */
  readonly descriptions: readonly CulturalDescription[];
  readonly descriptionsById: ReadonlyMap<string, CulturalDescription>;
  /** Whether `retrieveHybrid` fuses dense retrieval in. */
  readonly hasEmbeddings: boolean;
  /** Whether the questions each description answers are indexed too (`BuildKnowledgeBaseOptions.questions`). */
  readonly hasQuestions: boolean;

  /**
   * The descriptions that best match a query, best first: BM25 over `tokenize`d text. When the query names
   * countries (`recognizeCountries`) and `countries` is not given, descriptions of those countries are
   * searched first, and the others only when none of them matches. Synchronous; no I/O.
   */
  retrieve(query: string, options?: RetrieveOptions): RetrievalHit[];
  /** `retrieve` fused with dense retrieval (the query is embedded) by reciprocal rank fusion; `retrieve` when there are no embeddings. */
  retrieveHybrid(query: string, options?: HybridRetrieveOptions): Promise<RetrievalHit[]>;
  /** Dense retrieval alone (the query is embedded; same scopes as `retrieve`); `retrieve` when there are no embeddings. */
  retrieveDense(query: string, options?: HybridRetrieveOptions): Promise<RetrievalHit[]>;
}

/**
 * Builds a knowledge base over cultural descriptions. With `dbPath`, the token lists are stored by content hash
 * (and tokenizer version) and read back instead of being recomputed; with `embeddings`, each description is
 * embedded once per model and text (stored with `dbPath`), and `retrieveHybrid` fuses dense retrieval in.
 *
 * @example
 * const { descriptions } = loadBuiltinSample();
 * const kb = await buildKnowledgeBase(descriptions, { dbPath: '.culturekit/culturekit.db' });
 * kb.retrieve('Why not leave chopsticks upright in rice in Japan?', { k: 3 }).map((hit) => hit.description.id);
 * // ['jp-dining-1', …]
 */
export async function buildKnowledgeBase(descriptions: readonly CulturalDescription[], options: BuildKnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const sorted = [...descriptions].sort((left, right) => (left.id < right.id ? -1 : left.id > right.id ? 1 : 0));
  const byId = new Map<string, CulturalDescription>();
  for (const description of sorted) {
    if (byId.has(description.id)) throw new InputError(`knowledge base: duplicate description id "${description.id}"`);
    byId.set(description.id, description);
  }
  const hash = sha256Hex(canonicalJson(sorted));
  const embeddings = options.embeddings;
  if (embeddings && (!embeddings.embed || !embeddings.capabilities.embed)) {
    throw new InputError(`knowledge base: model ${embeddings.spec} cannot embed text`);
  }
  const store = options.dbPath ? openKnowledgeStore(options.dbPath) : undefined;
  try {
    let tokens = store?.loadTokens(hash, TOKENIZER_VERSION);
    if (!tokens || tokens.length !== sorted.length) {
      tokens = sorted.map((description) => tokenize(description.text, { language: description.language }));
      store?.saveTokens(hash, TOKENIZER_VERSION, tokens);
    }
    const dense = embeddings ? new DenseIndex(await embedDescriptions(sorted, embeddings, store, options.signal)) : undefined;
    const fields = sorted.map((description, index) => descriptionFields(description, tokens[index]));
    const parameters = options.bm25f ?? DEFAULT_BM25F;
    const fielded = new Bm25fIndex(fields, parameters);
    const questions = options.questions && options.questions.byDescription.size > 0 ? options.questions : undefined;
    const expanded = questions
      ? new Bm25fIndex(
          sorted.map((description, index) => [
            ...fields[index],
            (questions.byDescription.get(description.id) ?? []).flatMap((question) => tokenize(question, { language: description.language })),
          ]),
          { ...parameters, fields: [...parameters.fields, QUESTIONS_FIELD] },
        )
      : undefined;
    return new SearchableKnowledgeBase(hash, sorted, byId, { bm25: new Bm25Index(tokens), bm25f: fielded, expanded }, dense, embeddings);
  } finally {
    store?.close();
  }
}

async function embedDescriptions(
  descriptions: readonly CulturalDescription[],
  model: LanguageModel,
  store: ReturnType<typeof openKnowledgeStore> | undefined,
  signal: AbortSignal | undefined,
): Promise<Float32Array[]> {
  const modelKey = sha256Hex(canonicalJson({ spec: model.spec, identity: model.cacheIdentity }));
  const textHashes = descriptions.map((description) => sha256Hex(description.text));
  const known = store?.loadEmbeddings(modelKey, textHashes) ?? new Map<string, Float32Array>();
  const missing = [...new Set(textHashes.filter((textHash) => !known.has(textHash)))];
  const textOf = new Map(descriptions.map((description, index) => [textHashes[index], description.text]));
  for (let start = 0; start < missing.length; start += EMBEDDING_BATCH) {
    const batch = missing.slice(start, start + EMBEDDING_BATCH);
    const vectors = await model.embed!(
      batch.map((textHash) => textOf.get(textHash)!),
      { signal },
    );
    const fresh: [string, Float32Array][] = batch.map((textHash, index) => [textHash, Float32Array.from(vectors[index])]);
    for (const [textHash, vector] of fresh) known.set(textHash, vector);
    store?.saveEmbeddings(modelKey, fresh);
  }
  return textHashes.map((textHash) => known.get(textHash)!);
}

/** The BM25F fields of a description: its text, its topic, its country, the concepts its text names. */
function descriptionFields(description: CulturalDescription, textTokens: readonly string[]): string[][] {
  const topic = description.topic.replace(/[-_]/g, ' ');
  return [[...textTokens], [...tokenize(topic), ...conceptTokens(topic)], [countryToken(description.country)], conceptTokens(description.text)];
}

/** A query as each lexical ranker reads it: its words, and for `bm25f` also its concepts and the countries it names. */
function queryTokens(
  query: string,
  ranker: LexicalRanker,
  language: string | undefined,
  named: readonly string[],
  weights: RequestWeights | undefined,
  implyCountries = true,
): (string | [string, number])[] {
  const tokens = tokenize(query, { language });
  if (ranker === 'bm25') return tokens;
  // A request that names no country is weakly taken to concern the countries where its language is the main one.
  const implied = implyCountries && named.length === 0 && language ? (LANGUAGE_COUNTRIES[primaryLanguage(language)] ?? []) : [];
  return [
    ...(weights ? tokens.map((token): [string, number] => [token, weights.weight(token)]) : tokens),
    ...conceptTokens(query),
    ...named.map(countryToken),
    ...implied.map((country): [string, number] => [countryToken(country), IMPLIED_COUNTRY_WEIGHT]),
  ];
}

/** How much a country implied by the request's language counts, against 1 for a named one. */
const IMPLIED_COUNTRY_WEIGHT = 0.5;

/** Countries where a language is the main one, for languages spoken mainly in a few countries (not English, Spanish, Arabic…). */
const LANGUAGE_COUNTRIES: Record<string, readonly string[]> = {
  zh: ['CN', 'TW', 'HK', 'SG'],
  ja: ['JP'],
  ko: ['KR', 'KP'],
  th: ['TH'],
  vi: ['VN'],
  id: ['ID'],
  ms: ['MY', 'BN'],
  hi: ['IN'],
  bn: ['BD'],
  fa: ['IR', 'AF'],
  tr: ['TR'],
  he: ['IL'],
  el: ['GR', 'CY'],
  de: ['DE', 'AT', 'CH'],
  it: ['IT'],
  pl: ['PL'],
  nl: ['NL', 'BE'],
  sv: ['SE'],
  ru: ['RU'],
  uk: ['UA'],
  am: ['ET'],
  sw: ['KE', 'TZ'],
};

interface SearchScope {
  countries?: ReadonlySet<string>;
  language?: string;
  /** Countries the query names (boosted by `bm25f`). */
  named?: readonly string[];
}

class SearchableKnowledgeBase implements KnowledgeBase {
  readonly size: number;
  readonly hasEmbeddings: boolean;
  readonly hasQuestions: boolean;
  private readonly countryCodes: string[];
  private readonly regionCodes: string[];
  private readonly languages: string[];
  private readonly knownLanguages: ReadonlySet<string>;

  constructor(
    readonly hash: string,
    readonly descriptions: readonly CulturalDescription[],
    readonly descriptionsById: ReadonlyMap<string, CulturalDescription>,
    private readonly lexical: { bm25: Bm25Index; bm25f: Bm25fIndex; expanded?: Bm25fIndex },
    private readonly dense: DenseIndex | undefined,
    private readonly embeddings: LanguageModel | undefined,
  ) {
    this.size = descriptions.length;
    this.hasEmbeddings = dense !== undefined;
    this.hasQuestions = lexical.expanded !== undefined;
    this.regionCodes = descriptions.map((description) => description.country);
    this.countryCodes = descriptions.map((description) => countryOf(description.country));
    this.languages = descriptions.map((description) => primaryLanguage(description.language));
    this.knownLanguages = new Set(this.languages);
  }

  retrieve(query: string, options: RetrieveOptions = {}): RetrievalHit[] {
    const k = options.k ?? DEFAULT_RETRIEVAL_K;
    if (k <= 0) return [];
    for (const scope of this.scopes(requestText({ prompt: query, choices: options.choices }), options)) {
      const found = this.lexicalSearch(query, options, k, scope);
      if (found.length > 0) return this.hits(found);
    }
    return [];
  }

  private lexicalSearch(query: string, options: RetrieveOptions, limit: number, scope: SearchScope): ScoredDocument[] {
    const ranker = options.lexical ?? 'bm25f';
    const { choices, language, requestWeights } = options;
    const index = ranker === 'bm25' ? this.lexical.bm25 : options.expand !== false && this.lexical.expanded ? this.lexical.expanded : this.lexical.bm25f;
    if (ranker === 'bm25f' && choices?.length) {
      const tokens = queryTokens(query, ranker, language, scope.named ?? [], requestWeights);
      const choiceTokens = choices.map((choice) => queryTokens(choice, ranker, language, [], requestWeights, false));
      return index.searchWithChoices(tokens, choiceTokens, limit, this.acceptor(scope));
    }
    const tokens = queryTokens(requestText({ prompt: query, choices }), ranker, language, scope.named ?? [], requestWeights);
    return index.search(tokens, limit, this.acceptor(scope));
  }

  retrieveHybrid(query: string, options: HybridRetrieveOptions = {}): Promise<RetrievalHit[]> {
    return this.searchWithEmbeddings(query, options, (vector, k, scope) => {
      const lexical = this.lexicalSearch(query, options, FUSION_CANDIDATES, scope);
      const dense = this.dense!.search(vector, FUSION_CANDIDATES, this.acceptor(scope));
      return lexical.length > 0 || dense.length > 0 ? reciprocalRankFusion([lexical, dense], k) : [];
    });
  }

  retrieveDense(query: string, options: HybridRetrieveOptions = {}): Promise<RetrievalHit[]> {
    return this.searchWithEmbeddings(query, options, (vector, k, scope) => this.dense!.search(vector, k, this.acceptor(scope)));
  }

  /** Embeds the query, then searches scope after scope until one finds something; `retrieve` without embeddings. */
  private async searchWithEmbeddings(
    query: string,
    options: HybridRetrieveOptions,
    search: (vector: number[], k: number, scope: SearchScope) => ScoredDocument[],
  ): Promise<RetrievalHit[]> {
    if (!this.dense || !this.embeddings) return this.retrieve(query, options);
    const k = options.k ?? DEFAULT_RETRIEVAL_K;
    if (k <= 0) return [];
    const text = requestText({ prompt: query, choices: options.choices });
    const [vector] = await this.embeddings.embed!([text], { signal: options.signal });
    for (const scope of this.scopes(text, options)) {
      const found = search(vector, k, scope);
      if (found.length > 0) return this.hits(found);
    }
    return [];
  }

  /** Where to search, narrowest first: named countries and the query's language, then without what was inferred. */
  private scopes(query: string, options: RetrieveOptions): SearchScope[] {
    const explicit = options.countries?.length ? new Set(options.countries.map((country) => country.toUpperCase())) : undefined;
    const named = countriesIn(query);
    const filterNamed = !explicit && named.length > 0 && (options.countryMode !== 'boost' || options.lexical === 'bm25');
    const countries = explicit ?? (filterNamed ? new Set(named) : undefined);
    const wanted = options.language ? primaryLanguage(options.language) : undefined;
    const language = wanted && this.knownLanguages.has(wanted) ? wanted : undefined;
    const scopes: SearchScope[] = [{ countries, language, named }];
    if (filterNamed) scopes.push({ language, named });
    if (language) scopes.push({ countries: explicit, named });
    return scopes;
  }

  private acceptor({ countries, language }: SearchScope): ((document: number) => boolean) | undefined {
    if (!countries && !language) return undefined;
    return (document) =>
      (!countries || countries.has(this.countryCodes[document]) || countries.has(this.regionCodes[document])) &&
      (!language || this.languages[document] === language);
  }

  private hits(found: readonly ScoredDocument[]): RetrievalHit[] {
    return found.map(({ document, score }, index) => ({ description: this.descriptions[document], score, rank: index + 1 }));
  }
}

function primaryLanguage(tag: string): string {
  const dash = tag.indexOf('-');
  return (dash > 0 ? tag.slice(0, dash) : tag).toLowerCase();
}
