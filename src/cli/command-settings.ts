import { existsSync, statSync } from 'node:fs';
import { InputError } from '../errors/culturekit-error.js';
import type { CulturekitConfig } from '../settings/load-config.js';
import type { ModelEntry } from '../schema/manifest.js';
import { RUN_DEFAULTS } from '../settings/run-defaults.js';
import { resolveRunSettings, type ConfigLayer, type RunSettings } from '../settings/run-settings.js';
import { openStore } from '../store/open-store.js';
import { runFlagLayer, type RunFlags } from './run-flags.js';

/**
 * A run command's settings: its flags over the config file (`--config`, else `culturekit.config.yaml` when present,
 * or the command's own `preset`) over the defaults, through `resolveRunSettings`.
 */
export async function commandSettings(
  flags: RunFlags,
  sources: { preset?: ConfigLayer; models?: ModelEntry[]; discoverModels?: () => Promise<ModelEntry[]> } = {},
): Promise<RunSettings> {
  const layer = runFlagLayer(flags);
  if (sources.models) layer.models = sources.models;
  return resolveRunSettings({
    flags: layer,
    config: sources.preset ?? (await readConfig(flags.config)),
    discoverModels: sources.discoverModels,
    readStoredRun: (dbPath, runId) => {
      if (!existsSync(dbPath)) return undefined;
      const store = openStore(dbPath);
      try {
        return store.getRun(runId)?.manifest;
      } finally {
        store.close();
      }
    },
  });
}

/** The config file, when one is named or the default one exists; the YAML reader is loaded only then. */
async function readConfig(path: string | undefined): Promise<CulturekitConfig | undefined> {
  if (path === undefined && !existsSync(RUN_DEFAULTS.configFile)) return undefined;
  if (path !== undefined && existsSync(path) && !statSync(path).isFile()) {
    throw new InputError(`--config ${path} is a folder, not a file: name the YAML file (e.g. --config ${path.replace(/\/+$/, '')}/culturekit.config.yaml)`);
  }
  return (await import('../settings/load-config.js')).loadConfig(path);
}
