import { defineBenchmark } from '../benchmark-definition.js';
import { CHISAFETY_OPEN_PROTOCOL, chiSafetyFileKind, loadChiSafetyBench } from './chisafety-adapter.js';
import { refusalCheckedProtocol } from './chisafety-protocol.js';
import { chisafetyRefusalRubric } from './chisafety-refusal-rubric.js';

/** CHiSafetyBench: Chinese safety values, multiple choice and open questions over five risk areas. */
export const chiSafetyBenchmark = defineBenchmark({
  name: 'chisafety',
  title: 'CHiSafetyBench: Chinese safety values (multiple choice, open questions, dialogues)',
  options: { answerKey: 'string', strict: 'boolean' },
  detection: {
    file: async (probe) => probe.extension === '.json' && chiSafetyFileKind(await probe.json(), probe.fileName) !== undefined,
    folder: (probe) => probe.names.includes('mcq.json') || probe.names.some((name) => name.startsWith('risky_questions')),
  },
  load: loadChiSafetyBench,
  protocols: [refusalCheckedProtocol(CHISAFETY_OPEN_PROTOCOL, [chisafetyRefusalRubric.id])],
  rubrics: [chisafetyRefusalRubric],
});
