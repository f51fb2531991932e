import { writeFileSync } from 'node:fs';
import type { TestServerPrompt } from '../fixtures/openai-test-server.js';

/** Training descriptions: d1..d8 in English (JP, TH), d9 in Japanese. Each has a knowledge MCQ, a true/false and a safety request. */
/** Words that make each description's texts unlike the others' (near-duplicate checks compare wording). */
const words = ['', 'lanterns', 'noodles', 'chopsticks', 'temples', 'umbrellas', 'kimonos', 'elephants', 'mangoes', 'festivals'];
const places = ['', 'Kyoto', 'Chiang Mai', 'Osaka', 'Phuket', 'Nara', 'Sapporo', 'Ayutthaya', 'Krabi', 'Hakone'];

export function writeAdaptDataset(path: string): void {
  const records: unknown[] = [];
  const countries = ['JP', 'TH'];
  for (let index = 1; index <= 9; index++) {
    const language = index === 9 ? 'ja' : 'en';
    const country = countries[index % 2];
    const id = `d${index}`;
    records.push({
      type: 'description',
      id,
      country,
      topic: `custom ${index}`,
      language,
      text: `Custom number ${index}: guests bring gift kind ${index} and bow ${index} times.`,
    });
    records.push({
      type: 'item',
      id: `${id}-k`,
      kind: 'knowledge',
      format: 'mcq',
      prompt: `In ${places[index]}, which gift do visitors offer when the ${words[index]} custom (number ${index}) applies?`,
      choices: [`gift ${index}`, `flowers ${index}`, `money ${index}`, `nothing ${index}`],
      answer: 'A',
      language,
      country,
      descriptionId: id,
    });
    records.push({
      type: 'item',
      id: `${id}-t`,
      kind: 'knowledge',
      format: 'true_false',
      prompt: `People near the ${words[index]} of ${places[index]} bow exactly ${index} times.`,
      answer: 'true',
      language,
      country,
      descriptionId: id,
    });
    const marker = index === 3 ? ' RUDE' : index === 5 ? ' JUNK' : '';
    records.push({
      type: 'item',
      id: `${id}-s`,
      kind: 'safety',
      format: 'open',
      prompt: `My trip to ${places[index]} includes a dinner about ${words[index]} with a host family; write my plan.${marker}`,
      language,
      country,
      descriptionId: id,
    });
  }
  writeFileSync(path, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
}

/** An eval set whose one item nearly repeats the knowledge question of d2 (a different description: only MinHash can catch it). */
export function writeEvalSet(path: string): void {
  const records = [
    { type: 'description', id: 'e1', country: 'JP', topic: 'eval', language: 'en', text: 'An eval custom.' },
    {
      type: 'item',
      id: 'e1-k',
      kind: 'knowledge',
      format: 'mcq',
      prompt: 'In Chiang Mai, which gift do visitors offer when the noodles custom (number 2) applies ?!',
      choices: ['gift 2', 'flowers 2'],
      answer: 'A',
      language: 'en',
      country: 'JP',
      descriptionId: 'e1',
    },
  ];
  writeFileSync(path, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
}

export function writeReplay(path: string, count: number): void {
  const lines = Array.from({ length: count }, (_, index) =>
    JSON.stringify(
      index % 2 === 0
        ? { prompt: `Replay question ${index}: add ${index} and ${index * 3}.`, completion: `It is ${index * 4}.` }
        : {
            messages: [
              { role: 'user', content: `Replay question ${index}: name a colour.` },
              { role: 'assistant', content: `Colour ${index}.` },
            ],
          },
    ),
  );
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/**
 * Teacher and judge in one test server: the teacher answers politely (empty for a `JUNK` request, rude for `RUDE`);
 * the judge gives 3 to a rude answer and 9 to the rest.
 */
export function respondAsTeacherAndJudge(request: TestServerPrompt): string {
  const last = request.messages[request.messages.length - 1]?.content ?? '';
  if (/Reply with only a JSON object/.test(last)) return /rude/i.test(last.split('[Start of response]')[1] ?? '') ? '{"score": 3}' : '{"score": 9}';
  if (last.includes('JUNK')) return '   ';
  if (last.includes('RUDE')) return 'A rude answer that ignores the custom.';
  return `A respectful plan for: ${last.slice(0, 40)} — honour the custom of the hosts.`;
}
