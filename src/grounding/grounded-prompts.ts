import type { CulturalDescription } from '../schema/description.js';
import type { ChatMessage } from '../schema/item.js';
import { InputError } from '../errors/culturekit-error.js';
import { sha256Hex } from '../util/hash.js';
import { applyGroundingEdit } from './apply-grounding-edit.js';

/**
 * Template ids, stored with every result so that a change of wording is a new version:
 * - `grounding-retrieved@1` — the descriptions go before the last user turn, with an instruction to respect
 *   them (as AdaCultureSafe's knowledge-grounded prompt: "Cultural knowledge: …", then the request). The default,
 *   for `retrieved` and `oracle`: it leaves an existing system prompt alone and works with chat templates that
 *   ignore or reject system messages.
 * - `grounding-retrieved-system@1` — the same knowledge and instruction in the system message instead (appended
 *   to an existing first system message, or added as one), leaving the user's words untouched.
 * - `grounding-recall@1` — for `recall`: first the model is asked to state the cultural knowledge it thinks
 *   relevant (`recallMessages`), then to answer with what it stated (`answerWithRecallMessages`).
 */
export const GROUNDING_TEMPLATE_IDS = {
  retrieved: 'grounding-retrieved@1',
  retrievedSystem: 'grounding-retrieved-system@1',
  recall: 'grounding-recall@1',
} as const;

/** The template `groundMessages` uses when none is given. */
export const DEFAULT_GROUNDING_TEMPLATE = GROUNDING_TEMPLATE_IDS.retrieved;

export interface GroundingTemplateOptions {
  /**
   * A template id (`GROUNDING_TEMPLATE_IDS`), or a template of your own: text with `{{knowledge}}` (the numbered
   * descriptions, or the recalled text) and `{{request}}` (the user's turn). A custom template with `{{request}}`
   * replaces the last user turn; one without it becomes (or is appended to) the system message. For
   * `recallMessages`, a custom template needs only `{{request}}`.
   */
  template?: string;
  /**
   * Language of the instructions (BCP 47; `en`, `zh`, `ja`, `ar`, `es`, `fr` are written, others use English).
   * Use the language of the request, so that the model is not nudged into answering in English.
   */
  language?: string;
}

interface InstructionSet {
  heading: string;
  instruction: string;
  system: string;
  recall: string;
  recallRequest: string;
  recalledHeading: string;
  recalledInstruction: string;
}

const INSTRUCTIONS: Record<string, InstructionSet> = {
  en: {
    heading: 'Cultural knowledge:',
    instruction: 'Use the cultural knowledge above where it is relevant, and make sure your answer respects it.',
    system: 'The following cultural knowledge may be relevant to the request. Use it where it is relevant, and make sure your answer respects it.',
    recall:
      'Before answering, state the cultural knowledge relevant to the request below: the customs, norms, values and taboos of the culture or country it concerns. State only that knowledge, as a short list; do not answer the request yet.',
    recallRequest: 'Request:',
    recalledHeading: 'Relevant cultural knowledge (as you recalled it):',
    recalledInstruction: 'Use this knowledge where it is accurate and relevant, and make sure your answer respects it.',
  },
  zh: {
    heading: '文化知识：',
    instruction: '请在相关时运用上述文化知识，并确保你的回答尊重这些文化习俗。',
    system: '以下文化知识可能与请求相关。请在相关时运用这些知识，并确保你的回答尊重这些文化习俗。',
    recall:
      '在回答之前，请先说明与下面的请求相关的文化知识：所涉及的文化或国家的习俗、规范、价值观和禁忌。只需以简短列表的形式列出这些知识，暂时不要回答请求。',
    recallRequest: '请求：',
    recalledHeading: '你回忆出的相关文化知识：',
    recalledInstruction: '请在这些知识准确且相关时加以运用，并确保你的回答尊重这些文化习俗。',
  },
  ja: {
    heading: '文化に関する知識：',
    instruction: '上記の文化に関する知識を必要に応じて活用し、回答がその文化を尊重したものになるようにしてください。',
    system: '以下の文化に関する知識は、依頼に関係する可能性があります。必要に応じて活用し、回答がその文化を尊重したものになるようにしてください。',
    recall:
      '回答する前に、以下の依頼に関係する文化に関する知識（対象となる文化や国の習慣、規範、価値観、タブー）を述べてください。その知識だけを短い箇条書きで述べ、依頼にはまだ答えないでください。',
    recallRequest: '依頼：',
    recalledHeading: 'あなたが挙げた、関係する文化に関する知識：',
    recalledInstruction: 'これらの知識が正確で関係がある場合は活用し、回答がその文化を尊重したものになるようにしてください。',
  },
  ar: {
    heading: 'معارف ثقافية:',
    instruction: 'استخدم المعارف الثقافية أعلاه حيثما كانت ذات صلة، واحرص على أن تحترمها إجابتك.',
    system: 'قد تكون المعارف الثقافية التالية ذات صلة بالطلب. استخدمها حيثما كانت ذات صلة، واحرص على أن تحترمها إجابتك.',
    recall:
      'قبل الإجابة، اذكر المعارف الثقافية المتعلقة بالطلب أدناه: عادات الثقافة أو البلد المعني وأعرافه وقيمه ومحظوراته. اذكر هذه المعارف فقط في قائمة قصيرة، ولا تُجب عن الطلب بعد.',
    recallRequest: 'الطلب:',
    recalledHeading: 'المعارف الثقافية ذات الصلة كما تذكّرتها:',
    recalledInstruction: 'استخدم هذه المعارف حيثما كانت صحيحة وذات صلة، واحرص على أن تحترمها إجابتك.',
  },
  es: {
    heading: 'Conocimiento cultural:',
    instruction: 'Usa el conocimiento cultural anterior cuando sea pertinente y asegúrate de que tu respuesta lo respete.',
    system:
      'El siguiente conocimiento cultural puede ser pertinente para la solicitud. Úsalo cuando sea pertinente y asegúrate de que tu respuesta lo respete.',
    recall:
      'Antes de responder, indica el conocimiento cultural pertinente para la solicitud siguiente: las costumbres, normas, valores y tabúes de la cultura o el país de que se trata. Indica solo ese conocimiento, en una lista breve; todavía no respondas a la solicitud.',
    recallRequest: 'Solicitud:',
    recalledHeading: 'Conocimiento cultural pertinente (tal como lo recordaste):',
    recalledInstruction: 'Usa este conocimiento cuando sea correcto y pertinente, y asegúrate de que tu respuesta lo respete.',
  },
  fr: {
    heading: 'Connaissances culturelles :',
    instruction: 'Utilise les connaissances culturelles ci-dessus lorsqu’elles sont pertinentes, et veille à ce que ta réponse les respecte.',
    system:
      'Les connaissances culturelles suivantes peuvent être pertinentes pour la demande. Utilise-les lorsqu’elles sont pertinentes, et veille à ce que ta réponse les respecte.',
    recall:
      'Avant de répondre, énonce les connaissances culturelles pertinentes pour la demande ci-dessous : les coutumes, normes, valeurs et tabous de la culture ou du pays concerné. Énonce uniquement ces connaissances, sous forme de liste courte ; ne réponds pas encore à la demande.',
    recallRequest: 'Demande :',
    recalledHeading: 'Connaissances culturelles pertinentes (telles que tu les as rappelées) :',
    recalledInstruction: 'Utilise ces connaissances lorsqu’elles sont exactes et pertinentes, et veille à ce que ta réponse les respecte.',
  },
};

const KNOWLEDGE_SLOT = '{{knowledge}}';
const REQUEST_SLOT = '{{request}}';

/** What a template does to a conversation, with the knowledge already filled in. */
export type GroundingEdit =
  /** Text around the last user turn's content. */
  | { type: 'wrap-user'; before: string; after: string }
  /** Text for the system message. */
  | { type: 'system'; text: string };

/**
 * The id a template is recorded under: a built-in id as is, a custom template as `custom@<12 hex of its sha256>`.
 *
 * @example
 * groundingTemplateId() // 'grounding-retrieved@1'
 * groundingTemplateId('Facts: {{knowledge}}\n\n{{request}}') // 'custom@…'
 */
export function groundingTemplateId(template?: string): string {
  if (template === undefined) return DEFAULT_GROUNDING_TEMPLATE;
  if ((Object.values(GROUNDING_TEMPLATE_IDS) as string[]).includes(template)) return template;
  return `custom@${sha256Hex(template).slice(0, 12)}`;
}

/**
 * Checks a template given by a user: a built-in id, or text with `{{knowledge}}` (for recall templates,
 * `{{request}}`). Throws an `InputError` naming the built-in ids otherwise.
 *
 * @example
 * checkGroundingTemplate('grounding-retrieved-system@1'); // fine
 * checkGroundingTemplate('grounding-retreived@1'); // throws
 */
export function checkGroundingTemplate(template: string, slot: 'knowledge' | 'request' = 'knowledge'): void {
  if ((Object.values(GROUNDING_TEMPLATE_IDS) as string[]).includes(template)) return;
  const needed = slot === 'knowledge' ? KNOWLEDGE_SLOT : REQUEST_SLOT;
  if (template.includes(needed)) return;
  throw new InputError(
    `grounding template "${template.length > 60 ? `${template.slice(0, 57)}…` : template}" is neither a built-in id (${Object.values(GROUNDING_TEMPLATE_IDS).join(', ')}) nor a template with ${needed}`,
  );
}

/**
 * The numbered knowledge block of descriptions: `1. <text>`, one per line.
 *
 * @example
 * formatKnowledge([{ id: 'd1', country: 'JP', topic: 'greetings', language: 'en', text: 'Bowing is the usual greeting.' }])
 * // '1. Bowing is the usual greeting.'
 */
export function formatKnowledge(descriptions: readonly CulturalDescription[]): string {
  return descriptions.map((description, index) => `${index + 1}. ${description.text.trim()}`).join('\n');
}

/**
 * What a grounding template does with this knowledge (for callers whose messages are not plain strings, such as
 * the gateway's OpenAI content parts). `groundMessages` applies it to plain messages.
 *
 * @example
 * groundingEdit('1. Bowing is the usual greeting.', { language: 'en' })
 * // { type: 'wrap-user', before: 'Cultural knowledge:\n1. Bowing is …\n\nUse the cultural knowledge above …\n\n', after: '' }
 */
export function groundingEdit(knowledge: string, options: GroundingTemplateOptions = {}): GroundingEdit {
  const template = options.template ?? DEFAULT_GROUNDING_TEMPLATE;
  const words = instructionsFor(options.language);
  if (template === GROUNDING_TEMPLATE_IDS.retrieved || template === GROUNDING_TEMPLATE_IDS.recall) {
    return { type: 'wrap-user', before: `${words.heading}\n${knowledge}\n\n${words.instruction}\n\n`, after: '' };
  }
  if (template === GROUNDING_TEMPLATE_IDS.retrievedSystem) {
    return { type: 'system', text: `${words.system}\n\n${words.heading}\n${knowledge}` };
  }
  const filled = template.split(KNOWLEDGE_SLOT).join(knowledge);
  const slot = filled.indexOf(REQUEST_SLOT);
  if (slot < 0) return { type: 'system', text: filled };
  return { type: 'wrap-user', before: filled.slice(0, slot), after: filled.slice(slot + REQUEST_SLOT.length) };
}

/**
 * Messages with cultural descriptions given to the model (the `retrieved` and `oracle` conditions, and the
 * gateway), by the template's rule (default `grounding-retrieved@1`: before the last user turn, with an
 * instruction to respect them). Without descriptions, or without a user turn for a user-turn template (then the
 * system message is used), nothing is lost. The input is never changed.
 *
 * @example
 * groundMessages([{ role: 'user', content: 'How should I greet my Japanese host?' }], [bowing], { language: 'en' })
 * // [{ role: 'user', content: 'Cultural knowledge:\n1. In Japan, bowing …\n\nUse the cultural knowledge above …\n\nHow should I greet my Japanese host?' }]
 */
export function groundMessages(
  messages: readonly ChatMessage[],
  descriptions: readonly CulturalDescription[],
  options: GroundingTemplateOptions = {},
): ChatMessage[] {
  if (descriptions.length === 0) return messages.map((message) => ({ ...message }));
  return applyEdit(messages, groundingEdit(formatKnowledge(descriptions), options));
}

/**
 * The first step of the `recall` condition: the last user turn becomes a request to state the cultural knowledge
 * relevant to it, without answering yet (`grounding-recall@1`, or a custom template with `{{request}}`).
 *
 * @example
 * recallMessages([{ role: 'user', content: 'Plan a dinner for my Saudi guests.' }])
 * // [{ role: 'user', content: 'Before answering, state the cultural knowledge relevant to the request below: …\n\nRequest:\nPlan a dinner for my Saudi guests.' }]
 */
export function recallMessages(messages: readonly ChatMessage[], options: GroundingTemplateOptions = {}): ChatMessage[] {
  const words = instructionsFor(options.language);
  const template = options.template;
  let edit: GroundingEdit;
  if (template === undefined || template === GROUNDING_TEMPLATE_IDS.recall) {
    edit = { type: 'wrap-user', before: `${words.recall}\n\n${words.recallRequest}\n`, after: '' };
  } else {
    const slot = template.indexOf(REQUEST_SLOT);
    edit =
      slot < 0 ? { type: 'system', text: template } : { type: 'wrap-user', before: template.slice(0, slot), after: template.slice(slot + REQUEST_SLOT.length) };
  }
  return applyEdit(messages, edit);
}

/**
 * The second step of the `recall` condition: the original messages with the knowledge the model recalled given
 * before the last user turn and an instruction to use it where accurate (`grounding-recall@1`, or a custom
 * template with `{{knowledge}}` and `{{request}}`). An empty recall leaves the messages as they are.
 *
 * @example
 * answerWithRecallMessages([{ role: 'user', content: 'Plan a dinner for my Saudi guests.' }], '- No alcohol or pork.')
 * // [{ role: 'user', content: 'Relevant cultural knowledge (as you recalled it):\n- No alcohol or pork.\n\nUse this knowledge …\n\nPlan a dinner …' }]
 */
export function answerWithRecallMessages(messages: readonly ChatMessage[], recalled: string, options: GroundingTemplateOptions = {}): ChatMessage[] {
  const knowledge = recalled.trim();
  if (!knowledge) return messages.map((message) => ({ ...message }));
  const words = instructionsFor(options.language);
  const template = options.template;
  const edit: GroundingEdit =
    template === undefined || template === GROUNDING_TEMPLATE_IDS.recall
      ? { type: 'wrap-user', before: `${words.recalledHeading}\n${knowledge}\n\n${words.recalledInstruction}\n\n`, after: '' }
      : groundingEdit(knowledge, { template, language: options.language });
  return applyEdit(messages, edit);
}

function applyEdit(messages: readonly ChatMessage[], edit: GroundingEdit): ChatMessage[] {
  return applyGroundingEdit(
    messages.map((message) => ({ ...message })),
    edit,
  );
}

function instructionsFor(language: string | undefined): InstructionSet {
  const primary = language?.toLowerCase().split('-')[0];
  return (primary && INSTRUCTIONS[primary]) || INSTRUCTIONS.en;
}
