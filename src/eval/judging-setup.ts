import { combineVerdicts } from '../scoring/judge/combine-verdicts.js';
import { getRubric } from '../benchmarks/registry.js';
import type { JudgeRubric } from '../scoring/judge/judge-rubric.js';
import type { Judging } from './judging.js';

/** The engine's judge pieces from the rubric registry: rubrics by id, and a panel's verdicts combined per rubric. */
export function createJudging(): Omit<Judging, 'judges'> {
  return {
    getRubric,
    combine: (rubric, verdicts) => combineVerdicts(rubric as JudgeRubric, verdicts),
  };
}
