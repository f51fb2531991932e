import type { DiagnosticRow } from '../analysis/diagnostics.js';
import type { BenchmarkDiagnostics, DiagnosticTable } from './benchmark-definition.js';
import { benchmarks, type BenchmarkDiagnosticFields } from './registry.js';

/** The benchmarks' fine-grained diagnostics for one model × condition. */
export type Diagnostics = { model?: string; condition?: string } & BenchmarkDiagnosticFields;

const withDiagnostics: readonly BenchmarkDiagnostics<object>[] = benchmarks.flatMap((benchmark) =>
  'diagnostics' in benchmark && benchmark.diagnostics ? [benchmark.diagnostics as BenchmarkDiagnostics<object>] : [],
);

/**
 * The diagnostics of a run's results, one entry per model × condition that has rows of the settings some benchmark
 * diagnoses (GeoMLaMA no-country probes, CAMeL-style settings 2, 4 and 5).
 *
 * @example
 * const [first] = computeDiagnostics(store.iterateResults(runId));
 * first.camelStyleCountryPreference?.klFromUniform; // 0.12
 * first.cultureOverGender?.rate;                    // 0.35
 */
export function computeDiagnostics(rows: Iterable<DiagnosticRow>): Diagnostics[] {
  const groups = new Map<string, DiagnosticRow[]>();
  for (const row of rows) {
    const key = `${row.model ?? ''}\u0000${row.condition ?? ''}`;
    const list = groups.get(key);
    if (list) list.push(row);
    else groups.set(key, [row]);
  }
  const result: Diagnostics[] = [];
  for (const list of groups.values()) {
    const fields = withDiagnostics.map((diagnostics) => diagnostics.compute(list)).filter((entry) => entry !== undefined);
    if (fields.length) result.push(Object.assign({ model: list[0].model, condition: list[0].condition }, ...fields));
  }
  return result;
}

/**
 * The tables the benchmarks draw from one diagnostics entry, in registry order.
 *
 * @example
 * diagnosticTables(entry) // [{ kind: 'country-preference', title: 'which country’s answer …', preference }, { kind: 'rates', … }]
 */
export function diagnosticTables(entry: Diagnostics): DiagnosticTable[] {
  return withDiagnostics.flatMap((diagnostics) => diagnostics.tables(entry));
}
