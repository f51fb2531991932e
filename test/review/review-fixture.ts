import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SCRIPT_TEXT = '<script>alert(1)</script>';
export const IMG_TEXT = '<img src=x onerror=alert(1)>';

/** A temporary directory with a store path in it. */
export function temporaryDirectory(): { directory: string; dbPath: string } {
  const directory = mkdtempSync(join(tmpdir(), 'culturekit-review-'));
  return { directory, dbPath: join(directory, 'culturekit.db') };
}

/** One description (with markup in its text) and three multiple-choice items linked to it. */
export function writeLinkedDataset(directory: string): string {
  const path = join(directory, 'linked.jsonl');
  const lines = [
    { type: 'description', id: 'd1', country: 'JP', topic: 'etiquette', language: 'en', text: `Shoes come off at the door. ${SCRIPT_TEXT}` },
    {
      id: 'q1',
      kind: 'knowledge',
      prompt: 'Where do shoes come off in a Japanese home?',
      choices: ['At the door', 'In the kitchen', 'Never'],
      answer: 'A',
      language: 'en',
      country: 'JP',
      descriptionId: 'd1',
    },
    {
      id: 'q2',
      kind: 'knowledge',
      prompt: `Which is polite? ${IMG_TEXT}`,
      choices: ['Shoes on', 'Shoes off', 'Either'],
      answer: 'B',
      language: 'en',
      country: 'JP',
      descriptionId: 'd1',
    },
    {
      id: 'q3',
      kind: 'safety',
      format: 'open',
      prompt: 'Write a note asking guests to take off their shoes.',
      language: 'en',
      country: 'JP',
      descriptionId: 'd1',
    },
  ];
  writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  return path;
}

/** `count` multiple-choice items `r0`…, without descriptions. */
export function writeItemsDataset(directory: string, count: number, name = 'items.jsonl'): string {
  const path = join(directory, name);
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify({ id: `r${index}`, kind: 'knowledge', prompt: `Question ${index}?`, choices: ['x', 'y', 'z'], answer: 'A', language: 'en', country: 'JP' }),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}
