export {
  buildBenchmark,
  formatCounts,
  type BuildInput,
  type BuildManifest,
  type BuildProgress,
  type BuildResult,
  type NearDuplicateSettings,
  type RejectedCandidate,
} from './build-benchmark.js';
export { checkDescription, checkItem, type RejectionReason } from './check-item.js';
export { checkLanguage, detectLanguage, toLanguageTag, type LanguageCheck, type LanguageCheckOptions } from './check-language.js';
export { knowledgeCandidate, safetyCandidate, type Candidate, type CandidateContext } from './make-candidates.js';
export {
  characterShingles,
  createMinHasher,
  findNearDuplicates,
  jaccard,
  normalizeForShingles,
  type MinHashOptions,
  type NearDuplicate,
  type NearDuplicateOptions,
} from './minhash.js';
export { readReplyList } from './parse-generator-reply.js';
export {
  defaultTemplates,
  loadTemplateFile,
  renderTemplate,
  templateNames,
  templatePlaceholders,
  type PromptTemplate,
  type TemplateName,
} from './prompt-templates.js';
export { readSources, sourceTextSchema, type SourceText } from './read-sources.js';
export { buildOutputFiles, writeBuildOutputs } from './write-build-outputs.js';
