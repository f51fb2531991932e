/**
 * Every exit code culturekit returns, in one table (the README's "Exit codes" section lists the same).
 * Commands set them through typed errors (`CulturekitError.exitCode`) or `process.exitCode`, never as bare numbers.
 */
export const EXIT_CODES = {
  /** Finished as asked. */
  ok: 0,
  /** A failure that is not the input's fault (a model call that failed for good, an internal error). */
  failure: 1,
  /** Bad input: a flag, the config file, a dataset, a run id. Nothing was written. */
  input: 2,
  /** A quality gate failed (`--fail-under`, `--baseline`): the run itself finished and its results are written. */
  gateFailed: 4,
  /** Interrupted (Ctrl-C, SIGTERM): the run can be resumed. */
  interrupted: 130,
} as const;
export type ExitCodeName = keyof typeof EXIT_CODES;
