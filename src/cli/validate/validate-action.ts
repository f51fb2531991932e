import { extname } from 'node:path';
import { loadDataset } from '../../benchmarks/load-dataset.js';
import type { BenchmarkRegistry } from '../../benchmarks/registry.js';
import { CulturekitError } from '../../errors/culturekit-error.js';
import { EXIT_CODES } from '../../errors/exit-codes.js';
import { parseModelSpec } from '../../models/model-spec.js';
import { loadPlugins } from '../../plugins/load-plugins.js';
import { loadConfig } from '../../settings/load-config.js';
import { resolveRunSettings } from '../../settings/run-settings.js';

type Dataset = Awaited<ReturnType<typeof loadDataset>>;

export interface ValidateFlags {
  skipInvalid?: boolean;
}

/** Runs `culturekit validate`: every file is checked; each problem is printed; exit code 2 when any file is invalid. */
export async function runValidateCommand(files: string[], flags: ValidateFlags): Promise<void> {
  let failed = 0;
  for (const file of files) {
    try {
      const line = ['.yaml', '.yml'].includes(extname(file).toLowerCase())
        ? await validateConfig(file, flags)
        : describeDataset(await loadDataset(file, flags));
      process.stdout.write(`ok: ${file}: ${line}\n`);
    } catch (error) {
      if (!(error instanceof CulturekitError)) throw error;
      failed++;
      process.stdout.write(`invalid: ${file}\n${error.message.replace(/^/gm, '  ')}\n`);
    }
  }
  if (failed > 0) process.exitCode = EXIT_CODES.input;
}

async function validateConfig(file: string, flags: ValidateFlags): Promise<string> {
  const config = loadConfig(file)!;
  const settings = await resolveRunSettings({ flags: {}, config });
  const plugins = await loadPlugins(settings.plugins);
  const providers = new Set(plugins.backends.map((backend) => backend.provider));
  for (const entry of [...settings.models, ...settings.judges]) {
    if (!providers.has(entry.spec.slice(0, entry.spec.indexOf(':')))) parseModelSpec(entry.spec);
  }
  const parts = [
    `${settings.models.length} model(s)`,
    `${settings.judges.length} judge(s)`,
    ...(plugins.plugins.length ? [`plugins ${plugins.plugins.map((plugin) => plugin.name).join(', ')}`] : []),
  ];
  if (settings.dataset) parts.push(`dataset ${settings.dataset}: ${describeDataset(await loadDatasetWith(settings.dataset, plugins.registry, flags))}`);
  return parts.join(', ');
}

function loadDatasetWith(ref: string, registry: BenchmarkRegistry, flags: ValidateFlags): Promise<Dataset> {
  return loadDataset(ref, { registry, skipInvalid: flags.skipInvalid, onWarning: (message) => process.stderr.write(`warning: ${message}\n`) });
}

function describeDataset(dataset: Dataset): string {
  const kinds = new Map<string, number>();
  for (const item of dataset.items) kinds.set(item.kind, (kinds.get(item.kind) ?? 0) + 1);
  const countries = new Set(dataset.items.map((item) => item.country).filter(Boolean));
  const byKind = [...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ');
  return `${dataset.items.length} items (${byKind || 'none'}) from ${countries.size} countr${countries.size === 1 ? 'y' : 'ies'}${dataset.descriptions.length ? `, ${dataset.descriptions.length} descriptions` : ''}${dataset.skippedInvalid ? `, ${dataset.skippedInvalid} invalid records skipped` : ''}`;
}
