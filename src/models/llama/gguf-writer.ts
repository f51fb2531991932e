import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import { endianness } from 'node:os';
import { dirname } from 'node:path';

/** GGUF metadata value types (numbers as in the GGUF specification). */
export const ggufValueTypes = {
  uint8: 0,
  int8: 1,
  uint16: 2,
  int16: 3,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
  int64: 11,
  float64: 12,
} as const;

export type GgufNumberType = 'uint8' | 'int8' | 'uint16' | 'int16' | 'uint32' | 'int32' | 'float32' | 'uint64' | 'int64' | 'float64';
export type GgufScalarType = GgufNumberType | 'bool' | 'string';

/** A typed number: GGUF readers (llama.cpp) check the exact type of each key. */
export interface GgufNumber {
  type: GgufNumberType;
  value: number | bigint;
}

/** A typed array: every item has `itemType`; nested arrays use `itemType: 'array'`. */
export interface GgufArray {
  type: 'array';
  itemType: GgufScalarType | 'array';
  value: readonly (number | bigint | string | boolean | GgufArray)[];
}

/** A metadata value: strings and booleans are inferred; numbers and arrays carry their GGUF type. */
export type GgufMetadataValue = string | boolean | GgufNumber | GgufArray;

/** An F32 tensor. `dimensions` are in GGML order: the first is the contiguous one (row length). */
export interface GgufTensor {
  name: string;
  dimensions: readonly number[];
  data: Float32Array;
}

export interface GgufContent {
  /** Key/value metadata, written in insertion order. `general.alignment` (uint32) sets the data alignment (default 32). */
  metadata: Record<string, GgufMetadataValue>;
  tensors: readonly GgufTensor[];
}

const GGUF_MAGIC = 0x46554747;
const GGUF_VERSION = 3;
const GGML_TYPE_F32 = 0;
const DEFAULT_ALIGNMENT = 32;

/** Typed metadata value helpers. @example gguf.uint32(4096) */
export const gguf = {
  uint8: (value: number): GgufNumber => ({ type: 'uint8', value }),
  int8: (value: number): GgufNumber => ({ type: 'int8', value }),
  uint16: (value: number): GgufNumber => ({ type: 'uint16', value }),
  int16: (value: number): GgufNumber => ({ type: 'int16', value }),
  uint32: (value: number): GgufNumber => ({ type: 'uint32', value }),
  int32: (value: number): GgufNumber => ({ type: 'int32', value }),
  float32: (value: number): GgufNumber => ({ type: 'float32', value }),
  uint64: (value: number | bigint): GgufNumber => ({ type: 'uint64', value }),
  int64: (value: number | bigint): GgufNumber => ({ type: 'int64', value }),
  float64: (value: number): GgufNumber => ({ type: 'float64', value }),
  array: (itemType: GgufArray['itemType'], value: GgufArray['value']): GgufArray => ({ type: 'array', itemType, value }),
};

class ByteSink {
  private chunks: Buffer[] = [];
  length = 0;

  push(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.length += chunk.length;
  }

  u32(value: number): void {
    const chunk = Buffer.allocUnsafe(4);
    chunk.writeUInt32LE(value);
    this.push(chunk);
  }

  u64(value: number | bigint): void {
    const chunk = Buffer.allocUnsafe(8);
    chunk.writeBigUInt64LE(BigInt(value));
    this.push(chunk);
  }

  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }

  padTo(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    if (padding > 0) this.push(Buffer.alloc(padding));
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.chunks, this.length);
  }
}

function writeScalar(sink: ByteSink, type: GgufScalarType, value: unknown, key: string): void {
  const fail = (): never => {
    throw new TypeError(`GGUF metadata "${key}": ${JSON.stringify(String(value))} is not a valid ${type}`);
  };
  if (type === 'string') {
    if (typeof value !== 'string') fail();
    sink.string(value as string);
    return;
  }
  if (type === 'bool') {
    if (typeof value !== 'boolean') fail();
    sink.push(Buffer.from([value ? 1 : 0]));
    return;
  }
  if (type === 'uint64' || type === 'int64') {
    if (typeof value !== 'bigint' && !(typeof value === 'number' && Number.isInteger(value))) fail();
    const chunk = Buffer.allocUnsafe(8);
    if (type === 'uint64') chunk.writeBigUInt64LE(BigInt(value as number | bigint));
    else chunk.writeBigInt64LE(BigInt(value as number | bigint));
    sink.push(chunk);
    return;
  }
  if (typeof value !== 'number') fail();
  const number = value as number;
  const isInteger = type !== 'float32' && type !== 'float64';
  if (isInteger && !Number.isInteger(number)) fail();
  const sizes = { uint8: 1, int8: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, float32: 4, float64: 8 } as const;
  const chunk = Buffer.allocUnsafe(sizes[type]);
  try {
    if (type === 'uint8') chunk.writeUInt8(number);
    else if (type === 'int8') chunk.writeInt8(number);
    else if (type === 'uint16') chunk.writeUInt16LE(number);
    else if (type === 'int16') chunk.writeInt16LE(number);
    else if (type === 'uint32') chunk.writeUInt32LE(number);
    else if (type === 'int32') chunk.writeInt32LE(number);
    else if (type === 'float32') chunk.writeFloatLE(number);
    else chunk.writeDoubleLE(number);
  } catch {
    fail();
  }
  sink.push(chunk);
}

function writeArray(sink: ByteSink, array: GgufArray, key: string): void {
  sink.u32(ggufValueTypes[array.itemType]);
  sink.u64(array.value.length);
  for (const item of array.value) {
    if (array.itemType === 'array') {
      if (typeof item !== 'object' || item === null || (item as GgufArray).type !== 'array') {
        throw new TypeError(`GGUF metadata "${key}": an item of an array of arrays is not an array`);
      }
      writeArray(sink, item as GgufArray, key);
    } else writeScalar(sink, array.itemType, item, key);
  }
}

function writeValue(sink: ByteSink, key: string, value: GgufMetadataValue): void {
  if (typeof value === 'string') {
    sink.u32(ggufValueTypes.string);
    sink.string(value);
  } else if (typeof value === 'boolean') {
    sink.u32(ggufValueTypes.bool);
    writeScalar(sink, 'bool', value, key);
  } else if (value.type === 'array') {
    sink.u32(ggufValueTypes.array);
    writeArray(sink, value, key);
  } else if (value.type in ggufValueTypes) {
    sink.u32(ggufValueTypes[value.type]);
    writeScalar(sink, value.type, value.value, key);
  } else {
    throw new TypeError(`GGUF metadata "${key}": unknown value type ${JSON.stringify((value as { type: unknown }).type)}`);
  }
}

function alignmentOf(metadata: GgufContent['metadata']): number {
  const value = metadata['general.alignment'];
  if (value === undefined) return DEFAULT_ALIGNMENT;
  if (typeof value !== 'object' || value.type !== 'uint32' || typeof value.value !== 'number' || value.value <= 0 || value.value % 8 !== 0) {
    throw new TypeError('GGUF metadata "general.alignment" must be a uint32 multiple of 8');
  }
  return value.value;
}

/**
 * Encodes a GGUF v3 file (metadata of every GGUF type, F32 tensors, aligned tensor data).
 *
 * @example
 * const bytes = encodeGguf({
 *   metadata: { 'general.architecture': 'llama', 'llama.block_count': gguf.uint32(1) },
 *   tensors: [{ name: 'output_norm.weight', dimensions: [4], data: new Float32Array([1, 1, 1, 1]) }],
 * });
 */
export function encodeGguf(content: GgufContent): Buffer {
  if (endianness() !== 'LE') throw new Error('the GGUF writer needs a little-endian machine');
  const alignment = alignmentOf(content.metadata);
  const header = new ByteSink();
  header.u32(GGUF_MAGIC);
  header.u32(GGUF_VERSION);
  header.u64(content.tensors.length);
  const entries = Object.entries(content.metadata);
  header.u64(entries.length);
  for (const [key, value] of entries) {
    header.string(key);
    writeValue(header, key, value);
  }

  const names = new Set<string>();
  let offset = 0;
  const offsets: number[] = [];
  for (const tensor of content.tensors) {
    if (names.has(tensor.name)) throw new TypeError(`GGUF tensor "${tensor.name}" appears twice`);
    names.add(tensor.name);
    const elements = tensor.dimensions.reduce((product, dimension) => product * dimension, 1);
    if (tensor.dimensions.length === 0 || tensor.dimensions.some((dimension) => !Number.isInteger(dimension) || dimension <= 0)) {
      throw new TypeError(`GGUF tensor "${tensor.name}": dimensions must be positive integers`);
    }
    if (elements !== tensor.data.length) {
      throw new TypeError(`GGUF tensor "${tensor.name}": dimensions [${tensor.dimensions.join(', ')}] need ${elements} values, got ${tensor.data.length}`);
    }
    header.string(tensor.name);
    header.u32(tensor.dimensions.length);
    for (const dimension of tensor.dimensions) header.u64(dimension);
    header.u32(GGML_TYPE_F32);
    header.u64(offset);
    offsets.push(offset);
    offset += tensor.data.byteLength;
    offset += (alignment - (offset % alignment)) % alignment;
  }
  header.padTo(alignment);

  const dataStart = header.length;
  const output = Buffer.alloc(dataStart + offset);
  header.toBuffer().copy(output, 0);
  content.tensors.forEach((tensor, index) => {
    Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength).copy(output, dataStart + offsets[index]);
  });
  return output;
}

/**
 * Writes a GGUF v3 file atomically (a temporary file in the same folder, then a rename), creating the folder if needed.
 *
 * @example
 * await writeGguf('/tmp/model.gguf', { metadata: { 'general.architecture': 'llama' }, tensors: [] });
 */
export async function writeGguf(path: string, content: GgufContent): Promise<void> {
  const bytes = encodeGguf(content);
  const temporary = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
}
