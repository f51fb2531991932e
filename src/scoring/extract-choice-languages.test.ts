import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractChoice } from './extract-choice.js';

// A second question, separate from extract-choice.test.ts: "Which holiday is the Vietnamese lunar new year?"
// The right answer is C in every language. Replies are written the way speakers of each language (and models
// answering in it) phrase them: native answer statements, hedged commitments, self-corrections, refusals.
const OPTIONS: Record<string, string[]> = {
  en: ['Nowruz', 'Diwali', 'Tết', 'Hanukkah'],
  zh: ['诺鲁孜节', '排灯节', '越南春节', '光明节'],
  ja: ['ノウルーズ', 'ディーワーリー', 'テト', 'ハヌカ'],
  ko: ['노루즈', '디왈리', '뗏', '하누카'],
  ar: ['النوروز', 'ديوالي', 'تيت', 'الحانوكا'],
  fa: ['نوروز', 'دیوالی', 'تت', 'حانوکا'],
  hi: ['नौरोज़', 'दिवाली', 'तेत', 'हनुक्का'],
  th: ['นาวรูซ', 'ดิวาลี', 'เต๊ด', 'ฮานุกกะห์'],
  vi: ['Nowruz', 'Diwali', 'Tết Nguyên Đán', 'Hanukkah'],
  id: ['Nowruz', 'Diwali', 'Tết', 'Hanukkah'],
  sw: ['Nowruz', 'Diwali', 'Tết', 'Hanukkah'],
  tr: ['Nevruz', 'Divali', 'Tết', 'Hanuka'],
  el: ['Νοουρούζ', 'Ντιβάλι', 'Τετ', 'Χανουκά'],
  ru: ['Навруз', 'Дивали', 'Тет', 'Ханука'],
  es: ['Nouruz', 'Diwali', 'Tết', 'Janucá'],
  fr: ['Norouz', 'Diwali', 'Têt', 'Hanoukka'],
  de: ['Nouruz', 'Diwali', 'Tết', 'Chanukka'],
  pt: ['Nowruz', 'Diwali', 'Tết', 'Hanucá'],
  it: ['Nowruz', 'Diwali', 'Tết', 'Hanukkah'],
  bn: ['নওরোজ', 'দীপাবলি', 'তেত', 'হানুকা'],
};

/** [reply, expected letter or 'invalid', language] */
type Row = [string, string, string];

const ROWS: Row[] = [
  // English: self-correction, hedged commitment, "Definitely A."
  ['A... wait, actually it is C.', 'C', 'en'],
  ['The answer is A. Hmm, no — on reflection the answer is C.', 'C', 'en'],
  ['Definitely C.', 'C', 'en'],
  ['Probably C.', 'C', 'en'],
  ['I would go with C.', 'C', 'en'],
  ["I'm going with C.", 'C', 'en'],
  ['My answer: C', 'C', 'en'],
  ['Final answer - C', 'C', 'en'],
  ['C, since Tết is the Vietnamese lunar new year.', 'C', 'en'],
  ["I'm not sure whether it is A or C.", 'invalid', 'en'],
  ['It could be A or C.', 'invalid', 'en'],
  ['None of the options is correct.', 'invalid', 'en'],
  ['I cannot answer this question.', 'invalid', 'en'],
  ['A. Nowruz\nB. Diwali\nC. Tết\nD. Hanukkah', 'invalid', 'en'],
  // Chinese
  ['答案是A……不对，应该是C。', 'C', 'zh'],
  ['越南的农历新年叫做“Tết”，所以选C。', 'C', 'zh'],
  ['我会选C。', 'C', 'zh'],
  ['我选择C。', 'C', 'zh'],
  ['正确答案：C', 'C', 'zh'],
  ['应该是C吧。', 'C', 'zh'],
  ['可能是A，也可能是C，我不确定。', 'invalid', 'zh'],
  ['以上选项都不对。', 'invalid', 'zh'],
  // Japanese
  ['答えはCです。', 'C', 'ja'],
  ['Cを選びます。', 'C', 'ja'],
  ['正解はAだと思いましたが、やはりCです。', 'C', 'ja'],
  ['ベトナムの旧正月はテトなので、Cが正しいです。', 'C', 'ja'],
  ['AかCか、わかりません。', 'invalid', 'ja'],
  // Korean
  ['정답은 C입니다.', 'C', 'ko'],
  ['C를 고르겠습니다.', 'C', 'ko'],
  ['베트남의 설날은 뗏이므로 답은 C입니다.', 'C', 'ko'],
  ['A인 것 같지만, 다시 생각해 보니 C가 맞습니다.', 'C', 'ko'],
  ['잘 모르겠습니다.', 'invalid', 'ko'],
  // Arabic
  ['الإجابة الصحيحة هي C.', 'C', 'ar'],
  ['أختار C.', 'C', 'ar'],
  ['سأختار الخيار C.', 'C', 'ar'],
  ['رأس السنة القمرية الفيتنامية هو تيت، لذلك الجواب: C', 'C', 'ar'],
  ['الإجابة A، لا، في الحقيقة الإجابة هي C.', 'C', 'ar'],
  ['لا أعرف الإجابة.', 'invalid', 'ar'],
  // Persian (with ZWNJ in the words)
  ['پاسخ صحیح گزینه C است.', 'C', 'fa'],
  ['بنابراین گزینه C درست است.', 'C', 'fa'],
  ['من گزینه C را انتخاب می‌کنم.', 'C', 'fa'],
  ['جشن سال نو قمری ویتنام تت است، پس جواب C است.', 'C', 'fa'],
  ['نمی‌دانم.', 'invalid', 'fa'],
  // Hindi
  ['सही उत्तर C है।', 'C', 'hi'],
  ['इसलिए, उत्तर C है।', 'C', 'hi'],
  ['मैं C चुनूँगा।', 'C', 'hi'],
  ['वियतनामी चंद्र नव वर्ष तेत है, अतः सही विकल्प C है।', 'C', 'hi'],
  ['उत्तर A... नहीं, रुकिए, उत्तर C है।', 'C', 'hi'],
  ['मुझे पता नहीं।', 'invalid', 'hi'],
  // Thai
  ['คำตอบคือ C', 'C', 'th'],
  ['ดังนั้น คำตอบที่ถูกต้องคือข้อ C', 'C', 'th'],
  ['ฉันจะเลือก C', 'C', 'th'],
  ['ตอบ C ค่ะ', 'C', 'th'],
  ['ปีใหม่ทางจันทรคติของเวียดนามคือเต๊ด ดังนั้นตอบข้อ C', 'C', 'th'],
  ['ไม่ทราบค่ะ', 'invalid', 'th'],
  // Vietnamese
  ['Tết Nguyên Đán là năm mới âm lịch của Việt Nam. Vậy đáp án là C.', 'C', 'vi'],
  ['Do đó, phương án C là chính xác.', 'C', 'vi'],
  ['Tôi sẽ chọn C.', 'C', 'vi'],
  ['Chọn C.', 'C', 'vi'],
  ['Đáp án là A... à không, đáp án đúng là C.', 'C', 'vi'],
  ['Tôi không chắc là A hay C.', 'invalid', 'vi'],
  // Indonesian
  ['Tết adalah tahun baru Imlek Vietnam. Jadi, jawabannya C.', 'C', 'id'],
  ['Jadi pilihan yang tepat adalah C.', 'C', 'id'],
  ['Saya akan memilih C.', 'C', 'id'],
  ['Saya pilih C.', 'C', 'id'],
  ['Jawabannya A, eh bukan, jawabannya C.', 'C', 'id'],
  ['Saya tidak tahu jawabannya.', 'invalid', 'id'],
  // Swahili
  ['Tết ni mwaka mpya wa Kivietinamu. Kwa hiyo jibu sahihi ni C.', 'C', 'sw'],
  ['Jibu ni C.', 'C', 'sw'],
  ['Ningechagua C.', 'C', 'sw'],
  ['Nitachagua C.', 'C', 'sw'],
  ['Chaguo sahihi ni C.', 'C', 'sw'],
  ['Sijui jibu.', 'invalid', 'sw'],
  // Turkish
  ["Tết, Vietnam'ın ay takvimine göre yeni yılıdır. Bu yüzden doğru cevap C'dir.", 'C', 'tr'],
  ['Cevap: C', 'C', 'tr'],
  ["C'yi seçerdim.", 'C', 'tr'],
  ['C seçeneği doğrudur.', 'C', 'tr'],
  ['Doğru cevap C şıkkıdır.', 'C', 'tr'],
  ['Bilmiyorum.', 'invalid', 'tr'],
  // Greek: copula forms, native letters
  ['Η σωστή απάντηση είναι η Γ.', 'C', 'el'],
  ['Η απάντηση είναι το Γ.', 'C', 'el'],
  ['Σωστό είναι το Γ.', 'C', 'el'],
  ['Απάντηση: Γ', 'C', 'el'],
  ['Θα διάλεγα το Γ.', 'C', 'el'],
  ['Η σωστή απάντηση είναι C.', 'C', 'el'],
  ['Δεν ξέρω.', 'invalid', 'el'],
  // Russian
  ['Правильный ответ: C.', 'C', 'ru'],
  ['Я бы выбрал C.', 'C', 'ru'],
  ['Ответ — A. Хотя нет, правильный ответ — C.', 'C', 'ru'],
  ['Вьетнамский Новый год по лунному календарю — это Тет, поэтому ответ C.', 'C', 'ru'],
  ['Не знаю.', 'invalid', 'ru'],
  // Spanish
  ['Yo elegiría la C.', 'C', 'es'],
  ['La respuesta correcta es la C.', 'C', 'es'],
  ['Me quedo con la C.', 'C', 'es'],
  ['Sin duda, la C.', 'C', 'es'],
  ['No lo sé.', 'invalid', 'es'],
  // French
  ['Je choisirais C.', 'C', 'fr'],
  ['La bonne réponse est C.', 'C', 'fr'],
  ["Réponse : A. Non, attendez, c'est C.", 'C', 'fr'],
  ['Je ne sais pas.', 'invalid', 'fr'],
  // German
  ['Ich würde C wählen.', 'C', 'de'],
  ['Die richtige Antwort ist C.', 'C', 'de'],
  ['Die Antwort ist A. Nein, warte – es ist C.', 'C', 'de'],
  ['Ich weiß es nicht.', 'invalid', 'de'],
  // Portuguese
  ['Eu escolheria a C.', 'C', 'pt'],
  ['A resposta correta é a C.', 'C', 'pt'],
  ['Não sei.', 'invalid', 'pt'],
  // Italian
  ['Sceglierei la C.', 'C', 'it'],
  ['La risposta corretta è la C.', 'C', 'it'],
  ['Non lo so.', 'invalid', 'it'],
  // Bengali
  ['সঠিক উত্তর: C', 'C', 'bn'],
  ['উত্তর হলো C।', 'C', 'bn'],
];

// A second question, written as a held-out set after the first round of fixes (92.9% read right then, 85.0% before any): "Which dish is made of fermented cabbage in Korea?"
// Options: A Sushi, B Kimchi, C Pho, D Paella — right answer B.
const KIMCHI_OPTIONS: Record<string, string[]> = {
  en: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  zh: ['寿司', '泡菜', '河粉', '西班牙海鲜饭'],
  ja: ['寿司', 'キムチ', 'フォー', 'パエリア'],
  ko: ['스시', '김치', '쌀국수', '파에야'],
  ar: ['سوشي', 'كيمتشي', 'فو', 'باييلا'],
  fa: ['سوشی', 'کیمچی', 'فو', 'پائلا'],
  hi: ['सुशी', 'किमची', 'फो', 'पाएला'],
  th: ['ซูชิ', 'กิมจิ', 'เฝอ', 'ปาเอย่า'],
  vi: ['Sushi', 'Kim chi', 'Phở', 'Paella'],
  id: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  sw: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  tr: ['Suşi', 'Kimçi', 'Pho', 'Paella'],
  el: ['Σούσι', 'Κίμτσι', 'Φο', 'Παέγια'],
  ru: ['Суши', 'Кимчи', 'Фо', 'Паэлья'],
  es: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  fr: ['Sushi', 'Kimchi', 'Phở', 'Paella'],
  de: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  pt: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  it: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  bn: ['সুশি', 'কিমচি', 'ফো', 'পায়েলা'],
  ha: ['Sushi', 'Kimchi', 'Pho', 'Paella'],
  am: ['ሱሺ', 'ኪምቺ', 'ፎ', 'ፓኤያ'],
  az: ['Suşi', 'Kimçi', 'Fo', 'Paella'],
};
const KIMCHI_ROWS: Row[] = [
  ['The correct option is B, kimchi.', 'B', 'en'],
  ['Kimchi (B) is fermented cabbage.', 'B', 'en'],
  ['B) Kimchi', 'B', 'en'],
  ['Answer: (B) Kimchi', 'B', 'en'],
  ["Let's see. Sushi is Japanese, pho is Vietnamese, paella is Spanish. Kimchi is Korean fermented cabbage. **Answer: B**", 'B', 'en'],
  ['I initially thought C, but the correct answer is B.', 'B', 'en'],
  ['My final answer is B.', 'B', 'en'],
  ["I'd say B.", 'B', 'en'],
  ['Option B.', 'B', 'en'],
  ['Undoubtedly B.', 'B', 'en'],
  ['Either B or D, I cannot decide.', 'invalid', 'en'],
  ['None of these options are correct.', 'invalid', 'en'],
  ["Sorry, I can't help with that.", 'invalid', 'en'],
  ['All of them are dishes.', 'invalid', 'en'],
  ['答案：B', 'B', 'zh'],
  ['正确答案是B（泡菜）。', 'B', 'zh'],
  ['泡菜是韩国的发酵白菜，答案选B。', 'B', 'zh'],
  ['选B', 'B', 'zh'],
  ['我的答案是B。', 'B', 'zh'],
  ['A和B都有可能。', 'invalid', 'zh'],
  ['我不知道。', 'invalid', 'zh'],
  ['答えはB（キムチ）です。', 'B', 'ja'],
  ['正解：B', 'B', 'ja'],
  ['キムチは韓国の発酵キャベツなので、Bです。', 'B', 'ja'],
  ['Bだと思います。', 'B', 'ja'],
  ['わかりません。', 'invalid', 'ja'],
  ['정답: B', 'B', 'ko'],
  ['답은 B입니다.', 'B', 'ko'],
  ['김치는 배추를 발효시킨 음식이므로 정답은 B입니다.', 'B', 'ko'],
  ['B번이 정답입니다.', 'B', 'ko'],
  ['모르겠습니다.', 'invalid', 'ko'],
  ['الإجابة: B', 'B', 'ar'],
  ['الجواب الصحيح هو B (كيمتشي).', 'B', 'ar'],
  ['الكيمتشي طبق كوري من الملفوف المخمر، إذن الإجابة هي B.', 'B', 'ar'],
  ['أعتقد أن الإجابة هي B.', 'B', 'ar'],
  ['لا أعلم.', 'invalid', 'ar'],
  ['پاسخ: B', 'B', 'fa'],
  ['گزینه صحیح B است.', 'B', 'fa'],
  ['کیمچی غذای کره‌ای از کلم تخمیر شده است، پس پاسخ B است.', 'B', 'fa'],
  ['به نظر من B درست است.', 'B', 'fa'],
  ['نمی‌دانم.', 'invalid', 'fa'],
  ['उत्तर: B', 'B', 'hi'],
  ['सही उत्तर B है (किमची)।', 'B', 'hi'],
  ['किमची कोरिया का किण्वित गोभी का व्यंजन है, इसलिए सही विकल्प B है।', 'B', 'hi'],
  ['मेरा उत्तर B है।', 'B', 'hi'],
  ['मुझे नहीं पता।', 'invalid', 'hi'],
  ['คำตอบ: B', 'B', 'th'],
  ['คำตอบที่ถูกต้องคือ B กิมจิ', 'B', 'th'],
  ['กิมจิคือผักกาดดองของเกาหลี ดังนั้นคำตอบคือ B', 'B', 'th'],
  ['ข้อ B ถูกต้อง', 'B', 'th'],
  ['ไม่แน่ใจค่ะ', 'invalid', 'th'],
  ['Đáp án: B', 'B', 'vi'],
  ['Đáp án đúng là B (Kim chi).', 'B', 'vi'],
  ['Kim chi là món cải thảo lên men của Hàn Quốc, nên chọn B.', 'B', 'vi'],
  ['Câu trả lời là B.', 'B', 'vi'],
  ['Tôi không biết.', 'invalid', 'vi'],
  ['Jawaban: B', 'B', 'id'],
  ['Jawaban yang benar adalah B (Kimchi).', 'B', 'id'],
  ['Kimchi adalah kubis fermentasi dari Korea, jadi jawabannya adalah B.', 'B', 'id'],
  ['Pilihan B.', 'B', 'id'],
  ['Saya tidak yakin.', 'invalid', 'id'],
  ['Jibu: B', 'B', 'sw'],
  ['Jibu sahihi ni B (Kimchi).', 'B', 'sw'],
  ['Kimchi ni kabichi iliyochachushwa ya Korea, hivyo jibu ni B.', 'B', 'sw'],
  ['Nadhani jibu ni B.', 'B', 'sw'],
  ['Sijui.', 'invalid', 'sw'],
  ['Cevap: B', 'B', 'tr'],
  ['Doğru cevap B (Kimçi).', 'B', 'tr'],
  ["Kimçi, Kore'nin fermente lahana yemeğidir; bu nedenle cevap B'dir.", 'B', 'tr'],
  ['Doğru seçenek B.', 'B', 'tr'],
  ['Emin değilim.', 'invalid', 'tr'],
  ['Απάντηση: Β', 'B', 'el'],
  ['Η σωστή απάντηση είναι το B (Κίμτσι).', 'B', 'el'],
  ['Το κίμτσι είναι κορεατικό ζυμωμένο λάχανο, άρα η απάντηση είναι Β.', 'B', 'el'],
  ['Σωστή είναι η Β.', 'B', 'el'],
  ['Δεν είμαι σίγουρος.', 'invalid', 'el'],
  ['Ответ: B', 'B', 'ru'],
  ['Правильный ответ — B (Кимчи).', 'B', 'ru'],
  ['Кимчи — это корейская квашеная капуста, поэтому правильный вариант B.', 'B', 'ru'],
  ['Думаю, что B.', 'B', 'ru'],
  ['Не уверен.', 'invalid', 'ru'],
  ['Respuesta: B', 'B', 'es'],
  ['La respuesta correcta es B (Kimchi).', 'B', 'es'],
  ['El kimchi es col fermentada coreana, así que la respuesta es la B.', 'B', 'es'],
  ['Opción B.', 'B', 'es'],
  ['No estoy seguro.', 'invalid', 'es'],
  ['Réponse : B', 'B', 'fr'],
  ['La bonne réponse est B (Kimchi).', 'B', 'fr'],
  ['Le kimchi est du chou fermenté coréen, donc la réponse est B.', 'B', 'fr'],
  ["C'est la B.", 'B', 'fr'],
  ['Je ne suis pas sûr.', 'invalid', 'fr'],
  ['Antwort: B', 'B', 'de'],
  ['Die richtige Antwort ist B (Kimchi).', 'B', 'de'],
  ['Kimchi ist fermentierter Kohl aus Korea, also ist die Antwort B.', 'B', 'de'],
  ['Richtig ist B.', 'B', 'de'],
  ['Ich bin mir nicht sicher.', 'invalid', 'de'],
  ['Resposta: B', 'B', 'pt'],
  ['A resposta correta é B (Kimchi).', 'B', 'pt'],
  ['Kimchi é repolho fermentado coreano, então a resposta é B.', 'B', 'pt'],
  ['Não tenho certeza.', 'invalid', 'pt'],
  ['Risposta: B', 'B', 'it'],
  ['La risposta corretta è B (Kimchi).', 'B', 'it'],
  ['Il kimchi è cavolo fermentato coreano, quindi la risposta è B.', 'B', 'it'],
  ['Non sono sicuro.', 'invalid', 'it'],
  ['উত্তর: B', 'B', 'bn'],
  ['সঠিক উত্তর হলো B।', 'B', 'bn'],
  ['Amsa: B', 'B', 'ha'],
  ['Amsar da ta dace ita ce B.', 'B', 'ha'],
  ['መልስ: B', 'B', 'am'],
  ['ትክክለኛው መልስ B ነው።', 'B', 'am'],
  ['Cavab: B', 'B', 'az'],
  ['Düzgün cavab B-dir.', 'B', 'az'],
  ['Bilmirəm.', 'invalid', 'az'],
];

describe('extractChoice on native replies in 23 languages', () => {
  for (const [reply, expected, language] of ROWS) {
    it(`${language}: ${JSON.stringify(reply)} → ${expected}`, () => {
      const result = extractChoice(reply, OPTIONS[language], { language });
      if (expected === 'invalid') assert.equal(result.status, 'invalid', `read ${JSON.stringify(result)}`);
      else assert.deepEqual(result.status === 'found' ? result.letter : result, expected);
    });
  }

  for (const [reply, expected, language] of KIMCHI_ROWS) {
    it(`${language}: ${JSON.stringify(reply)} → ${expected} (kimchi)`, () => {
      const result = extractChoice(reply, KIMCHI_OPTIONS[language], { language });
      if (expected === 'invalid') assert.equal(result.status, 'invalid', `read ${JSON.stringify(result)}`);
      else assert.deepEqual(result.status === 'found' ? result.letter : result, expected);
    });
  }

  it('reads option text that differs from the choice only by zero-width joiners', () => {
    const persian = ['چهارشنبه‌سوری', 'نوروز', 'سیزده‌به‌در', 'یلدا'];
    assert.deepEqual(extractChoice('پاسخ: سیزدهبهدر', persian, { language: 'fa' }), { status: 'found', letter: 'C', rule: 'marker-text' });
    assert.deepEqual(extractChoice('سیزده\u200dبه\u200dدر', persian, { language: 'fa' }), { status: 'found', letter: 'C', rule: 'choice-text' });
    const hindi = ['होली', 'दिवाली', 'क्‍योटो', 'ओणम'];
    assert.deepEqual(extractChoice('क्योटो', hindi, { language: 'hi' }), { status: 'found', letter: 'C', rule: 'choice-text' });
  });
});
