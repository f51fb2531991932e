import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { defineBenchmark } from '../benchmark-definition.js';
import { loadBlend, looksLikeBlendAnnotations } from './blend-adapter.js';
import { blendProtocol } from './blend-protocol.js';

/** BLEnD: everyday cultural knowledge, short answers matched against annotators' answers. */
export const blendBenchmark = defineBenchmark({
  name: 'blend',
  title: 'BLEnD: everyday cultural knowledge, short answers scored by soft exact match',
  options: { template: 'string', languages: 'list', countries: 'list', protocol: 'string', strict: 'boolean' },
  detection: {
    file: async (probe) => probe.extension === '.json' && looksLikeBlendAnnotations(await probe.json()),
    folder: async (probe) =>
      probe.names.includes('annotations') && (await readdir(join(probe.directory, 'annotations'))).some((name) => name.endsWith('_data.json')),
  },
  load: loadBlend,
  protocols: [blendProtocol],
  rubrics: [],
});
