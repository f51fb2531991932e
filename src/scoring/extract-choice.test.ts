import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractChoice, prepareReply } from './extract-choice.js';
import { PROMPT_WORDS } from './answer-words.js';
import { renderMcqPrompt } from './mcq-prompt.js';

// "Which city was the capital of Japan until 1869?" — the right answer is C in every language.
const CHOICES: Record<string, string[]> = {
  en: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  zh: ['东京', '大阪', '京都', '奈良'],
  ja: ['東京', '大阪', '京都', '奈良'],
  ko: ['도쿄', '오사카', '교토', '나라'],
  ar: ['طوكيو', 'أوساكا', 'كيوتو', 'نارا'],
  th: ['โตเกียว', 'โอซากา', 'เกียวโต', 'นารา'],
  hi: ['टोक्यो', 'ओसाका', 'क्योटो', 'नारा'],
  es: ['Tokio', 'Osaka', 'Kioto', 'Nara'],
  fr: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  de: ['Tokio', 'Osaka', 'Kyoto', 'Nara'],
  pt: ['Tóquio', 'Osaka', 'Quioto', 'Nara'],
  ru: ['Токио', 'Осака', 'Киото', 'Нара'],
  vi: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  id: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  tr: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  fa: ['توکیو', 'اوساکا', 'کیوتو', 'نارا'],
  sw: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  it: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
  el: ['Τόκιο', 'Οσάκα', 'Κιότο', 'Νάρα'],
  az: ['Tokio', 'Osaka', 'Kioto', 'Nara'],
  ha: ['Tokyo', 'Osaka', 'Kyoto', 'Nara'],
};

/** [reply, expected letter (optionally `letter:rule`) or 'invalid', language] */
type Row = [string, string, string];

const ROWS: Row[] = [
  // English: markers, last one wins
  ['Answer: B', 'B:marker', 'en'],
  ['The answer is (C).', 'C:marker', 'en'],
  ['The correct answer is **D**', 'D:marker', 'en'],
  ['**Answer:** B', 'B:marker', 'en'],
  ['Answer: **B) Osaka**', 'B:marker', 'en'],
  ['### Final Answer\nThe correct option is **C**.', 'C:marker', 'en'],
  ['Answer:\n\n**C. Kyoto**', 'C:marker', 'en'],
  ['Let me think step by step. Tokyo became the capital in 1868. Before that, the emperor lived in Kyoto. So the answer is C.', 'C:marker', 'en'],
  ['Answer: B\n\nWait, let me reconsider. Kyoto was the capital until 1869, so the answer is C.', 'C:marker', 'en'],
  ['The answer is C. Tokyo (A) only became the capital in 1868.', 'C:marker', 'en'],
  ['Options A and C are both incorrect; the answer is D.', 'D:marker', 'en'],
  ['In the U.S. the answer is C', 'C:marker', 'en'],
  ['Answer: A because Tokyo is the capital', 'A:marker', 'en'],
  ['The answer is (b)', 'B:marker', 'en'],
  ["I'd go with B.", 'B:marker', 'en'],
  ['I would choose option D.', 'D:marker', 'en'],
  ['I think it is D.', 'D:marker', 'en'],
  ["It's B.", 'B:marker', 'en'],
  ['A good choice would be B.', 'B:marker', 'en'],
  ['The answer is not A but C.', 'C:marker', 'en'],
  ['Not A, but C.', 'C:marker', 'en'],
  ['\\boxed{C}', 'C:boxed', 'en'],
  ['Kyoto was the seat of the emperor, so $\\boxed{\\text{C}}$.', 'C:boxed', 'en'],
  ['B is correct.', 'B:verdict', 'en'],
  ['A is wrong; C is the correct answer.', 'C:verdict', 'en'],
  ['<think>A? No, maybe B... actually C.</think>\nC', 'C:lone-letter', 'en'],
  // English: the whole reply
  ['C', 'C:lone-letter', 'en'],
  ['c', 'C:lone-letter', 'en'],
  ['(B)', 'B:lone-letter', 'en'],
  ['[B]', 'B:lone-letter', 'en'],
  ['"B"', 'B:lone-letter', 'en'],
  ['B)', 'B:lone-letter', 'en'],
  ['B.', 'B:lone-letter', 'en'],
  ['**B**', 'B:lone-letter', 'en'],
  ['*C*', 'C:lone-letter', 'en'],
  ['$A$', 'A:lone-letter', 'en'],
  ['$\\text{B}$', 'B:lone-letter', 'en'],
  ['Ｂ', 'B:lone-letter', 'en'],
  ['<b>C</b>', 'C:lone-letter', 'en'],
  ['Kyoto', 'C:choice-text', 'en'],
  ['**kyoto.**', 'C:choice-text', 'en'],
  ['Answer: Kyoto', 'C:marker-text', 'en'],
  ['The answer is Kyoto, not Tokyo.', 'C:marker-text', 'en'],
  ['A good choice would be Kyoto.', 'C:marker-text', 'en'],
  ['C. Kyoto', 'C:leading-letter', 'en'],
  ['C) Kyoto — it was the imperial capital from 794 to 1869.', 'C:leading-letter', 'en'],
  ['(d) Nara', 'D:leading-letter', 'en'],
  ['B because Osaka was a capital too.', 'B:leading-letter', 'en'],
  ['A. Tokyo\nB. Osaka\nC. Kyoto\nD. Nara\n\n**C**', 'C:final-line', 'en'],
  ['Option B', 'B:option-word', 'en'],
  ['Kyoto (C) was the capital, not Tokyo (A).', 'C:parenthesized', 'en'],
  ['Kyoto, **C**, was the imperial capital.', 'C:bold', 'en'],
  // English: traps
  ['A good choice would be to look at the history first.', 'invalid', 'en'],
  ['A Japanese city: Kyoto.', 'invalid', 'en'],
  ['A or B', 'invalid', 'en'],
  ['Either A or C could be right.', 'invalid', 'en'],
  ['The answer is A or B.', 'invalid', 'en'],
  ["It's either B or C.", 'invalid', 'en'],
  ['Both A and C are plausible.', 'invalid', 'en'],
  ['The answer is Tokyo or Kyoto.', 'invalid', 'en'],
  ['Tokyo (A) or Kyoto (C), depending on the period.', 'invalid', 'en'],
  ['Kyoto (C) was the capital; Tokyo (A) came later.', 'invalid', 'en'],
  ['A. Tokyo\nB. Osaka\nC. Kyoto\nD. Nara', 'invalid', 'en'],
  ['The answer is E.', 'invalid', 'en'],
  ['E', 'invalid', 'en'],
  ["I don't know.", 'invalid', 'en'],
  ["I'm sorry, but I can't help with that.", 'invalid', 'en'],
  ['None of the above.', 'invalid', 'en'],
  ['The answer is a bit tricky: it depends on the period.', 'invalid', 'en'],
  ['Plan B is always good to have.', 'invalid', 'en'],
  ['Vitamin C is important for health.', 'invalid', 'en'],
  ['The answer is not A.', 'invalid', 'en'],
  ['B. Tokyo', 'invalid', 'en'],
  ['', 'invalid', 'en'],
  ['<think>It could be A or C, let me check the dates of', 'invalid', 'en'],
  // Chinese
  ['答案：B', 'B:marker', 'zh'],
  ['答案是 C', 'C:marker', 'zh'],
  ['答案：Ｃ', 'C:marker', 'zh'],
  ['正确答案是C选项。', 'C:marker', 'zh'],
  ['因此，正确选项为（B）。', 'B:marker', 'zh'],
  ['答案应该是 **D**', 'D:marker', 'zh'],
  ['我选B。', 'B:marker', 'zh'],
  ['答案：B\n解释：……所以最终答案是C。', 'C:marker', 'zh'],
  ['不是A，而是C。', 'C:marker', 'zh'],
  ['B选项正确。', 'B:verdict', 'zh'],
  ['答案是京都。', 'C:marker-text', 'zh'],
  ['京都', 'C:choice-text', 'zh'],
  ['选项C', 'C:option-word', 'zh'],
  ['B选项', 'B:option-word', 'zh'],
  ['答案是A或B。', 'invalid', 'zh'],
  ['我不知道。', 'invalid', 'zh'],
  ['答案是甲醇。', 'invalid', 'zh'],
  // Japanese
  ['正解は B です。', 'B:marker', 'ja'],
  ['答え：C', 'C:marker', 'ja'],
  ['正解はイです。', 'B:marker', 'ja'],
  ['Cが正しいです。', 'C:verdict', 'ja'],
  ['京都', 'C:choice-text', 'ja'],
  ['わかりません。', 'invalid', 'ja'],
  // Korean
  ['정답: B', 'B:marker', 'ko'],
  ['정답은 B입니다.', 'B:marker', 'ko'],
  ['정답은 ③번입니다.', 'C:marker', 'ko'],
  ['정답은 (나)입니다.', 'B:marker', 'ko'],
  ['C가 정답입니다.', 'C:verdict', 'ko'],
  ['교토', 'C:choice-text', 'ko'],
  ['모르겠습니다.', 'invalid', 'ko'],
  // Arabic
  ['الإجابة: ب', 'B:marker', 'ar'],
  ['الإجابة الصحيحة هي (ج)', 'C:marker', 'ar'],
  ['الإجابة هي أ', 'A:marker', 'ar'],
  ['الإجابة: C', 'C:marker', 'ar'],
  ['كيوتو', 'C:choice-text', 'ar'],
  ['لا أعرف الإجابة.', 'invalid', 'ar'],
  // Thai
  ['คำตอบ: ข', 'B:marker', 'th'],
  ['คำตอบคือ ค', 'C:marker', 'th'],
  ['คำตอบที่ถูกต้องคือ ง', 'D:marker', 'th'],
  ['เกียวโต', 'C:choice-text', 'th'],
  ['ไม่ทราบครับ', 'invalid', 'th'],
  // Hindi
  ['उत्तर: B', 'B:marker', 'hi'],
  ['सही उत्तर (C) है।', 'C:marker', 'hi'],
  ['सही उत्तर: ख', 'B:marker', 'hi'],
  ['मुझे पता नहीं।', 'invalid', 'hi'],
  // Spanish
  ['Respuesta: C', 'C:marker', 'es'],
  ['La respuesta correcta es la B.', 'B:marker', 'es'],
  ['Creo que es la opción D.', 'D:marker', 'es'],
  ['Kioto', 'C:choice-text', 'es'],
  ['La respuesta es A o B.', 'invalid', 'es'],
  ['No lo sé.', 'invalid', 'es'],
  // French
  ['Réponse : D', 'D:marker', 'fr'],
  ['La bonne réponse est (A).', 'A:marker', 'fr'],
  ['Je choisis C.', 'C:marker', 'fr'],
  ['Je ne sais pas.', 'invalid', 'fr'],
  // German
  ['Antwort: A', 'A:marker', 'de'],
  ['Die richtige Antwort ist C, nicht B.', 'C:marker', 'de'],
  ['Nicht A, sondern C.', 'C:marker', 'de'],
  // Portuguese
  ['Resposta: B', 'B:marker', 'pt'],
  ['A alternativa correta é a C.', 'C:marker', 'pt'],
  ['A resposta é a letra B', 'B:marker', 'pt'],
  ['Não sei.', 'invalid', 'pt'],
  // Russian
  ['Ответ: В', 'B:marker', 'ru'],
  ['Правильный ответ: С', 'C:marker', 'ru'],
  ['В этом вопросе правильный ответ — A.', 'A:marker', 'ru'],
  ['Киото', 'C:choice-text', 'ru'],
  ['Не знаю.', 'invalid', 'ru'],
  // Vietnamese, Indonesian, Turkish, Persian, Swahili, Italian
  ['Đáp án: C', 'C:marker', 'vi'],
  ['Đáp án đúng là B.', 'B:marker', 'vi'],
  ['Jawaban: D', 'D:marker', 'id'],
  ['Jawabannya adalah B.', 'B:marker', 'id'],
  ['Doğru cevap: B', 'B:marker', 'tr'],
  ['Doğru cevap C şıkkıdır.', 'C:marker', 'tr'],
  ['پاسخ: ب', 'B:marker', 'fa'],
  ['گزینه صحیح: ج', 'C:marker', 'fa'],
  ['Jibu ni B.', 'B:marker', 'sw'],
  ['Risposta: A', 'A:marker', 'it'],
  ['Απάντηση: Β', 'B:marker', 'el'],
  ['Düzgün cavab: C', 'C:marker', 'az'],
  ['Amsa: D', 'D:marker', 'ha'],
];

describe('extractChoice', () => {
  it('has a table of at least 100 replies in at least 10 languages', () => {
    assert.ok(ROWS.length >= 100, `${ROWS.length} rows`);
    assert.ok(new Set(ROWS.map((row) => row[2])).size >= 10);
  });

  for (const [reply, expected, language] of ROWS) {
    it(`${language}: ${JSON.stringify(reply)} → ${expected}`, () => {
      const result = extractChoice(reply, CHOICES[language], { language });
      if (expected === 'invalid') {
        assert.equal(result.status, 'invalid', JSON.stringify(result));
        assert.ok(result.status === 'invalid' && result.reason.length > 0);
        return;
      }
      const [letter, rule] = expected.split(':');
      assert.deepEqual(result, { status: 'found', letter, rule: rule ?? (result.status === 'found' ? result.rule : undefined) });
    });
  }

  it('rejects letters beyond the number of choices', () => {
    assert.deepEqual(extractChoice('B', ['yes', 'no']), { status: 'found', letter: 'B', rule: 'lone-letter' });
    assert.equal(extractChoice('C', ['yes', 'no']).status, 'invalid');
    assert.equal(extractChoice('Answer: C', ['yes', 'no']).status, 'invalid');
    assert.match((extractChoice('Answer: E', CHOICES.en) as { reason: string }).reason, /not one of the options A–D/);
  });

  it('reads letters beyond D when there are more choices', () => {
    const six = ['one', 'two', 'three', 'four', 'five', 'six'];
    assert.deepEqual(extractChoice('The answer is F.', six), { status: 'found', letter: 'F', rule: 'marker' });
  });

  it('accepts any letter when the choices are unknown', () => {
    assert.deepEqual(extractChoice('Answer: G', []), { status: 'found', letter: 'G', rule: 'marker' });
  });

  it('prefers an exact option text that starts with a letter-like word', () => {
    const choices = ['I only', 'II only', 'I and II', 'Neither'];
    assert.deepEqual(extractChoice('Answer: I and II', choices), { status: 'found', letter: 'C', rule: 'marker-text' });
  });

  it('does not read a choice text that two options share after normalisation', () => {
    assert.equal(extractChoice('kyoto', ['Kyoto', 'KYOTO!', 'Nara']).status, 'invalid');
  });

  it('reads nothing from the instruction of any language', () => {
    for (const language of Object.keys(PROMPT_WORDS)) {
      const prompt = renderMcqPrompt('Which city was the capital of Japan until 1869?', CHOICES[language] ?? CHOICES.en, language);
      const instruction = prompt.slice(prompt.lastIndexOf('\n') + 1);
      assert.equal(extractChoice(instruction, CHOICES[language] ?? CHOICES.en, { language }).status, 'invalid', `${language}: ${instruction}`);
    }
  });

  it('uses the language to tell one-letter words from letters', () => {
    // "E" is "and" in Portuguese and Italian, but an option letter in German.
    const five = ['one', 'two', 'three', 'four', 'five'];
    assert.equal(extractChoice('Resposta: E então…', five, { language: 'pt' }).status, 'invalid');
    assert.deepEqual(extractChoice('Antwort: E dann…', five, { language: 'de' }), { status: 'found', letter: 'E', rule: 'marker' });
  });
});

describe('prepareReply', () => {
  it('drops reasoning, maps full-width and circled forms, unwraps LaTeX text', () => {
    assert.equal(prepareReply('<think>A? B?</think>答案：Ｂ'), '答案:B');
    assert.equal(prepareReply('정답: ②'), '정답: B');
    assert.equal(prepareReply('$\\textbf{C}$'), '$C$');
    assert.equal(prepareReply('<think>unfinished'), '');
  });

  it('says when a reply ended inside its reasoning', () => {
    assert.deepEqual(extractChoice('<think>Tokyo or Kyoto? The dates', ['Tokyo', 'Kyoto']), {
      status: 'invalid',
      reason: 'the reply ended inside its <think> reasoning',
    });
    assert.deepEqual(extractChoice('  ', ['Tokyo', 'Kyoto']), { status: 'invalid', reason: 'empty reply' });
  });
});
