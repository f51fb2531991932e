import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { addRunOptions, DEFAULT_DB, runAndReport, runOptionsFromFlags, type EvalFlags } from '../eval/eval-command.js';

export const DEMO_MODEL_PATH = join('.culturekit', 'models', 'culturekit-demo-tiny.gguf');

const NOTICE = `
culturekit demo — the whole evaluation, offline, on the built-in sample.
The model is a tiny GGUF file that culturekit just wrote itself (a few word-pair transitions, no training).
It runs through the real node-llama-cpp engine, but ITS SCORES ARE MEANINGLESS: they only show the pipeline works.
Point culturekit at a real model with, for example:
  culturekit eval --dataset builtin:sample --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1
  culturekit eval --dataset builtin:sample --model llama:./models/qwen2.5-0.5b-instruct-q4_k_m.gguf
`;

export function createDemoCommand(): Command {
  const command = new Command('demo').description('run the whole evaluation offline on the built-in sample with a tiny model culturekit writes itself');
  addRunOptions(command);
  return command.action(async (flags: EvalFlags) => {
    process.stderr.write(NOTICE + '\n');
    const modelPath = DEMO_MODEL_PATH;
    if (!existsSync(resolve(modelPath))) {
      const { writeDemoModel } = await import('../../models/llama/demo-model.js');
      await writeDemoModel(modelPath);
      process.stderr.write(`wrote the demo model to ${DEMO_MODEL_PATH}\n`);
    }
    const defaults: EvalFlags = { mcqMethod: 'loglik', maxTokens: 24, concurrency: 2, threads: 1 };
    const merged: EvalFlags = { ...defaults, ...Object.fromEntries(Object.entries(flags).filter(([, value]) => value !== undefined)) };
    await runAndReport({
      flags: merged,
      dataset: 'builtin:sample',
      models: [{ spec: `llama:${modelPath}` }],
      options: runOptionsFromFlags(merged),
      runtime: { concurrency: merged.concurrency, requestsPerMinute: merged.rpm, timeoutMs: merged.timeout, maxRetries: merged.maxRetries },
      db: merged.db ?? DEFAULT_DB,
      out: merged.out ?? join('runs', 'demo'),
    });
    process.stdout.write('\nReminder: the demo model is a toy; these scores are meaningless. Use --model with a real model for real figures.\n');
  });
}
