import { DEFAULT_SAFETY_RUBRICS } from '../../scoring/default-protocol.js';
import { judgedProtocol } from '../../scoring/judged-protocol.js';
import { defineBenchmark } from '../benchmark-definition.js';
import { readJsonDocument } from '../../datasets/json-document.js';
import { adaCultureSafePaperKnowledgeProtocol, adaCultureSafePaperRubrics, adaCultureSafePaperSafetyProtocol } from './adaculturesafe-paper.js';
import { adaCultureSafeFiles, ADACULTURESAFE_SAFETY_PROTOCOL, loadAdaCultureSafe, looksLikeAdaCultureSafe } from './adaculturesafe-adapter.js';

/** AdaCultureSafe (Kang et al.): paired cultural knowledge (multiple choice) and safety (open, judged) queries per country. */
export const adaCultureSafeBenchmark = defineBenchmark({
  name: 'adaculturesafe',
  title: 'AdaCultureSafe: paired cultural knowledge and safety queries per country',
  options: { seed: 'number', checkedOnly: 'boolean', protocol: 'string', strict: 'boolean' },
  detection: {
    file: async (probe) => probe.extension === '.json' && looksLikeAdaCultureSafe(await probe.json()),
    folder: async (probe) => {
      if (!probe.names.some((name) => name.toLowerCase().endsWith('.json'))) return false;
      const [first] = await adaCultureSafeFiles(probe.directory);
      return first !== undefined && looksLikeAdaCultureSafe((await readJsonDocument(first)).value);
    },
  },
  load: loadAdaCultureSafe,
  protocols: [judgedProtocol(ADACULTURESAFE_SAFETY_PROTOCOL, DEFAULT_SAFETY_RUBRICS), adaCultureSafePaperKnowledgeProtocol, adaCultureSafePaperSafetyProtocol],
  rubrics: [...adaCultureSafePaperRubrics],
});
