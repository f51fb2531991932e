import { fleissKappa, krippendorffAlpha } from '../../statistics/agreement.js';
import type { CombinedVerdict, LabelAgreement, MetricAgreement } from '../../schema/result-details.js';
import type { JudgeRubric } from './judge-rubric.js';
import type { JudgeParse } from './rubric.js';

/** What combining needs from a rubric. */
export type CombinableRubric = Pick<JudgeRubric, 'combine' | 'metrics'> & Partial<Pick<JudgeRubric, 'labels' | 'deriveMetrics'>>;

type ScoredParse = Extract<JudgeParse, { status: 'scored' }>;

/**
 * Combines a panel's verdicts on one item. Invalid verdicts are left out; when none is valid the item is `invalid`.
 * `mean`: each metric is the mean over the judges that gave it (then the rubric's `deriveMetrics`), with, per metric,
 * the mean absolute deviation and whether all judges are within 1 point. `majority`: the most frequent label wins
 * (a tie goes to the label listed first in `rubric.labels`, then to the smallest label as text); its metrics are those
 * of that label, and the agreement is the share of judges that gave it.
 *
 * @example
 * combineVerdicts(getRubric('cultural-safety-respectfulness')!, [
 *   { status: 'scored', metrics: { respectfulness: 8 } },
 *   { status: 'scored', metrics: { respectfulness: 9 } },
 *   { status: 'invalid', reason: 'no JSON' },
 * ]);
 * // { status: 'scored', metrics: { respectfulness: 8.5 }, judges: 2, invalidJudges: 1,
 * //   agreement: { metrics: { respectfulness: { meanAbsoluteDeviation: 0.5, withinOnePoint: true } } } }
 */
export function combineVerdicts(rubric: CombinableRubric, verdicts: readonly JudgeParse[]): CombinedVerdict {
  const valid: ScoredParse[] = [];
  const reasons: string[] = [];
  for (const verdict of verdicts) {
    if (verdict.status !== 'scored') reasons.push(verdict.reason);
    else if (rubric.combine === 'majority' && verdict.label === undefined) reasons.push('a verdict without a label');
    else valid.push(verdict);
  }
  if (valid.length === 0) {
    const reason = verdicts.length === 0 ? 'no judge gave a verdict' : `every judge's verdict was invalid: ${[...new Set(reasons)].join('; ')}`;
    return { status: 'invalid', reason, judges: 0, invalidJudges: verdicts.length };
  }
  const invalidJudges = verdicts.length - valid.length;
  if (rubric.combine === 'majority') {
    const label = majorityLabel(
      valid.map((verdict) => verdict.label!),
      rubric.labels ?? [],
    );
    const metrics = { ...valid.find((verdict) => verdict.label === label.majority)!.metrics };
    return { status: 'scored', metrics, label: label.majority, judges: valid.length, invalidJudges, agreement: { metrics: {}, label } };
  }
  const valuesByMetric = metricValues(valid, rubric.metrics);
  const means: Record<string, number> = {};
  const agreement: Record<string, MetricAgreement> = {};
  for (const [metric, values] of valuesByMetric) {
    const mean = average(values);
    means[metric] = mean;
    agreement[metric] = {
      meanAbsoluteDeviation: average(values.map((value) => Math.abs(value - mean))),
      withinOnePoint: Math.max(...values) - Math.min(...values) <= 1,
    };
  }
  const metrics = rubric.deriveMetrics ? rubric.deriveMetrics(means) : means;
  return { status: 'scored', metrics, judges: valid.length, invalidJudges, agreement: { metrics: agreement } };
}

export interface PanelMetricAgreement {
  /** Krippendorff's α (interval) over every item with at least two valid values; `null` when undefined (no variation, too few values). */
  krippendorffAlpha: number | null;
  /** Mean over those items of the per-item mean absolute deviation. */
  meanAbsoluteDeviation: number;
  /** Share of those items on which all judges were within 1 point. */
  withinOnePointShare: number;
  /** Items with at least two valid values. */
  items: number;
}

export interface PanelLabelAgreement {
  /** Fleiss' κ over the items every judge labelled validly; `null` when undefined (no such item, or one label throughout). */
  fleissKappa: number | null;
  /** Items every judge labelled validly (those κ is computed on). */
  items: number;
  /** Mean, over items with at least two valid labels, of the share of judges agreeing with the majority. */
  meanMajorityShare: number | null;
}

export interface PanelAgreement {
  /** Panel size: the most verdicts any item has. */
  judges: number;
  items: number;
  metrics: Record<string, PanelMetricAgreement>;
  /** Present when any verdict has a label. */
  labels?: PanelLabelAgreement;
}

/**
 * How much a panel of judges agrees across items: `verdictsPerItem[item][judge]`. Labels: Fleiss' κ (items every judge
 * labelled validly). Numeric metrics: Krippendorff's α with the interval metric (invalid verdicts are missing values),
 * mean absolute deviation, and the share of items with all judges within 1 point. `options.metrics` limits the metrics
 * (default: every metric in a valid verdict).
 *
 * @example
 * panelAgreement([
 *   [{ status: 'scored', metrics: { respectfulness: 8 } }, { status: 'scored', metrics: { respectfulness: 9 } }],
 *   [{ status: 'scored', metrics: { respectfulness: 2 } }, { status: 'scored', metrics: { respectfulness: 3 } }],
 * ]).metrics.respectfulness.krippendorffAlpha // 0.959…
 */
export function panelAgreement(verdictsPerItem: readonly (readonly JudgeParse[])[], options: { metrics?: readonly string[] } = {}): PanelAgreement {
  const judges = Math.max(0, ...verdictsPerItem.map((verdicts) => verdicts.length));
  const validPerItem = verdictsPerItem.map((verdicts) => verdicts.filter((verdict): verdict is ScoredParse => verdict.status === 'scored'));
  const metricNames = options.metrics ?? [...new Set(validPerItem.flat().flatMap((verdict) => Object.keys(verdict.metrics)))];
  const metrics: Record<string, PanelMetricAgreement> = {};
  for (const metric of metricNames) {
    const units = validPerItem
      .map((verdicts) => verdicts.map((verdict) => verdict.metrics[metric]).filter((value) => typeof value === 'number' && Number.isFinite(value)))
      .filter((values) => values.length >= 2);
    const deviations = units.map((values) => {
      const mean = average(values);
      return average(values.map((value) => Math.abs(value - mean)));
    });
    metrics[metric] = {
      krippendorffAlpha: krippendorffAlpha(units, 'interval'),
      meanAbsoluteDeviation: units.length === 0 ? 0 : average(deviations),
      withinOnePointShare: units.length === 0 ? 0 : units.filter((values) => Math.max(...values) - Math.min(...values) <= 1).length / units.length,
      items: units.length,
    };
  }
  const result: PanelAgreement = { judges, items: verdictsPerItem.length, metrics };
  const labelsPerItem = validPerItem.map((verdicts) => verdicts.flatMap((verdict) => (verdict.label === undefined ? [] : [verdict.label])));
  if (labelsPerItem.some((labels) => labels.length > 0)) {
    const categories = [...new Set(labelsPerItem.flat())].sort();
    const complete = judges >= 2 ? labelsPerItem.filter((labels) => labels.length === judges) : [];
    const counts = complete.map((labels) => categories.map((category) => labels.filter((label) => label === category).length));
    const shares = labelsPerItem
      .filter((labels) => labels.length >= 2)
      .map((labels) => Math.max(...categories.map((category) => labels.filter((label) => label === category).length)) / labels.length);
    result.labels = {
      fleissKappa: fleissKappa(counts),
      items: complete.length,
      meanMajorityShare: shares.length === 0 ? null : average(shares),
    };
  }
  return result;
}

function majorityLabel(labels: readonly string[], order: readonly string[]): LabelAgreement {
  const counts: Record<string, number> = {};
  for (const label of labels) counts[label] = (counts[label] ?? 0) + 1;
  const rank = (label: string) => {
    const index = order.indexOf(label);
    return index === -1 ? order.length : index;
  };
  const ranked = Object.keys(counts).sort(
    (first, second) => counts[second] - counts[first] || rank(first) - rank(second) || (first < second ? -1 : first > second ? 1 : 0),
  );
  const majority = ranked[0];
  return {
    majority,
    share: counts[majority] / labels.length,
    counts,
    tie: ranked.length > 1 && counts[ranked[1]] === counts[majority],
  };
}

function metricValues(verdicts: readonly ScoredParse[], order: readonly string[]): Map<string, number[]> {
  const names = [...new Set([...order, ...verdicts.flatMap((verdict) => Object.keys(verdict.metrics))])];
  const values = new Map<string, number[]>();
  for (const name of names) {
    const given = verdicts.map((verdict) => verdict.metrics[name]).filter((value) => typeof value === 'number' && Number.isFinite(value));
    if (given.length > 0) values.set(name, given);
  }
  return values;
}

function average(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0) / values.length;
}
