import { exportGguf, type GgufOutType, parseAdapterArgument } from '../../adapt/gguf/export-gguf.js';
import { exportTrainRun } from '../../adapt/gguf/export-train-run.js';
import { InputError } from '../../errors/culturekit-error.js';
import { requirePython } from '../../python/python-env.js';

export interface AdaptExportGgufFlags {
  base?: string;
  adapter?: string[];
  train?: string;
  out: string;
  outtype: GgufOutType;
  python?: string;
}

/** Runs `culturekit adapt export-gguf`. */
export async function runAdaptExportGgufCommand(flags: AdaptExportGgufFlags): Promise<void> {
  const python = requirePython({ python: flags.python }).python;
  const onNotice = (line: string): void => void process.stderr.write(`${line}\n`);
  let result: Awaited<ReturnType<typeof exportGguf>>;
  if (flags.train) {
    if (flags.adapter?.length) throw new InputError("--train exports the run's own adapters: give --adapter without --train");
    result = await exportTrainRun({ train: flags.train, base: flags.base, out: flags.out, outType: flags.outtype, python, onNotice });
  } else {
    if (!flags.base) throw new InputError('--base is required (or --train <run folder>)');
    result = await exportGguf({
      base: flags.base,
      adapters: (flags.adapter ?? []).map(parseAdapterArgument),
      out: flags.out,
      outType: flags.outtype,
      python,
      onNotice,
    });
  }
  for (const [folder, file] of Object.entries(result.bases)) process.stdout.write(`base ${folder}: ${file}\n`);
  for (const adapter of result.adapters) process.stdout.write(`adapter ${adapter.name}: ${adapter.gguf}\n`);
  for (const spec of result.modelSpecs) process.stdout.write(`  --model "${spec}"\n`);
}
