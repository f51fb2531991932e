import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { z } from 'zod';
import { CulturekitError } from '../../errors/culturekit-error.js';
import type { ChatMessage } from '../../schema/item.js';
import { sha256Hex } from '../../util/hash.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';
import { type ChatLine, chatLineSchema } from './chat-example.js';
import type { ExportFile, TrainingStage } from './data-manifest.js';

export const exportFormats = ['openai', 'trl-messages', 'trl-prompt-completion', 'llamafactory', 'axolotl', 'alpaca', 'sharegpt'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** One canonical chat file's content, to export. */
export interface ExportInput {
  stage: TrainingStage;
  language: string;
  lines: ChatLine[];
}

const message = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string().min(1) }).strict();
const promptCompletionSchema = z
  .object({ prompt: z.array(message).min(1), completion: z.array(message).length(1) })
  .strict()
  .refine((row) => row.completion[0].role === 'assistant', 'completion must be one assistant message');
const alpacaSchema = z
  .object({
    instruction: z.string().min(1),
    input: z.string(),
    output: z.string().min(1),
    system: z.string().optional(),
    history: z.array(z.tuple([z.string(), z.string()])).optional(),
  })
  .strict();
const sharegptSchema = z
  .object({
    conversations: z
      .array(z.object({ from: z.enum(['human', 'gpt']), value: z.string().min(1) }).strict())
      .min(2)
      .refine((turns) => turns.every((turn, index) => turn.from === (index % 2 === 0 ? 'human' : 'gpt')), 'turns must alternate human, gpt'),
    system: z.string().optional(),
  })
  .strict();
/** LLaMA-Factory's `dataset_info.json` entry for OpenAI-style messages (its data/README.md, sharegpt formatting with tags). */
const llamaFactoryEntrySchema = z
  .object({
    file_name: z.string().min(1),
    formatting: z.literal('sharegpt'),
    columns: z.object({ messages: z.literal('messages') }).strict(),
    tags: z
      .object({
        role_tag: z.literal('role'),
        content_tag: z.literal('content'),
        user_tag: z.literal('user'),
        assistant_tag: z.literal('assistant'),
        system_tag: z.literal('system'),
      })
      .strict(),
  })
  .strict();
/** axolotl's chat_template dataset entry (docs/dataset-formats/conversation.qmd). */
const axolotlConfigSchema = z
  .object({
    datasets: z
      .array(
        z
          .object({
            path: z.string().min(1),
            ds_type: z.literal('json'),
            type: z.literal('chat_template'),
            field_messages: z.literal('messages'),
            message_property_mappings: z.object({ role: z.literal('role'), content: z.literal('content') }).strict(),
            roles_to_train: z.array(z.literal('assistant')).length(1),
            train_on_eos: z.literal('turn'),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

/** Splits a conversation into its leading system prompt, the (user, assistant) pairs and the last user turn's answer. */
function turnsOf(messages: ChatMessage[]): { system?: string; pairs: [string, string][] } {
  const system = messages[0]?.role === 'system' ? messages[0].content : undefined;
  const pairs: [string, string][] = [];
  let pending: string | undefined;
  for (const entry of messages.slice(system === undefined ? 0 : 1)) {
    if (entry.role === 'user') pending = pending === undefined ? entry.content : `${pending}\n\n${entry.content}`;
    else if (entry.role === 'assistant') {
      pairs.push([pending ?? '', entry.content]);
      pending = undefined;
    }
  }
  return { system, pairs };
}

function alpacaRow(line: ChatLine) {
  const { system, pairs } = turnsOf(line.messages);
  const [instruction, output] = pairs[pairs.length - 1];
  return { instruction, input: '', output, ...(system ? { system } : {}), ...(pairs.length > 1 ? { history: pairs.slice(0, -1) } : {}) };
}

function sharegptRow(line: ChatLine) {
  const { system, pairs } = turnsOf(line.messages);
  return {
    conversations: pairs.flatMap(([human, gpt]) => [
      { from: 'human', value: human },
      { from: 'gpt', value: gpt },
    ]),
    ...(system ? { system } : {}),
  };
}

function promptCompletionRow(line: ChatLine) {
  return { prompt: line.messages.slice(0, -1), completion: line.messages.slice(-1) };
}

const jsonl = (rows: readonly unknown[]) => rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length > 0 ? '\n' : '');
const jsonArray = (rows: readonly unknown[]) => `${JSON.stringify(rows, null, 1)}\n`;

/** The export's error for a file that does not read back as its format (a bug, never a user error). */
function exportError(path: string, where: string, problem: string): CulturekitError {
  return new CulturekitError(`export ${path}: ${where}: ${problem}`);
}

function checkRows(path: string, rows: unknown[], schema: z.ZodType, expected: number): number {
  if (rows.length !== expected) throw exportError(path, '(file)', `${rows.length} rows read back, ${expected} written`);
  rows.forEach((row, index) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) throw exportError(path, `row ${index + 1}: ${parsed.error.issues[0].path.join('.')}`, parsed.error.issues[0].message);
  });
  return rows.length;
}

function readBackJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch (error) {
        throw exportError(path, `line ${index + 1}`, (error as Error).message);
      }
    });
}

function readBackJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    throw exportError(path, '(file)', (error as Error).message);
  }
}

/**
 * Writes one stage-and-language set in every trainer format under `exportsDir/<format>/`, then reads each file back
 * and checks it against that format's shape (row counts, roles, keys of `dataset_info.json` and of the axolotl
 * config). Returns the files written, relative to `relativeTo`, with their hashes.
 *
 * Formats: `openai` and `trl-messages` (`{"messages"}` JSONL), `trl-prompt-completion` (conversational
 * `{"prompt": [...], "completion": [assistant]}`), `llamafactory` (a JSON array of `{"messages"}` plus
 * `dataset_info.json` entries `adapt_<language>_<stage>`), `axolotl` (JSONL plus `axolotl-datasets.yml`, the
 * `chat_template` dataset entries to paste into a config), `alpaca` and `sharegpt` (JSON arrays).
 *
 * @example
 * const files = writeExports('out/exports', [{ stage: 'stage1', language: 'en', lines }], 'out');
 */
export function writeExports(exportsDir: string, sets: readonly ExportInput[], relativeTo: string): ExportFile[] {
  const files: ExportFile[] = [];
  const record = (format: ExportFormat, path: string, count?: number) => {
    const content = readFileSync(path);
    files.push({ format, path: path.slice(relativeTo.length + 1), sha256: sha256Hex(content), ...(count === undefined ? {} : { count }) });
  };
  const llamaFactoryInfo: Record<string, z.infer<typeof llamaFactoryEntrySchema>> = {};
  const axolotlDatasets: z.infer<typeof axolotlConfigSchema>['datasets'] = [];
  for (const set of sets) {
    const name = `${set.language}_${set.stage}`;
    const count = set.lines.length;
    for (const format of ['openai', 'trl-messages'] as const) {
      const path = join(exportsDir, format, `${name}.jsonl`);
      writeFileAtomic(path, jsonl(set.lines));
      record(format, path, checkRows(path, readBackJsonl(path), chatLineSchema, count));
    }
    const promptCompletionPath = join(exportsDir, 'trl-prompt-completion', `${name}.jsonl`);
    writeFileAtomic(promptCompletionPath, jsonl(set.lines.map(promptCompletionRow)));
    record('trl-prompt-completion', promptCompletionPath, checkRows(promptCompletionPath, readBackJsonl(promptCompletionPath), promptCompletionSchema, count));

    const llamaFactoryPath = join(exportsDir, 'llamafactory', `${name}.json`);
    writeFileAtomic(llamaFactoryPath, jsonArray(set.lines));
    record('llamafactory', llamaFactoryPath, checkRows(llamaFactoryPath, asArray(llamaFactoryPath, readBackJson(llamaFactoryPath)), chatLineSchema, count));
    llamaFactoryInfo[`adapt_${name}`] = {
      file_name: `${name}.json`,
      formatting: 'sharegpt',
      columns: { messages: 'messages' },
      tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
    };

    const axolotlPath = join(exportsDir, 'axolotl', `${name}.jsonl`);
    writeFileAtomic(axolotlPath, jsonl(set.lines));
    record('axolotl', axolotlPath, checkRows(axolotlPath, readBackJsonl(axolotlPath), chatLineSchema, count));
    axolotlDatasets.push({
      path: `${name}.jsonl`,
      ds_type: 'json',
      type: 'chat_template',
      field_messages: 'messages',
      message_property_mappings: { role: 'role', content: 'content' },
      roles_to_train: ['assistant'],
      train_on_eos: 'turn',
    });

    for (const [format, rows, schema] of [
      ['alpaca', set.lines.map(alpacaRow), alpacaSchema],
      ['sharegpt', set.lines.map(sharegptRow), sharegptSchema],
    ] as const) {
      const path = join(exportsDir, format, `${name}.json`);
      writeFileAtomic(path, jsonArray(rows));
      record(format, path, checkRows(path, asArray(path, readBackJson(path)), schema, count));
    }
  }
  const infoPath = join(exportsDir, 'llamafactory', 'dataset_info.json');
  writeFileAtomic(infoPath, `${JSON.stringify(llamaFactoryInfo, null, 2)}\n`);
  const info = readBackJson(infoPath);
  const infoCheck = z.record(z.string(), llamaFactoryEntrySchema).safeParse(info);
  if (!infoCheck.success) throw exportError(infoPath, infoCheck.error.issues[0].path.join('.'), infoCheck.error.issues[0].message);
  for (const [name, entry] of Object.entries(infoCheck.data)) {
    if (!sets.some((set) => `${set.language}_${set.stage}.json` === entry.file_name))
      throw exportError(infoPath, name, `names a file not written: ${entry.file_name}`);
  }
  record('llamafactory', infoPath);
  const axolotlConfigPath = join(exportsDir, 'axolotl', 'axolotl-datasets.yml');
  writeFileAtomic(
    axolotlConfigPath,
    `# axolotl dataset entries (type: chat_template) for the files beside this one; paste into your axolotl config.\n${stringifyYaml({ datasets: axolotlDatasets })}`,
  );
  const axolotlCheck = axolotlConfigSchema.safeParse(parseYaml(readFileSync(axolotlConfigPath, 'utf8')));
  if (!axolotlCheck.success) throw exportError(axolotlConfigPath, axolotlCheck.error.issues[0].path.join('.'), axolotlCheck.error.issues[0].message);
  record('axolotl', axolotlConfigPath);
  return files;
}

function asArray(path: string, value: unknown): unknown[] {
  if (!Array.isArray(value)) throw exportError(path, '(file)', 'expected a JSON array');
  return value;
}
