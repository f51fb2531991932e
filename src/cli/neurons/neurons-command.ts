import { Command, Option } from 'commander';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { collect, nonNegativeInteger, nonNegativeNumber, once, positiveInteger } from '../cli-options.js';
import type { NeuronsFlags, SetupImatrixFlags } from './neurons-action.js';

const NEURONS = RUN_DEFAULTS.neurons;

/** `culturekit neurons`: white-box analysis of which FFN neurons carry cultural knowledge and cultural safety. */
export function createNeuronsCommand(): Command {
  const setup = new Command('setup-imatrix')
    .description("build llama.cpp's llama-imatrix from the source node-llama-cpp ships (offline; clones it into .culturekit/llama.cpp-src)")
    .option('--jobs <n>', 'parallel compile jobs', positiveInteger('--jobs'), NEURONS.buildJobs)
    .action(async (flags: SetupImatrixFlags) => (await import('./neurons-action.js')).runSetupImatrixCommand(flags));
  return new Command('neurons')
    .description(
      'which FFN neurons respond to knowledge queries and which to safety queries: per-layer statistics, selection, overlap, per-country specificity, and an intervention check',
    )
    .addCommand(setup)
    .option('--model <path>', 'a Hugging Face model folder or a .gguf file', once('--model'))
    .option('--dataset <ref>', 'the knowledge and safety queries (builtin:sample, adaculturesafe:<path>, a file …)', once('--dataset'))
    .option('--out <dir>', 'folder for neurons.json, neurons.html and the working files', once('--out'))
    .addOption(
      new Option('--backend <backend>', 'hooks (transformers forward hooks: every statistic) or imatrix (llama-imatrix: energy only)')
        .choices(['hooks', 'imatrix'])
        .default(NEURONS.backend),
    )
    .addOption(
      new Option(
        '--method <method>',
        'ratio (set vs other set), welch-fdr (difference of means among Welch t-tests significant after Benjamini–Hochberg) or top (most responsive)',
      )
        .choices(['ratio', 'welch-fdr', 'top'])
        .default(NEURONS.method),
    )
    .addOption(
      new Option(
        '--statistic <statistic>',
        'frequency (act(gate) > threshold), energy (mean x²) or mean (default frequency; energy with --backend imatrix)',
      ).choices(['frequency', 'energy', 'mean']),
    )
    .option(
      '--top-k <n>',
      `neurons per layer and set (default ${NEURONS.topKShare * 100}% of a layer's neurons, at least 1; welch-fdr: no cap)`,
      positiveInteger('--top-k'),
    )
    .option('--fdr <q>', 'false-discovery rate of welch-fdr', nonNegativeNumber('--fdr'), NEURONS.fdr)
    .option('--threshold <x>', 'act(gate) above this counts as active', Number, NEURONS.threshold)
    .option('--seed <n>', 'seed of the prompt sample (--limit) and of the random neurons', nonNegativeInteger('--seed'), NEURONS.seed)
    .option('--limit <n>', 'at most n items per set × country × language (a seeded sample)', positiveInteger('--limit'))
    .addOption(
      new Option('--mcq-method <method>', 'how multiple-choice items are rendered and scored').choices(['letter', 'loglik']).default(NEURONS.mcqMethod),
    )
    .option('--ctx <n>', 'llama-imatrix chunk length in tokens', positiveInteger('--ctx'), NEURONS.imatrixCtx)
    .option('--threads <n>', 'CPU threads of llama-imatrix', positiveInteger('--threads'))
    .option('--run <dir>', 'a culturekit eval --out folder: its knowledge–safety correlation is shown next to the neurons', once('--run'))
    .option('--intervene', 'zero the selected neurons (and as many random ones) in GGUF copies and evaluate them with the engine')
    .option('--random-draws <n>', 'random-neuron controls per set', positiveInteger('--random-draws'), NEURONS.randomDraws)
    .option('--max-tokens <n>', 'most tokens of a generated answer in the intervention', positiveInteger('--max-tokens'), NEURONS.maxTokens)
    .option(
      '--judge <spec>',
      'judge model for open safety answers in the intervention (repeat for a panel); without one, safety is measured by answers changed',
      collect,
    )
    .option('--judge-base-url <url>', 'base URL of openai: judges', once('--judge-base-url'))
    .option('--db <path>', `SQLite store of the intervention run (default ${RUN_DEFAULTS.db})`, once('--db'))
    .option('--python <path>', 'Python of the trainer environment (default CULTUREKIT_PYTHON, else .culturekit/venv)', once('--python'))
    .action(async (flags: NeuronsFlags) => (await import('./neurons-action.js')).runNeuronsCommand(flags));
}
