import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Dataset } from '../../datasets/dataset.js';
import type { GenerateRequest, GenerateResult, LanguageModel } from '../../models/language-model.js';
import { createTinyHfModel } from '../../python/tiny-hf-model.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { prepareTrainingData } from '../data/prepare-training-data.js';
import { exportTrainRun } from '../gguf/export-train-run.js';
import type { StageProgress } from '../train/local-stage-runner.js';
import { readTrainingData } from '../train/training-data.js';
import { runTraining } from '../train/run-training.js';

function wordsOf(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/**
 * The demo's teacher and judge: scripted, offline, no model. The teacher answers with the custom it is given (a
 * respectful sentence around the description's first sentence); the judge gives every answer 8 of 10. They exist
 * only so that `adapt demo` runs the real data pipeline without a server: their output means nothing.
 */
export function scriptedDemoModel(role: 'teacher' | 'judge'): LanguageModel {
  return {
    spec: `demo:${role}`,
    provider: 'demo',
    modelId: `culturekit-demo-${role}`,
    capabilities: { generate: true, logLikelihood: false, embed: false },
    cacheIdentity: { provider: 'demo', role, version: 1 },
    async generate(request: GenerateRequest): Promise<GenerateResult> {
      const system = request.messages.find((message) => message.role === 'system')?.content ?? '';
      const custom = /\[Start of custom\]\n([\s\S]*?)\n\[End of custom\]/.exec(system)?.[1] ?? '';
      const text =
        role === 'judge'
          ? '{"score": 8}'
          : `That is a fair question. ${custom.split(/(?<=[.!?。])\s*/)[0] || 'Local customs differ'} It helps to ask and to follow the custom respectfully.`;
      const input = request.messages.reduce((sum, message) => sum + wordsOf(message.content), 0);
      return { text, finishReason: 'stop', usage: { inputTokens: input, outputTokens: wordsOf(text) } };
    },
    async close(): Promise<void> {},
  };
}

export interface AdaptDemoOptions {
  /** The dataset to adapt to (the CLI passes `builtin:sample`). */
  dataset: Dataset;
  out: string;
  python: string;
  dbPath?: string;
  onNotice?(line: string): void;
  onProgress?(progress: StageProgress): void;
}

export interface AdaptDemoResult {
  dataDir: string;
  trainDir: string;
  ggufDir: string;
  baseGguf: string;
  stages: { name: string; spec: string }[];
  /** The held-out eval set `adapt data` wrote. */
  evalSet: string;
}

/**
 * `culturekit adapt demo` up to the evaluation: `adapt data` on the dataset (scripted teacher and judge), a tiny random
 * Llama with its own tokenizer trained on that data, TRL + PEFT stage 1 and stage 2, and GGUF export. Everything
 * offline; the scores of what it makes are meaningless.
 *
 * @example
 * const result = await runAdaptDemo({ dataset: await loadDataset('builtin:sample'), out: 'runs/adapt-demo', python });
 */
export async function runAdaptDemo(options: AdaptDemoOptions): Promise<AdaptDemoResult> {
  const out = resolve(options.out);
  const dataDir = join(out, 'data');
  const trainDir = join(out, 'train');
  const ggufDir = join(out, 'gguf');
  const notice = (line: string): void => options.onNotice?.(line);
  const languages = [...new Set(options.dataset.items.map((item) => item.language))];
  const language = languages.includes('en') ? 'en' : languages.sort()[0];

  notice(`1/4 adapt data: ${options.dataset.ref}, language ${language}, a third of the descriptions held out for evaluation`);
  if (existsSync(join(dataDir, 'manifest.json'))) notice('    already prepared');
  else {
    await prepareTrainingData({
      dataset: options.dataset,
      evalFraction: 0.34,
      languages: [language],
      teacherInstance: scriptedDemoModel('teacher'),
      judgeInstance: scriptedDemoModel('judge'),
      dbPath: options.dbPath ?? RUN_DEFAULTS.db,
      outDir: dataDir,
      seed: 1,
    });
  }
  const [data] = readTrainingData(dataDir);
  const text = data.stages.flatMap((stage) => stage.rows.flatMap((row) => row.messages.map((message) => message.content))).join('\n');

  notice('2/4 a tiny random Llama with its own tokenizer (Hugging Face format)');
  const baseDir = join(out, 'base-model');
  if (existsSync(join(baseDir, 'model.safetensors'))) notice('    already made');
  else {
    // SentencePiece needs room for every character of the text besides its 256 byte pieces.
    const vocabSize = Math.max(512, new Set(text).size + 300);
    await createTinyHfModel({ python: options.python, dir: baseDir, text: Array.from({ length: 4 }, () => text).join('\n'), seed: 1, vocabSize });
  }

  notice('3/4 adapt train --trainer trl: stage 1 (knowledge), then stage 2 (safety) continuing the stage-1 adapter');
  await runTraining({
    trainer: 'trl',
    dataDir,
    base: baseDir,
    out: trainDir,
    stage2From: 'adapter',
    hyper: { epochs: 1, maxSteps: 12, batchSize: 4, learningRate: 0.01, loraR: 8, loraAlpha: 16, maxLength: 256, loggingSteps: 4, saveSteps: 12, seed: 1 },
    python: options.python,
    pollIntervalMs: 300,
    onNotice: notice,
    onProgress: options.onProgress,
  });

  notice("4/4 adapt export-gguf: base and adapters with llama.cpp's converters");
  const exported = await exportTrainRun({ train: trainDir, out: ggufDir, outType: 'f32', python: options.python, onNotice: notice });
  const baseGguf = exported.bases[baseDir];
  return {
    dataDir,
    trainDir,
    ggufDir,
    baseGguf,
    stages: exported.adapters.map((adapter) => ({ name: adapter.name, spec: `llama:${adapter.baseGguf ?? baseGguf}?lora=${adapter.gguf}` })),
    evalSet: join(dataDir, 'eval', 'dataset.jsonl'),
  };
}
