import { evaluate, type EvaluateInput, type EvaluateOutput } from '../eval/evaluate.js';
import type { RunSettings } from '../settings/run-settings.js';
import { formatSummaryTables } from './print-summary.js';
import { EXIT_CODES } from '../errors/exit-codes.js';
import { createProgressReporter } from './progress.js';
import { CostMeter } from '../models/cost-meter.js';
import { InputError } from '../errors/culturekit-error.js';
import { formatCostTable } from './print-cost.js';
import { TOOL_VERSION } from '../version.js';

/**
 * Runs an evaluation with its settings, with progress on stderr and the tables on stdout; Ctrl-C stops it cleanly.
 * Shared by `eval`, `score` and `demo`.
 */
export async function runAndReport(
  settings: RunSettings,
  extra: Pick<EvaluateInput, 'modelInstances' | 'notice'> & {
    onDataset?: (dataset: Parameters<NonNullable<EvaluateInput['onStart']>>[0]['dataset']) => void;
  } = {},
): Promise<EvaluateOutput> {
  const progress = settings.quiet ? undefined : createProgressReporter(process.stderr);
  const controller = new AbortController();
  let interrupts = 0;
  const onSignal = () => {
    interrupts++;
    if (interrupts > 1) process.exit(EXIT_CODES.interrupted);
    process.stderr.write('\nstopping: finishing the calls in flight (Ctrl-C again to quit at once; the run can be resumed)\n');
    controller.abort();
  };
  const plugins = settings.plugins.length ? await (await import('../plugins/load-plugins.js')).loadPlugins(settings.plugins) : undefined;
  if (settings.maxCost !== undefined && Object.keys(settings.prices).length === 0) {
    throw new InputError('--max-cost needs prices: add a prices section to the config file (US dollars per million tokens per model)');
  }
  const meter =
    settings.maxCost === undefined
      ? undefined
      : new CostMeter(settings.maxCost, () => {
          process.stderr.write(
            `\nstopping: this invocation has spent $${meter!.spent.toFixed(4)} of --max-cost $${settings.maxCost}; finishing the calls in flight\n`,
          );
          controller.abort();
        });
  const tracer = settings.otlpTracesUrl
    ? new (await import('../models/otlp-tracing.js')).OtlpTracer({
        url: settings.otlpTracesUrl,
        rootName: 'culturekit eval',
        serviceVersion: TOOL_VERSION,
        onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      })
    : undefined;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let queueStats: { batches: number; redelivered: number; calls: number } | undefined;
  try {
    const output = await evaluate({
      dataset: settings.dataset,
      models: settings.models.length ? settings.models : undefined,
      modelInstances: extra.modelInstances,
      judges: settings.judges,
      extractor: settings.extractor,
      options: settings.options,
      dbPath: settings.db,
      outDir: settings.out,
      resume: settings.resume,
      retryErrors: settings.retryErrors,
      useCache: settings.useCache,
      skipInvalid: settings.skipInvalid,
      modelDefaults: { stream: settings.stream, backends: plugins?.backends, costMeter: meter, prices: settings.prices, tracer },
      registry: plugins?.registry,
      prices: settings.prices,
      shard: settings.shard,
      runner: settings.queue
        ? (await import('../queue/queue-runner.js')).createQueueRunner(settings.queue, {
            onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
            onStats: (stats) => (queueStats = stats),
          })
        : undefined,
      notice: extra.notice,
      signal: controller.signal,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
      onStart: ({ manifest, outDir, resumed, dataset }) => {
        extra.onDataset?.(dataset);
        const models = manifest.models.map((model) => model.spec).join(', ');
        const judges = manifest.judges?.length ? `, judged by ${manifest.judges.map((judge) => judge.spec).join(' + ')}` : '';
        process.stderr.write(
          `${resumed ? 'resuming' : 'starting'} run ${manifest.id}: ${manifest.dataset.items} items from ${dataset.ref} × ${manifest.models.length} model(s) [${models}] × ${manifest.options.conditions.length} condition(s) [${manifest.options.conditions.join(', ')}]${judges} → ${outDir}\n`,
        );
      },
      onProgress: progress ? (state) => progress.update(state) : undefined,
    });
    progress?.finish();
    process.stdout.write(`\n${formatSummaryTables(output.summary)}\n\n`);
    if (output.summary.cost) process.stdout.write(`${formatCostTable(output.summary.cost)}\n\n`);
    const { outcome } = output;
    process.stdout.write(
      `run ${output.manifest.id}: ${outcome.done} done now, ${outcome.skipped} already done, ${outcome.invalid} invalid, ${outcome.errors} errors; results in ${output.outDir}/ (manifest.json, results.jsonl, summary.json)\n`,
    );
    if (queueStats)
      process.stdout.write(
        `queue: ${queueStats.batches} batches queued, ${queueStats.calls} model calls by the workers, ${queueStats.redelivered} batch re-deliveries after a worker stopped\n`,
      );
    if (output.manifest.extractor)
      process.stdout.write(
        `answers read: ${outcome.extraction.rules} by the rules, ${outcome.extraction.model} by ${output.manifest.extractor.spec}, ${outcome.extraction.unread} by neither\n`,
      );
    const runErrors = output.summary.groups.reduce((sum, group) => sum + group.counts.error, 0);
    if (runErrors > 0) {
      process.stdout.write(
        `${runErrors} item${runErrors === 1 ? '' : 's'} of this run ended in error: see results.jsonl; re-ask them with --resume ${output.manifest.id} --retry-errors\n`,
      );
      if (!settings.allowErrors) {
        process.stderr.write(`culturekit: exit code ${EXIT_CODES.itemErrors}: items ended in error (pass --allow-errors to exit 0 anyway)\n`);
        process.exitCode = EXIT_CODES.itemErrors;
      }
    }
    if (output.unreachable) {
      process.stderr.write(
        `culturekit: stopped early: ${output.unreachable}. When the server is back, continue with --resume ${output.manifest.id} --retry-errors (add --base-url <url> if it moved)\n`,
      );
      process.exitCode = EXIT_CODES.unreachable;
    } else if (outcome.interrupted) {
      process.stdout.write(`interrupted: continue with --resume ${output.manifest.id} (or the same command with --out ${output.outDir})\n`);
      process.exitCode = EXIT_CODES.interrupted;
    } else if (settings.gate) {
      (await import('./gate/apply-gate.js')).applyGate(output.outDir, settings.gate, { dbPath: settings.db, summary: output.summary });
    }
    return output;
  } finally {
    await tracer?.close();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
