import { CommanderError } from 'commander';
import { CulturekitError } from '../errors/culturekit-error.js';
import { EXIT_CODES } from '../errors/exit-codes.js';

/** The one place that turns errors into messages and exit codes (`errors/exit-codes.ts`). */
export function handleError(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT_CODES.ok : EXIT_CODES.input;
  if (error instanceof CulturekitError) {
    process.stderr.write(`culturekit: ${error.message}\n`);
    return error.exitCode;
  }
  process.stderr.write(`culturekit: unexpected error: ${(error as Error)?.stack ?? String(error)}\n`);
  return EXIT_CODES.failure;
}
