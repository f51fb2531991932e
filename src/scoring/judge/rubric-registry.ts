import type { JudgeRubric } from './judge-rubric.js';
import { aevalScoreRubric } from './rubrics/aeval-score.js';
import { chisafetyRefusalRubric } from './rubrics/chisafety-refusal.js';
import { culturalSafetyAwarenessRubric, culturalSafetyRespectfulnessRubric } from './rubrics/cultural-safety.js';

const rubrics = new Map<string, JudgeRubric>(
  [culturalSafetyRespectfulnessRubric, culturalSafetyAwarenessRubric, chisafetyRefusalRubric, aevalScoreRubric].map((rubric) => [
    rubric.id,
    rubric,
  ]),
);

/**
 * The built-in rubric with this id, or `undefined`.
 *
 * @example
 * getRubric('cultural-safety-respectfulness')?.metrics // ['respectfulness']
 */
export function getRubric(id: string): JudgeRubric | undefined {
  return rubrics.get(id);
}

/**
 * The ids of the built-in rubrics, sorted.
 *
 * @example
 * rubricIds() // ['aeval-score', 'chisafety-refusal', 'cultural-safety-awareness', 'cultural-safety-respectfulness']
 */
export function rubricIds(): string[] {
  return [...rubrics.keys()].sort();
}
