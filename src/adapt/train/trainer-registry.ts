import { InputError } from '../../errors/culturekit-error.js';
import { axolotlTrainer } from './axolotl-trainer.js';
import { llamaFactoryTrainer } from './llamafactory-trainer.js';
import { openAITrainer } from './openai-trainer.js';
import type { TrainerDefinition } from './trainer-definition.js';
import { trlTrainer } from './trl-trainer.js';

/** Every trainer `culturekit adapt train --trainer` drives: the one registry. */
export const TRAINERS = {
  trl: trlTrainer,
  llamafactory: llamaFactoryTrainer,
  axolotl: axolotlTrainer,
  openai: openAITrainer,
} as const satisfies Record<string, TrainerDefinition>;

export type TrainerName = keyof typeof TRAINERS;
export const TRAINER_NAMES = Object.keys(TRAINERS) as TrainerName[];

export function trainerDefinition(name: string): TrainerDefinition {
  const found = (TRAINERS as Record<string, TrainerDefinition>)[name];
  if (!found) throw new InputError(`--trainer ${name}: unknown trainer (one of ${TRAINER_NAMES.join(', ')})`);
  return found;
}
