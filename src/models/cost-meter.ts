import { callCost, type ModelPrice } from '../schema/price.js';
import type { LanguageModel } from './language-model.js';

/**
 * Counts what this invocation's model calls cost (cache hits cost nothing: they never reach a backend) and calls
 * `onExceeded` once, when the spending reaches `limit`: `--max-cost` uses it to stop starting new items.
 *
 * @example
 * const meter = new CostMeter(5, () => controller.abort());
 * const model = meteredModel(backend, { input: 0.15, output: 0.6 }, meter);
 */
export class CostMeter {
  spent = 0;
  exceeded = false;
  constructor(
    readonly limit: number,
    private readonly onExceeded: () => void,
  ) {}

  charge(cost: number): void {
    this.spent += cost;
    if (!this.exceeded && this.spent >= this.limit) {
      this.exceeded = true;
      this.onExceeded();
    }
  }
}

/** The model with each call's tokens charged to `meter` at `price`. */
export function meteredModel(model: LanguageModel, price: ModelPrice, meter: CostMeter): LanguageModel {
  return new Proxy(model, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'generate' && property !== 'scoreContinuations') return typeof value === 'function' ? value.bind(target) : value;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = (await value.apply(target, args)) as { usage: { inputTokens: number; outputTokens: number } };
        meter.charge(callCost(price, result.usage.inputTokens, result.usage.outputTokens));
        return result;
      };
    },
  });
}
