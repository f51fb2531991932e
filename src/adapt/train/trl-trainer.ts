import { join } from 'node:path';
import { stringify } from 'yaml';
import { pythonScript } from '../../python/python-env.js';
import type { LocalStageJob, LocalTrainerDefinition, PreparedLaunch } from './trainer-definition.js';
import { parseTrlEvents } from './trainer-logs.js';
import { toPromptCompletion } from './training-data.js';

/** The seven projections of a Llama-style block (adapters on lm_head or embeddings do not convert to GGUF). */
export const LORA_TARGET_MODULES = ['q_proj', 'k_proj', 'v_proj', 'o_proj', 'gate_proj', 'up_proj', 'down_proj'] as const;

/** Length of a run: `max_steps` when given, else epochs (the key every Hugging Face trainer reads). */
export function lengthKeys(job: LocalStageJob, epochsKey: string): Record<string, number> {
  return job.hyper.maxSteps !== undefined ? { max_steps: job.hyper.maxSteps } : { [epochsKey]: job.hyper.epochs };
}

/** `trl sft`'s own YAML keys (ScriptArguments, SFTConfig, ModelConfig, DatasetMixtureConfig). */
export function trlConfig(job: LocalStageJob, trainFile: string): Record<string, unknown> {
  return {
    model_name_or_path: job.baseModel,
    datasets: [{ path: 'json', data_files: trainFile }],
    output_dir: job.outputDir,
    use_peft: true,
    lora_r: job.hyper.loraR,
    lora_alpha: job.hyper.loraAlpha,
    lora_target_modules: [...LORA_TARGET_MODULES],
    ...lengthKeys(job, 'num_train_epochs'),
    per_device_train_batch_size: job.hyper.batchSize,
    learning_rate: job.hyper.learningRate,
    max_length: job.hyper.maxLength,
    logging_steps: job.hyper.loggingSteps,
    save_steps: job.hyper.saveSteps,
    seed: job.hyper.seed,
    report_to: 'none',
    use_cpu: true,
    ...(job.resumeFrom ? { resume_from_checkpoint: job.resumeFrom } : {}),
  };
}

function eventsFile(job: LocalStageJob): string {
  return join(job.stageDir, `events-${job.attempt}.jsonl`);
}

/**
 * TRL 1.x `SFTTrainer` + PEFT LoRA, through culturekit's launcher `trl_sft.py`: the stage's YAML is `trl sft --config`'s
 * own; the launcher adds an events file, stage 2 from an adapter (`--adapter-from`) and the merge (`--merge-to`).
 * Data: conversational prompt-completion (loss on the last assistant turn).
 */
export const trlTrainer: LocalTrainerDefinition = {
  name: 'trl',
  kind: 'local',
  title: 'TRL SFTTrainer + PEFT LoRA (runs in the Python environment of culturekit adapt setup)',
  prepare(job): PreparedLaunch {
    const trainFile = join(job.stageDir, 'train.jsonl');
    const configFile = join(job.stageDir, `trl-config-${job.attempt}.yaml`);
    const data = job.rows.map((row) => JSON.stringify(toPromptCompletion(row))).join('\n');
    const command = [job.python ?? 'python3', pythonScript('trl_sft.py'), '--events', eventsFile(job)];
    if (job.adapterFrom) command.push('--adapter-from', job.adapterFrom);
    if (job.mergeTo) command.push('--merge-to', job.mergeTo);
    command.push('--config', configFile);
    return {
      command,
      files: [
        { path: trainFile, text: `${data}\n`, kind: 'data' },
        { path: configFile, text: stringify(trlConfig(job, trainFile)), kind: 'config' },
      ],
    };
  },
  logFiles: (job) => [eventsFile(job)],
  parseLog: parseTrlEvents,
  adapterDir: (job) => join(job.outputDir, 'adapter'),
};
