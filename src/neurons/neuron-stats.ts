import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InputError } from '../errors/culturekit-error.js';

/**
 * Per-layer, per-FFN-neuron activation statistics of groups of prompts, as the Python side writes them
 * (`src/python/scripts/neurons_hooks.py`, `neurons_gguf.py imatrix`): `<prefix>.json` (header) and `<prefix>.bin`
 * (float64 little-endian; group-major, then statistic, then layer, then neuron). All statistics are sums, so groups
 * add up.
 */
export const NEURON_STATS_FORMAT = 'culturekit-neuron-stats@1';

/**
 * - `sum`: Σ over tokens of the neuron's value (the input of `down_proj`: act(gate)·up);
 * - `sum2`: Σ over tokens of its square (the energy; llama-imatrix's `in_sum2`);
 * - `active`: tokens with act(gate) above the threshold;
 * - `promptSum`, `promptSum2`: Σ over prompts of the prompt's mean value and of its square (a test across prompts).
 */
export const neuronStatNames = ['sum', 'sum2', 'active', 'promptSum', 'promptSum2'] as const;
export type NeuronStatName = (typeof neuronStatNames)[number];

const headerSchema = z.object({
  format: z.literal(NEURON_STATS_FORMAT),
  backend: z.enum(['hooks', 'imatrix']),
  layers: z.number().int().positive(),
  neurons: z.number().int().positive(),
  threshold: z.number().optional(),
  stats: z.array(z.enum(neuronStatNames)).min(1),
  groups: z.array(z.object({ key: z.string().min(1), prompts: z.number().int().nonnegative(), tokens: z.number().int().nonnegative() })),
});
export type NeuronStatsHeader = z.infer<typeof headerSchema>;

/** One group's sums: `stats[name][layer][neuron]`. */
export interface GroupStats {
  key: string;
  prompts: number;
  tokens: number;
  stats: Partial<Record<NeuronStatName, Float64Array[]>>;
}

export interface NeuronStats {
  backend: 'hooks' | 'imatrix';
  layers: number;
  neurons: number;
  threshold?: number;
  /** The statistics the backend recorded (imatrix: only `sum2`). */
  available: NeuronStatName[];
  groups: GroupStats[];
}

/** Reads `<prefix>.json` and `<prefix>.bin`; a malformed header or a size mismatch is an `InputError` naming the file. */
export function readNeuronStats(prefix: string): NeuronStats {
  const headerPath = `${prefix}.json`;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(headerPath, 'utf8'));
  } catch (error) {
    throw new InputError(`${headerPath}: ${(error as Error).message}`, { cause: error });
  }
  const parsed = headerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InputError(`${headerPath}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const header = parsed.data;
  const buffer = readFileSync(`${prefix}.bin`);
  const perMatrix = header.layers * header.neurons;
  const expected = header.groups.length * header.stats.length * perMatrix * 8;
  if (buffer.length !== expected) throw new InputError(`${prefix}.bin: ${buffer.length} bytes, expected ${expected} for ${headerPath}`);
  const values = new Float64Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.length));
  let offset = 0;
  const groups = header.groups.map((group): GroupStats => {
    const stats: GroupStats['stats'] = {};
    for (const name of header.stats) {
      stats[name] = Array.from({ length: header.layers }, (_, layer) =>
        values.subarray(offset + layer * header.neurons, offset + (layer + 1) * header.neurons),
      );
      offset += perMatrix;
    }
    return { ...group, stats };
  });
  return { backend: header.backend, layers: header.layers, neurons: header.neurons, threshold: header.threshold, available: header.stats, groups };
}

/** The sum of several groups (all statistics are sums). `key` names the result. */
export function sumGroups(stats: NeuronStats, groups: readonly GroupStats[], key: string): GroupStats {
  const sum: GroupStats = { key, prompts: 0, tokens: 0, stats: {} };
  for (const name of stats.available) sum.stats[name] = Array.from({ length: stats.layers }, () => new Float64Array(stats.neurons));
  for (const group of groups) {
    sum.prompts += group.prompts;
    sum.tokens += group.tokens;
    for (const name of stats.available) {
      const target = sum.stats[name]!;
      const source = group.stats[name]!;
      for (let layer = 0; layer < stats.layers; layer++) for (let neuron = 0; neuron < stats.neurons; neuron++) target[layer][neuron] += source[layer][neuron];
    }
  }
  return sum;
}

/** A statistic of a group, or an `InputError` saying which backend records it. */
export function requireStat(stats: NeuronStats, group: GroupStats, name: NeuronStatName): Float64Array[] {
  const values = group.stats[name];
  if (!values) throw new InputError(`the ${stats.backend} backend records only ${stats.available.join(', ')}; ${name} needs --backend hooks`);
  return values;
}
