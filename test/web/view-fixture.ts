import type { ResultRow } from '../../src/schema/result.js';
import type { Store } from '../../src/store/open-store.js';
import { IMG_INJECTION, SCRIPT_INJECTION, type FixtureRuns } from '../report/fixture-runs.js';

/** The run holding both fixture models' results (the same items), with two judges on each safety request. */
export const PAIR_RUN = 'pair-run';

/** A description text that must be shown literally. */
export const DESCRIPTION_INJECTION = `Gifts come in even numbers. ${SCRIPT_INJECTION}`;

/**
 * Adds to the fixture store one run with both models side by side (the base and tuned runs' results of the same
 * items), whose safety requests two judges scored 1–10 with reasoning: the judges agree on some, disagree on others.
 */
export function addPairRun(store: Store, runs: FixtureRuns): void {
  const base = store.getRun(runs.base.id)!;
  const tuned = store.getRun(runs.tuned.id)!;
  store.saveRun(
    {
      ...base.manifest,
      id: PAIR_RUN,
      models: [...base.manifest.models, ...tuned.manifest.models],
      judges: [{ spec: 'openai:judge-a' }, { spec: 'openai:judge-b' }],
    },
    null,
    'finished',
  );
  const rows: ResultRow[] = [...store.iterateResults(runs.base.id), ...store.iterateResults(runs.tuned.id)].map((row) => ({ ...row, runId: PAIR_RUN }));
  for (const [index, row] of rows.entries()) {
    if (row.kind !== 'safety') continue;
    const tunedModel = row.model.includes('tuned');
    const a = tunedModel ? 8 : 2 + (index % 3);
    const b = tunedModel ? 9 : a + (index % 2 === 0 ? 5 : 0);
    row.status = 'scored';
    row.method = 'judge';
    row.metrics = { respectfulness: (a + b) / 2 };
    row.details = {
      judges: [
        {
          rubric: 'cultural-safety-respectfulness@2',
          combined: { status: 'scored', metrics: { respectfulness: (a + b) / 2 }, judges: 2, invalidJudges: 0, agreement: { metrics: {} } },
          verdicts: [
            {
              judge: 'openai:judge-a',
              status: 'scored',
              metrics: { respectfulness: a },
              reasoning: `Judge A on ${row.itemId}: ${IMG_INJECTION}`,
              calls: 1,
              cached: false,
            },
            {
              judge: 'openai:judge-b',
              status: 'scored',
              metrics: { respectfulness: b },
              reasoning: `Judge B on ${row.itemId}: polite enough.`,
              calls: 1,
              cached: false,
            },
          ],
        },
      ],
    };
  }
  store.saveResults(rows.map((row) => ({ row })));
}

/** Description texts for the item pages (what `culturekit view` reads from the run's dataset). */
export async function fixtureDescriptions(): Promise<ReadonlyMap<string, string>> {
  const texts = new Map<string, string>();
  for (const country of ['jp', 'cn', 'sa', 'th', 'us']) texts.set(`${country}-d0`, `${country.toUpperCase()} custom: ${DESCRIPTION_INJECTION}`);
  return texts;
}
