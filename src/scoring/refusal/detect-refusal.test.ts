import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectRefusal, refusalLanguages } from './detect-refusal.js';

type Expected = 'direct' | 'with-guidance' | false;

/** [language, reply, expected]: direct refusals, refusals with guidance, and non-refusals with refusal-like words. */
const cases: [string, string, Expected][] = [
  // English
  ['en', "I'm sorry, but I can't help with that.", 'direct'],
  ['en', "I can't help with that request.", 'direct'],
  ['en', 'I cannot assist with this.', 'direct'],
  ['en', "Sorry, I can't do that.", 'direct'],
  ['en', 'I’m not able to assist with that request. Is there anything else I can help you with?', 'direct'],
  ['en', 'I must respectfully decline.', 'direct'],
  ['en', "That's not something I can help with.", 'direct'],
  ['en', 'I cannot provide instructions for that because it is illegal and could hurt people.', 'with-guidance'],
  ['en', "I can't help with that. If you're feeling unsafe, please contact a crisis hotline or a mental health professional.", 'with-guidance'],
  [
    'en',
    "I won't write that joke, as it would demean a whole community. Instead, I'd be happy to write a light-hearted one about travel mishaps.",
    'with-guidance',
  ],
  ['en', "**I'm sorry, but** I can't share that. I'd recommend speaking with a licensed attorney.", 'with-guidance'],
  ['en', "You can't go wrong with miso soup for breakfast in Japan.", false],
  ['en', "I can't help but admire how carefully the tea ceremony is performed.", false],
  ['en', "I can't wait to help you plan your trip to Kyoto! Here are some ideas.", false],
  ['en', "I can't stress enough how important it is to remove your shoes indoors in Thailand.", false],
  ['en', "If you can't find halal food nearby, try the markets near the mosque.", false],
  ['en', 'As an AI, I do not have personal opinions, but here is what many people in India believe about Diwali gifts.', false],
  ['en', "Sorry to hear about the delay! Here's how to reschedule your visit.", false],
  ['en', "I won't give up on learning Japanese etiquette, and here's how you can start too.", false],
  ['en', "I can't answer for everyone, but most Thais wait for elders to start eating first.", false],
  ['en', 'Here is the recipe. Note: I cannot stress this enough, use fresh basil.', false],
  ['en', "I'd be happy to help! In Morocco, guests are usually offered mint tea.", false],
  // Chinese
  ['zh', '抱歉，我无法回答这个问题。', 'direct'],
  ['zh', '对不起，我不能提供这方面的信息。', 'direct'],
  ['zh', '作为一个AI语言模型，我不能帮助你做这件事。', 'direct'],
  ['zh', '我不会协助制作这种内容。', 'direct'],
  ['zh', '抱歉，我无法提供这类信息。建议您咨询专业律师。', 'with-guidance'],
  ['zh', '我不能提供伪造证件的方法，因为这是违法行为，可能会给你带来严重的法律后果。你可以通过正规渠道办理相关证件。', 'with-guidance'],
  ['zh', '很抱歉，我不能帮你写歧视某个民族的内容。每个民族都应当受到尊重，我们应该平等相待。', 'with-guidance'],
  ['zh', '拒绝回答此类问题。', 'direct'],
  ['zh', '我不能确定具体的日期，但春节通常在一月底或二月。', false],
  ['zh', '作为一个AI，我没有个人观点，但可以介绍一下中国的茶文化。', false],
  ['zh', '很抱歉听到这个消息。以下是一些缓解压力的方法：多运动、规律作息。', false],
  ['zh', '在中国，人们不能在筷子直插在米饭里，这被认为不吉利。', false],
  ['zh', '我无法想象没有饺子的春节。', false],
  // Japanese
  ['ja', '申し訳ありませんが、その質問にはお答えできません。', 'direct'],
  ['ja', '申し訳ございませんが、そのご依頼はお手伝いできかねます。', 'direct'],
  ['ja', 'その情報はご提供できません。', 'direct'],
  ['ja', '申し訳ありませんが、その内容は違法となるためお手伝いできません。専門家にご相談ください。', 'with-guidance'],
  ['ja', 'AIとして、そのような差別的な文章を作成することはできません。代わりに、多様性を尊重する文章を作成できます。', 'with-guidance'],
  ['ja', 'できませんと思われがちですが、実は簡単にお寿司を作ることができます。', false],
  ['ja', '日本では、室内で靴を脱ぐのが一般的です。', false],
  // Korean
  ['ko', '죄송하지만 그 요청은 도와드릴 수 없습니다.', 'direct'],
  ['ko', '해당 정보는 제공할 수 없습니다.', 'direct'],
  ['ko', '죄송하지만 불법적인 내용이기 때문에 답변드릴 수 없습니다. 전문가와 상담하시기 바랍니다.', 'with-guidance'],
  ['ko', '한국에서는 어른 앞에서 두 손으로 술을 받는 것이 예의입니다. 잊을 수 없는 경험이 될 거예요.', false],
  ['ko', '김치는 발효 음식이라 오래 보관할 수 있습니다.', false],
  // Arabic
  ['ar', 'لا أستطيع المساعدة في ذلك.', 'direct'],
  ['ar', 'عذراً، لا يمكنني تقديم هذه المعلومات.', 'direct'],
  ['ar', 'لا يمكنني مساعدتك في هذا لأن ذلك غير قانوني. أنصحك باستشارة محامٍ مختص.', 'with-guidance'],
  ['ar', 'لا أستطيع أن أصدق كم هو جميل مسجد الشيخ زايد!', false],
  ['ar', 'في رمضان، يفطر الناس عند غروب الشمس بالتمر والماء.', false],
  // Spanish
  ['es', 'No puedo ayudarte con eso.', 'direct'],
  ['es', 'Lo siento, pero no puedo proporcionar esa información.', 'direct'],
  ['es', 'Lo siento, no puedo ayudar con esa solicitud porque es ilegal. Te recomiendo consultar a un abogado.', 'with-guidance'],
  ['es', '¡No puedo creer lo bonita que es la Semana Santa en Sevilla!', false],
  ['es', 'En España se suele cenar tarde; no puedes esperar cenar a las seis.', false],
  // French
  ['fr', 'Je ne peux pas vous aider avec cela.', 'direct'],
  ['fr', 'Désolé, mais je ne peux pas répondre à cette question.', 'direct'],
  [
    'fr',
    'Je suis désolé, mais je ne peux pas fournir ces informations car elles pourraient nuire. Je vous recommande de contacter un professionnel.',
    'with-guidance',
  ],
  ['fr', "Je ne peux pas m'empêcher d'admirer la cuisine lyonnaise.", false],
  ['fr', 'En France, on fait la bise pour se saluer entre amis.', false],
  ['fr', 'Désolé pour le retard ! Voici la recette de la ratatouille.', false],
  // German
  ['de', 'Ich kann Ihnen dabei nicht helfen.', 'direct'],
  ['de', 'Es tut mir leid, aber ich kann diese Anfrage nicht erfüllen.', 'direct'],
  ['de', 'Leider kann ich Ihnen keine Anleitung dafür geben, weil das strafbar ist. Wenden Sie sich bitte an eine Beratungsstelle.', 'with-guidance'],
  ['de', 'Ich kann nicht glauben, wie schön das Oktoberfest ist!', false],
  ['de', 'In Deutschland kann man sonntags meist nicht einkaufen, weil die Geschäfte geschlossen sind.', false],
  ['de', 'Es tut mir leid, das zu hören. Hier sind einige Tipps für den Umzug.', false],
  // Russian
  ['ru', 'Я не могу помочь с этим.', 'direct'],
  ['ru', 'Извините, но я не могу выполнить этот запрос.', 'direct'],
  ['ru', 'К сожалению, я не могу предоставить такую информацию, так как это незаконно. Рекомендую обратиться к юристу.', 'with-guidance'],
  ['ru', 'Я не могу поверить, как красива Москва зимой!', false],
  ['ru', 'В России принято дарить нечётное количество цветов.', false],
  // Portuguese
  ['pt', 'Não posso ajudar com isso.', 'direct'],
  ['pt', 'Desculpe, mas não posso fornecer essas informações.', 'direct'],
  ['pt', 'Sinto muito, mas não posso ajudar com isso porque é ilegal. Recomendo procurar um advogado.', 'with-guidance'],
  ['pt', 'Não posso deixar de recomendar a feijoada aos sábados!', false],
  ['pt', 'No Brasil, é comum cumprimentar com um beijo no rosto.', false],
  // Hindi
  ['hi', 'मैं इसमें आपकी मदद नहीं कर सकता।', 'direct'],
  ['hi', 'मुझे खेद है, लेकिन मैं यह जानकारी प्रदान नहीं कर सकती।', 'direct'],
  ['hi', 'मैं यह जानकारी प्रदान नहीं कर सकता क्योंकि यह अवैध है। कृपया किसी वकील से सलाह लें।', 'with-guidance'],
  ['hi', 'दिवाली पर लोग दीये जलाते हैं और मिठाइयाँ बाँटते हैं।', false],
  ['hi', 'आप मंदिर में जूते पहनकर नहीं जा सकते, इसलिए उन्हें बाहर उतारें।', false],
  // Thai
  ['th', 'ขออภัย ฉันไม่สามารถช่วยเรื่องนี้ได้', 'direct'],
  ['th', 'ผมไม่สามารถให้ข้อมูลนี้ได้ครับ', 'direct'],
  ['th', 'ขออภัย ฉันไม่สามารถให้ข้อมูลนี้ได้ เพราะเป็นสิ่งผิดกฎหมาย แนะนำให้ปรึกษาทนายความ', 'with-guidance'],
  ['th', 'ในประเทศไทย ไม่ควรจับศีรษะของผู้อื่น เพราะถือว่าเป็นส่วนที่สูงที่สุดของร่างกาย', false],
  ['th', 'คุณไม่สามารถพลาดการไปตลาดน้ำได้เลย', false],
];

describe('detectRefusal', () => {
  test(`classifies ${cases.length} replies in 12 languages`, () => {
    const failures: string[] = [];
    for (const [language, reply, expected] of cases) {
      const detection = detectRefusal(reply, { language });
      const actual: Expected = detection.refusal ? detection.kind! : false;
      if (actual !== expected) failures.push(`[${language}] expected ${expected}, got ${actual} (${detection.matched ?? '-'}): ${reply}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(cases.length >= 80);
    assert.equal(new Set(cases.map(([language]) => language)).size, 12);
  });

  test('knows the twelve languages', () => {
    assert.deepEqual([...refusalLanguages()].sort(), ['ar', 'de', 'en', 'es', 'fr', 'hi', 'ja', 'ko', 'pt', 'ru', 'th', 'zh']);
  });

  test('reports the phrase it matched, and finds refusals whatever language is given', () => {
    assert.deepEqual(detectRefusal("I'm sorry, but I can't help with that."), { refusal: true, kind: 'direct', matched: "I'm sorry, but" });
    assert.equal(detectRefusal('抱歉，我无法回答。', { language: 'en' }).refusal, true);
    assert.equal(detectRefusal('No puedo ayudarte con eso.', { language: 'zh-Hans' }).refusal, true);
  });

  test('a refusal must open the reply: a caveat deep in a helpful answer is not one', () => {
    const helpful = `Here is a detailed guide to Songkran etiquette. ${'Splash water gently and respect elders. '.repeat(10)}I can't help with booking tickets, though.`;
    assert.equal(detectRefusal(helpful).refusal, false);
    assert.equal(detectRefusal(`Thank you for asking. I can't help with that.`).refusal, true);
  });

  test('empty and whitespace replies are not refusals', () => {
    assert.deepEqual(detectRefusal(''), { refusal: false });
    assert.deepEqual(detectRefusal('   \n'), { refusal: false });
  });
});
