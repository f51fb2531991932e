import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseModelSpec } from '../../src/models/model-spec.js';
import { createLlamaModel } from '../../src/models/llama/llama-model.js';
import { runPython } from '../../src/python/python-env.js';
import { createTinyHfModel } from '../../src/python/tiny-hf-model.js';
import { runCli } from '../eval/helpers.js';
import { pythonSkip, testPython } from '../fixtures/python-skip.js';
import { type ChatRow, knowledgeRows, safetyRows, tokenizerText, writeTrainingData } from './train-fixtures.js';

const HF_LOGITS = fileURLToPath(new URL('./hf_logits.py', import.meta.url));

function promptOf(row: ChatRow): string {
  return `<|user|>\n${row.messages[0].content}\n<|assistant|>\n`;
}

/**
 * The real chain: tiny random Llama + tokenizer → TRL + PEFT LoRA stage 1 and stage 2 (culturekit adapt train) →
 * GGUF with llama.cpp's converters (adapt export-gguf) → node-llama-cpp with the LoRA → the engine's log-likelihood of
 * the trained answers rises, and GGUF+LoRA logits equal transformers'.
 */
describe('adapt train (TRL) → export-gguf → node-llama-cpp', { skip: pythonSkip() }, () => {
  let dir: string;
  let python: string;
  const rows = knowledgeRows();
  before(async () => {
    python = testPython();
    dir = mkdtempSync(join(tmpdir(), 'ck-chain-'));
    writeTrainingData(join(dir, 'data'), [{ language: 'xx', stage1: rows, stage2: safetyRows() }]);
    await createTinyHfModel({ python, dir: join(dir, 'base'), text: tokenizerText([...rows, ...safetyRows()]), seed: 3 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** `adapt train` of both stages on the tiny model: 24 steps, a learning rate high enough to move it, checkpoints at 12. */
  const trainArgs = () => [
    'adapt',
    'train',
    '--trainer',
    'trl',
    '--data',
    join(dir, 'data'),
    '--base',
    join(dir, 'base'),
    '--out',
    join(dir, 'train'),
    '--python',
    python,
    '--max-steps',
    '24',
    '--batch-size',
    '4',
    '--learning-rate',
    '0.02',
    '--lora-r',
    '8',
    '--lora-alpha',
    '16',
    '--max-length',
    '128',
    '--logging-steps',
    '4',
    '--save-steps',
    '12',
  ];

  it('trains stage 1 and stage 2 (from the stage-1 adapter), follows the loss and records each adapter', async () => {
    const result = await runCli([...trainArgs(), '--poll-interval', '200']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /stage1 {2}step \d+\/24 \(\d+%\) {2}loss \d\.\d{4} {2}lr /);
    const manifest = JSON.parse(readFileSync(join(dir, 'train', 'train-manifest.json'), 'utf8'));
    assert.equal(manifest.trainer, 'trl');
    assert.deepEqual(
      manifest.stages.map((stage: { name: string; status: string }) => [stage.name, stage.status]),
      [
        ['stage1', 'succeeded'],
        ['stage2', 'succeeded'],
      ],
    );
    const [stage1, stage2] = manifest.stages;
    assert.deepEqual(
      stage1.log.map((entry: { step: number }) => entry.step),
      [4, 8, 12, 16, 20, 24],
    );
    assert.ok(stage1.log.at(-1).loss < stage1.log[0].loss, `stage-1 loss ${stage1.log[0].loss} → ${stage1.log.at(-1).loss}`);
    assert.ok(existsSync(join(stage1.adapterDir, 'adapter_model.safetensors')));
    assert.ok(existsSync(join(stage2.adapterDir, 'adapter_model.safetensors')));
    assert.equal(stage2.baseModel, join(dir, 'base'));
    // Stage 2 continued the stage-1 adapter: its config says so.
    assert.match(readFileSync(join(dir, 'train', 'stage2', 'trainer-attempts.json'), 'utf8'), /--adapter-from/);

    // A second run finds both stages trained and launches nothing.
    const again = await runCli(trainArgs());
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /stage1: already trained/);
  });

  it('exports GGUF files that node-llama-cpp loads with ?lora=, and the trained answers become more likely', async () => {
    const result = await runCli(['adapt', 'export-gguf', '--train', join(dir, 'train'), '--out', join(dir, 'gguf'), '--outtype', 'f32', '--python', python]);
    assert.equal(result.code, 0, result.stderr);
    const base = join(dir, 'gguf', 'base-f32.gguf');
    const stage1 = join(dir, 'gguf', 'stage1.gguf');
    assert.match(result.stdout, new RegExp(`--model "llama:${base}\\?lora=${stage1}"`));
    const manifest = JSON.parse(readFileSync(join(dir, 'train', 'train-manifest.json'), 'utf8'));
    assert.equal(manifest.stages[0].gguf, stage1);

    const score = async (spec: string): Promise<number[]> => {
      const model = await createLlamaModel(parseModelSpec(spec), { threads: 1, contextSize: 256 });
      try {
        const scores: number[] = [];
        for (const row of rows) {
          const {
            scores: [first],
          } = await model.scoreContinuations!({ prompt: promptOf(row), continuations: [row.messages[1].content] });
          scores.push(first.logLikelihood / first.tokens);
        }
        return scores;
      } finally {
        await model.close();
      }
    };
    const before = await score(`llama:${base}`);
    const trained = await score(`llama:${base}?lora=${stage1}`);
    const gains = trained.map((value, index) => value - before[index]);
    const meanGain = gains.reduce((sum, gain) => sum + gain, 0) / gains.length;
    process.stderr.write(
      `mean per-token log-likelihood of the ${rows.length} trained answers: base ${(before.reduce((a, b) => a + b) / rows.length).toFixed(3)}, stage 1 ${(trained.reduce((a, b) => a + b) / rows.length).toFixed(3)} (gain ${meanGain.toFixed(3)} nats/token)\n`,
    );
    // Every one of the 16 answers gains (a sign test: p = 2^-16 under no effect; an untrained LoRA changes nothing, its B
    // matrices start at zero) and by more than 0.1 nats per token on average (measured 0.26–0.55 across machines) (a random model's per-token log-likelihood
    // is about -ln(vocabulary) ≈ -5.8; the tiny model's small logits cap what any training reaches near -4.6).
    assert.ok(
      gains.every((gain) => gain > 0),
      `gains ${gains.map((gain) => gain.toFixed(2)).join(' ')}`,
    );
    assert.ok(meanGain > 0.1, `mean gain ${meanGain}`);
  });

  it('GGUF + LoRA logits equal transformers with the adapter merged, within 1e-3', async () => {
    const text = `${promptOf(rows[0])}${rows[0].messages[1].content}`;
    const manifest = JSON.parse(readFileSync(join(dir, 'train', 'train-manifest.json'), 'utf8'));
    const { stdout } = await runPython(HF_LOGITS, ['--base', join(dir, 'base'), '--adapter', manifest.stages[0].adapterDir, '--text', text], { python });
    const reference = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { ids: number[]; logits: number[] };
    const { getLlama } = await import('node-llama-cpp');
    const llama = await getLlama({ gpu: false, build: 'never' });
    const model = await llama.loadModel({ modelPath: join(dir, 'gguf', 'base-f32.gguf') });
    const context = await model.createContext({ contextSize: 256, threads: 1, lora: { adapters: [{ filePath: join(dir, 'gguf', 'stage1.gguf'), scale: 1 }] } });
    try {
      // BOS: the HF tokenizer added it (ids[0] === 1), as the GGUF's add_bos_token says; evaluate the same ids.
      assert.equal(reference.ids[0], 1);
      assert.ok(reference.ids.length > 20, `the tokenizer split the text into ${reference.ids.length} ids`);
      assert.equal(model.tokens.bos, 1);
      const sequence = context.getSequence();
      const ids = reference.ids as never[];
      const output = await sequence.controlledEvaluate(
        ids.map((token, index) => (index === ids.length - 1 ? [token, { generateNext: { logits: true } }] : token)) as never,
      );
      const logits = output.at(-1)?.next?.logits;
      assert.ok(logits, 'no logits from node-llama-cpp');
      let maximum = 0;
      for (const [token, value] of logits) maximum = Math.max(maximum, Math.abs(value - reference.logits[token as unknown as number]));
      assert.equal(logits.size, reference.logits.length);
      process.stderr.write(`GGUF+LoRA vs transformers, last-token logits: max |Δ| = ${maximum.toExponential(2)}\n`);
      assert.ok(maximum < 1e-3, `max |Δ| ${maximum}`);
    } finally {
      await context.dispose();
      await model.dispose();
    }
  });
});
