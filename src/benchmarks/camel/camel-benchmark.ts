import { defineBenchmark } from '../benchmark-definition.js';
import { loadCamel, looksLikeCamel } from './camel-adapter.js';
import { camelBiasProtocol } from './camel-bias-protocol.js';

/** CAMeL: cultural bias between Arab and Western entities filled into the same prompts. */
export const camelBenchmark = defineBenchmark({
  name: 'camel',
  title: 'CAMeL: Arab vs. Western entities in the same prompts (cultural bias)',
  options: { seed: 'number', prompts: 'string', pairs: 'number', strict: 'boolean' },
  detection: { folder: (probe) => looksLikeCamel(probe.directory) },
  load: loadCamel,
  protocols: [camelBiasProtocol],
  rubrics: [],
});
