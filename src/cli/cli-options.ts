import { InputError } from '../errors/culturekit-error.js';

/** An option that may be given once: a second value is an error (commander would silently keep the last). */
export function once(name: string) {
  return (value: string, previous: string | undefined): string => {
    if (previous !== undefined) throw new InputError(`${name} is given twice ("${previous}" and "${value}"): give it once`);
    return value;
  };
}

/** Collects a repeatable option into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveInteger(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed <= 0) throw new InputError(`${name}: expected a positive whole number, got "${value}"`);
    return parsed;
  };
}

export function nonNegativeInteger(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) throw new InputError(`${name}: expected a whole number ≥ 0, got "${value}"`);
    return parsed;
  };
}

export function nonNegativeNumber(name: string) {
  return (value: string): number => {
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new InputError(`${name}: expected a number ≥ 0, got "${value}"`);
    return parsed;
  };
}

/** `a,b` → `['a', 'b']`, trimmed, empties dropped. */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
