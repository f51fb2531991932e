import { defineBenchmark } from '../benchmark-definition.js';
import { loadCamelStyle, looksLikeCamelStylePrompts } from './camel-style-adapter.js';
import { camelStyleDiagnostics } from './camel-style-diagnostics.js';
import { camelStyleProtocol } from './camel-style-protocol.js';

/** CAMeL-style multiple choice with distractors (Global Gallery), in five settings. */
export const camelStyleBenchmark = defineBenchmark({
  name: 'camel-style',
  title: 'CAMeL-style multiple choice with distractors (Global Gallery), five settings',
  options: { seed: 'number', settings: 'numberList', combinations: 'number', optionSets: 'string', protocol: 'string', strict: 'boolean' },
  detection: {
    file: async (probe) => {
      if (probe.extension !== '.json') return false;
      const value = await probe.json();
      return looksLikeCamelStylePrompts(value) || (probe.fileName === 'targets.json' && looksLikeCamelStyleTargets(value));
    },
    folder: (probe) => probe.names.includes('prompts.json') && probe.names.includes('targets.json'),
  },
  load: loadCamelStyle,
  protocols: [camelStyleProtocol],
  rubrics: [],
  diagnostics: camelStyleDiagnostics,
});

function looksLikeCamelStyleTargets(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((lists) => typeof lists === 'object' && lists !== null && !Array.isArray(lists))
  );
}
