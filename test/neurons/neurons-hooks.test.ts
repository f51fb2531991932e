import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadDataset } from '../../src/benchmarks/load-dataset.js';
import { builtinRegistry } from '../../src/benchmarks/registry.js';
import { analyzeNeurons, type NeuronAnalysis } from '../../src/neurons/analyze-neurons.js';
import { readNeuronStats, sumGroups } from '../../src/neurons/neuron-stats.js';
import { buildPromptSets } from '../../src/neurons/prompt-sets.js';
import { selectNeurons } from '../../src/neurons/select-neurons.js';
import { runPython } from '../../src/python/python-env.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';
import { createPlantedModel, PLANTED } from './fixtures/planted-model.js';

/** The FFN neurons' values computed from the weights (no hook on down_proj): act(x·Wg) · (x·Wu) on the MLP's input. */
const DIRECT = `
import json, sys
import numpy as np, torch
from transformers import AutoModelForCausalLM, AutoTokenizer
model_dir, prompts, out = sys.argv[1:4]
tok = AutoTokenizer.from_pretrained(model_dir)
model = AutoModelForCausalLM.from_pretrained(model_dir, dtype=torch.float32).eval()
seen = {}
def grab(i):
    def hook(_m, args):
        seen[i] = args[0][0].detach().double().numpy()
    return hook
layers = model.model.layers
for i, layer in enumerate(layers):
    layer.mlp.register_forward_pre_hook(grab(i))
groups = {}
for line in open(prompts, encoding="utf-8"):
    r = json.loads(line)
    if "messages" in r:
        ids = tok(tok.apply_chat_template(r["messages"], add_generation_prompt=True, tokenize=False), add_special_tokens=False)["input_ids"]
    else:
        ids = tok(r["text"])["input_ids"]
    with torch.no_grad():
        model(input_ids=torch.tensor([ids]))
    g = groups.setdefault(r["group"], {"sum": 0, "sum2": 0, "active": 0, "tokens": 0, "prompts": 0})
    sums, sums2, active = [], [], []
    for i, layer in enumerate(layers):
        x = seen[i]
        gate = x @ layer.mlp.gate_proj.weight.detach().double().numpy().T
        act = gate / (1 + np.exp(-gate))
        v = act * (x @ layer.mlp.up_proj.weight.detach().double().numpy().T)
        sums.append(v.sum(0)); sums2.append((v * v).sum(0)); active.append((act > 0).sum(0))
    g["sum"] = g["sum"] + np.array(sums); g["sum2"] = g["sum2"] + np.array(sums2); g["active"] = g["active"] + np.array(active)
    g["tokens"] += len(ids); g["prompts"] += 1
json.dump({k: {s: (v.tolist() if hasattr(v, "tolist") else v) for s, v in g.items()} for k, g in groups.items()}, open(out, "w"))
`;

describe('culturekit neurons, hooks backend, on a tiny model with planted neurons', { skip: pythonSkip() }, () => {
  let dir: string;
  let fixture: { model: string; dataset: string };
  let analysis: NeuronAnalysis;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ck-neurons-'));
    fixture = await createPlantedModel(testPython(), dir);
    analysis = await analyzeNeurons({
      python: testPython(),
      model: fixture.model,
      dataset: fixture.dataset,
      outDir: join(dir, 'out'),
      backend: 'hooks',
      selection: { method: 'ratio', statistic: 'frequency', topK: 2, fdr: 0.05 },
      topKShare: 0.01,
      threshold: 0,
      render: { mcqMethod: 'loglik', shuffleSeed: null },
      limitPerGroup: null,
      seed: 1,
    });
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('the ratio method finds exactly the planted neurons of each set', async () => {
    assert.deepEqual(analysis.selected.knowledge.layers, PLANTED.knowledge);
    assert.deepEqual(analysis.selected.safety.layers, PLANTED.safety);
    assert.equal(analysis.sets.knowledge.prompts, 12);
    assert.deepEqual(analysis.sets.safety.countries, ['JP', 'TH']);
    assert.equal(analysis.countries.length, 4);
    const written = JSON.parse(await readFile(join(dir, 'out', 'neurons.json'), 'utf8')) as NeuronAnalysis;
    assert.deepEqual(written.selected, analysis.selected);
  });

  it('welch-fdr finds them among the significant neurons, first in layer 0; selection from the same statistics is deterministic', () => {
    const stats = readNeuronStats(join(dir, 'out', 'work', 'stats-hooks'));
    const set = (name: string) =>
      sumGroups(
        stats,
        stats.groups.filter((group) => group.key.startsWith(`${name}|`)),
        name,
      );
    // The planted layer-0 neurons write strongly into the residual stream (so that zeroing them changes answers), which
    // moves many layer-1 neurons on the marker tokens: there the planted ones are significant but not the largest
    // differences.
    const uncapped = { method: 'welch-fdr' as const, statistic: 'mean' as const, topK: null, fdr: 0.05 };
    for (const [own, other] of [
      ['knowledge', 'safety'],
      ['safety', 'knowledge'],
    ] as const) {
      const chosen = selectNeurons(stats, set(own), set(other), own, uncapped);
      PLANTED[own].forEach((neurons, layer) => {
        for (const neuron of neurons) assert.ok(chosen.layers[layer].includes(neuron), `${own}: layer ${layer} neuron ${neuron} not significant`);
      });
      const capped = selectNeurons(stats, set(own), set(other), own, { ...uncapped, topK: 2 });
      assert.deepEqual(capped.layers[0], PLANTED[own][0]);
      assert.deepEqual(selectNeurons(stats, set(own), set(other), own, { ...uncapped, topK: 2 }), capped);
    }
  });

  it('the statistics equal a direct computation from the weights', async () => {
    const script = join(dir, 'direct.py');
    await writeFile(script, DIRECT);
    const directFile = join(dir, 'direct.json');
    await runPython(script, [fixture.model, join(dir, 'out', 'work', 'prompts.jsonl'), directFile], { python: testPython() });
    const direct = JSON.parse(await readFile(directFile, 'utf8')) as Record<
      string,
      { sum: number[][]; sum2: number[][]; active: number[][]; tokens: number; prompts: number }
    >;
    const stats = readNeuronStats(join(dir, 'out', 'work', 'stats-hooks'));
    assert.deepEqual(stats.groups.map((group) => group.key).sort(), Object.keys(direct).sort());
    for (const group of stats.groups) {
      const expected = direct[group.key];
      assert.equal(group.tokens, expected.tokens);
      assert.equal(group.prompts, expected.prompts);
      for (const name of ['sum', 'sum2'] as const) {
        for (let layer = 0; layer < stats.layers; layer++) {
          const scale = Math.max(...expected[name][layer].map(Math.abs));
          const worst = Math.max(...expected[name][layer].map((value, neuron) => Math.abs(value - group.stats[name]![layer][neuron])));
          assert.ok(worst <= 1e-4 * scale, `${group.key} ${name} layer ${layer}: max |Δ| ${worst} (scale ${scale})`);
        }
      }
      for (let layer = 0; layer < stats.layers; layer++) {
        const differences = expected.active[layer].map((value, neuron) => Math.abs(value - group.stats.active![layer][neuron]));
        assert.ok(Math.max(...differences) <= 1, `${group.key} active layer ${layer}: counts differ by ${Math.max(...differences)}`);
      }
    }
  });

  it('the prompt sample of --limit is seeded', async () => {
    const dataset = await loadDataset(fixture.dataset);
    const ids = (seed: number) =>
      buildPromptSets(dataset, builtinRegistry, { mcqMethod: 'loglik', shuffleSeed: null, limitPerGroup: 3, seed })
        .records.map((record) => record.id)
        .join(',');
    assert.equal(ids(1), ids(1));
    assert.equal(ids(1).split(',').length, 12);
    assert.notEqual(ids(1), ids(2));
  });
});
