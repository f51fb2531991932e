/**
 * The two neuron backends on the same tiny model: transformers forward hooks vs llama.cpp's llama-imatrix.
 *
 * 1. Builds llama-imatrix from the llama.cpp source node-llama-cpp ships (`culturekit neurons setup-imatrix`; skipped when
 *    already built) and prints how long that took.
 * 2. Creates a tiny random Llama with planted neurons (the fixture of test/neurons), converts it to GGUF (f32) with
 *    the bundled converter, and feeds both backends the same chunks (llama-imatrix's chunking: a token stream cut into
 *    chunks of --ctx tokens, each starting with BOS). Prints, per layer, the max relative difference of the energy
 *    per FFN neuron (Σx², `ffn_down.weight.in_sum2`), the cosine, and the token counts; exits 1 beyond --tolerance.
 * 3. Runs `culturekit neurons` (ratio on energy) with each backend on the fixture's items and checks both find the
 *    planted neurons.
 *
 * Not a CI test: building llama-imatrix takes longer than CI allows (measured 15 min 16 s wall on 2 shared cores,
 * 463 s of CPU). Run: node --import tsx bench/neurons.ts [--ctx 32] [--tolerance 1e-3] [--keep]
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { analyzeNeurons } from '../src/neurons/analyze-neurons.js';
import { runImatrix } from '../src/neurons/collect-stats.js';
import { setupImatrix } from '../src/neurons/llama-cpp-source.js';
import { convertHfToGguf } from '../src/python/llama-cpp-source.js';
import { readNeuronStats } from '../src/neurons/neuron-stats.js';
import { pythonScript, requirePython, runPython } from '../src/python/python-env.js';
import { createPlantedModel, PLANTED } from '../test/neurons/fixtures/planted-model.js';

const { values } = parseArgs({
  options: { ctx: { type: 'string', default: '32' }, tolerance: { type: 'string', default: '1e-3' }, keep: { type: 'boolean', default: false } },
});
const ctx = Number(values.ctx);
const tolerance = Number(values.tolerance);
const python = requirePython().python;
const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(1);

let started = performance.now();
const { binary, seconds: buildSeconds } = await setupImatrix({ jobs: 2 });
console.log(`llama-imatrix: ${binary} (setup ${buildSeconds.toFixed(1)} s; 0 when already built)`);

const dir = await mkdtemp(join(tmpdir(), 'ck-bench-neurons-'));
try {
  started = performance.now();
  const fixture = await createPlantedModel(python, dir);
  console.log(`tiny model with planted neurons: ${seconds(started)} s`);
  started = performance.now();
  const gguf = await convertHfToGguf({ python, hfDir: fixture.model, outFile: join(dir, 'model-f32.gguf') });
  console.log(`convert_hf_to_gguf (f32): ${seconds(started)} s`);

  const words = 'people greet each other with a bow in the morning and share food at the table during festivals family elders respect zqzq jxkj'.split(' ');
  let state = 7;
  const text = Array.from({ length: 60 }, () =>
    Array.from({ length: 12 }, () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return words[state % words.length];
    }).join(' '),
  ).join('\n');
  const textFile = join(dir, 'chunks.txt');
  await writeFile(textFile, text);

  started = performance.now();
  const hooksPrefix = join(dir, 'hooks');
  await runPython(pythonScript('neurons_hooks.py'), ['--model', fixture.model, '--chunk-text', textFile, '--ctx', String(ctx), '--out', hooksPrefix], {
    python,
  });
  console.log(`hooks on the chunks: ${seconds(started)} s`);
  started = performance.now();
  const imatrixOut = join(dir, 'chunks.imatrix.gguf');
  await runImatrix(binary, ['-m', gguf, '-f', textFile, '-c', String(ctx), '-b', String(ctx), '-ub', String(ctx), '-o', imatrixOut, '--no-ppl', '-t', '2']);
  const imatrixPrefix = join(dir, 'imatrix');
  await runPython(pythonScript('neurons_gguf.py'), ['imatrix', '--out', imatrixPrefix, `chunks=${imatrixOut}`], { python });
  console.log(`llama-imatrix on the chunks: ${seconds(started)} s`);

  const hooks = readNeuronStats(hooksPrefix).groups[0];
  const imatrix = readNeuronStats(imatrixPrefix).groups[0];
  console.log(`tokens: hooks ${hooks.tokens}, llama-imatrix ${imatrix.tokens}`);
  let worst = 0;
  for (let layer = 0; layer < hooks.stats.sum2!.length; layer++) {
    const a = hooks.stats.sum2![layer];
    const b = imatrix.stats.sum2![layer];
    let maxRelative = 0;
    let dot = 0;
    let normA = 0;
    let normB = 0;
    for (let neuron = 0; neuron < a.length; neuron++) {
      if (a[neuron] > 0) maxRelative = Math.max(maxRelative, Math.abs(a[neuron] - b[neuron]) / a[neuron]);
      else if (b[neuron] !== 0) maxRelative = Number.POSITIVE_INFINITY;
      dot += a[neuron] * b[neuron];
      normA += a[neuron] ** 2;
      normB += b[neuron] ** 2;
    }
    worst = Math.max(worst, maxRelative);
    console.log(
      `layer ${layer}: max relative difference of Σx² per neuron ${maxRelative.toExponential(2)}, cosine ${(dot / Math.sqrt(normA * normB)).toFixed(6)}`,
    );
  }
  const countsAgree = hooks.tokens === imatrix.tokens;

  const found: Record<string, boolean> = {};
  for (const backend of ['hooks', 'imatrix'] as const) {
    started = performance.now();
    const analysis = await analyzeNeurons({
      python,
      model: fixture.model,
      dataset: fixture.dataset,
      outDir: join(dir, `out-${backend}`),
      backend,
      selection: { method: 'ratio', statistic: 'energy', topK: 2, fdr: 0.05 },
      topKShare: 0.01,
      threshold: 0,
      render: { mcqMethod: 'loglik', shuffleSeed: null },
      limitPerGroup: null,
      seed: 1,
      ...(backend === 'imatrix' ? { imatrix: { binary, ctx, threads: 2 } } : {}),
    });
    found[backend] =
      JSON.stringify(analysis.selected.knowledge.layers) === JSON.stringify(PLANTED.knowledge) &&
      JSON.stringify(analysis.selected.safety.layers) === JSON.stringify(PLANTED.safety);
    console.log(`culturekit neurons --backend ${backend} --method ratio --statistic energy: planted neurons found: ${found[backend]} (${seconds(started)} s)`);
  }
  const ok = worst <= tolerance && countsAgree && found.hooks && found.imatrix;
  console.log(ok ? `agreement within ${tolerance}` : `DISAGREEMENT (tolerance ${tolerance}, worst ${worst}, counts agree ${countsAgree})`);
  process.exitCode = ok ? 0 : 1;
} finally {
  if (values.keep) console.log(`kept ${dir}`);
  else await rm(dir, { recursive: true, force: true });
}
