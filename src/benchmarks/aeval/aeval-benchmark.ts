import { judgedProtocol } from '../../scoring/judged-protocol.js';
import { defineBenchmark } from '../benchmark-definition.js';
import { AEVAL_PROTOCOL, loadAEval, looksLikeAEval } from './aeval-adapter.js';
import { aevalScoreRubric } from './aeval-score-rubric.js';

/** A-Eval: Chinese capability questions in five task categories, judged 0–100 by the `aeval-score` rubric. */
export const aevalBenchmark = defineBenchmark({
  name: 'aeval',
  title: 'A-Eval: Chinese capability questions, judged 0–100',
  options: { references: 'string', strict: 'boolean' },
  detection: { file: async (probe) => probe.extension === '.json' && looksLikeAEval(await probe.json()) },
  load: loadAEval,
  protocols: [judgedProtocol(AEVAL_PROTOCOL, [aevalScoreRubric.id])],
  rubrics: [aevalScoreRubric],
});
