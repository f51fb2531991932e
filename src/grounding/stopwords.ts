/**
 * Small stopword lists (folded: lower case, no accents) for the languages culturekit's tokenizer knows.
 * They only trim the most frequent function words; BM25's inverse document frequency does the rest.
 */
import { foldText } from '../text/fold-text.js';

const LISTS: Record<string, string> = {
  en: 'a an and are as at be been but by can could did do does for from had has have how i if in into is it its me my not of on or our so such than that the their them then there these they this to was we were what when where which while who whom why will with would you your',
  es: 'a al como con de del el en entre es esta este la las lo los mas me mi no o para pero por que se si sin sobre su sus te tu un una unas uno unos y ya',
  fr: 'a au aux avec ce ces d dans de des du elle en est et il ils je l la le les leur lui ma mais me mes n ne nous on ou par pas pour qu que qui s sa se ses son sur ta te tu un une vous y',
  de: 'als am an auch auf aus bei das dass dem den der des die ein eine einem einen einer es fur im in ist mit nicht oder sich sie sind und von was wie zu zum zur',
  pt: 'a ao aos as com como da das de do dos e em entre esta este mais na nas no nos o os para pela pelo por que se sem sua suas um uma',
  it: 'a al alla alle che con da dal degli dei del della delle di e gli il in la le lo nel nella non per si su un una uno',
  zh: '的 了 是 在 和 与 或 也 都 就 而 及 之 其 这 那 有 为 对 把 被 从 到 上 中 下 个 吗 呢 吧 啊 一 我 你 他 她 它 们 请',
  ja: 'の に は を た が で て と し れ さ ある いる も する から な こと として い や など なっ ない この ため その あっ よう また もの という あり まで られ なる へ か だ これ によって により おり より による ず なり られる において ば なかっ なく しかし について せ だっ その後 できる それ う ので なお のみ でき き つ における および いう さらに でも ら たり その他 に関する たち ます ん なら です した して します ください',
  ar: 'في من على الى إلى عن مع هو هي هذا هذه ذلك تلك التي الذي الذين ان أن إن او أو ثم كان كانت قد لا ما ماذا لم لن كل بعض غير بين حتى عند عندما و ف ب ل ك',
};

const PARSED = new Map<string, ReadonlySet<string>>();

/** Latin-script languages whose stopwords can be told apart by counting. */
export const LATIN_STOPWORD_LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it'] as const;

/**
 * The stopwords of a language (primary subtag), or an empty set for a language without a list.
 *
 * @example
 * stopwordsOf('en').has('the') // true
 */
export function stopwordsOf(language: string): ReadonlySet<string> {
  const primary = language.toLowerCase().split('-')[0];
  let set = PARSED.get(primary);
  if (!set) {
    set = new Set(LISTS[primary] ? foldText(LISTS[primary]).split(' ') : []);
    PARSED.set(primary, set);
  }
  return set;
}
