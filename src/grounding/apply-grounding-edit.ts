import type { GroundingEdit } from './grounded-prompts.js';

/** A chat message as OpenAI-compatible clients send it: string content, or content parts, and other fields. */
interface WireMessage {
  role?: unknown;
  content?: unknown;
  [field: string]: unknown;
}

/**
 * The text of the last user message of an OpenAI chat request (text parts joined by newlines), or `''`.
 *
 * @example
 * lastUserText([{ role: 'user', content: [{ type: 'text', text: 'Hi' }, { type: 'image_url', image_url: { url: '…' } }] }]) // 'Hi'
 */
export function lastUserText(messages: readonly unknown[]): string {
  const index = lastIndexOfRole(messages, 'user');
  return index < 0 ? '' : contentText((messages[index] as WireMessage).content);
}

/**
 * Messages (culturekit's, or an OpenAI chat request's) with a grounding edit applied (see `groundingEdit`):
 * `wrap-user` puts text around the last user turn (or, without one, in the system message); `system` appends to
 * the first system (or `developer`) message, or adds one first. Every other field of every message is kept;
 * content parts stay parts, the grounding text becoming a text part around them. The input is not changed
 * (changed messages are new objects; the others are the same objects).
 *
 * @example
 * applyGroundingEdit([{ role: 'user', content: 'Hi' }], { type: 'wrap-user', before: 'Knowledge…\n\n', after: '' })
 * // [{ role: 'user', content: 'Knowledge…\n\nHi' }]
 */
export function applyGroundingEdit<Message>(messages: readonly Message[], edit: GroundingEdit): Message[] {
  return applyEdit(messages as readonly unknown[], edit) as Message[];
}

function applyEdit(messages: readonly unknown[], edit: GroundingEdit): unknown[] {
  const copy = [...messages];
  if (edit.type === 'wrap-user') {
    const index = lastIndexOfRole(copy, 'user');
    if (index >= 0) {
      const message = copy[index] as WireMessage;
      copy[index] = { ...message, content: wrapContent(message.content, edit.before, edit.after) };
      return copy;
    }
    return withSystemText(copy, `${edit.before}${edit.after}`.trim());
  }
  return withSystemText(copy, edit.text);
}

function wrapContent(content: unknown, before: string, after: string): unknown {
  if (Array.isArray(content)) {
    return [...(before ? [{ type: 'text', text: before }] : []), ...content, ...(after ? [{ type: 'text', text: after }] : [])];
  }
  return `${before}${typeof content === 'string' ? content : ''}${after}`;
}

function withSystemText(messages: unknown[], text: string): unknown[] {
  const first = messages[0] as WireMessage | undefined;
  if (first && (first.role === 'system' || first.role === 'developer')) {
    const content = first.content;
    messages[0] = {
      ...first,
      content: Array.isArray(content)
        ? [...content, { type: 'text', text: `\n\n${text}` }]
        : typeof content === 'string' && content
          ? `${content}\n\n${text}`
          : text,
    };
    return messages;
  }
  return [{ role: 'system', content: text }, ...messages];
}

function lastIndexOfRole(messages: readonly unknown[], role: string): number {
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index] as WireMessage | null;
    if (message && typeof message === 'object' && message.role === role) return index;
  }
  return -1;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (part && typeof part === 'object' && (part as { type?: unknown }).type === 'text' ? String((part as { text?: unknown }).text ?? '') : ''))
    .filter(Boolean)
    .join('\n');
}
