import type { ChatHistoryItem, ChatWrapper, LlamaModel, Token } from 'node-llama-cpp';
import type { ChatMessage } from '../../schema/item.js';

/** A chat rendered into tokens, with what ends the model's turn. */
export interface ChatPrompt {
  tokens: Token[];
  /** Texts that end the turn when the model writes them. */
  stopTexts: string[];
  /** Control tokens that end the turn (besides the model's end-of-generation tokens). */
  stopTokens: Token[];
  /** Whether the model's first space belongs to the template (`Assistant:` + ` text`) and is dropped from the reply. */
  trimLeadingWhitespace: boolean;
}

/** The turn marker the fixed template ends a prompt with, and whose next occurrence ends the reply. */
const FIXED_USER = 'User:';
const FIXED_ASSISTANT = 'Assistant:';

/**
 * The template used for GGUF files without `tokenizer.chat_template`: BOS, then each message as a paragraph —
 * system messages as plain text, `User: <text>`, `Assistant: <text>` — separated by blank lines, and finally `Assistant:`
 * (or the unfinished last assistant message, which the model continues). The reply ends at `\nUser:`; its leading
 * whitespace is dropped unless it continues an assistant message.
 *
 * @example
 * renderFixedChatTemplate([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }])
 * // 'Be brief.\n\nUser: Hi\n\nAssistant:'
 */
export function renderFixedChatTemplate(messages: readonly ChatMessage[]): string {
  const last = messages.at(-1);
  const continuing = last?.role === 'assistant';
  const paragraphs = messages.map((message, index) => {
    if (message.role === 'system') return message.content;
    const label = message.role === 'user' ? FIXED_USER : FIXED_ASSISTANT;
    if (continuing && index === messages.length - 1) return message.content ? `${label} ${message.content}` : label;
    return `${label} ${message.content}`;
  });
  if (!continuing) paragraphs.push(FIXED_ASSISTANT);
  return paragraphs.join('\n\n');
}

const wrappers = new WeakMap<LlamaModel, ChatWrapper>();

function hasChatTemplate(model: LlamaModel): boolean {
  const template = (model.fileInfo.metadata as { tokenizer?: { chat_template?: unknown } }).tokenizer?.chat_template;
  return typeof template === 'string' && template.trim() !== '';
}

/**
 * Renders chat messages for generation: with the model's own chat template (through node-llama-cpp's chat wrappers) when the
 * GGUF has one, else with {@link renderFixedChatTemplate}. Message text is never parsed for special tokens.
 */
export async function renderChatPrompt(model: LlamaModel, messages: readonly ChatMessage[]): Promise<ChatPrompt> {
  const bos = model.tokens.shouldPrependBosToken && model.tokens.bos !== null ? [model.tokens.bos] : [];
  if (!hasChatTemplate(model)) {
    return {
      tokens: [...bos, ...model.tokenize(renderFixedChatTemplate(messages), false)],
      stopTexts: [`\n${FIXED_USER}`],
      stopTokens: [],
      trimLeadingWhitespace: messages.at(-1)?.role !== 'assistant' || messages.at(-1)?.content === '',
    };
  }

  const { resolveChatWrapper, LlamaText, SpecialTokensText } = await import('node-llama-cpp');
  let wrapper = wrappers.get(model);
  if (!wrapper) {
    wrapper = resolveChatWrapper(model, { warningLogs: false });
    wrappers.set(model, wrapper);
  }
  const history: ChatHistoryItem[] = messages.map((message): ChatHistoryItem => {
    if (message.role === 'system') return { type: 'system', text: message.content };
    if (message.role === 'user') return { type: 'user', text: message.content };
    return { type: 'model', response: [message.content] };
  });
  if (messages.at(-1)?.role !== 'assistant') history.push({ type: 'model', response: [] });
  const state = wrapper.generateContextState({ chatHistory: history });

  const stopTexts: string[] = [];
  const stopTokens: Token[] = [];
  for (const trigger of state.stopGenerationTriggers) {
    const text = LlamaText(trigger);
    const tokens = text.tokenize(model.tokenizer);
    if (tokens.length === 1 && model.isSpecialToken(tokens[0])) stopTokens.push(tokens[0]);
    else if (text.values.every((value) => typeof value === 'string' || value instanceof SpecialTokensText)) {
      const value = text.toString();
      if (value !== '') stopTexts.push(value);
    }
  }
  return { tokens: state.contextText.tokenize(model.tokenizer), stopTexts, stopTokens, trimLeadingWhitespace: false };
}
