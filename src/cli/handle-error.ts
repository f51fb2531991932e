import { CommanderError } from 'commander';
import { CulturekitError } from '../errors/culturekit-error.js';

/** The one place that turns errors into messages and exit codes: 2 for bad input, 1 for other failures. */
export function handleError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
  if (error instanceof CulturekitError) {
    process.stderr.write(`culturekit: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`culturekit: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
