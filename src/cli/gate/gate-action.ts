import { existsSync } from 'node:fs';
import { InputError } from '../../errors/culturekit-error.js';
import { RUN_DEFAULTS } from '../../settings/run-defaults.js';
import { loadConfig } from '../../settings/load-config.js';
import { resolveGate } from '../../settings/run-settings.js';
import { gateFlagLayer } from '../gate-options.js';
import type { GateCommandFlags } from './gate-command.js';
import { applyGate } from './apply-gate.js';

/** Runs `culturekit gate`. */
export async function runGateCommand(run: string, flags: GateCommandFlags): Promise<void> {
  const config = flags.config !== undefined || existsSync(RUN_DEFAULTS.configFile) ? loadConfig(flags.config) : undefined;
  const gate = resolveGate(gateFlagLayer(flags), config?.gate);
  if (!gate || (Object.keys(gate.failUnder).length === 0 && gate.baseline === undefined)) {
    throw new InputError('nothing to check: pass --fail-under and/or --baseline (or a gate section in the config file)');
  }
  applyGate(run, gate, { dbPath: flags.db ?? config?.db ?? RUN_DEFAULTS.db });
}
