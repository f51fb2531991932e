import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { NeuronAnalysis } from '../../src/neurons/analyze-neurons.js';
import { runPython } from '../../src/python/python-env.js';
import { runCli } from '../eval/helpers.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';
import { createPlantedModel, PLANTED } from './fixtures/planted-model.js';

/** Reads two GGUFs' ffn_down tensors and reports, per layer, which columns differ and whether they are zero. */
const COMPARE = `
import json, sys
import numpy as np
from gguf import GGUFReader
base, other = (GGUFReader(path) for path in sys.argv[1:3])
tensors = {t.name: t for t in other.tensors}
result = {}
for t in base.tensors:
    if t.name.endswith("ffn_down.weight"):
        a, b = np.asarray(t.data), np.asarray(tensors[t.name].data)
        changed = np.where((a != b).any(axis=0))[0].tolist()
        result[t.name.split(".")[1]] = {"changed": changed, "zero": bool((b[:, changed] == 0).all())}
    elif not np.array_equal(np.asarray(t.data), np.asarray(tensors[t.name].data)):
        result[t.name] = "changed"
print(json.dumps(result))
`;

describe('culturekit neurons --intervene: zeroed neurons, evaluated by the engine', { skip: pythonSkip() }, () => {
  let dir: string;
  let analysis: NeuronAnalysis;
  let stderr: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ck-neurons-iv-'));
    const fixture = await createPlantedModel(testPython(), dir);
    const result = await runCli([
      'neurons',
      '--model',
      fixture.model,
      '--dataset',
      fixture.dataset,
      '--out',
      join(dir, 'out'),
      '--top-k',
      '2',
      '--intervene',
      '--random-draws',
      '1',
      '--max-tokens',
      '12',
      '--db',
      join(dir, 'ck.db'),
    ]);
    stderr = result.stderr;
    assert.equal(result.code, 0, result.stderr);
    analysis = JSON.parse(await readFile(join(dir, 'out', 'neurons.json'), 'utf8')) as NeuronAnalysis;
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('finds the planted neurons and prints the summary', () => {
    assert.deepEqual(analysis.selected.knowledge.layers, PLANTED.knowledge);
    assert.deepEqual(analysis.selected.safety.layers, PLANTED.safety);
    assert.match(stderr, /selected: knowledge 4, safety 4 neurons/);
    assert.match(stderr, /zero safety neurons \(4\) → safety unchanged: drop \d+\.\d% \[/);
  });

  it('the zeroed GGUF differs from the converted model exactly in the selected ffn_down columns, which are zero', async () => {
    const script = join(dir, 'compare.py');
    await writeFile(script, COMPARE);
    const work = join(dir, 'out', 'work');
    const { stdout } = await runPython(script, [join(work, 'model-f32.gguf'), join(work, 'zero-safety.gguf')], { python: testPython() });
    const compared = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, { changed: number[]; zero: boolean }>;
    assert.deepEqual(compared, { '0': { changed: [...PLANTED.safety[0]], zero: true }, '1': { changed: [...PLANTED.safety[1]], zero: true } });
  });

  it('zeroing the safety neurons changes most safety answers, zeroing as many random ones changes fewer; the table has CIs', () => {
    const rows = analysis.intervention!.rows;
    assert.deepEqual(
      rows.map((row) => `${row.zeroed}→${row.measured}:${row.metric}`),
      ['knowledge→knowledge:accuracy', 'knowledge→safety:unchanged', 'safety→knowledge:accuracy', 'safety→safety:unchanged'],
    );
    const safety = rows.find((row) => row.zeroed === 'safety' && row.measured === 'safety')!;
    assert.equal(safety.items, 12);
    assert.ok(safety.changedSelected >= 0.5, `selected neurons changed ${safety.changedSelected}`);
    assert.equal(safety.drop.estimate, safety.changedSelected);
    assert.ok(safety.changedRandom < safety.changedSelected, `random neurons changed ${safety.changedRandom}`);
    assert.ok(safety.excess.estimate > 0 && safety.excess.ci95[0] <= safety.excess.estimate && safety.excess.estimate <= safety.excess.ci95[1]);
    // The knowledge neurons are exactly 0 on safety prompts (no knowledge marker there): zeroing them changes nothing.
    const crossed = rows.find((row) => row.zeroed === 'knowledge' && row.measured === 'safety')!;
    assert.equal(crossed.changedSelected, 0);
    assert.deepEqual(
      analysis.intervention!.variants.map((variant) => variant.name),
      ['base', 'zero-knowledge', 'random-knowledge-1', 'zero-safety', 'random-safety-1'],
    );
  });

  it('writes the report page with the distributions, the overlap heatmap, per-country specificity and the intervention table', async () => {
    const page = await readFile(join(dir, 'out', 'neurons.html'), 'utf8');
    for (const marker of [
      'data-table="neuron-distributions"',
      'data-chart="neuron-overlap"',
      'data-chart="neuron-country-specificity"',
      'data-table="neuron-intervention"',
    ])
      assert.ok(page.includes(marker), marker);
    assert.match(page, /not a reproduction/);
  });

  it('culturekit report --neurons adds the section to a run report', async () => {
    const out = join(dir, 'report.html');
    const result = await runCli([
      'report',
      join(dir, 'out', 'work', 'intervention-run'),
      '--neurons',
      join(dir, 'out'),
      '--out',
      out,
      '--db',
      join(dir, 'ck.db'),
    ]);
    assert.equal(result.code, 0, result.stderr);
    const page = await readFile(out, 'utf8');
    assert.ok(page.includes('id="neurons-1"') && page.includes('data-table="neuron-intervention"'));
    const markdown = await runCli([
      'report',
      join(dir, 'out', 'work', 'intervention-run'),
      '--neurons',
      join(dir, 'out'),
      '--format',
      'md',
      '--db',
      join(dir, 'ck.db'),
    ]);
    assert.notEqual(markdown.code, 0);
    assert.match(markdown.stderr, /HTML report only/);
  });
});
