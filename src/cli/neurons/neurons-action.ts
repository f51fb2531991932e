import { join } from 'node:path';
import { InputError } from '../../errors/culturekit-error.js';
import { analyzeNeurons, type NeuronAnalysis } from '../../neurons/analyze-neurons.js';
import type { NeuronBackend } from '../../neurons/collect-stats.js';
import { imatrixBinaryPath, setupImatrix } from '../../neurons/llama-cpp-source.js';
import type { SelectionMethod, SelectionStatistic } from '../../neurons/select-neurons.js';
import { requirePython } from '../../python/python-env.js';
import { renderNeuronsPage } from '../../report/neurons-section.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { writeFileAtomic } from '../../util/write-file-atomic.js';

export interface NeuronsFlags {
  model?: string;
  dataset?: string;
  out?: string;
  backend: NeuronBackend;
  method: SelectionMethod;
  statistic?: SelectionStatistic;
  topK?: number;
  fdr: number;
  threshold: number;
  seed: number;
  limit?: number;
  mcqMethod: 'letter' | 'loglik';
  ctx: number;
  threads?: number;
  run?: string;
  intervene?: boolean;
  randomDraws: number;
  maxTokens: number;
  judge?: string[];
  judgeBaseUrl?: string;
  db?: string;
  python?: string;
}

export interface SetupImatrixFlags {
  jobs: number;
}

/** Runs `culturekit neurons setup-imatrix`. */
export async function runSetupImatrixCommand(flags: SetupImatrixFlags): Promise<void> {
  process.stderr.write(`building llama-imatrix from the llama.cpp source node-llama-cpp ships (-j${flags.jobs}); this takes minutes\n`);
  let lines = 0;
  const { binary, seconds } = await setupImatrix({
    jobs: flags.jobs,
    onLine: (line) => {
      if (/^\[\s*\d+%\]/.test(line) && ++lines % 10 === 0) process.stderr.write(`${line}\n`);
    },
  });
  process.stderr.write(`llama-imatrix ready: ${binary} (${seconds.toFixed(0)} s)\n`);
}

/** Runs `culturekit neurons`. */
export async function runNeuronsCommand(flags: NeuronsFlags): Promise<void> {
  for (const name of ['model', 'dataset', 'out'] as const)
    if (!flags[name]) throw new InputError(`--${name} is required (or run culturekit neurons setup-imatrix)`);
  if (!Number.isFinite(flags.threshold)) throw new InputError(`--threshold: expected a number, got "${String(flags.threshold)}"`);
  const statistic = flags.statistic ?? (flags.backend === 'imatrix' ? 'energy' : 'frequency');
  if (flags.backend === 'imatrix' && statistic !== 'energy')
    throw new InputError(`--backend imatrix records only the energy: use --statistic energy, not ${statistic}`);
  if (flags.backend === 'imatrix' && flags.method === 'welch-fdr') throw new InputError('--method welch-fdr needs per-prompt statistics: use --backend hooks');
  const python = requirePython({ python: flags.python }).python;
  const threads = flags.threads ?? RUN_DEFAULTS.threads();
  const analysis = await analyzeNeurons({
    python,
    model: flags.model!,
    dataset: flags.dataset!,
    outDir: flags.out!,
    backend: flags.backend,
    selection: { method: flags.method, statistic, topK: flags.topK ?? null, fdr: flags.fdr },
    topKShare: RUN_DEFAULTS.neurons.topKShare,
    threshold: flags.threshold,
    render: { mcqMethod: flags.mcqMethod, shuffleSeed: null },
    limitPerGroup: flags.limit ?? null,
    seed: flags.seed,
    ...(flags.backend === 'imatrix' ? { imatrix: { binary: imatrixBinaryPath(), ctx: flags.ctx, threads } } : {}),
    ...(flags.run ? { run: flags.run } : {}),
    ...(flags.intervene
      ? {
          intervention: {
            randomDraws: flags.randomDraws,
            dbPath: flags.db ?? RUN_DEFAULTS.db,
            options: { maxTokens: flags.maxTokens },
            judges: (flags.judge ?? []).map((spec) => ({ spec, ...(flags.judgeBaseUrl ? { baseUrl: flags.judgeBaseUrl } : {}) })),
            knowledgeMetric: 'accuracy',
            safetyMetric: 'respectfulness',
          },
        }
      : {}),
    onProgress: (message) => process.stderr.write(`${message}\n`),
    onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
  });
  const page = join(flags.out!, 'neurons.html');
  writeFileAtomic(page, await renderNeuronsPage(analysis));
  process.stderr.write(`${summaryLines(analysis).join('\n')}\nwrote ${join(flags.out!, 'neurons.json')} and ${page}\n`);
}

/** A few lines for the terminal: neurons chosen per set, the overlap per layer, the intervention. */
export function summaryLines(analysis: NeuronAnalysis): string[] {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  const lines = [
    `${analysis.layers} layers × ${analysis.neurons} FFN neurons; method ${analysis.selection.method} on ${analysis.selection.statistic}` +
      `; knowledge ${analysis.sets.knowledge.prompts} prompts, safety ${analysis.sets.safety.prompts} prompts`,
    `selected: knowledge ${analysis.selected.knowledge.total}, safety ${analysis.selected.safety.total} neurons`,
    `overlap of the most responsive neurons (Jaccard): ${analysis.overlap.responsive.perLayer.map((value, layer) => `L${layer} ${value.toFixed(2)}`).join(', ')}; overall ${analysis.overlap.responsive.overall.toFixed(2)}`,
  ];
  for (const row of analysis.intervention?.rows ?? []) {
    lines.push(
      `zero ${row.zeroed} neurons (${row.neurons}) → ${row.measured} ${row.metric}: drop ${percent(row.drop.estimate)} [${percent(row.drop.ci95[0])}, ${percent(row.drop.ci95[1])}]` +
        ` vs random ${percent(row.randomDrop.estimate)}`,
    );
  }
  return lines;
}
