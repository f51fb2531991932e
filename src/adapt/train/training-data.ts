import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DatasetError, InputError, type RecordProblem } from '../../errors/culturekit-error.js';
import { sha256Hex } from '../../util/hash.js';
import { chatFilePath, DATA_MANIFEST_FILE, dataManifestSchema, type TrainingStage, trainingStages } from '../data/data-manifest.js';

const chatMessageSchema = z.object({ role: z.enum(['system', 'user', 'assistant']), content: z.string() });
const chatRowSchema = z.object({ messages: z.array(chatMessageSchema).min(2) });
export type ChatRow = z.infer<typeof chatRowSchema>;

/** One canonical chat file of the training data, checked line by line. */
export interface StageData {
  stage: TrainingStage;
  language: string;
  /** Absolute path of `<data>/<language>/<stage>.jsonl`. */
  file: string;
  rows: ChatRow[];
  sha256: string;
}

/** The stages of one language: stage 1 (knowledge) and, when present, stage 2 (safety + replay). */
export interface LanguageData {
  language: string;
  stages: StageData[];
}

/**
 * Reads a chat file (`{"messages": [{role, content}, …]}` per line, ending with an assistant turn); every bad line is
 * reported as `file:line: field: problem`.
 */
export function readChatFile(file: string): { rows: ChatRow[]; sha256: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the training file: ${(error as Error).message}`);
  }
  const problems: RecordProblem[] = [];
  const rows: ChatRow[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      problems.push({ file, line: index + 1, field: '', problem: `not JSON: ${(error as Error).message}` });
      return;
    }
    const parsed = chatRowSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push({ file, line: index + 1, field: issue.path.join('.'), problem: issue.message });
      return;
    }
    const last = parsed.data.messages.at(-1);
    if (last?.role !== 'assistant') {
      problems.push({
        file,
        line: index + 1,
        field: `messages.${parsed.data.messages.length - 1}.role`,
        problem: 'the last message must be the assistant turn to learn',
      });
      return;
    }
    rows.push(parsed.data);
  });
  if (problems.length > 0) throw new DatasetError(problems, `${file}: training file rejected`);
  if (rows.length === 0) throw new InputError(`${file}: no training examples`);
  return { rows, sha256: sha256Hex(text) };
}

/**
 * Reads the output of `culturekit adapt data`: `manifest.json` names the chat file of each stage and language.
 * `languages` picks some (default: every language of the manifest); each must have a stage-1 file.
 *
 * @example
 * const data = readTrainingData('runs/adapt/data', ['ja']);
 * data[0].stages.map((stage) => `${stage.stage}: ${stage.rows.length}`);
 */
export function readTrainingData(dataDir: string, languages?: readonly string[]): LanguageData[] {
  const manifestPath = join(dataDir, DATA_MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new InputError(`--data ${dataDir}: no ${DATA_MANIFEST_FILE} (the output folder of culturekit adapt data)`);
  let manifestValue: unknown;
  try {
    manifestValue = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch (error) {
    throw new InputError(`${manifestPath}: not JSON: ${(error as Error).message}`);
  }
  const files = dataManifestSchema.shape.files.safeParse((manifestValue as { files?: unknown } | null)?.files);
  if (!files.success) {
    throw new InputError(`${manifestPath}: files: ${files.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
  }
  const available = [...new Set(files.data.map((file) => file.language))];
  const chosen = languages && languages.length > 0 ? [...languages] : available;
  return chosen.map((language) => {
    if (!available.includes(language))
      throw new InputError(`--languages ${language}: ${manifestPath} has no data for it (it has ${available.join(', ') || 'none'})`);
    const stages: StageData[] = [];
    for (const stage of trainingStages) {
      const entry = files.data.find((file) => file.language === language && file.stage === stage);
      if (!entry) continue;
      const file = join(dataDir, entry.path || chatFilePath(language, stage));
      const { rows, sha256 } = readChatFile(file);
      if (sha256 !== entry.sha256) throw new InputError(`${file}: its SHA-256 differs from ${manifestPath} (the file changed after adapt data wrote it)`);
      stages.push({ stage, language, file, rows, sha256 });
    }
    if (!stages.some((stage) => stage.stage === 'stage1')) throw new InputError(`${manifestPath}: no stage1 file for language ${language}`);
    return { language, stages };
  });
}

/** A chat row as TRL's conversational prompt-completion: the loss falls on the last assistant turn only. */
export function toPromptCompletion(row: ChatRow): { prompt: ChatRow['messages']; completion: ChatRow['messages'] } {
  return { prompt: row.messages.slice(0, -1), completion: row.messages.slice(-1) };
}
