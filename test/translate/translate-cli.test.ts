import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../eval/helpers.js';
import type { OpenAITestServer } from '../fixtures/openai-test-server.js';
import { startQeStubServer, startTranslationTestServer } from '../fixtures/translation-test-server.js';
import { sentenceChrf } from '../../src/translate/chrf.js';
import { joinedFields, type TranslationRecord } from '../../src/translate/translation-record.js';
import { translationReviewDataset } from '../../src/review/translation-review.js';

const INSTRUCTIONS = [
  { id: 'r1', instruction: 'Write a short greeting for the guest.', output: 'Welcome, dear guest! We are happy you are here.' },
  { id: 'r2', instruction: 'Explain how to greet {name} politely.', output: 'Say hello to {name} and bow slightly.' },
  { id: 'r3', instruction: 'Explain this code.', input: "```print('hello')```", output: 'This code prints a greeting.' },
  { id: 'r4', instruction: 'Read the guide at https://example.org/guide and summarise it.', output: 'The guide explains the customs of the family.' },
  { id: 'r5', instruction: 'Write a greeting [[junk]]', output: 'Hello guest.' },
  { id: 'r6', instruction: 'Say hello to the family [[wrong-language]]', output: 'Welcome to the home of the family [[wrong-language]]' },
  { id: 'r7', instruction: 'Greet {name} with tea [[break-placeholder]]', output: 'Say hello to {name} and give a small gift.' },
  { id: 'r8', instruction: 'Eat rice with the family [[judge-junk]]', output: 'Give a small gift when visiting a home.' },
];

const ITEMS = [
  {
    id: 'k1',
    kind: 'knowledge',
    format: 'mcq',
    prompt: 'Which of these is customary when visiting a home?',
    choices: ['Bring a small gift', 'Arrive late', 'Refuse tea', 'Keep shoes on'],
    answer: 'A',
    language: 'en',
    country: 'JP',
  },
  {
    id: 'k2',
    kind: 'knowledge',
    format: 'mcq',
    prompt: 'Which food is good with tea?',
    choices: ['rice', 'food', 'tea', 'gift'],
    answer: 'B',
    language: 'en',
    country: 'CN',
  },
];

let server: OpenAITestServer;
let qe: Awaited<ReturnType<typeof startQeStubServer>>;
let directory: string;

function readJsonl<T>(path: string): T[] {
  const text = readFileSync(path, 'utf8').trim();
  return text ? text.split('\n').map((line) => JSON.parse(line) as T) : [];
}

before(async () => {
  server = await startTranslationTestServer();
  qe = await startQeStubServer();
  directory = mkdtempSync(join(tmpdir(), 'ck-translate-'));
  writeFileSync(join(directory, 'instructions.jsonl'), `${INSTRUCTIONS.map((record) => JSON.stringify(record)).join('\n')}\n`);
  writeFileSync(join(directory, 'items.jsonl'), `${ITEMS.map((item) => JSON.stringify(item)).join('\n')}\n`);
});
after(async () => {
  await server.close();
  await qe.close();
});

describe('culturekit translate (instruction data, every QE method, filters)', () => {
  const out = () => join(directory, 'out');
  const args = () => [
    'translate',
    '--input',
    join(directory, 'instructions.jsonl'),
    '--to',
    'ja,sw',
    '--model',
    'openai:test-model',
    '--base-url',
    server.url,
    '--out',
    out(),
    '--db',
    join(directory, 'store.db'),
    '--qe',
    'gemba-da,gemba-mqm,chrf,chrf++,http',
    '--qe-url',
    qe.url,
    '--min-gemba',
    '50',
    '--min-chrf',
    '10',
    '--concurrency',
    '4',
    '--price-input',
    '1',
    '--price-output',
    '2',
  ];
  let first: Awaited<ReturnType<typeof runCli>>;
  let kept: TranslationRecord[];
  let rejected: TranslationRecord[];

  before(async () => {
    first = await runCli(args());
    kept = readJsonl<TranslationRecord>(join(out(), 'kept.jsonl'));
    rejected = readJsonl<TranslationRecord>(join(out(), 'rejected.jsonl'));
  });

  it('exits 0, prints the per-language table, tokens and cost, and shows progress with tokens', () => {
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Translation quality by language/);
    assert.match(first.stdout, /^ja\s/m);
    assert.match(first.stdout, /^sw\s/m);
    assert.match(first.stdout, /kept 8 of 16 \(8 rejected/);
    assert.match(first.stdout, /cost \$\d+\.\d{4}/);
    assert.match(first.stderr, /translate 16\/16 .*tokens \d+ in \/ \d+ out, \$/);
  });

  it('rejects junk replies, wrong languages, broken placeholders and unreadable judgements, each with its reason', () => {
    const reason = (id: string) => rejected.find((record) => record.id === id)?.reasons.map((entry) => entry.check);
    for (const language of ['ja', 'sw']) {
      assert.deepEqual(reason(`r5.${language}`), ['reply'], language);
      assert.ok(reason(`r6.${language}`)?.includes('language'), language);
      assert.equal(reason(`r7.${language}`)?.[0], 'protected-span', language);
      assert.ok(reason(`r8.${language}`)?.includes('qe-invalid'), language);
    }
    const broken = rejected.find((record) => record.id === 'r7.ja')!;
    assert.equal(broken.reasons[0].field, 'instruction');
    assert.match(broken.reasons[0].message, /placeholder "\{name\}": 1 in the source, 0 in the translation/);
    const judged = rejected.find((record) => record.id === 'r8.ja')!;
    assert.equal(judged.qe['gemba-da'], null, 'an invalid judgement is null, not 0');
    assert.match(judged.qeInvalid?.['gemba-da'] ?? '', /numbers? in the reply/);
    assert.match(rejected.find((record) => record.id === 'r5.sw')!.reply ?? '', /language model/);
  });

  it('keeps the clean records with every QE score; round-trip chrF/chrF++ are sacrebleu sentence scores of source vs back-translation', () => {
    assert.deepEqual(kept.map((record) => record.id).sort(), ['r1.ja', 'r1.sw', 'r2.ja', 'r2.sw', 'r3.ja', 'r3.sw', 'r4.ja', 'r4.sw']);
    for (const record of kept) {
      assert.equal(record.qe['gemba-da'], 95, record.id);
      assert.ok((record.qe['gemba-mqm'] as number) <= 0 && (record.qe['gemba-mqm'] as number) >= -25);
      assert.ok(record.backTranslation);
      assert.equal(record.qe.chrf, sentenceChrf(joinedFields(record.backTranslation!), [joinedFields(record.source)], 'chrf'));
      assert.equal(record.qe['chrf++'], sentenceChrf(joinedFields(record.backTranslation!), [joinedFields(record.source)], 'chrf++'));
      const src = joinedFields(record.source);
      const mt = joinedFields(record.translation!);
      assert.equal(record.qe.http, Math.round(1000 * Math.min(1, mt.length / src.length)) / 1000);
    }
    const code = kept.find((record) => record.id === 'r3.ja')!;
    assert.equal(code.translation!.input, "```print('hello')```", 'code blocks stay intact');
    assert.match(kept.find((record) => record.id === 'r4.sw')!.translation!.instruction, /https:\/\/example\.org\/guide/);
    assert.ok(qe.requests.length >= 1 && qe.requests.every((batch) => batch.every((segment) => typeof (segment as { src: string }).src === 'string')));
  });

  it('writes OpenAI messages JSONL per language for adapt data, and the manifest with the per-language table', () => {
    const messages = readJsonl<{ messages: { role: string; content: string }[]; id: string; sourceId: string; language: string }>(
      join(out(), 'sw', 'messages.jsonl'),
    );
    assert.equal(messages.length, 4);
    assert.deepEqual(
      messages[0].messages.map((message) => message.role),
      ['user', 'assistant'],
    );
    assert.equal(
      messages.find((entry) => entry.sourceId === 'r3')!.messages[0].content,
      `${kept.find((record) => record.id === 'r3.sw')!.translation!.instruction}\n\n\`\`\`print('hello')\`\`\``,
    );
    assert.ok(existsSync(join(out(), 'ja', 'instructions.jsonl')));
    const manifest = JSON.parse(readFileSync(join(out(), 'translation-manifest.json'), 'utf8'));
    assert.deepEqual(manifest.prompts, { translate: 'translate@1', 'gemba-da': 'gemba-da@1', 'gemba-mqm': 'gemba-mqm@1' });
    assert.deepEqual(manifest.counts, { tasks: 16, kept: 8, rejected: 8, borderline: manifest.counts.borderline, notTranslated: 0 });
    const ja = manifest.languages.find((row: { language: string }) => row.language === 'ja');
    assert.equal(ja.kept, 4);
    assert.equal(ja.keptPercent, 50);
    assert.equal(ja.qe['gemba-da'].invalid, 1, 'the invalid judgement is counted apart');
    assert.ok(ja.qe.chrf.low <= ja.qe.chrf.mean && ja.qe.chrf.mean <= ja.qe.chrf.high);
    assert.equal(typeof ja.corpus['chrf++'], 'number');
    assert.match(readFileSync(join(out(), 'translation-report.md'), 'utf8'), /\| language \| records \| kept \|/);
  });

  it('a second run pays for nothing: every call comes from the cache, the outputs are the same', async () => {
    const before = server.requests.total;
    const qeBefore = qe.requests.length;
    const again = await runCli(args());
    assert.equal(again.code, 0, again.stderr);
    assert.equal(server.requests.total - before, 0);
    assert.equal(qe.requests.length - qeBefore, 0);
    assert.deepEqual(
      readJsonl<TranslationRecord>(join(out(), 'kept.jsonl')).map((record) => [record.id, record.qe]),
      kept.map((record) => [record.id, record.qe]),
    );
    assert.match(again.stdout, /calls: \d+ \(\d+ cached, 0 new, 0 failed\)/);
  });

  it('opens the rejected and the borderline records for review (translation adapter)', async () => {
    const { dataset, skipped } = await translationReviewDataset(out(), 'rejected');
    assert.equal(skipped, 2, 'the two junk replies have no translation to review');
    assert.equal(dataset.items.length, 6);
    const item = dataset.items.find((entry) => entry.id === 'r7.ja')!;
    assert.equal(item.format, 'open');
    assert.equal(item.language, 'ja');
    assert.equal((item.metadata!.translation as { reasons: { check: string }[] }).reasons[0].check, 'protected-span');
    const created = await runCli([
      'review',
      'create',
      '--name',
      'ja-rejected',
      '--translation',
      out(),
      '--select',
      'rejected',
      '--db',
      join(directory, 'review.db'),
    ]);
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, /0 descriptions and 6 items/);
    const borderline = await translationReviewDataset(out(), 'borderline');
    assert.equal(borderline.dataset.items.length, kept.filter((record) => record.borderline.length > 0).length);
    const bad = await runCli(['review', 'create', '--name', 'x', '--translation', out(), '--dataset', 'builtin:sample', '--db', join(directory, 'review.db')]);
    assert.equal(bad.code, 2);
  });
});

describe('culturekit translate input and flags', () => {
  it('a bad record is an input error naming file, line and field; nothing is written', async () => {
    const bad = join(directory, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify({ instruction: 'Hi', output: 'Hello' })}\n${JSON.stringify({ instruction: 'Hi again' })}\n`);
    const out = join(directory, 'bad-out');
    const result = await runCli([
      'translate',
      '--input',
      bad,
      '--to',
      'ja',
      '--model',
      'openai:test-model',
      '--base-url',
      server.url,
      '--out',
      out,
      '--db',
      join(directory, 'bad.db'),
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /bad\.jsonl:2.*output.*non-empty "output"/);
    assert.equal(existsSync(out), false);
  });
  it('a threshold needs its QE method, --qe http needs --qe-url, unknown methods are refused', async () => {
    const common = ['translate', '--input', join(directory, 'instructions.jsonl'), '--to', 'ja', '--model', 'openai:test-model', '--out', join(directory, 'x')];
    const noMethod = await runCli([...common, '--min-gemba', '70']);
    assert.equal(noMethod.code, 2);
    assert.match(noMethod.stderr, /--min-gemba needs --qe gemba-da/);
    const noUrl = await runCli([...common, '--qe', 'http']);
    assert.equal(noUrl.code, 2);
    assert.match(noUrl.stderr, /--qe http needs --qe-url/);
    const unknown = await runCli([...common, '--qe', 'bleu']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown method "bleu"/);
  });
});

describe('culturekit translate (benchmark items) → eval → report compares items across languages', () => {
  it('keeps ids (suffixed), country, gold answer and a link to the source item; the report has the cross-language table', async () => {
    const out = join(directory, 'items-out');
    const translated = await runCli([
      'translate',
      '--input',
      join(directory, 'items.jsonl'),
      '--to',
      'ja,zh',
      '--model',
      'openai:test-model',
      '--base-url',
      server.url,
      '--out',
      out,
      '--db',
      join(directory, 'items.db'),
      '--quiet',
    ]);
    assert.equal(translated.code, 0, translated.stderr);
    const items = readJsonl<{
      id: string;
      country: string;
      answer: string;
      language: string;
      choices: string[];
      metadata: { translation: { sourceId: string } };
    }>(join(out, 'ja', 'items.jsonl'));
    assert.deepEqual(
      items.map((item) => [item.id, item.country, item.answer, item.language, item.metadata.translation.sourceId]),
      [
        ['k1.ja', 'JP', 'A', 'ja', 'k1'],
        ['k2.ja', 'CN', 'B', 'ja', 'k2'],
      ],
    );
    assert.deepEqual(items[0].choices, ['もってきて ひとつの ちいさな おくりもの', 'つく おそく', 'ことわる おちゃ', 'たもつ くつ うえに']);
    const all = readJsonl<{ id: string }>(join(out, 'items-all-languages.jsonl'));
    assert.deepEqual(
      all.map((item) => item.id),
      ['k1', 'k2', 'k1.ja', 'k1.zh', 'k2.ja', 'k2.zh'],
    );
    const run = join(directory, 'run');
    const evaluated = await runCli([
      'eval',
      '--dataset',
      join(out, 'items-all-languages.jsonl'),
      '--model',
      'openai:test-model',
      '--base-url',
      server.url,
      '--out',
      run,
      '--db',
      join(directory, 'items.db'),
      '--quiet',
    ]);
    assert.equal(evaluated.code, 0, evaluated.stderr);
    const report = await runCli(['report', run, '--out', join(directory, 'report.md')]);
    assert.equal(report.code, 0, report.stderr);
    const markdown = readFileSync(join(directory, 'report.md'), 'utf8');
    assert.match(markdown, /the same items across languages/);
    assert.match(markdown, /item by item \(accuracy\)/);
    assert.match(markdown, /\| k1 \|/);
  });
});
