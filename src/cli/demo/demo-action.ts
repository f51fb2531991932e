import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ConfigLayer } from '../../settings/run-settings.js';
import { commandSettings } from '../command-settings.js';
import { runAndReport } from '../run-and-report.js';
import type { RunFlags } from '../run-flags.js';

export const DEMO_MODEL_PATH = join('.culturekit', 'models', 'culturekit-demo-tiny.gguf');

/** The demo's own settings, in place of a config file: flags override them. */
const DEMO_PRESET: ConfigLayer = {
  dataset: 'builtin:sample',
  models: [`llama:${DEMO_MODEL_PATH}`],
  out: join('runs', 'demo'),
  concurrency: 2,
  threads: 1,
  options: { mcqMethod: 'loglik', maxTokens: 24 },
};

const NOTICE = `
culturekit demo — the whole evaluation, offline, on the built-in sample.
The model is a tiny GGUF file that culturekit just wrote itself (a few word-pair transitions, no training).
It runs through the real node-llama-cpp engine, but ITS SCORES ARE MEANINGLESS: they only show the pipeline works.
Point culturekit at a real model with, for example:
  culturekit eval --dataset builtin:sample --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1
  culturekit eval --dataset builtin:sample --model llama:./models/qwen2.5-0.5b-instruct-q4_k_m.gguf
`;

/** Written into the demo run's manifest: every report of the run shows it first. */
export const DEMO_NOTICE =
  'Demo run: the model is a tiny toy that culturekit wrote itself (no training). Its scores are MEANINGLESS: they only show that the pipeline works.';

/** Runs `culturekit demo`. */
export async function runDemoCommand(flags: RunFlags): Promise<void> {
  process.stderr.write(`${NOTICE}\n`);
  if (!existsSync(resolve(DEMO_MODEL_PATH))) {
    const { writeDemoModel } = await import('../../models/llama/demo-model.js');
    await writeDemoModel(DEMO_MODEL_PATH);
    process.stderr.write(`wrote the demo model to ${DEMO_MODEL_PATH}\n`);
  }
  await runAndReport(await commandSettings(flags, { preset: DEMO_PRESET }), { notice: DEMO_NOTICE });
  process.stdout.write('\nReminder: the demo model is a toy; these scores are meaningless. Use --model with a real model for real figures.\n');
}
