import { combineVerdicts } from '../scoring/judge/combine-verdicts.js';
import { getRubric } from '../benchmarks/registry.js';
import type { JudgeRubric } from '../scoring/judge/judge-rubric.js';
import type { Judging } from './judging.js';

/** The engine's judge pieces from the rubric registry: rubrics by id, and a panel's verdicts combined per rubric. */
export function createJudging(): Omit<Judging, 'judges'> {
  return {
    getRubric,
    combine(rubric, verdicts) {
      const combined = combineVerdicts(rubric as JudgeRubric, verdicts);
      if (combined.status === 'invalid') return { status: 'invalid', metrics: {}, agreement: { reason: combined.reason, invalidJudges: combined.invalidJudges } };
      return {
        status: 'scored',
        metrics: combined.metrics,
        label: combined.label,
        agreement: { ...combined.agreement, judges: combined.judges, invalidJudges: combined.invalidJudges },
      };
    },
  };
}
