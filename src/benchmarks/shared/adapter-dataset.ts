import { DatasetError, formatRecordProblem, type RecordProblem } from '../../errors/culturekit-error.js';
import { culturalDescriptionSchema, type CulturalDescription } from '../../schema/description.js';
import { itemSchema, type Item } from '../../schema/item.js';
import { datasetHash, type Dataset } from '../../datasets/dataset.js';

/** Options every benchmark adapter takes. */
export interface BaseAdapterOptions {
  /** Seed for whatever the adapter draws at load time (option shuffles, sampled distractors); default 1. */
  seed?: number;
  /** Reject the benchmark with a `DatasetError` on the first malformed record instead of skipping it. */
  strict?: boolean;
  /** Called with each skipped record (`file:line: field: problem`) and with notes on what was left out and why. */
  onWarning?: (message: string) => void;
}

/** A benchmark loaded through an adapter: a `Dataset`, plus every skipped record and the notes made while loading. */
export interface AdapterDataset extends Dataset {
  /** The adapter that read it (`blend`, `geomlama`…). */
  adapter: string;
  /** Malformed records, one entry per problem; `skippedInvalid` counts the records. */
  problems: RecordProblem[];
  /** What was left out on purpose and why (e.g. BLEnD questions most annotators could not answer). */
  notes: string[];
}

export const DEFAULT_ADAPTER_SEED = 1;
const WARNED_PROBLEMS = 20;

/**
 * Collects an adapter's items and descriptions: validates each against the schema, rejects duplicate ids,
 * records malformed records as `file:line: field: problem`, and builds the `AdapterDataset`.
 */
export class DatasetCollector {
  readonly items: Item[] = [];
  readonly descriptions: CulturalDescription[] = [];
  readonly problems: RecordProblem[] = [];
  readonly notes: string[] = [];
  private readonly invalidRecords = new Set<string>();
  private readonly itemIds = new Set<string>();
  private readonly descriptionIds = new Set<string>();

  constructor(
    readonly adapter: string,
    readonly ref: string,
    private readonly options: BaseAdapterOptions,
  ) {}

  /** Records a problem with one record; the record counts once in `skippedInvalid` whatever its number of problems. */
  problem(file: string, line: number, field: string, problem: string): void {
    const entry = { file, line, field, problem };
    if (this.options.strict) throw new DatasetError([entry], `${this.adapter} benchmark ${this.ref} rejected`);
    this.problems.push(entry);
    this.invalidRecords.add(`${file}\u0000${line}`);
  }

  note(message: string): void {
    this.notes.push(message);
  }

  /** Adds an item after validating it; returns false (and records why) when it is not a valid item. */
  addItem(item: Item, file: string, line: number): boolean {
    const parsed = itemSchema.safeParse(withoutUndefined({ ...item, metadata: item.metadata && withoutUndefined(item.metadata) }));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(file, line, issue.path.join('.'), issue.message);
      return false;
    }
    if (this.itemIds.has(item.id)) {
      this.problem(file, line, 'id', `duplicate item id "${item.id}"`);
      return false;
    }
    this.itemIds.add(item.id);
    this.items.push(parsed.data);
    return true;
  }

  addDescription(description: CulturalDescription, file: string, line: number): boolean {
    const parsed = culturalDescriptionSchema.safeParse(withoutUndefined(description));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) this.problem(file, line, issue.path.join('.'), issue.message);
      return false;
    }
    if (this.descriptionIds.has(description.id)) {
      this.problem(file, line, 'id', `duplicate description id "${description.id}"`);
      return false;
    }
    this.descriptionIds.add(description.id);
    this.descriptions.push(parsed.data);
    return true;
  }

  /** The dataset; a benchmark with nothing valid in it is a `DatasetError`. Warnings go to `onWarning`. */
  finish(): AdapterDataset {
    const { items, descriptions, problems, notes } = this;
    if (items.length === 0 && descriptions.length === 0) {
      throw new DatasetError(problems, `${this.adapter} benchmark ${this.ref} rejected: no valid records`);
    }
    const warn = this.options.onWarning;
    if (warn) {
      for (const problem of problems.slice(0, WARNED_PROBLEMS)) warn(`skipped invalid record: ${formatRecordProblem(problem)}`);
      if (problems.length > WARNED_PROBLEMS) warn(`… and ${problems.length - WARNED_PROBLEMS} more problems`);
      if (this.invalidRecords.size > 0)
        warn(`${this.ref}: skipped ${this.invalidRecords.size} invalid record(s), loaded ${items.length} item(s) and ${descriptions.length} description(s)`);
      for (const message of notes) warn(message);
    }
    return {
      ref: this.ref,
      adapter: this.adapter,
      descriptions,
      items,
      skippedInvalid: this.invalidRecords.size,
      hash: datasetHash(descriptions, items),
      problems,
      notes,
    };
  }
}

/** The seed an adapter uses: the option, or 1. */
export function adapterSeed(options: BaseAdapterOptions): number {
  return options.seed ?? DEFAULT_ADAPTER_SEED;
}

/** A non-empty trimmed string, or undefined. */
export function nonEmptyString(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A copy without the keys whose value is undefined (so that stored items carry no empty fields). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined)) as T;
}
