import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runImatrix } from '../../src/neurons/collect-stats.js';
import { readNeuronStats } from '../../src/neurons/neuron-stats.js';
import { pythonScript, runPython } from '../../src/python/python-env.js';
import { runCli } from '../eval/helpers.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';

/** Writes a GGUF shaped like llama-imatrix's output (in_sum2 and counts per weight) with known values. */
const WRITE_IMATRIX = `
import sys
import numpy as np
from gguf import GGUFWriter
out, scale = sys.argv[1], float(sys.argv[2])
writer = GGUFWriter(out, "imatrix")
for layer in range(2):
    writer.add_tensor(f"blk.{layer}.ffn_down.weight.in_sum2", (np.arange(6, dtype=np.float32) + layer * 10) * scale)
    writer.add_tensor(f"blk.{layer}.ffn_down.weight.counts", np.array([96], dtype=np.float32))
    writer.add_tensor(f"blk.{layer}.attn_q.weight.in_sum2", np.ones(4, dtype=np.float32))
writer.write_header_to_file()
writer.write_kv_data_to_file()
writer.write_tensors_to_file()
writer.close()
`;

describe('llama-imatrix outputs → neuron statistics', { skip: pythonSkip() }, () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ck-neurons-imatrix-'));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reads blk.N.ffn_down.weight.in_sum2 per group, with the token count, and nothing else', async () => {
    const script = join(dir, 'write.py');
    await writeFile(script, WRITE_IMATRIX);
    await runPython(script, [join(dir, 'a.gguf'), '1'], { python: testPython() });
    await runPython(script, [join(dir, 'b.gguf'), '0.5'], { python: testPython() });
    const prefix = join(dir, 'stats');
    await runPython(
      pythonScript('neurons_gguf.py'),
      ['imatrix', '--out', prefix, `knowledge|JP|ja=${join(dir, 'a.gguf')}`, `safety|JP|ja=${join(dir, 'b.gguf')}`],
      {
        python: testPython(),
      },
    );
    const stats = readNeuronStats(prefix);
    assert.equal(stats.backend, 'imatrix');
    assert.deepEqual(stats.available, ['sum2']);
    assert.equal(stats.layers, 2);
    assert.equal(stats.neurons, 6);
    assert.deepEqual(
      stats.groups.map((group) => [group.key, group.tokens]),
      [
        ['knowledge|JP|ja', 96],
        ['safety|JP|ja', 96],
      ],
    );
    assert.deepEqual([...stats.groups[0].stats.sum2![1]], [10, 11, 12, 13, 14, 15]);
    assert.deepEqual([...stats.groups[1].stats.sum2![0]], [0, 0.5, 1, 1.5, 2, 2.5]);
  });

  it('a file that is no imatrix output is an error naming it', async () => {
    const bogus = join(dir, 'bogus.gguf');
    await writeFile(
      join(dir, 'w.py'),
      'import sys\nfrom gguf import GGUFWriter\nw = GGUFWriter(sys.argv[1], "llama")\nw.write_header_to_file()\nw.write_kv_data_to_file()\nw.write_tensors_to_file()\nw.close()\n',
    );
    await runPython(join(dir, 'w.py'), [bogus], { python: testPython() });
    await assert.rejects(
      runPython(pythonScript('neurons_gguf.py'), ['imatrix', '--out', join(dir, 'x'), `k=${bogus}`], { python: testPython() }),
      /bogus\.gguf: no blk\.N\.ffn_down\.weight\.in_sum2 tensors/,
    );
  });

  it('without a built llama-imatrix, the message says how to build it; the CLI refuses statistics the backend lacks', async () => {
    await assert.rejects(runImatrix(join(dir, 'missing', 'llama-imatrix'), []), /culturekit neurons setup-imatrix/);
    const frequency = await runCli([
      'neurons',
      '--model',
      dir,
      '--dataset',
      'builtin:sample',
      '--out',
      join(dir, 'o'),
      '--backend',
      'imatrix',
      '--statistic',
      'frequency',
    ]);
    assert.equal(frequency.code, 2, frequency.stderr);
    assert.match(frequency.stderr, /records only the energy/);
    const welch = await runCli([
      'neurons',
      '--model',
      dir,
      '--dataset',
      'builtin:sample',
      '--out',
      join(dir, 'o'),
      '--backend',
      'imatrix',
      '--method',
      'welch-fdr',
    ]);
    assert.match(welch.stderr, /welch-fdr needs per-prompt statistics/);
    const missing = await runCli(['neurons', '--dataset', 'builtin:sample', '--out', join(dir, 'o')]);
    assert.match(missing.stderr, /--model is required/);
  });
});
