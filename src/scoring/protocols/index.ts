import { ADACULTURESAFE_SAFETY_PROTOCOL } from '../../datasets/adapters/adaculturesafe.js';
import { AEVAL_PROTOCOL } from '../../datasets/adapters/aeval.js';
import { CHISAFETY_OPEN_PROTOCOL } from '../../datasets/adapters/chisafety.js';
import { getProtocol, registerProtocol, type ScoringProtocol } from '../protocol.js';
import { blendProtocol } from './blend-protocol.js';
import { camelBiasProtocol } from './camel-bias-protocol.js';
import { camelStyleProtocol } from './camel-style-protocol.js';
import { geomlamaProtocol } from './geomlama-protocol.js';
import { judgedProtocol, refusalCheckedProtocol } from './judged-protocol.js';

/** The scoring protocols of the seed benchmarks, registered when this module is first imported. */
export const benchmarkProtocols: readonly ScoringProtocol[] = [
  judgedProtocol(ADACULTURESAFE_SAFETY_PROTOCOL, ['cultural-safety-respectfulness', 'cultural-safety-awareness']),
  refusalCheckedProtocol(CHISAFETY_OPEN_PROTOCOL, ['chisafety-refusal']),
  judgedProtocol(AEVAL_PROTOCOL, ['aeval-score']),
  geomlamaProtocol,
  camelStyleProtocol,
  camelBiasProtocol,
  blendProtocol,
];

/** Ids of the benchmark protocols: `adaculturesafe-safety`, `chisafety-open`, `aeval`, `geomlama`, `camel-style`, `camel-bias`, `blend-sem`. */
export const benchmarkProtocolIds: readonly string[] = benchmarkProtocols.map((protocol) => protocol.id);

for (const protocol of benchmarkProtocols) {
  if (!getProtocol(protocol.id)) registerProtocol(protocol);
}
