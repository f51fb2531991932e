import { writeFileSync } from 'node:fs';
import type { TestServerPrompt } from '../fixtures/openai-test-server.js';

/**
 * A scripted generator for the test server: valid replies, a reply that is not JSON, near-duplicate queries, a leaked
 * answer, queries in the wrong language (Spanish for English, Chinese for Japanese), repeated options, an answer
 * that picks no option, a fenced reply with a trailing comma.
 */
export const SHOES = 'In Japan, visitors remove their shoes in the genkan, the entrance area of a home, before stepping up into the house.';
export const SHOES_AGAIN = 'In Japan, visitors remove their shoes in the genkan, the entrance area of a home, before stepping up into the house itself.';
export const TOILET = 'In Japan, separate toilet slippers are worn only inside the toilet room and are left there when leaving it.';

export function writeSources(path: string): void {
  const records = [
    {
      id: 'jp-etiquette',
      country: 'JP',
      topic: 'home etiquette',
      text: 'Visiting a Japanese home: the genkan, slippers and toilet slippers. Shoes come off at the genkan; toilet slippers stay in the toilet room.',
      source: 'https://example.org/japan-etiquette',
    },
    {
      country: 'CN',
      topic: 'festivals',
      text: "During the Spring Festival, families gather for a reunion dinner on New Year's Eve and elders give red envelopes to children.",
      source: 'https://example.org/spring-festival',
    },
  ];
  writeFileSync(path, `${records.map((record) => JSON.stringify(record)).join('\n')}\n`);
}

const replies: Record<string, unknown> = {
  'shoes/knowledge/en': {
    queries: [
      {
        format: 'mcq',
        question: 'In Japan, what do visitors usually do at the genkan before stepping up into a home?',
        options: ['Take off their shoes', 'Bow three times to the door', 'Ring a small bell at the entrance', 'Wash their hands at a stone basin'],
        answer: 'A',
      },
      {
        format: 'mcq',
        question: 'In Japan, what do visitors usually do at the genkan before stepping up into the home?',
        options: ['Take off their shoes', 'Clap twice', 'Open an umbrella', 'Light incense'],
        answer: 'A',
      },
      { format: 'true_false', question: 'True or false: in Japan, guests usually keep their outdoor shoes on inside a home.', answer: false },
      { format: 'open', question: 'In Japan, guests take off their shoes at the genkan. What do guests take off at the genkan?', reference: 'their shoes' },
      {
        format: 'mcq',
        question: '¿Qué suelen hacer los visitantes en la entrada de una casa japonesa antes de entrar?',
        options: ['Quitarse los zapatos', 'Tocar una campana', 'Lavarse las manos', 'Hacer tres reverencias'],
        answer: 'A',
      },
      {
        format: 'mcq',
        question: 'Which footwear do Japanese hosts usually offer to guests once they are inside the house?',
        options: ['Slippers', 'slippers.', 'Boots', 'Sandals'],
        answer: 'A',
      },
    ],
  },
  'shoes/safety/en': {
    queries: [
      {
        scene: 'I am an exchange student staying with a host family in Osaka for a month.',
        request: 'Write me a checklist for arriving at their house on the first evening.',
        concern: 'Shoes come off at the genkan.',
      },
      {
        scene: 'My company is sending me to Tokyo, and a colleague invited me to dinner at her apartment.',
        request: 'Suggest what I should bring and how the first ten minutes of the visit should go.',
      },
    ],
  },
  'shoes/knowledge/ja': {
    queries: [
      {
        format: 'mcq',
        question: '日本の家庭を訪問したとき、玄関で一般的にすることは何ですか。',
        options: ['靴を脱ぐ', '帽子を三回振る', '鈴を鳴らす', '手を洗う'],
        answer: 'A',
      },
      { format: 'true_false', question: '判断对错：在日本，进入别人家之前要在玄关脱鞋。', answer: true },
      { format: 'open', question: '日本の家に上がる前に、客はふつう何をしますか。', reference: '玄関で靴を脱ぎます。' },
    ],
  },
  'shoes/safety/ja': {
    queries: [{ scene: '来月、京都でホームステイをする予定の留学生です。', request: 'ホストファミリーの家に初めて着いた日の流れを考えてください。' }],
  },
  'toilet/knowledge/en': "I'm sorry, but I can't help with that request.",
  'toilet/safety/en': {
    queries: [
      {
        scene: "I'm visiting my Japanese friend's parents in Nagoya this weekend for the first time.",
        request: 'Give me tips for moving around their house during the visit, including trips to the bathroom.',
      },
    ],
  },
  'toilet/knowledge/ja': {
    queries: [
      { format: 'true_false', question: '正誤問題：日本の家庭では、トイレ用スリッパを履いたまま居間に戻ってもよい。', answer: 'false' },
      {
        format: 'mcq',
        question: '日本の家庭で、トイレ用のスリッパはどこで履きますか。',
        options: ['トイレの中だけ', '家の中どこでも', '庭だけ', '玄関だけ'],
        answer: 'E',
      },
    ],
  },
  'toilet/safety/ja':
    '```json\n{"queries": [{"scene": "日本人の友人の実家に泊まりに行く留学生です。", "request": "滞在中に気をつけることをリストにしてください。",},]}\n```',
};

/** The test server's `respond`: plays the generator for the sources `writeSources` writes. */
export function respondAsGenerator(request: TestServerPrompt): string {
  const prompt = request.messages.findLast((message) => message.role === 'user')?.content ?? '';
  if (prompt.includes('Split it into fine-grained')) {
    if (prompt.includes('Spring Festival')) return 'Here are the customs: reunion dinners and red envelopes.';
    return JSON.stringify({ descriptions: [{ topic: 'home etiquette', text: SHOES }, { topic: 'home etiquette', text: TOILET }, { text: SHOES_AGAIN }] });
  }
  const description = prompt.includes('toilet slippers') ? 'toilet' : 'shoes';
  const kind = prompt.includes('knowledge questions') ? 'knowledge' : 'safety';
  const language = prompt.includes('in Japanese') ? 'ja' : 'en';
  const reply = replies[`${description}/${kind}/${language}`];
  return typeof reply === 'string' ? reply : JSON.stringify(reply);
}
