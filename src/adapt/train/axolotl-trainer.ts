import { join } from 'node:path';
import { stringify } from 'yaml';
import type { LocalStageJob, LocalTrainerDefinition, PreparedLaunch } from './trainer-definition.js';
import { parseStdoutDicts } from './trainer-logs.js';

/** The `axolotl train` config of a stage (keys of axolotl's `docs/config-reference.qmd` and `docs/dataset-formats/conversation.qmd`). */
export function axolotlConfig(job: LocalStageJob): Record<string, unknown> {
  return {
    base_model: job.baseModel,
    datasets: [
      {
        path: job.dataFile,
        ds_type: 'json',
        type: 'chat_template',
        field_messages: 'messages',
        message_property_mappings: { role: 'role', content: 'content' },
        roles_to_train: ['assistant'],
        train_on_eos: 'turn',
      },
    ],
    chat_template: 'tokenizer_default',
    dataset_prepared_path: join(job.stageDir, 'prepared'),
    output_dir: job.outputDir,
    adapter: 'lora',
    ...(job.adapterFrom ? { lora_model_dir: job.adapterFrom } : {}),
    lora_r: job.hyper.loraR,
    lora_alpha: job.hyper.loraAlpha,
    lora_dropout: 0.05,
    lora_target_linear: true,
    sequence_len: job.hyper.maxLength,
    micro_batch_size: job.hyper.batchSize,
    gradient_accumulation_steps: 1,
    ...(job.hyper.maxSteps !== undefined ? { max_steps: job.hyper.maxSteps } : { num_epochs: job.hyper.epochs }),
    learning_rate: job.hyper.learningRate,
    optimizer: 'adamw_torch',
    lr_scheduler: 'linear',
    logging_steps: job.hyper.loggingSteps,
    save_steps: job.hyper.saveSteps,
    seed: job.hyper.seed,
    ...(job.resumeFrom ? { resume_from_checkpoint: job.resumeFrom } : {}),
  };
}

/**
 * axolotl (`axolotl train`, installed by the user in an environment of its own). Progress from its stdout (the trainer's
 * dict lines) and `checkpoint-N/trainer_state.json`; stage 2 from the adapter by `lora_model_dir`; the merge by
 * `axolotl merge-lora`, which writes `<output_dir>/merged`.
 */
export const axolotlTrainer: LocalTrainerDefinition = {
  name: 'axolotl',
  kind: 'local',
  title: 'axolotl (axolotl train; install it yourself)',
  executable: 'axolotl',
  prepare(job): PreparedLaunch {
    const configFile = join(job.stageDir, `axolotl-${job.attempt}.yml`);
    return { command: ['axolotl', 'train', configFile], files: [{ path: configFile, text: stringify(axolotlConfig(job)), kind: 'config' }] };
  },
  logFiles: (_job, stdout) => [stdout],
  parseLog: parseStdoutDicts,
  adapterDir: (job) => job.outputDir,
  mergedDirOf: (stageDir) => join(stageDir, 'output', 'merged'),
  merge(job, adapterDir) {
    const configFile = join(job.stageDir, `axolotl-${job.attempt}.yml`);
    return { command: ['axolotl', 'merge-lora', configFile, '--lora-model-dir', adapterDir], files: [], mergedDir: join(job.outputDir, 'merged') };
  },
};
