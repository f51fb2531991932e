import type { ScoringProtocol } from './protocol.js';
import { renderRequest } from './render-request.js';

/**
 * A protocol for open items scored only by judge rubrics: the default open rendering (history, then the prompt),
 * the response kept `unscored` until the judges' metrics join it.
 *
 * @example
 * const aevalProtocol = judgedProtocol('aeval', ['aeval-score']);
 */
export function judgedProtocol(id: string, rubrics: readonly string[]): ScoringProtocol {
  return {
    id,
    render: renderRequest,
    score: () => ({ status: 'unscored', method: 'none', metrics: {}, details: { reason: `scored by the judge rubrics ${rubrics.join(', ')}` } }),
    rubrics: () => rubrics,
  };
}
