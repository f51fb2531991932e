import { join } from 'node:path';
import { stringify } from 'yaml';
import type { LocalStageJob, LocalTrainerDefinition, PreparedLaunch } from './trainer-definition.js';
import { parseTrainerLogJsonl } from './trainer-logs.js';
import { lengthKeys } from './trl-trainer.js';

/** The dataset name culturekit registers in `dataset_info.json` for a stage. */
function datasetName(job: LocalStageJob): string {
  return `culturekit_${job.language.replace(/[^A-Za-z0-9_]/g, '_')}_${job.stage}`;
}

/**
 * `dataset_info.json` (LLaMA-Factory `data/README.md`): the canonical OpenAI-messages file, read as sharegpt with the
 * role/content tags of OpenAI messages.
 */
export function llamaFactoryDatasetInfo(job: LocalStageJob, fileName: string): Record<string, unknown> {
  return {
    [datasetName(job)]: {
      file_name: fileName,
      formatting: 'sharegpt',
      columns: { messages: 'messages' },
      tags: { role_tag: 'role', content_tag: 'content', user_tag: 'user', assistant_tag: 'assistant', system_tag: 'system' },
    },
  };
}

/** The `llamafactory-cli train` config of a stage (keys of LLaMA-Factory's `examples/train_lora/*.yaml`). */
export function llamaFactoryConfig(job: LocalStageJob, datasetDir: string): Record<string, unknown> {
  return {
    model_name_or_path: job.baseModel,
    ...(job.adapterFrom ? { adapter_name_or_path: job.adapterFrom } : {}),
    stage: 'sft',
    do_train: true,
    finetuning_type: 'lora',
    lora_rank: job.hyper.loraR,
    lora_alpha: job.hyper.loraAlpha,
    lora_target: 'all',
    dataset: datasetName(job),
    dataset_dir: datasetDir,
    template: job.template ?? 'default',
    cutoff_len: job.hyper.maxLength,
    overwrite_cache: true,
    output_dir: job.outputDir,
    logging_steps: job.hyper.loggingSteps,
    save_steps: job.hyper.saveSteps,
    plot_loss: true,
    overwrite_output_dir: !job.resumeFrom,
    per_device_train_batch_size: job.hyper.batchSize,
    learning_rate: job.hyper.learningRate,
    ...lengthKeys(job, 'num_train_epochs'),
    seed: job.hyper.seed,
    report_to: 'none',
    ...(job.resumeFrom ? { resume_from_checkpoint: job.resumeFrom } : {}),
  };
}

/**
 * LLaMA-Factory (`llamafactory-cli`, installed by the user in an environment of its own). Progress from
 * `output_dir/trainer_log.jsonl`; stage 2 from the adapter by `adapter_name_or_path`; the merge by `llamafactory-cli export`.
 */
export const llamaFactoryTrainer: LocalTrainerDefinition = {
  name: 'llamafactory',
  kind: 'local',
  title: 'LLaMA-Factory (llamafactory-cli train; install it yourself)',
  executable: 'llamafactory-cli',
  prepare(job): PreparedLaunch {
    const datasetDir = join(job.stageDir, 'data');
    const fileName = `${job.stage}.jsonl`;
    const configFile = join(job.stageDir, `llamafactory-${job.attempt}.yaml`);
    return {
      command: ['llamafactory-cli', 'train', configFile],
      files: [
        { path: join(datasetDir, fileName), text: `${job.rows.map((row) => JSON.stringify(row)).join('\n')}\n`, kind: 'data' },
        { path: join(datasetDir, 'dataset_info.json'), text: `${JSON.stringify(llamaFactoryDatasetInfo(job, fileName), null, 2)}\n`, kind: 'config' },
        { path: configFile, text: stringify(llamaFactoryConfig(job, datasetDir)), kind: 'config' },
      ],
      env: { DISABLE_VERSION_CHECK: '1' },
    };
  },
  logFiles: (job) => [join(job.outputDir, 'trainer_log.jsonl')],
  parseLog: parseTrainerLogJsonl,
  adapterDir: (job) => job.outputDir,
  merge(job, adapterDir) {
    const mergedDir = job.mergeTo ?? join(job.stageDir, 'merged');
    const configFile = join(job.stageDir, 'llamafactory-export.yaml');
    const config = {
      model_name_or_path: job.baseModel,
      adapter_name_or_path: adapterDir,
      template: job.template ?? 'default',
      finetuning_type: 'lora',
      export_dir: mergedDir,
      export_device: 'cpu',
      export_legacy_format: false,
    };
    return { command: ['llamafactory-cli', 'export', configFile], files: [{ path: configFile, text: stringify(config), kind: 'config' }], mergedDir };
  },
};
