/** The key of a result in a run: what a resume uses to know what is done. */
export function resultKey(model: string, condition: string, itemId: string): string {
  return `${model}\u0000${condition}\u0000${itemId}`;
}
