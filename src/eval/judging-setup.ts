import { combineVerdicts } from '../scoring/judge/combine-verdicts.js';
import { builtinRegistry, type BenchmarkRegistry } from '../benchmarks/registry.js';
import type { JudgeRubric } from '../scoring/judge/judge-rubric.js';
import type { Judging } from './judging.js';

/** The engine's judge pieces from the rubric registry: rubrics by id, and a panel's verdicts combined per rubric. */
export function createJudging(registry: BenchmarkRegistry = builtinRegistry): Omit<Judging, 'judges'> {
  return {
    getRubric: (id) => registry.getRubric(id),
    combine: (rubric, verdicts) => combineVerdicts(rubric as JudgeRubric, verdicts),
  };
}
