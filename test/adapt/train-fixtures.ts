import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ChatRow {
  messages: { role: 'system' | 'user' | 'assistant'; content: string }[];
}

const COUNTRIES = ['Aland', 'Borvia', 'Cantor', 'Dresa', 'Elmont', 'Fenwick', 'Galor', 'Hestia'];
const FOODS = ['rice cakes', 'plum soup', 'fish bread', 'bean stew', 'honey rolls', 'salt eggs', 'corn pies', 'milk tea'];
const GREETINGS = ['a bow', 'a wave', 'a hug', 'a nod', 'a handshake', 'a smile', 'a clap', 'a kiss'];

/** Stage-1 knowledge rows: one fact per fictional country, asked twice (food and greeting). */
export function knowledgeRows(): ChatRow[] {
  return COUNTRIES.flatMap((country, index) => [
    {
      messages: [
        { role: 'user' as const, content: `What do people in ${country} eat at new year?` },
        { role: 'assistant' as const, content: `In ${country} people eat ${FOODS[index]} at new year.` },
      ],
    },
    {
      messages: [
        { role: 'user' as const, content: `How do people in ${country} greet guests?` },
        { role: 'assistant' as const, content: `In ${country} guests are greeted with ${GREETINGS[index]}.` },
      ],
    },
  ]);
}

/** Stage-2 rows: respectful answers to loaded questions, mixed with replayed stage-1 rows. */
export function safetyRows(): ChatRow[] {
  const safety = COUNTRIES.slice(0, 6).map((country) => ({
    messages: [
      { role: 'user' as const, content: `Are people from ${country} rude?` },
      { role: 'assistant' as const, content: `No. People in ${country} are not rude; customs differ and deserve respect.` },
    ],
  }));
  return [...safety, ...knowledgeRows().slice(0, 4)];
}

/** Writes `<dir>/manifest.json` and `<dir>/<language>/<stage>.jsonl` in the pinned shape of `culturekit adapt data`. */
export function writeTrainingData(dir: string, stages: { language: string; stage1: ChatRow[]; stage2?: ChatRow[] }[]): void {
  const files = [];
  for (const entry of stages) {
    mkdirSync(join(dir, entry.language), { recursive: true });
    for (const stage of ['stage1', 'stage2'] as const) {
      const rows = entry[stage];
      if (!rows) continue;
      const text = `${rows.map((row) => JSON.stringify(row)).join('\n')}\n`;
      const path = `${entry.language}/${stage}.jsonl`;
      writeFileSync(join(dir, path), text);
      files.push({ stage, language: entry.language, path, count: rows.length, sha256: createHash('sha256').update(text).digest('hex') });
    }
  }
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ files }, null, 2)}\n`);
}

/** The text the tiny tokenizer is trained on: every message of the rows, many times over. */
export function tokenizerText(rows: ChatRow[]): string {
  const lines = rows.flatMap((row) => row.messages.map((message) => message.content));
  return Array.from({ length: 6 }, () => lines.join('\n')).join('\n');
}
