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
  /** The run finished, but some items ended in error (results.jsonl says which). `--allow-errors` makes this 0. */
  itemErrors: 3,
  /** A model server could not be reached (connection refused, host not found): the run stopped early and can be resumed. */
  unreachable: 4,
  /** Another live process holds the run's lock (the same run or output folder): the message names its pid, host and start time. */
  busy: 5,
  /** A quality gate failed (`--fail-under`, `--baseline`): the run itself finished and its results are written. */
  gateFailed: 6,
  /** Interrupted (Ctrl-C, SIGTERM): the run can be resumed. */
  interrupted: 130,
} as const;
export type ExitCodeName = keyof typeof EXIT_CODES;
