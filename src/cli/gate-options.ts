import type { Command } from 'commander';
import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import type { GateSettingsInput } from '../schema/gate.js';
import { InputError } from '../errors/culturekit-error.js';
import { GATE_THRESHOLD_KEY } from '../schema/gate-threshold-key.js';

/** The quality-gate flags, as commander parses them. */
export interface GateFlags {
  failUnder?: Record<string, number>;
  baseline?: string;
  baselineAlpha?: number;
  junit?: string;
}

/** Adds `--fail-under`, `--baseline`, `--baseline-alpha` and `--junit`. */
export function addGateOptions(command: Command): Command {
  return command
    .option(
      '--fail-under <thresholds>',
      'fail (exit code 6) when a metric is below its threshold: accuracy=0.7,respectfulness=7; metric@JP=0.6 for one country, metric@*=0.5 for every country',
      parseThresholdsFlag,
    )
    .option('--baseline <run>', 'fail (exit code 6) when significantly worse than this run (folder or id): paired McNemar / Wilcoxon tests per metric')
    .option('--baseline-alpha <p>', `significance level of --baseline (default ${RUN_DEFAULTS.gateAlpha})`, (value: string) => {
      const alpha = Number(value);
      if (!(alpha > 0 && alpha < 1)) throw new InputError(`--baseline-alpha: expected a number between 0 and 1, got "${value}"`);
      return alpha;
    })
    .option('--junit <file>', 'write the gate as JUnit XML (one test case per model × condition × metric, overall and per country)');
}

/** The gate flags as the settings layer reads them. */
export function gateFlagLayer(flags: GateFlags): GateSettingsInput {
  return { failUnder: flags.failUnder, baseline: flags.baseline, alpha: flags.baselineAlpha, junit: flags.junit };
}

/**
 * Parses `--fail-under`.
 *
 * @example
 * parseThresholdsFlag('accuracy=0.7,accuracy@*=0.5') // { accuracy: 0.7, 'accuracy@*': 0.5 }
 */
export function parseThresholdsFlag(text: string): Record<string, number> {
  const thresholds: Record<string, number> = {};
  for (const part of text.split(',').map((entry) => entry.trim())) {
    if (!part) continue;
    const equals = part.indexOf('=');
    const key = equals > 0 ? part.slice(0, equals).trim() : '';
    const value = Number(equals > 0 ? part.slice(equals + 1).trim() : Number.NaN);
    if (!GATE_THRESHOLD_KEY.test(key) || !Number.isFinite(value)) {
      throw new InputError(`--fail-under: expected metric=number, metric@COUNTRY=number or metric@*=number (e.g. accuracy=0.7,accuracy@*=0.5), got "${part}"`);
    }
    thresholds[key] = value;
  }
  if (Object.keys(thresholds).length === 0) throw new InputError('--fail-under: no threshold given');
  return thresholds;
}
