export { buildKnowledgeBase, DEFAULT_RETRIEVAL_K } from './knowledge-base.js';
export type { BuildKnowledgeBaseOptions, HybridRetrieveOptions, KnowledgeBase, RetrievalHit, RetrieveOptions } from './knowledge-base.js';
export {
  answerWithRecallMessages,
  checkGroundingTemplate,
  DEFAULT_GROUNDING_TEMPLATE,
  formatKnowledge,
  GROUNDING_TEMPLATE_IDS,
  groundingEdit,
  groundingTemplateId,
  groundMessages,
  recallMessages,
} from './grounded-prompts.js';
export type { GroundingEdit, GroundingTemplateOptions } from './grounded-prompts.js';
export { applyGroundingEdit, lastUserText } from './apply-grounding-edit.js';
export { createEvalGrounding } from './eval-grounding.js';
export type { EvalGrounding, EvalGroundingOptions } from './eval-grounding.js';
export { COUNTRY_NAME_LANGUAGES, countryCodeOf, countryName, countryNameEntries, foldCountryName } from './country-names.js';
export type { CountryNameEntry, CountryNameKind } from './country-names.js';
export { countriesIn, recognizeCountries } from './recognize-countries.js';
export type { CountryMention } from './recognize-countries.js';
export { tokenize, TOKENIZER_VERSION } from './tokenize.js';
export { RequestCounter, requestText, requestWeights } from './request-weights.js';
export type { RequestWeights, WeightedRequest } from './request-weights.js';
export { descriptionQuestions } from './description-questions.js';
export type { DescriptionQuestions } from './description-questions.js';
export type { TokenizeOptions } from './tokenize.js';
export { guessLanguage } from './guess-language.js';
export {
  createGateway,
  GROUNDING_HEADER,
  GROUNDING_IDS_HEADER,
  GROUNDING_TEMPLATE_HEADER,
  groundingModes,
  LANGUAGE_HEADER,
  startGateway,
} from './gateway/gateway.js';
export type { Gateway, GatewayOptions, GroundingMode, RunningGateway } from './gateway/gateway.js';
