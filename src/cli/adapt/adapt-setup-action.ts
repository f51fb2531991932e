import { setupTrainerEnvironment } from '../../adapt/setup/setup-environment.js';

export interface AdaptSetupFlags {
  venv?: string;
  python?: string;
  basePython?: string;
}

/** Runs `culturekit adapt setup`: creates or completes the environment and prints what it holds. */
export async function runAdaptSetupCommand(flags: AdaptSetupFlags): Promise<void> {
  const result = await setupTrainerEnvironment({
    venv: flags.venv,
    python: flags.python,
    basePython: flags.basePython,
    onOutput: (line) => {
      if (/^(Collecting|Successfully|Installing|creating|installing)/.test(line)) process.stderr.write(`${line}\n`);
    },
  });
  const lines = Object.entries(result.versions.versions).map(([name, version]) => `  ${name.padEnd(14)} ${version}`);
  const what =
    result.installed.length === 0
      ? `already set up: nothing to install (checked in ${result.seconds.toFixed(1)} s)`
      : `installed ${result.installed.length} package(s)${result.offline ? ' offline from the local mirror' : ''} in ${result.seconds.toFixed(1)} s`;
  process.stdout.write(`${what}\npython ${result.versions.python}: ${result.python}\n${lines.join('\n')}\n`);
}
