import type Database from 'better-sqlite3';

/**
 * What the viewer lists of a result: the row's keys and facets, its outcome and score, how far its judges spread, and
 * the start of its prompt. One row per result of the temporary index (see `ResultViewIndex`).
 */
export interface ResultViewRow {
  runId: string;
  model: string;
  condition: string;
  itemId: string;
  kind: string;
  format: string;
  language: string;
  country: string | null;
  category: string | null;
  descriptionId: string | null;
  status: string;
  /** `correct` / `incorrect` for a scored 0/1 value of the metric, `scored` for other scored rows, else the status. */
  outcome: string;
  /** The metric's value, or (when the row has none) its first numeric metric; null when unscored. */
  score: number | null;
  /** Which metric `score` is. */
  scoreMetric: string | null;
  answer: string | null;
  extracted: string | null;
  /** Largest difference between two judges' values of one metric of one rubric (null: fewer than two judges). */
  judgeSpread: number | null;
  /** Different labels the judges gave (0 or 1: they agree). */
  judgeLabels: number;
  /** The prompt's last user message (or log-likelihood context), whitespace folded, at most 160 characters. */
  preview: string;
  latencyMs: number;
}

/** Columns the items table sorts on (each maps to one SQL expression below). */
export const resultSortKeys = [
  'item',
  'series',
  'kind',
  'country',
  'category',
  'language',
  'prompt',
  'answer',
  'extracted',
  'score',
  'status',
  'spread',
  'latency',
] as const;
export type ResultSortKey = (typeof resultSortKeys)[number];

/** Filters across the results of one item: `flipped` (right in one series, wrong in another), `all-wrong`, `judges-disagree`. */
export const acrossFilters = ['flipped', 'all-wrong', 'judges-disagree'] as const;
export type AcrossFilter = (typeof acrossFilters)[number];

export interface ResultViewQuery {
  runId: string;
  model?: string;
  condition?: string;
  kind?: string;
  country?: string;
  category?: string;
  language?: string;
  /** An outcome (`scored` takes correct and incorrect rows too). */
  outcome?: string;
  minScore?: number;
  maxScore?: number;
  /** Words the item id, prompt, response, answer, category or country hold (case-insensitive for Latin letters). */
  search?: string;
  across?: AcrossFilter;
  /** Other runs whose results of the same item count for `flipped` and `all-wrong`. */
  againstRuns?: readonly string[];
  sort?: ResultSortKey;
  descending?: boolean;
}

/** A result's key. */
export interface ResultViewKey {
  runId: string;
  model: string;
  condition: string;
  itemId: string;
}

/** Scores of one group (a country, a category) of a run's scored results of one kind. */
export interface ResultGroupScore {
  group: string;
  kind: string;
  n: number;
  mean: number;
  min: number;
}

const SORT_SQL: Record<ResultSortKey, string> = {
  item: 'item_id',
  series: 'model',
  kind: 'kind',
  country: "coalesce(country, '')",
  category: "coalesce(category, '')",
  language: 'language',
  prompt: 'preview',
  answer: "coalesce(answer, '')",
  extracted: "coalesce(extracted, '')",
  score: 'coalesce(score, -1e300)',
  status: 'outcome',
  spread: 'coalesce(judge_spread, -1)',
  latency: 'latency_ms',
};

const COLUMNS = `run_id AS runId, model, condition, item_id AS itemId, kind, format, language, country, category, description_id AS descriptionId,
  status, outcome, score, score_metric AS scoreMetric, answer, extracted, judge_spread AS judgeSpread, judge_labels AS judgeLabels, latency_ms AS latencyMs, preview`;

const TABLE_SQL = `
CREATE TEMP TABLE IF NOT EXISTS view_results (
  run_id TEXT NOT NULL, model TEXT NOT NULL, condition TEXT NOT NULL, item_id TEXT NOT NULL,
  kind TEXT NOT NULL, format TEXT NOT NULL, language TEXT NOT NULL, country TEXT, category TEXT, description_id TEXT,
  status TEXT NOT NULL, outcome TEXT NOT NULL, score REAL, score_metric TEXT, answer TEXT, extracted TEXT,
  judge_spread REAL, judge_labels INTEGER NOT NULL, judges_disagree INTEGER NOT NULL, latency_ms REAL NOT NULL, preview TEXT NOT NULL, search TEXT NOT NULL,
  PRIMARY KEY (run_id, model, condition, item_id)
);
CREATE INDEX IF NOT EXISTS temp.view_results_item ON view_results (run_id, item_id, outcome);
CREATE INDEX IF NOT EXISTS temp.view_results_score ON view_results (run_id, coalesce(score, -1e300), model, condition, item_id);
CREATE INDEX IF NOT EXISTS temp.view_results_kind ON view_results (run_id, kind, coalesce(score, -1e300), model, condition, item_id);
CREATE INDEX IF NOT EXISTS temp.view_results_country ON view_results (run_id, country, coalesce(score, -1e300), model, condition, item_id);
CREATE INDEX IF NOT EXISTS temp.view_results_disagree ON view_results (run_id, judges_disagree, coalesce(judge_spread, -1), model, condition, item_id);
CREATE INDEX IF NOT EXISTS temp.view_results_preview ON view_results (run_id, preview, model, condition, item_id);
CREATE TEMP TABLE IF NOT EXISTS view_synced (run_id TEXT PRIMARY KEY, max_rowid INTEGER NOT NULL, metric TEXT NOT NULL);
`;

/**
 * The facets of each result, read from its stored JSON by SQLite (one pass; `?1` is the run, `?2` the last row id
 * already indexed, `@path` the JSON path of the metric). The score is the metric's value, else the first numeric metric.
 */
const SYNC_SQL = `
INSERT OR REPLACE INTO view_results
SELECT run_id, model, condition, item_id, kind, format, language, country, category, description_id, status,
  CASE WHEN status <> 'scored' THEN status WHEN metric_value = 1 THEN 'correct' WHEN metric_value = 0 THEN 'incorrect' ELSE 'scored' END,
  coalesce(metric_value, first_value), CASE WHEN metric_value IS NOT NULL THEN @metric ELSE first_key END,
  answer, extracted, judge_spread, judge_labels,
  -- Judges disagree when two values of a metric are more than one point apart, or their labels differ.
  coalesce(judge_spread > 1, 0) OR judge_labels > 1, latency_ms,
  substr(trim(replace(replace(replace(prompt_text, char(10), ' '), char(13), ' '), char(9), ' ')), 1, 160),
  prompt_text || char(10) || coalesce(response, '') || char(10) || item_id || char(10) || coalesce(category, '') || char(10) || coalesce(country, '') || char(10) || coalesce(extracted, '')
FROM (
  SELECT r.run_id, r.model, r.condition, r.item_id, r.status,
    r.row ->> '$.kind' AS kind, r.row ->> '$.format' AS format, r.row ->> '$.language' AS language,
    r.row ->> '$.country' AS country, r.row ->> '$.category' AS category, r.row ->> '$.descriptionId' AS description_id,
    r.row ->> '$.answer' AS answer, r.row ->> '$.extracted' AS extracted, coalesce(r.row ->> '$.latencyMs', 0) AS latency_ms,
    r.row ->> '$.response' AS response,
    CASE WHEN json_type(r.row, '$.prompt') = 'text' THEN r.row ->> '$.prompt'
      ELSE coalesce((SELECT p.value ->> '$.content' FROM json_each(r.row, '$.prompt') AS p WHERE p.value ->> '$.role' = 'user' ORDER BY p.key DESC LIMIT 1), '') END AS prompt_text,
    CASE WHEN json_type(r.row, @path) IN ('integer', 'real') THEN r.row ->> @path END AS metric_value,
    (SELECT m.value FROM json_each(r.row, '$.metrics') AS m WHERE m.type IN ('integer', 'real') LIMIT 1) AS first_value,
    (SELECT m.key FROM json_each(r.row, '$.metrics') AS m WHERE m.type IN ('integer', 'real') LIMIT 1) AS first_key,
    CASE WHEN json_type(r.row, '$.details.judges') IS NULL THEN NULL ELSE (
      SELECT max(spread) FROM (
        SELECT max(m.value) - min(m.value) AS spread, count(*) AS values_n
        FROM json_each(r.row, '$.details.judges') AS j, json_each(j.value, '$.verdicts') AS v, json_each(v.value, '$.metrics') AS m
        WHERE v.value ->> '$.status' = 'scored' AND m.type IN ('integer', 'real')
        GROUP BY j.key, m.key HAVING values_n > 1)) END AS judge_spread,
    CASE WHEN json_type(r.row, '$.details.judges') IS NULL THEN 0 ELSE (
      SELECT coalesce(max(labels), 0) FROM (
        SELECT count(DISTINCT v.value ->> '$.label') AS labels
        FROM json_each(r.row, '$.details.judges') AS j, json_each(j.value, '$.verdicts') AS v
        WHERE v.value ->> '$.status' = 'scored' GROUP BY j.key)) END AS judge_labels
  FROM results AS r
  WHERE r.run_id = @run AND r.rowid > @from
)`;

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/**
 * The viewer's queryable index of results: a TEMPORARY table of this connection (nothing is written to the store
 * file), filled from the results table in one SQL pass per run and brought up to date by row id on each query, so a
 * run that is still being written shows its new results as they land. Filters, search, sorting and paging run in
 * SQLite on indexed columns, so a page of 100,000 results costs one small query, not a scan of the JSON.
 *
 * @example
 * const index = new ResultViewIndex(database, 'accuracy');
 * const { rows, total } = index.page({ runId, country: 'JP', sort: 'score' }, 50, 0);
 */
export class ResultViewIndex {
  private readonly statements;
  private readonly cache = new Map<string, Database.Statement>();
  private readonly checked = new Map<string, string>();
  private readonly memos = new Map<string, unknown>();

  constructor(
    private readonly database: Database.Database,
    readonly metric: string,
  ) {
    // Temporary tables in memory (they are rebuilt from the store by each process that views it).
    database.pragma('temp_store = MEMORY');
    database.exec(TABLE_SQL);
    this.statements = {
      synced: database.prepare<[string], { max_rowid: number; metric: string }>('SELECT max_rowid, metric FROM temp.view_synced WHERE run_id = ?'),
      maxRowid: database.prepare<[string], { max_rowid: number | null; n: number }>(
        'SELECT max(rowid) AS max_rowid, count(*) AS n FROM results WHERE run_id = ?',
      ),
      indexed: database.prepare<[string], { n: number }>('SELECT count(*) AS n FROM temp.view_results WHERE run_id = ?'),
      clear: database.prepare('DELETE FROM temp.view_results WHERE run_id = ?'),
      sync: database.prepare(SYNC_SQL),
      resultJson: database.prepare<[string, string, string, string], { row: string }>(
        'SELECT row FROM results WHERE run_id = ? AND model = ? AND condition = ? AND item_id = ?',
      ),
      totalChanges: database.prepare<[], { n: number }>('SELECT total_changes() AS n'),
      runIds: database.prepare<[], { id: string }>('SELECT id FROM runs ORDER BY created_at DESC'),
      markSynced: database.prepare('INSERT OR REPLACE INTO temp.view_synced (run_id, max_rowid, metric) VALUES (?, ?, ?)'),
    };
  }

  /** Brings a run's index up to date: new and rewritten results by row id; a full rebuild when results went away. */
  sync(runId: string): void {
    // Nothing committed by anyone since this run was last checked: no query at all.
    if (this.checked.get(runId) === this.databaseStamp()) return;
    const { max_rowid: maxRowid, n } = this.statements.maxRowid.get(runId) ?? { max_rowid: null, n: 0 };
    const synced = this.statements.synced.get(runId);
    const upTo = maxRowid ?? 0;
    if (!(synced && synced.metric === this.metric && synced.max_rowid === upTo && this.statements.indexed.get(runId)?.n === n)) {
      const metricPath = `$.metrics.${JSON.stringify(this.metric)}`;
      const fill = (from: number) => {
        if (from === 0) this.statements.clear.run(runId);
        this.statements.sync.run({ run: runId, from, path: metricPath, metric: this.metric });
      };
      this.database.transaction(() => {
        fill(synced && synced.metric === this.metric ? synced.max_rowid : 0);
        // Results were deleted (a resume that drops failed rows): index the run afresh.
        if (this.statements.indexed.get(runId)?.n !== n) fill(0);
        this.statements.markSynced.run(runId, upTo, this.metric);
      })();
      this.memos.clear();
    }
    this.checked.set(runId, this.databaseStamp());
  }

  /**
   * Changes since a moment: SQLite's `data_version` moves when another connection commits, `total_changes()` when this
   * one writes (the engine writing through the same store, or this index filling its own tables).
   */
  private databaseStamp(): string {
    return `${this.database.pragma('data_version', { simple: true })}:${this.statements.totalChanges.get()!.n}`;
  }

  /** A value computed from a run's index, kept until any indexed run changes (counts, menus, group scores). */
  private memo<T>(runIds: readonly string[], key: string, compute: () => T): T {
    for (const runId of runIds) this.sync(runId);
    const memoKey = `${runIds.join('\u0000')}\u0000${key}`;
    if (this.memos.has(memoKey)) return this.memos.get(memoKey) as T;
    const value = compute();
    this.memos.set(memoKey, value);
    return value;
  }

  /** Ids of the store's runs, newest first (without reading their manifests). */
  runIds(): string[] {
    return this.statements.runIds.all().map((row) => row.id);
  }

  /** A statement prepared once per distinct SQL text (the filters make a few dozen shapes). */
  private prepared<Row>(sql: string): Database.Statement<unknown[], Row> {
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.database.prepare(sql);
      this.cache.set(sql, statement);
    }
    return statement as Database.Statement<unknown[], Row>;
  }

  private where(query: ResultViewQuery): { sql: string; parameters: unknown[] } {
    const clauses = ['run_id = ?'];
    const parameters: unknown[] = [query.runId];
    for (const [column, value] of [
      ['model', query.model],
      ['condition', query.condition],
      ['kind', query.kind],
      ['country', query.country],
      ['category', query.category],
      ['language', query.language],
    ] as const) {
      if (value === undefined) continue;
      clauses.push(`${column} = ?`);
      parameters.push(value);
    }
    if (query.outcome === 'scored') clauses.push("status = 'scored'");
    else if (query.outcome !== undefined) {
      clauses.push('outcome = ?');
      parameters.push(query.outcome);
    }
    if (query.minScore !== undefined) {
      clauses.push('score >= ?');
      parameters.push(query.minScore);
    }
    if (query.maxScore !== undefined) {
      clauses.push('score <= ?');
      parameters.push(query.maxScore);
    }
    for (const word of (query.search ?? '').split(/\s+/).filter(Boolean)) {
      clauses.push("search LIKE ? ESCAPE '\\'");
      parameters.push(`%${escapeLike(word)}%`);
    }
    if (query.across === 'judges-disagree') clauses.push('judges_disagree = 1');
    else if (query.across) {
      const runs = [query.runId, ...(query.againstRuns ?? [])];
      const having =
        query.across === 'flipped'
          ? "sum(outcome = 'correct') > 0 AND sum(outcome = 'incorrect') > 0"
          : "count(*) > 1 AND sum(outcome = 'incorrect') = count(*)";
      const series = query.condition === undefined ? '' : ' AND condition = ?';
      clauses.push(
        `item_id IN (SELECT item_id FROM temp.view_results WHERE run_id IN (${runs.map(() => '?').join(', ')})${series} GROUP BY item_id HAVING ${having})`,
      );
      parameters.push(...runs);
      if (query.condition !== undefined) parameters.push(query.condition);
    }
    return { sql: clauses.join(' AND '), parameters };
  }

  private order(query: ResultViewQuery): { expression: string; direction: 'ASC' | 'DESC'; by: string } {
    const expression = SORT_SQL[query.sort ?? 'series'];
    const direction = query.descending ? 'DESC' : 'ASC';
    const keys = ['model', 'condition', 'item_id'].map((key) => `${key} ${direction}`).join(', ');
    return { expression, direction, by: expression === 'model' ? keys : `${expression} ${direction}, ${keys}` };
  }

  /** One page of a run's results matching `query`, in its order, and how many match in all. */
  page(query: ResultViewQuery, limit: number, offset: number): { rows: ResultViewRow[]; total: number } {
    const runs = [query.runId, ...(query.againstRuns ?? [])];
    const { sql, parameters } = this.where(query);
    const { by } = this.order(query);
    const total = this.memo(
      runs,
      `count ${sql} ${JSON.stringify(parameters)}`,
      () => this.prepared<{ n: number }>(`SELECT count(*) AS n FROM temp.view_results WHERE ${sql}`).get(...parameters)?.n ?? 0,
    );
    const rows = this.prepared<ResultViewRow>(`SELECT ${COLUMNS} FROM temp.view_results WHERE ${sql} ORDER BY ${by} LIMIT ? OFFSET ?`).all(
      ...parameters,
      limit,
      offset,
    );
    return { rows, total };
  }

  /** Every result matching `query`, in its order, a row at a time (for an export). */
  *iterate(query: ResultViewQuery): Generator<ResultViewRow> {
    this.sync(query.runId);
    for (const run of query.againstRuns ?? []) this.sync(run);
    const { sql, parameters } = this.where(query);
    const { by } = this.order(query);
    yield* this.prepared<ResultViewRow>(`SELECT ${COLUMNS} FROM temp.view_results WHERE ${sql} ORDER BY ${by}`).iterate(...parameters);
  }

  /** The results just before and just after one result in `query`'s order (keyset: two indexed look-ups, no count). */
  neighbours(query: ResultViewQuery, key: Omit<ResultViewKey, 'runId'>): { previous?: ResultViewRow; next?: ResultViewRow } {
    this.sync(query.runId);
    const { sql, parameters } = this.where(query);
    const { expression, direction } = this.order(query);
    const current = this.prepared<{ value: unknown }>(
      `SELECT ${expression} AS value FROM temp.view_results WHERE run_id = ? AND model = ? AND condition = ? AND item_id = ?`,
    ).get(query.runId, key.model, key.condition, key.itemId);
    if (!current) return {};
    const tuple = `(${expression}, model, condition, item_id)`;
    const values = [current.value, key.model, key.condition, key.itemId];
    const step = (after: boolean) => {
      const forward = after === (direction === 'ASC');
      const order = forward ? 'ASC' : 'DESC';
      return this.prepared<ResultViewRow>(
        `SELECT ${COLUMNS} FROM temp.view_results WHERE ${sql} AND ${tuple} ${forward ? '>' : '<'} (?, ?, ?, ?) ORDER BY ${expression} ${order}, model ${order}, condition ${order}, item_id ${order} LIMIT 1`,
      ).get(...parameters, ...values);
    };
    return { previous: step(false), next: step(true) };
  }

  /** One result's stored JSON (a primary-key look-up in the results table). */
  resultJson(key: ResultViewKey): string | undefined {
    return this.statements.resultJson.get(key.runId, key.model, key.condition, key.itemId)?.row;
  }

  /** The distinct values of a column in a run (for the filter menus). */
  distinct(runId: string, column: 'model' | 'condition' | 'kind' | 'country' | 'category' | 'language'): string[] {
    return this.memo([runId], `distinct ${column}`, () =>
      this.prepared<{ value: string }>(`SELECT DISTINCT ${column} AS value FROM temp.view_results WHERE run_id = ? AND ${column} IS NOT NULL ORDER BY value`)
        .all(runId)
        .map((row) => row.value),
    );
  }

  /** Every result of an item in some runs (models, conditions side by side). */
  itemResults(runIds: readonly string[], itemId: string): ResultViewRow[] {
    for (const run of runIds) this.sync(run);
    return this.prepared<ResultViewRow>(
      `SELECT ${COLUMNS} FROM temp.view_results WHERE item_id = ? AND run_id IN (${runIds.map(() => '?').join(', ')}) ORDER BY model, condition`,
    )
      .all(itemId, ...runIds)
      .sort((a, b) => runIds.indexOf(a.runId) - runIds.indexOf(b.runId));
  }

  /** Mean and lowest score per country or category and kind of a run's scored results, lowest mean first. */
  groupScores(runId: string, by: 'country' | 'category', model?: string): ResultGroupScore[] {
    return this.memo([runId], `groups ${by} ${model ?? ''}`, () =>
      this.prepared<ResultGroupScore>(
        `SELECT ${by} AS "group", kind, count(*) AS n, avg(score) AS mean, min(score) AS min FROM temp.view_results
         WHERE run_id = ? AND status = 'scored' AND score IS NOT NULL AND ${by} IS NOT NULL${model === undefined ? '' : ' AND model = ?'}
         GROUP BY ${by}, kind ORDER BY kind, mean, "group"`,
      ).all(...(model === undefined ? [runId] : [runId, model])),
    );
  }

  /** How many of a run's results ended in each status. */
  statusCounts(runId: string): Record<string, number> {
    return this.memo([runId], 'outcomes', () => {
      const counts: Record<string, number> = {};
      for (const row of this.prepared<{ outcome: string; n: number }>(
        'SELECT outcome, count(*) AS n FROM temp.view_results WHERE run_id = ? GROUP BY outcome',
      ).all(runId))
        counts[row.outcome] = row.n;
      return counts;
    });
  }
}
