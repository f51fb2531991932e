import { InputError } from '../errors/culturekit-error.js';
import type { OptionKind } from './benchmark-definition.js';
import { builtinRegistry, type BenchmarkName, type BenchmarkOptions, type BenchmarkRegistry } from './registry.js';

/**
 * Splits a dataset reference `<benchmark>:<path>[?option=value&…]` into the benchmark, the path and typed options
 * (numbers, booleans, comma-separated lists), read by the kinds the benchmark declares. Returns undefined when the part
 * before `:` is not a benchmark name (a plain file path, `builtin:sample`); an unknown or malformed option is an
 * `InputError`.
 *
 * @example
 * parseBenchmarkRef('camel-style:/data/camel?settings=1,2&seed=7')
 * // { name: 'camel-style', path: '/data/camel', options: { settings: [1, 2], seed: 7 } }
 */
export function parseBenchmarkRef(
  ref: string,
  registry: BenchmarkRegistry = builtinRegistry,
): { name: BenchmarkName; path: string; options: BenchmarkOptions } | undefined {
  const colon = ref.indexOf(':');
  if (colon <= 0) return undefined;
  const name = ref.slice(0, colon);
  if (!registry.isBenchmarkName(name)) return undefined;
  const rest = ref.slice(colon + 1);
  const question = rest.indexOf('?');
  const path = question === -1 ? rest : rest.slice(0, question);
  if (path === '') throw new InputError(`${ref}: no path after "${name}:"`);
  const kinds: Record<string, OptionKind | undefined> = registry.getBenchmark(name).options;
  const options: Record<string, unknown> = {};
  if (question !== -1) {
    for (const [key, value] of new URLSearchParams(rest.slice(question + 1))) {
      const kind = kinds[key];
      if (!kind) throw new InputError(`${ref}: unknown option "${key}" for ${name}; options: ${Object.keys(kinds).join(', ')}`);
      options[key] = parseOptionValue(ref, key, value, kind);
    }
  }
  return { name: name as BenchmarkName, path, options: options as BenchmarkOptions };
}

function parseOptionValue(ref: string, key: string, value: string, kind: OptionKind): unknown {
  const number = (text: string) => {
    const parsed = Number(text);
    if (text.trim() === '' || !Number.isFinite(parsed)) throw new InputError(`${ref}: option ${key} expects a number, got "${text}"`);
    return parsed;
  };
  switch (kind) {
    case 'number':
      return number(value);
    case 'boolean':
      if (!['true', 'false', '1', '0'].includes(value)) throw new InputError(`${ref}: option ${key} expects true or false, got "${value}"`);
      return value === 'true' || value === '1';
    case 'list':
      return value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean);
    case 'numberList':
      return value.split(',').map((entry) => number(entry.trim()));
    default:
      return value;
  }
}
