import { join } from 'node:path';
import { runAdaptDemo } from '../../adapt/demo/adapt-demo.js';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import { requirePython } from '../../python/python-env.js';
import { runAdaptEvalCommand } from './adapt-eval-action.js';
import { formatTrainProgress } from './adapt-train-action.js';

export interface AdaptDemoFlags {
  out?: string;
  python?: string;
}

const NOTICE = `
culturekit adapt demo — the whole adaptation loop, offline, on the built-in sample:
adapt data → a tiny random Llama with its own tokenizer → TRL + PEFT LoRA stage 1 and stage 2 → GGUF → adapt eval.
The teacher and judge of adapt data are scripted (no model), and the model is tiny and random:
ITS SCORES ARE MEANINGLESS; they only show the pipeline works. With real models:
  culturekit adapt data --dataset built/dataset.jsonl --teacher openai:qwen2.5-72b-instruct --judge openai:qwen2.5-72b-instruct --out adapt-data
  culturekit adapt train --trainer trl --data adapt-data --base models/qwen2.5-0.5b-instruct --out adapt-train
`;

/** Runs `culturekit adapt demo`. */
export async function runAdaptDemoCommand(flags: AdaptDemoFlags): Promise<void> {
  process.stderr.write(`${NOTICE}\n`);
  const python = requirePython({ python: flags.python }).python;
  const out = flags.out ?? join('runs', 'adapt-demo');
  let lastLine = '';
  const result = await runAdaptDemo({
    dataset: await loadDataset('builtin:sample'),
    out,
    python,
    onNotice: (line) => process.stderr.write(`${line}\n`),
    onProgress: (progress) => {
      const line = formatTrainProgress(progress);
      if (line.split('  ').slice(0, 2).join() === lastLine.split('  ').slice(0, 2).join()) return;
      lastLine = line;
      process.stderr.write(`    ${line}\n`);
    },
  });
  process.stderr.write('adapt eval: base and each stage on the held-out knowledge items and the built-in English set\n');
  await runAdaptEvalCommand({
    base: `llama:${result.baseGguf}`,
    stage: result.stages.map((stage) => `${stage.name}=${stage.spec}`),
    out: join(out, 'eval'),
    knowledge: result.evalSet,
    english: 'builtin',
    trainDir: result.trainDir,
    mcqMethod: 'loglik',
    threads: 1,
    quiet: true,
  });
  process.stdout.write('\nReminder: the demo model is tiny and random and its teacher and judge are scripted; these scores are meaningless.\n');
}
