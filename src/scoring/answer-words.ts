/** The words prompts are written with, per language (primary subtag). */
export interface PromptWords {
  /** The instruction under a multiple-choice question; `{letters}` is replaced by the formatted letter list. */
  letterInstruction: string;
  /** Joins all letters but the last two (`, `). */
  listSeparator: string;
  /** Joins the last two letters (` or `). */
  lastSeparator: string;
  /** The cue after a question for log-likelihood scoring (`Answer:`). */
  answerCue: string;
  /** The instruction under a true/false statement; its two answer words are ones `extractTrueFalse` reads. */
  trueFalseInstruction: string;
}

/** Prompt words by primary language subtag. `en` is the fallback. */
export const PROMPT_WORDS: Readonly<Record<string, PromptWords>> = {
  en: {
    letterInstruction: 'Answer with the letter of the correct option ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' or ',
    answerCue: 'Answer:',
    trueFalseInstruction: 'Is this statement true or false? Answer "True" or "False".',
  },
  zh: {
    letterInstruction: '请只回答正确选项的字母（{letters}）。',
    listSeparator: '、',
    lastSeparator: ' 或 ',
    answerCue: '答案：',
    trueFalseInstruction: '这个说法是对还是错？请回答“对”或“错”。',
  },
  ja: {
    letterInstruction: '正しい選択肢の記号（{letters}）のみで答えてください。',
    listSeparator: '、',
    lastSeparator: '、',
    answerCue: '答え：',
    trueFalseInstruction: 'この記述は正しいですか、誤りですか？「正しい」または「誤り」で答えてください。',
  },
  ko: {
    letterInstruction: '올바른 선택지의 알파벳({letters})으로 답하세요.',
    listSeparator: ', ',
    lastSeparator: ' 또는 ',
    answerCue: '정답:',
    trueFalseInstruction: '이 진술은 참입니까, 거짓입니까? "참" 또는 "거짓"으로 답하세요.',
  },
  ar: {
    letterInstruction: 'أجب بحرف الخيار الصحيح ({letters}).',
    listSeparator: '، ',
    lastSeparator: ' أو ',
    answerCue: 'الإجابة:',
    trueFalseInstruction: 'هل هذه العبارة صحيحة أم خاطئة؟ أجب بـ "صحيح" أو "خطأ".',
  },
  th: {
    letterInstruction: 'ตอบด้วยตัวอักษรของตัวเลือกที่ถูกต้อง ({letters})',
    listSeparator: ', ',
    lastSeparator: ' หรือ ',
    answerCue: 'คำตอบ:',
    trueFalseInstruction: 'ข้อความนี้จริงหรือเท็จ? ตอบว่า "จริง" หรือ "เท็จ"',
  },
  hi: {
    letterInstruction: 'सही विकल्प के अक्षर ({letters}) से उत्तर दें।',
    listSeparator: ', ',
    lastSeparator: ' या ',
    answerCue: 'उत्तर:',
    trueFalseInstruction: 'क्या यह कथन सही है या गलत? "सही" या "गलत" में उत्तर दें।',
  },
  es: {
    letterInstruction: 'Responde con la letra de la opción correcta ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' o ',
    answerCue: 'Respuesta:',
    trueFalseInstruction: '¿Esta afirmación es verdadera o falsa? Responde "Verdadero" o "Falso".',
  },
  fr: {
    letterInstruction: "Répondez par la lettre de l'option correcte ({letters}).",
    listSeparator: ', ',
    lastSeparator: ' ou ',
    answerCue: 'Réponse :',
    trueFalseInstruction: 'Cette affirmation est-elle vraie ou fausse ? Répondez « Vrai » ou « Faux ».',
  },
  de: {
    letterInstruction: 'Antworte mit dem Buchstaben der richtigen Option ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' oder ',
    answerCue: 'Antwort:',
    trueFalseInstruction: 'Ist diese Aussage richtig oder falsch? Antworte mit „Richtig“ oder „Falsch“.',
  },
  pt: {
    letterInstruction: 'Responda com a letra da opção correta ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' ou ',
    answerCue: 'Resposta:',
    trueFalseInstruction: 'Esta afirmação é verdadeira ou falsa? Responda "Verdadeiro" ou "Falso".',
  },
  it: {
    letterInstruction: "Rispondi con la lettera dell'opzione corretta ({letters}).",
    listSeparator: ', ',
    lastSeparator: ' o ',
    answerCue: 'Risposta:',
    trueFalseInstruction: 'Questa affermazione è vera o falsa? Rispondi "Vero" o "Falso".',
  },
  ru: {
    letterInstruction: 'Ответьте буквой правильного варианта ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' или ',
    answerCue: 'Ответ:',
    trueFalseInstruction: 'Это утверждение верно или неверно? Ответьте «Верно» или «Неверно».',
  },
  vi: {
    letterInstruction: 'Trả lời bằng chữ cái của phương án đúng ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' hoặc ',
    answerCue: 'Đáp án:',
    trueFalseInstruction: 'Nhận định này đúng hay sai? Trả lời "Đúng" hoặc "Sai".',
  },
  id: {
    letterInstruction: 'Jawab dengan huruf pilihan yang benar ({letters}).',
    listSeparator: ', ',
    lastSeparator: ', atau ',
    answerCue: 'Jawaban:',
    trueFalseInstruction: 'Apakah pernyataan ini benar atau salah? Jawab "Benar" atau "Salah".',
  },
  sw: {
    letterInstruction: 'Jibu kwa herufi ya chaguo sahihi ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' au ',
    answerCue: 'Jibu:',
    trueFalseInstruction: 'Je, kauli hii ni kweli au si kweli? Jibu "Kweli" au "Si kweli".',
  },
  tr: {
    letterInstruction: 'Doğru seçeneğin harfiyle cevap verin ({letters}).',
    listSeparator: ', ',
    lastSeparator: ' veya ',
    answerCue: 'Cevap:',
    trueFalseInstruction: 'Bu ifade doğru mu, yanlış mı? "Doğru" veya "Yanlış" diye cevap verin.',
  },
  fa: {
    letterInstruction: 'با حرف گزینهٔ درست پاسخ دهید ({letters}).',
    listSeparator: '، ',
    lastSeparator: ' یا ',
    answerCue: 'پاسخ:',
    trueFalseInstruction: 'آیا این گزاره درست است یا نادرست؟ با «درست» یا «نادرست» پاسخ دهید.',
  },
};

/** Languages written without spaces between words: a continuation follows the cue directly. */
export const UNSPACED_LANGUAGES: ReadonlySet<string> = new Set(['zh', 'ja', 'th']);

/**
 * The primary subtag of a BCP 47 tag, lower-cased (`zh-Hant` → `zh`, `pt-BR` → `pt`).
 *
 * @example
 * primaryLanguage('zh-Hant') // 'zh'
 */
export function primaryLanguage(language: string | undefined): string {
  if (!language) return '';
  const cut = language.search(/[-_]/);
  return (cut === -1 ? language : language.slice(0, cut)).toLowerCase();
}

/** The prompt words for a language tag, falling back to English. */
export function promptWordsFor(language: string | undefined): PromptWords {
  return PROMPT_WORDS[primaryLanguage(language)] ?? PROMPT_WORDS.en;
}

/**
 * Letters of other scripts that models write for option letters, mapped to the Latin letter.
 * Cyrillic and Greek capitals are look-alikes (`В` → B); Arabic (أ ب ج د), Thai (ก ข ค ง), Devanagari
 * (क ख ग घ), Korean (가 나 다 라, ㄱ ㄴ ㄷ ㄹ), Japanese (ア イ ウ エ) and Chinese (甲 乙 丙 丁) follow
 * those languages' own labelling order. Multi-character forms (`الف`, `هـ`) are listed too.
 */
export const NATIVE_LETTERS: ReadonlyMap<string, string> = new Map([
  ['А', 'A'], ['В', 'B'], ['С', 'C'], ['Е', 'E'], ['Н', 'H'], ['К', 'K'], ['М', 'M'], ['О', 'O'], ['Р', 'P'], ['Т', 'T'], ['Х', 'X'],
  ['Α', 'A'], ['Β', 'B'], ['Γ', 'C'], ['Δ', 'D'], ['Ε', 'E'],
  ['الف', 'A'], ['أ', 'A'], ['ا', 'A'], ['إ', 'A'], ['آ', 'A'], ['ب', 'B'], ['ج', 'C'], ['د', 'D'], ['هـ', 'E'], ['ه', 'E'],
  ['ก', 'A'], ['ข', 'B'], ['ค', 'C'], ['ง', 'D'], ['จ', 'E'],
  ['क', 'A'], ['ख', 'B'], ['ग', 'C'], ['घ', 'D'],
  ['가', 'A'], ['나', 'B'], ['다', 'C'], ['라', 'D'], ['마', 'E'],
  ['ㄱ', 'A'], ['ㄴ', 'B'], ['ㄷ', 'C'], ['ㄹ', 'D'], ['ㅁ', 'E'],
  ['ア', 'A'], ['イ', 'B'], ['ウ', 'C'], ['エ', 'D'], ['オ', 'E'],
  ['甲', 'A'], ['乙', 'B'], ['丙', 'C'], ['丁', 'D'], ['戊', 'E'],
]);

const LATIN_BOUNDARY = '(?<![\\p{L}\\p{M}\\p{N}])';
const LATIN_END = '(?![\\p{L}\\p{M}\\p{N}])';

/**
 * Phrases after which a model states its answer ("Answer:", "The answer is", "答案是", "正解は", …).
 * Each is a regular-expression source; they are compiled together, case-insensitive, with the `u` flag.
 */
export const ANSWER_MARKERS: readonly string[] = [
  // English
  `${LATIN_BOUNDARY}answers?\\s*(?:[:=]|[-–—]\\s)`,
  `${LATIN_BOUNDARY}answer\\s+(?:is|was|would\\s+be|should\\s+be|must\\s+be|will\\s+be|seems\\s+to\\s+be|appears\\s+to\\s+be|here\\s+is|then\\s+is|therefore\\s+is|could\\s+be|might\\s+be|may\\s+be)${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:correct|right|best|final|good)\\s+(?:option|choice|letter|one|pick)\\s*(?:is|would\\s+be|should\\s+be|[:=])`,
  `${LATIN_BOUNDARY}I\\s*(?:would|will|['’]d|['’]ll)?\\s+(?:choose|pick|select|go\\s+with|say|answer|opt\\s+for|think|believe|guess|reckon)${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:answer|choose|select|pick)\\s+(?=\\(?[A-Za-z][).:]?(?:\\s|$))`,
  `${LATIN_BOUNDARY}my\\s+(?:final\\s+)?(?:choice|pick|selection|guess)\\s*(?:is|would\\s+be|[:=])`,
  `${LATIN_BOUNDARY}if\\s+I\\s+(?:had|have)\\s+to\\s+(?:choose|pick|guess|answer)${LATIN_END}`,
  `${LATIN_BOUNDARY}I\\s+(?:think|believe|guess)\\s+(?:that\\s+)?it(?:['’]s|\\s+is|\\s+would\\s+be|\\s+must\\s+be)${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:it|that)(?:['’]s|\\s+is|\\s+would\\s+be|\\s+must\\s+be)${LATIN_END}`,
  // Chinese
  '答案\\s*(?:应该|應該|应|應|就|可能|必然)?\\s*(?:是|为|為|选|選)?\\s*[:：]?',
  '(?<!回)答\\s*[:：]',
  '(?:正确|正確|最终|最終)的?(?:选项|選項|选择|選擇)\\s*(?:应该|應該|应|應)?\\s*(?:是|为|為)?\\s*[:：]?',
  '(?:我|故|所以|因此|因而|应该|應該|应|應)\\s*(?:选择|選擇|选|選)',
  // Japanese
  '(?:正解|答え|回答|解答)\\s*(?:は|:)',
  '正しい(?:の|選択肢|答え)は',
  // Korean
  '정답\\s*(?:은|는|:)?',
  `${LATIN_BOUNDARY}답\\s*(?:은|:)`,
  '올바른\\s*(?:답|선택지|보기)\\s*(?:은|는)',
  // Arabic
  `${LATIN_BOUNDARY}(?:ال)?[إا]جاب[ةه](?:\\s+(?:ال)?صحيح[ةه])?(?:\\s+(?:هي|هو))?\\s*:?`,
  `${LATIN_BOUNDARY}(?:ال)?جواب(?:\\s+(?:ال)?صحيح)?(?:\\s+(?:هو|هي))?\\s*:?`,
  `${LATIN_BOUNDARY}(?:ال)?خيار\\s+(?:ال)?صحيح\\s*(?:هو|:)`,
  // Thai
  'คำตอบ(?:ที่ถูกต้อง|ที่ถูก)?\\s*(?:คือ|:)?',
  '(?:ตัวเลือก|ข้อ)ที่ถูกต้อง\\s*(?:คือ|:)?',
  // Hindi
  `${LATIN_BOUNDARY}(?:उत्तर|जवाब)\\s*(?:है\\s*)?:`,
  `${LATIN_BOUNDARY}सही\\s+(?:उत्तर|जवाब|विकल्प)\\s*(?:है\\s*)?:?`,
  // Spanish, Portuguese, Italian
  `${LATIN_BOUNDARY}respuesta(?:\\s+(?:correcta|final|adecuada))?(?:\\s+(?:es|sería|seria|será))?\\s*:?`,
  `${LATIN_BOUNDARY}(?:opción|alternativa)\\s+correcta\\s*(?:es|:)`,
  `${LATIN_BOUNDARY}(?:elijo|escojo|selecciono|me\\s+quedo\\s+con)${LATIN_END}`,
  `${LATIN_BOUNDARY}resposta(?:\\s+(?:correta|certa|final))?(?:\\s+(?:é|seria|será))?\\s*:?`,
  `${LATIN_BOUNDARY}(?:opção|alternativa)\\s+(?:correta|certa)\\s*(?:é|:)`,
  `${LATIN_BOUNDARY}(?:eu\\s+)?escolho${LATIN_END}`,
  `${LATIN_BOUNDARY}risposta(?:\\s+(?:corretta|giusta|finale))?(?:\\s+(?:è|sarebbe))?\\s*:?`,
  // French
  `${LATIN_BOUNDARY}réponse(?:\\s+(?:correcte|finale|juste|exacte))?(?:\\s+(?:est|serait|sera))?\\s*:?`,
  `${LATIN_BOUNDARY}(?:option|proposition)\\s+correcte\\s*(?:est|:)`,
  `${LATIN_BOUNDARY}je\\s+(?:choisis|réponds|sélectionne)${LATIN_END}`,
  // German
  `${LATIN_BOUNDARY}antwort(?:\\s+(?:ist|lautet|wäre))?(?:\\s*:|${LATIN_END})`,
  `${LATIN_BOUNDARY}lösung\\s*:`,
  `${LATIN_BOUNDARY}ich\\s+wähle${LATIN_END}`,
  // Russian
  `${LATIN_BOUNDARY}ответ(?:\\s+(?:будет|является))?(?:\\s*[:—-]|${LATIN_END})`,
  `${LATIN_BOUNDARY}правильн(?:ый|ым)\\s+вариант(?:\\s+(?:будет|—|-|это))?\\s*:?`,
  `${LATIN_BOUNDARY}выбираю${LATIN_END}`,
  // Vietnamese
  `${LATIN_BOUNDARY}đáp\\s+án(?:\\s+(?:đúng|chính\\s+xác))?(?:\\s+là)?\\s*:?`,
  `${LATIN_BOUNDARY}câu\\s+trả\\s+lời(?:\\s+đúng)?(?:\\s+là)?\\s*:?`,
  `${LATIN_BOUNDARY}(?:phương\\s+án|lựa\\s+chọn)\\s+đúng\\s*(?:là|:)`,
  `${LATIN_BOUNDARY}tôi\\s+chọn${LATIN_END}`,
  // Indonesian
  `${LATIN_BOUNDARY}jawaban(?:nya)?(?:\\s+(?:yang\\s+)?(?:benar|tepat|akhir))?(?:\\s+(?:adalah|ialah))?\\s*:?`,
  `${LATIN_BOUNDARY}(?:pilihan|opsi)\\s+yang\\s+(?:benar|tepat)\\s*(?:adalah|ialah|:)`,
  `${LATIN_BOUNDARY}saya\\s+memilih${LATIN_END}`,
  // Swahili
  `${LATIN_BOUNDARY}jibu(?:\\s+sahihi)?\\s*(?:ni${LATIN_END}|:)`,
  // Turkish
  `${LATIN_BOUNDARY}(?:cevap|yanıt)(?:ım)?\\s*(?::|şudur|budur)`,
  `${LATIN_BOUNDARY}doğru\\s+(?:cevap|yanıt|seçenek|şık)(?:\\s+(?:şudur|budur))?\\s*:?`,
  // Greek, Azerbaijani, Hausa, Amharic, Bengali and Assamese
  `${LATIN_BOUNDARY}(?:σωστή\\s+)?απάντηση(?:\\s+είναι)?\\s*:?`,
  `${LATIN_BOUNDARY}(?:düzgün\\s+)?cavab(?:\\s+budur)?\\s*:`,
  `${LATIN_BOUNDARY}amsa(?:\\s+ita\\s+ce)?\\s*:`,
  'መልስ\\s*[:፡]',
  `${LATIN_BOUNDARY}(?:সঠিক\\s+)?উত্ত[রৰ]\\s*:`,
  // Persian
  `${LATIN_BOUNDARY}(?:پاسخ|جواب)\\s*:`,
  `${LATIN_BOUNDARY}(?:پاسخ|جواب|گزینه[ٔه]?)\\s+(?:صحیح|درست)\\s*(?:است\\s*)?(?:گزینه[ٔه]?\\s*)?:?`,
];

/**
 * Words that may stand between a marker and the letter ("The answer is *probably option* B").
 * Compiled as one sticky, case-insensitive alternation.
 */
export const ANSWER_FILLERS: readonly string[] = [
  'is', 'was', 'would be', 'should be', 'must be', 'will be', 'could be', 'might be', 'seems to be', 'that', 'it', 'it\'s', 'it’s',
  'probably', 'likely', 'most likely', 'definitely', 'clearly', 'certainly', 'therefore', 'thus', 'then', 'indeed', 'actually', 'simply',
  'the', 'option', 'choice', 'letter', 'alternative', 'letra', 'lettre', 'lettera', 'buchstabe', 'буква', 'huruf', 'chữ', 'answer', 'correct', 'final', 'right', 'best',
  'es', 'est', 'ist', 'é', 'è', 'là', 'adalah', 'ialah', 'ni', 'la', 'le', 'die', 'der', 'l\'',
  'opción', 'opção', 'alternativa', 'variante', 'вариант', 'будет', 'это', 'phương án', 'pilihan', 'opsi', 'seçenek', 'şık', 'chaguo',
  '应该是', '應該是', '可能是', '就是', '是', '为', '為', '选', '選', '选项', '選項', '应选', '應選',
  'です', 'は', '選択肢', '은', '는', '보기', '선택지', 'هي', 'هو', 'الخيار', 'คือ', 'ข้อ', 'ตัวเลือก', 'है', 'विकल्प', 'گزینه', 'گزینهٔ',
];

/** Words that negate the letter that follows ("not A", "不是A"). */
export const NEGATION_WORDS: readonly string[] = [
  'not', 'never', 'rather than', 'instead of', 'except', 'isn\'t', 'isn’t', 'is not', 'no es', 'no', 'pas', 'n\'est pas', 'nicht', 'kein',
  'não é', 'não', 'non è', 'non', 'не', 'không phải là', 'không phải', 'không', 'bukan', 'si', 'değil', '不是', '并非', '並非', '而非', '非',
  'ليس', 'ليست', 'ไม่ใช่', 'नहीं', 'نه',
];

/** Words that make the marker after them hypothetical ("I don't know **if** it's B", "是否正确"). */
export const CONDITIONAL_WORDS: readonly string[] = [
  'if', 'whether', 'unless', 'si', 'ob', 'se', 'apakah', 'liệu', 'eğer', 'اگر', 'إذا', 'ถ้า', 'अगर', 'यदि', 'если', 'ли', '是否', '如果', '假如', 'かどうか', '만약',
];

/** Words that introduce the corrected letter after a negated one ("not A **but** C"). */
export const CORRECTION_WORDS: readonly string[] = [
  'but rather', 'but', 'rather', 'instead', 'it\'s', 'sino', 'mais', 'sondern', 'mas sim', 'mas', 'ma', 'а', 'но', 'mà là', 'mà', 'melainkan',
  'tetapi', 'fakat', 'bali', '而是', '是', '但是', 'ではなく', 'بل', 'แต่เป็น', 'बल्कि', 'بلکه',
];

/** Words joining two letters, which makes the statement non-committal ("A or B", "A和B"). */
export const HEDGE_WORDS: readonly string[] = [
  'or', 'and', 'and/or', 'vs', 'versus', 'nor', 'o', 'u', 'y', 'e', 'ou', 'et', 'oder', 'und', 'или', 'и', 'hoặc', 'và', 'atau', 'dan', 'veya',
  'ya da', 've', 'au', 'na', 'یا', 'و', 'أو', 'หรือ', 'และ', 'या', 'और', '或者', '或', '还是', '還是', '和', '与', '與', '及', 'または', 'か', 'や', 'と', '또는', '혹은', '이나', '및',
];

/** Words that may follow a letter answer without making the letter an English article ("A because …"). */
export const CONNECTIVE_WORDS: readonly string[] = [
  'because', 'since', 'as', 'is', 'was', 'would', 'should', 'seems', 'looks', 'appears', 'which', 'and', 'or', 'for', 'given', 'due', 'it',
  'this', 'that', 'so', 'then', 'but', 'though', 'although', 'with', 'from', 'here', 'are',
  'porque', 'ya', 'pues', 'que', 'es', 'car', 'parce', 'est', 'puisque', 'weil', 'da', 'ist', 'denn', 'pois', 'já', 'é', 'perché', 'poiché', 'è',
  'потому', 'так', 'поскольку', 'это', 'является', 'karena', 'adalah', 'sebab', 'vì', 'là', 'bởi', 'çünkü', 'kwa', 'ni',
];

/** Which one-letter capitals are ordinary words at the start of a phrase, by language (`A good choice…`, `O Japão…`). */
export const ONE_LETTER_WORDS: Readonly<Record<string, string>> = {
  en: 'AI',
  es: 'AIOYEU',
  pt: 'AIOE',
  fr: 'AIY',
  it: 'AIEO',
  de: 'AI',
  id: 'AI',
  vi: 'AI',
  tr: 'AI',
  ru: 'AI',
};
/** One-letter words assumed when the language is unknown or not listed. */
export const DEFAULT_ONE_LETTER_WORDS = 'AEIOUY';

/** Phrases of a reply that declines or does not know (used to say why a reply is invalid). */
export const REFUSAL_PATTERNS: readonly string[] = [
  `${LATIN_BOUNDARY}I\\s*(?:can['’]?not|can['’]t|am\\s+unable\\s+to|['’]m\\s+unable\\s+to|won['’]t|am\\s+not\\s+able\\s+to|['’]m\\s+not\\s+able\\s+to)\\s+(?:answer|help|provide|determine|choose|say|assist)`,
  `${LATIN_BOUNDARY}I\\s*(?:do\\s+not|don['’]t)\\s+know${LATIN_END}`,
  `${LATIN_BOUNDARY}I['’]?\\s*(?:am|m)\\s+not\\s+sure${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:cannot|can['’]t)\\s+be\\s+determined${LATIN_END}`,
  `${LATIN_BOUNDARY}none\\s+of\\s+the\\s+(?:above|options)${LATIN_END}`,
  '无法(?:回答|确定|判断)|無法(?:回答|確定|判斷)|不知道|不确定|不確定|抱歉',
  'わかりません|分かりません|答えられません|お答えできません',
  '모르겠|답할 수 없|알 수 없',
  'لا\\s+أعرف|لا\\s+أستطيع|لا\\s+يمكنني',
  'ไม่ทราบ|ไม่สามารถ',
  'पता\\s+नहीं|नहीं\\s+जानता|नहीं\\s+जानती',
  `${LATIN_BOUNDARY}(?:no\\s+lo\\s+sé|no\\s+sé|no\\s+puedo|je\\s+ne\\s+sais\\s+pas|je\\s+ne\\s+peux\\s+pas|ich\\s+weiß\\s+(?:es\\s+)?nicht|ich\\s+kann\\s+nicht|não\\s+sei|não\\s+posso|non\\s+lo\\s+so|не\\s+знаю|не\\s+могу|tidak\\s+tahu|saya\\s+tidak\\s+bisa|không\\s+biết|tôi\\s+không\\s+thể|bilmiyorum|sijui|نمی‌?دانم)${LATIN_END}`,
];

/** Words meaning "true" (and "yes", "correct") in the supported languages. */
export const TRUE_WORDS: readonly string[] = [
  'true', 'yes', 'correct', 'right', 'accurate', 'verdadero', 'verdadera', 'cierto', 'cierta', 'correcto', 'correcta', 'sí', 'si',
  'vrai', 'vraie', 'oui', 'correcte', 'exact', 'exacte', 'richtig', 'wahr', 'ja', 'korrekt', 'stimmt', 'verdadeiro', 'verdadeira', 'sim',
  'correto', 'certo', 'certa', 'vero', 'vera', 'sì', 'giusto', 'corretto', 'верно', 'правда', 'да', 'истина', 'правильно', 'истинно',
  'đúng', 'có', 'phải', 'benar', 'ya', 'betul', 'iya', 'kweli', 'ndiyo', 'sahihi', 'doğru', 'evet', 'درست', 'صحیح', 'بله', 'آری',
  'صحيح', 'صحيحة', 'صح', 'نعم', 'จริง', 'ถูกต้อง', 'ถูก', 'ใช่', 'सही', 'सत्य', 'हाँ', 'हां', 'सच', '对', '對', '正确', '正確', '是的', '是', '真',
  '正しい', 'はい', '正', '本当', '○', '◯', '참', '예', '네', '맞음', '맞습니다', '맞다', '옳다', '옳습니다', '사실', '✓', '✔',
];

/** Words meaning "false" (and "no", "incorrect"). Longer forms that contain a true word ("неверно", "不对") are listed here. */
export const FALSE_WORDS: readonly string[] = [
  'false', 'no', 'incorrect', 'wrong', 'inaccurate', 'untrue', 'not true', 'not correct', 'falso', 'falsa', 'incorrecto', 'incorrecta',
  'faux', 'fausse', 'non', 'incorrecte', 'inexact', 'falsch', 'nein', 'unwahr', 'inkorrekt', 'stimmt nicht', 'não', 'incorreto', 'incorreta',
  'errado', 'errada', 'sbagliato', 'errato', 'неверно', 'не верно', 'ложь', 'нет', 'ложно', 'неправильно', 'sai', 'không', 'không đúng',
  'salah', 'tidak', 'bukan', 'tidak benar', 'si kweli', 'uongo', 'hapana', 'yanlış', 'hayır', 'نادرست', 'غلط', 'خیر', 'خطأ', 'خاطئ', 'خاطئة',
  'غير صحيح', 'لا', 'เท็จ', 'ผิด', 'ไม่ใช่', 'ไม่ถูกต้อง', 'ไม่จริง', 'गलत', 'ग़लत', 'असत्य', 'नहीं', 'झूठ', '错', '錯', '错误', '錯誤', '不对', '不對',
  '不正确', '不正確', '否', '假', '不是', '誤り', '間違い', '間違って', 'いいえ', '誤', '正しくない', '正しくありません', '偽', '×', '✗', '✘', '거짓', '아니오', '아니요', '틀림', '틀렸습니다', '틀리다',
];

/**
 * True/false words that are read anywhere in a reply (not only after a marker or at its start): the
 * unambiguous ones. Short or many-sense words (yes/no, 是, 对, si) count only after a marker or at the start.
 */
export const VERDICT_WORDS: ReadonlySet<string> = new Set([
  'true', 'false', 'untrue', 'not true', 'correct', 'incorrect', 'not correct', 'inaccurate', 'accurate', 'verdadero', 'verdadera', 'falso', 'falsa',
  'vrai', 'vraie', 'faux', 'fausse', 'wahr', 'unwahr', 'richtig', 'falsch', 'verdadeiro', 'verdadeira', 'vero', 'vera', 'верно', 'неверно', 'не верно',
  'ложно', 'истинно', 'benar', 'salah', 'tidak benar', 'kweli', 'si kweli', 'uongo', 'doğru', 'yanlış', 'درست', 'نادرست', 'صحیح', 'صحيح', 'صحيحة', 'خطأ',
  'خاطئ', 'خاطئة', 'غير صحيح', 'จริง', 'เท็จ', 'ไม่จริง', 'ถูกต้อง', 'ไม่ถูกต้อง', 'सही', 'गलत', 'ग़लत', 'सत्य', 'असत्य', '正确', '正確', '错误', '錯誤',
  '不正确', '不正確', '正しい', '正しくない', '誤り', '間違い', '참', '거짓', 'đúng', 'không đúng', 'sai',
]);

/** Phrases after which a model states whether a statement holds ("The statement is", "该说法是", "この記述は"). */
export const STATEMENT_MARKERS: readonly string[] = [
  `${LATIN_BOUNDARY}(?:statement|claim|assertion|sentence)\\s+(?:above\\s+)?(?:is|seems|appears)(?:\\s+to\\s+be)?${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:this|that|it)(?:['’]s|\\s+is)${LATIN_END}`,
  '(?:说法|陈述|表述|命题|說法|陳述)\\s*(?:是|为|為)?',
  '(?:記述|文|主張)\\s*は',
  '(?:진술|문장|주장)\\s*(?:은|는|이)',
  `${LATIN_BOUNDARY}(?:العبارة|الجملة)(?:\\s+(?:هي|هذه))?`,
  `${LATIN_BOUNDARY}(?:afirmación|declaración|afirmação|afirmativa|affermazione)\\s+(?:es|é|è)${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:affirmation|énoncé)\\s+est${LATIN_END}`,
  `${LATIN_BOUNDARY}aussage\\s+ist${LATIN_END}`,
  `${LATIN_BOUNDARY}утверждение(?:\\s*[—-])?`,
  `${LATIN_BOUNDARY}nhận\\s+định(?:\\s+này)?(?:\\s+là)?`,
  `${LATIN_BOUNDARY}pernyataan(?:\\s+(?:ini|tersebut))?(?:\\s+(?:adalah))?`,
  `${LATIN_BOUNDARY}kauli(?:\\s+hii)?\\s+ni${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:bu\\s+)?ifade${LATIN_END}`,
  `${LATIN_BOUNDARY}(?:این\\s+)?گزاره`,
  'ข้อความ(?:นี้)?\\s*(?:เป็น|คือ)?',
  `${LATIN_BOUNDARY}कथन(?:\\s+है)?`,
];

/** Words that may stand between a marker and a true/false word ("The statement is *definitely* true"). */
export const TRUE_FALSE_FILLERS: readonly string[] = [
  'is', 'was', 'would be', 'seems', 'seems to be', 'appears to be', 'probably', 'likely', 'definitely', 'clearly', 'certainly', 'indeed',
  'actually', 'simply', 'entirely', 'completely', 'absolutely', 'the', 'statement', 'answer', 'es', 'est', 'ist', 'é', 'è', 'là', 'adalah',
  'ni', 'это', '是', 'は', '은', '는', '이', 'هي', 'هو', 'คือ', 'เป็น', 'है',
];

/** Words that turn a true/false word around when they come before it ("not true", "no es cierto", "不正确"). */
export const TRUE_FALSE_NEGATIONS: readonly string[] = [
  'not', "isn't", 'isn’t', 'never', 'no es', "n'est pas", 'n’est pas', 'nicht', 'não é', 'non è', 'не', 'không', 'không phải', 'tidak',
  'bukan', 'ليس', 'ليست', 'ไม่', '不', '并非', '並非',
];

/** Words that turn a true/false word around when they come after it ("doğru değil", "सही नहीं"). */
export const TRUE_FALSE_AFTER_NEGATIONS: readonly string[] = ['değil', 'değildir', 'नहीं', 'nicht'];
