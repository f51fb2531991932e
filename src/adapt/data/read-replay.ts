import { readFileSync } from 'node:fs';
import { type RecordProblem, DatasetError, InputError } from '../../errors/culturekit-error.js';
import type { ChatMessage } from '../../schema/item.js';
import { sha256Hex } from '../../util/hash.js';
import type { ChatExample } from './chat-example.js';

/** A replay file read: its examples (in file order), its hash and its path. */
export interface ReplaySet {
  path: string;
  sha256: string;
  examples: ChatExample[];
}

const roles = new Set(['system', 'user', 'assistant']);
const sharegptRoles: Record<string, ChatMessage['role']> = { human: 'user', user: 'user', gpt: 'assistant', assistant: 'assistant', system: 'system' };

/**
 * Reads a general (English) replay file, JSON Lines, one example per line in any of the shapes trainers use:
 * `{"messages": [{role, content}…]}` (OpenAI / TRL), `{"prompt", "completion"}` (strings), `{"instruction", "input"?,
 * "output"}` (alpaca) or `{"conversations": [{from, value}…]}` (sharegpt); an optional `"language"` (default `en`).
 * Every malformed line is reported as `file:line: field: problem` in one `DatasetError`.
 *
 * @example
 * const replay = readReplayFile('general.jsonl'); // { path, sha256, examples: [{ id: 'replay:1', source: 'replay', … }] }
 */
export function readReplayFile(path: string): ReplaySet {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`--replay: cannot read ${path}: ${(error as Error).message}`);
  }
  const examples: ChatExample[] = [];
  const problems: RecordProblem[] = [];
  text.split('\n').forEach((rawLine, index) => {
    const lineText = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (lineText.trim() === '') return;
    const line = index + 1;
    const problem = (field: string, message: string) => problems.push({ file: path, line, field, problem: message });
    let value: unknown;
    try {
      value = JSON.parse(lineText);
    } catch (error) {
      problem('', `not JSON: ${(error as Error).message}`);
      return;
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problem('', 'expected a JSON object');
      return;
    }
    const record = value as Record<string, unknown>;
    const language = record.language === undefined ? 'en' : record.language;
    if (typeof language !== 'string' || language.trim() === '') {
      problem('language', 'expected a language tag such as en');
      return;
    }
    const messages = replayMessages(record, problem);
    if (!messages) return;
    examples.push({ id: `replay:${line}`, source: 'replay', language, messages });
  });
  if (problems.length > 0) throw new DatasetError(problems, `--replay ${path}: ${problems.length} malformed line${problems.length === 1 ? '' : 's'}`);
  if (examples.length === 0) throw new DatasetError([{ file: path, line: 1, field: '', problem: 'the replay file holds no example' }]);
  return { path, sha256: sha256Hex(text), examples };
}

function replayMessages(record: Record<string, unknown>, problem: (field: string, message: string) => void): ChatMessage[] | undefined {
  const text = (field: string, optional = false): string | undefined => {
    const value = record[field];
    if (value === undefined && optional) return '';
    if (typeof value !== 'string' || (!optional && value.trim() === '')) {
      problem(field, value === undefined ? 'missing' : 'expected a non-empty string');
      return undefined;
    }
    return value;
  };
  let messages: ChatMessage[] = [];
  if ('messages' in record || 'conversations' in record) {
    const field = 'messages' in record ? 'messages' : 'conversations';
    const list = record[field];
    if (!Array.isArray(list) || list.length === 0) {
      problem(field, 'expected a non-empty list of messages');
      return undefined;
    }
    for (const [position, entry] of list.entries()) {
      const fields = entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : {};
      const roleName = field === 'messages' ? fields.role : fields.from;
      const content = field === 'messages' ? fields.content : fields.value;
      const role = field === 'messages' ? (roles.has(String(roleName)) ? (roleName as ChatMessage['role']) : undefined) : sharegptRoles[String(roleName)];
      if (!role) {
        problem(`${field}.${position}.${field === 'messages' ? 'role' : 'from'}`, `unknown role ${JSON.stringify(roleName)}`);
        return undefined;
      }
      if (typeof content !== 'string' || content.trim() === '') {
        problem(`${field}.${position}.${field === 'messages' ? 'content' : 'value'}`, 'expected a non-empty string');
        return undefined;
      }
      messages.push({ role, content });
    }
  } else if ('prompt' in record || 'completion' in record) {
    const prompt = text('prompt');
    const completion = text('completion');
    if (prompt === undefined || completion === undefined) return undefined;
    messages = [
      { role: 'user', content: prompt },
      { role: 'assistant', content: completion },
    ];
  } else if ('instruction' in record || 'output' in record) {
    const instruction = text('instruction');
    const input = text('input', true);
    const output = text('output');
    if (instruction === undefined || input === undefined || output === undefined) return undefined;
    messages = [
      { role: 'user', content: input.trim() ? `${instruction}\n\n${input}` : instruction },
      { role: 'assistant', content: output },
    ];
  } else {
    problem('', 'expected "messages", "prompt" + "completion", "instruction" + "output" or "conversations"');
    return undefined;
  }
  const field = 'conversations' in record ? 'conversations' : 'messages';
  if (messages[messages.length - 1].role !== 'assistant') {
    problem(field, 'the last message must be the assistant’s');
    return undefined;
  }
  if (!messages.some((message) => message.role === 'user')) {
    problem(field, 'a user message is needed');
    return undefined;
  }
  return messages;
}
