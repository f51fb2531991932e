import type { Command } from 'commander';

/** An example for each command's `--help` (commands that declare their own keep theirs). Keyed by the command path. */
const EXAMPLES: Record<string, string[]> = {
  eval: [
    'culturekit eval --dataset builtin:sample --model openai:qwen2.5-7b-instruct --base-url http://127.0.0.1:8000/v1 --out runs/qwen',
    'culturekit eval --config culturekit.config.yaml --fail-under accuracy=0.7 --junit junit.xml',
  ],
  build: ['culturekit build --sources sources.jsonl --generator openai:qwen2.5-72b-instruct --base-url http://127.0.0.1:8000/v1 --out built/'],
  translate: [
    'culturekit translate --input alpaca.jsonl --to ja,zh,hi,sw --model openai:qwen2.5-72b-instruct --base-url http://127.0.0.1:8000/v1 --qe gemba-da,chrf --min-gemba 70 --min-chrf 40 --out translated/',
  ],
  serve: ['culturekit serve --upstream http://127.0.0.1:8000/v1 --kb builtin:sample --port 8787'],
  report: ['culturekit report runs/base runs/adapted --out report.html'],
  view: ['culturekit view --db .culturekit/culturekit.db --port 4173'],
  review: ['culturekit review create --name ja-v1 --dataset built/dataset.jsonl'],
  'review create': ['culturekit review create --name ja-v1 --dataset built/dataset.jsonl --reviews-per-record 2'],
  'review add-annotator': ['culturekit review add-annotator --project ja-v1 --name aiko'],
  'review serve': ['culturekit review serve --port 4174'],
  'review export': ['culturekit review export --project ja-v1 --out verified.jsonl'],
  demo: ['culturekit demo --limit 24'],
  neurons: ['culturekit neurons --model tiny-llama/ --dataset builtin:sample --out neurons/ --limit 4 --intervene'],
  'neurons setup-imatrix': ['culturekit neurons setup-imatrix --jobs 2'],
  score: ['culturekit score --dataset builtin:sample --responses responses.jsonl --judge openai:qwen2.5-72b-instruct --base-url http://127.0.0.1:8000/v1'],
};

/**
 * Adds an "Example" section to the `--help` of every command in `EXAMPLES`, at any depth.
 *
 * @example
 * addExamples(program); // culturekit eval --help → "… Example:\n  culturekit eval --dataset builtin:sample …"
 */
export function addExamples(command: Command, path: string[] = []): Command {
  for (const sub of command.commands) {
    const subPath = [...path, sub.name()];
    const examples = EXAMPLES[subPath.join(' ')];
    if (examples) sub.addHelpText('after', `\n${examples.length > 1 ? 'Examples' : 'Example'}:\n${examples.map((line) => `  ${line}`).join('\n')}`);
    addExamples(sub, subPath);
  }
  return command;
}
