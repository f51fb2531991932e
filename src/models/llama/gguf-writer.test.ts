import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { readGgufFileInfo } from 'node-llama-cpp';
import { encodeGguf, gguf, writeGguf, type GgufContent } from './gguf-writer.js';

let folder: string;
before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'culturekit-gguf-'));
});
after(async () => {
  await rm(folder, { recursive: true, force: true });
});

const content: GgufContent = {
  metadata: {
    'general.architecture': 'llama',
    'general.name': 'round trip ✓ 日本',
    'test.flag': true,
    'test.u8': gguf.uint8(255),
    'test.i8': gguf.int8(-128),
    'test.u16': gguf.uint16(65535),
    'test.i16': gguf.int16(-32768),
    'test.u32': gguf.uint32(4294967295),
    'test.i32': gguf.int32(-2147483648),
    'test.f32': gguf.float32(0.5),
    'test.u64': gguf.uint64(2n ** 63n),
    'test.i64': gguf.int64(-5),
    'test.f64': gguf.float64(Math.PI),
    'test.strings': gguf.array('string', ['a', '', '▁Paris', '<0x0A>']),
    'test.floats': gguf.array('float32', [1.5, -2]),
    'test.ints': gguf.array('int32', [1, -2, 3]),
    'test.nested': gguf.array('array', [gguf.array('uint8', [1, 2]), gguf.array('uint8', [3])]),
  },
  tensors: [
    { name: 'small', dimensions: [3], data: new Float32Array([1, 2, 3]) },
    { name: 'matrix', dimensions: [2, 3], data: new Float32Array([1, 2, 3, 4, 5, 6]) },
  ],
};

describe('GGUF writer', () => {
  it('writes a v3 file that node-llama-cpp reads back, metadata and tensors included', async () => {
    const path = join(folder, 'round-trip.gguf');
    await writeGguf(path, content);
    const info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
    assert.equal(info.version, 3);
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    assert.equal(metadata.general.architecture, 'llama');
    assert.equal(metadata.general.name, 'round trip ✓ 日本');
    const test = metadata.test;
    assert.equal(test.flag, true);
    assert.equal(test.u8, 255);
    assert.equal(test.i8, -128);
    assert.equal(test.u16, 65535);
    assert.equal(test.i16, -32768);
    assert.equal(test.u32, 4294967295);
    assert.equal(test.i32, -2147483648);
    assert.equal(test.f32, 0.5);
    assert.equal(BigInt(test.u64 as bigint), 2n ** 63n);
    assert.equal(Number(test.i64), -5);
    assert.equal(test.f64, Math.PI);
    assert.deepEqual(test.strings, ['a', '', '▁Paris', '<0x0A>']);
    assert.deepEqual(test.floats, [1.5, -2]);
    assert.deepEqual(test.ints, [1, -2, 3]);
    assert.deepEqual(test.nested, [[1, 2], [3]]);
    const tensors = info.tensorInfo ?? [];
    assert.deepEqual(
      tensors.map((tensor) => [tensor.name, tensor.dimensions.map(Number), Number(tensor.offset)]),
      [
        ['small', [3], 0],
        ['matrix', [2, 3], 32],
      ],
    );
  });

  it('aligns tensor data and stores it little-endian after the header', async () => {
    const bytes = encodeGguf({ ...content, metadata: { ...content.metadata, 'general.alignment': gguf.uint32(64) } });
    assert.equal(bytes.readUInt32LE(0), 0x46554747);
    assert.equal(bytes.readUInt32LE(4), 3);
    assert.equal(bytes.readBigUInt64LE(8), 2n);
    const dataStart = bytes.length - 2 * 64;
    assert.equal(dataStart % 64, 0);
    assert.deepEqual(
      [0, 1, 2].map((index) => bytes.readFloatLE(dataStart + index * 4)),
      [1, 2, 3],
    );
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5].map((index) => bytes.readFloatLE(dataStart + 64 + index * 4)),
      [1, 2, 3, 4, 5, 6],
    );
  });

  it('replaces the file atomically and leaves no temporary file', async () => {
    const path = join(folder, 'atomic.gguf');
    await writeGguf(path, content);
    await writeGguf(path, { metadata: { 'general.architecture': 'llama' }, tensors: [] });
    assert.deepEqual(
      (await readdir(folder)).filter((name) => name.startsWith('atomic')),
      ['atomic.gguf'],
    );
    assert.equal((await readFile(path)).readBigUInt64LE(8), 0n);
  });

  it('rejects values that do not fit their type and tensors whose data does not fit their dimensions', () => {
    assert.throws(() => encodeGguf({ metadata: { bad: gguf.uint8(256) }, tensors: [] }), /"bad".*uint8/);
    assert.throws(() => encodeGguf({ metadata: { bad: gguf.int32(1.5) }, tensors: [] }), /int32/);
    assert.throws(() => encodeGguf({ metadata: { bad: gguf.array('string', ['a', 1]) }, tensors: [] }), /string/);
    assert.throws(() => encodeGguf({ metadata: {}, tensors: [{ name: 't', dimensions: [2, 2], data: new Float32Array(3) }] }), /need 4 values, got 3/);
    assert.throws(
      () =>
        encodeGguf({
          metadata: {},
          tensors: [
            { name: 't', dimensions: [1], data: new Float32Array(1) },
            { name: 't', dimensions: [1], data: new Float32Array(1) },
          ],
        }),
      /appears twice/,
    );
  });
});
