import { ISO_ALPHA2_CODES } from '../schema/countries.js';
import { foldText } from '../text/fold-text.js';

/**
 * Country names → ISO 3166-1 alpha-2: the one name table of culturekit. Every module that turns a country
 * name, a demonym or a code into an ISO code (dataset adapters, the country recognizer of the knowledge base)
 * uses it.
 *
 * - Names in 19 languages for every code, generated from Unicode CLDR 48 (`Intl.DisplayNames`, long and short
 *   styles, Node 20 / ICU 78), kept here as data so that results do not change with the ICU a Node build carries.
 * - Other common names CLDR does not give (`America`, `Holland`, `Ivory Coast`, `DPRK`, `السعودية`, `米国`).
 * - Demonyms in English, Spanish, French and Arabic (masculine singular here; feminine and plural forms are
 *   derived). Chinese, Japanese and Korean demonyms are the name followed by 人/인, which the names already find.
 */

/** Languages of `CLDR_NAMES`, in column order. */
export const COUNTRY_NAME_LANGUAGES = [
  'en',
  'zh',
  'zh-Hant',
  'ja',
  'ko',
  'es',
  'fr',
  'de',
  'pt',
  'it',
  'ru',
  'ar',
  'fa',
  'hi',
  'th',
  'el',
  'sw',
  'id',
  'tr',
] as const;

/** One row per code: the names in each language of `COUNTRY_NAME_LANGUAGES`, `|` between languages, `;` between names. */
const CLDR_NAMES: Record<string, string> = {
  AD: 'Andorra|安道尔|安道爾|アンドラ|안도라|Andorra|Andorre|Andorra|Andorra|Andorra|Андорра|أندورا|آندورا|एंडोरा|อันดอร์รา|Ανδόρα|Andorra|Andorra|Andorra',
  AE: 'United Arab Emirates|阿拉伯联合酋长国|阿拉伯聯合大公國|アラブ首長国連邦|아랍에미리트|Emiratos Árabes Unidos|Émirats arabes unis|Vereinigte Arabische Emirate|Emirados Árabes Unidos|Emirati Arabi Uniti|ОАЭ|الإمارات العربية المتحدة|امارات متحدهٔ عربی|संयुक्त अरब अमीरात|สหรัฐอาหรับเอมิเรตส์|Ηνωμένα Αραβικά Εμιράτα|Falme za Kiarabu|Uni Emirat Arab|Birleşik Arap Emirlikleri',
  AF: 'Afghanistan|阿富汗|阿富汗|アフガニスタン|아프가니스탄|Afganistán|Afghanistan|Afghanistan|Afeganistão|Afghanistan|Афганистан|أفغانستان|افغانستان|अफ़गानिस्तान|อัฟกานิสถาน|Αφγανιστάν|Afghanistan|Afganistan|Afganistan',
  AG: 'Antigua & Barbuda|安提瓜和巴布达|安地卡及巴布達|アンティグア・バーブーダ|앤티가 바부다|Antigua y Barbuda|Antigua-et-Barbuda|Antigua und Barbuda|Antígua e Barbuda|Antigua e Barbuda|Антигуа и Барбуда|أنتيغوا وبربودا|آنتیگوا و باربودا|एंटिगुआ और बरबुडा|แอนติกาและบาร์บูดา|Αντίγκουα και Μπαρμπούντα|Antigua na Barbuda|Antigua dan Barbuda|Antigua ve Barbuda',
  AI: 'Anguilla|安圭拉|安奎拉|アンギラ|앵귈라|Anguila|Anguilla|Anguilla|Anguila|Anguilla|Ангилья|أنغويلا|آنگویلا|एंग्विला|แองกวิลลา|Ανγκουίλα|Anguilla|Anguilla|Anguilla',
  AL: 'Albania|阿尔巴尼亚|阿爾巴尼亞|アルバニア|알바니아|Albania|Albanie|Albanien|Albânia|Albania|Албания|ألبانيا|آلبانی|अल्बानिया|แอลเบเนีย|Αλβανία|Albania|Albania|Arnavutluk',
  AM: 'Armenia|亚美尼亚|亞美尼亞|アルメニア|아르메니아|Armenia|Arménie|Armenien|Armênia|Armenia|Армения|أرمينيا|ارمنستان|आर्मेनिया|อาร์เมเนีย|Αρμενία|Armenia|Armenia|Ermenistan',
  AO: 'Angola|安哥拉|安哥拉|アンゴラ|앙골라|Angola|Angola|Angola|Angola|Angola|Ангола|أنغولا|آنگولا|अंगोला|แองโกลา|Αγκόλα|Angola|Angola|Angola',
  AQ: 'Antarctica|南极洲|南極洲|南極|남극 대륙|Antártida|Antarctique|Antarktis|Antártida|Antartide|Антарктида|أنتاركتيكا|جنوبگان|अंटार्कटिका|แอนตาร์กติกา|Ανταρκτική|Antaktiki|Antarktika|Antarktika',
  AR: 'Argentina|阿根廷|阿根廷|アルゼンチン|아르헨티나|Argentina|Argentine|Argentinien|Argentina|Argentina|Аргентина|الأرجنتين|آرژانتین|अर्जेंटीना|อาร์เจนตินา|Αργεντινή|Ajentina|Argentina|Arjantin',
  AS: 'American Samoa|美属萨摩亚|美屬薩摩亞|米領サモア|아메리칸 사모아|Samoa Americana|Samoa américaines|Amerikanisch-Samoa|Samoa Americana|Samoa Americane|Американское Самоа|ساموا الأمريكية|ساموآی امریکا|अमेरिकी समोआ|อเมริกันซามัว|Αμερικανική Σαμόα|Samoa ya Marekani|Samoa Amerika|Amerikan Samoası',
  AT: 'Austria|奥地利|奧地利|オーストリア|오스트리아|Austria|Autriche|Österreich|Áustria|Austria|Австрия|النمسا|اتریش|ऑस्ट्रिया|ออสเตรีย|Αυστρία|Austria|Austria|Avusturya',
  AU: 'Australia|澳大利亚|澳洲|オーストラリア|오스트레일리아|Australia|Australie|Australien|Austrália|Australia|Австралия|أستراليا|استرالیا|ऑस्ट्रेलिया|ออสเตรเลีย|Αυστραλία|Australia|Australia|Avustralya',
  AW: 'Aruba|阿鲁巴|荷屬阿魯巴|アルバ|아루바|Aruba|Aruba|Aruba|Aruba|Aruba|Аруба|أروبا|آروبا|अरूबा|อารูบา|Αρούμπα|Aruba|Aruba|Aruba',
  AX: 'Åland Islands|奥兰群岛|奧蘭群島|オーランド諸島|올란드 제도|Islas Aland|Îles Åland|Ålandinseln|Ilhas Aland|Isole Åland|Аландские о-ва|جزر آلاند|جزایر آلاند|एलैंड द्वीपसमूह|หมู่เกาะโอลันด์|Νήσοι Όλαντ|Visiwa vya Aland|Kepulauan Aland|Åland Adaları',
  AZ: 'Azerbaijan|阿塞拜疆|亞塞拜然|アゼルバイジャン|아제르바이잔|Azerbaiyán|Azerbaïdjan|Aserbaidschan|Azerbaijão|Azerbaigian|Азербайджан|أذربيجان|جمهوری آذربایجان|अज़रबैजान|อาเซอร์ไบจาน|Αζερμπαϊτζάν|Azerbaijani|Azerbaijan|Azerbaycan',
  BA: 'Bosnia & Herzegovina;Bosnia|波斯尼亚和黑塞哥维那|波士尼亞與赫塞哥維納|ボスニア・ヘルツェゴビナ|보스니아 헤르체고비나|Bosnia y Herzegovina|Bosnie-Herzégovine|Bosnien und Herzegowina|Bósnia e Herzegovina|Bosnia ed Erzegovina|Босния и Герцеговина|البوسنة والهرسك|بوسنی و هرزگوین|बोस्निया और हर्ज़ेगोविना|บอสเนียและเฮอร์เซโกวีนา|Βοσνία - Ερζεγοβίνη|Bosnia na Hezegovina|Bosnia dan Herzegovina|Bosna-Hersek',
  BB: 'Barbados|巴巴多斯|巴貝多|バルバドス|바베이도스|Barbados|Barbade|Barbados|Barbados|Barbados|Барбадос|بربادوس|باربادوس|बारबाडोस|บาร์เบโดส|Μπαρμπέιντος|Babadosi|Barbados|Barbados',
  BD: 'Bangladesh|孟加拉国|孟加拉|バングラデシュ|방글라데시|Bangladés|Bangladesh|Bangladesch|Bangladesh|Bangladesh|Бангладеш|بنغلاديش|بنگلادش|बांग्लादेश|บังกลาเทศ|Μπανγκλαντές|Bangladeshi|Bangladesh|Bangladeş',
  BE: 'Belgium|比利时|比利時|ベルギー|벨기에|Bélgica|Belgique|Belgien|Bélgica|Belgio|Бельгия|بلجيكا|بلژیک|बेल्जियम|เบลเยียม|Βέλγιο|Ubelgiji|Belgia|Belçika',
  BF: 'Burkina Faso|布基纳法索|布吉納法索|ブルキナファソ|부르키나파소|Burkina Faso|Burkina Faso|Burkina Faso|Burquina Faso|Burkina Faso|Буркина-Фасо|بوركينا فاسو|بورکینافاسو|बुर्किना फ़ासो|บูร์กินาฟาโซ|Μπουρκίνα Φάσο|Bukinafaso|Burkina Faso|Burkina Faso',
  BG: 'Bulgaria|保加利亚|保加利亞|ブルガリア|불가리아|Bulgaria|Bulgarie|Bulgarien|Bulgária|Bulgaria|Болгария|بلغاريا|بلغارستان|बुल्गारिया|บัลแกเรีย|Βουλγαρία|Bulgaria|Bulgaria|Bulgaristan',
  BH: 'Bahrain|巴林|巴林|バーレーン|바레인|Baréin|Bahreïn|Bahrain|Barein|Bahrein|Бахрейн|البحرين|بحرین|बहरीन|บาห์เรน|Μπαχρέιν|Bahareni|Bahrain|Bahreyn',
  BI: 'Burundi|布隆迪|蒲隆地|ブルンジ|부룬디|Burundi|Burundi|Burundi|Burundi|Burundi|Бурунди|بوروندي|بوروندی|बुरुंडी|บุรุนดี|Μπουρούντι|Burundi|Burundi|Burundi',
  BJ: 'Benin|贝宁|貝南|ベナン|베냉|Benín|Bénin|Benin|Benin|Benin|Бенин|بنين|بنین|बेनिन|เบนิน|Μπενίν|Benin|Benin|Benin',
  BL: 'St. Barthélemy|圣巴泰勒米|聖巴瑟米|サン・バルテルミー|생바르텔레미|San Bartolomé|Saint-Barthélemy|St. Barthélemy|São Bartolomeu|Saint-Barthélemy|Сен-Бартелеми|سان بارتليمي|سن بارتلمی|सेंट बार्थेलेमी|เซนต์บาร์เธเลมี|Άγιος Βαρθολομαίος|St. Barthelemy|Saint Barthélemy|Saint Barthelemy',
  BM: 'Bermuda|百慕大|百慕達|バミューダ|버뮤다|Bermudas|Bermudes|Bermuda|Bermudas|Bermuda|Бермудские о-ва|برمودا|برمودا|बरमूडा|เบอร์มิวดา|Βερμούδες|Bermuda|Bermuda|Bermuda',
  BN: 'Brunei|文莱|汶萊|ブルネイ|브루나이|Brunéi|Brunei|Brunei Darussalam|Brunei|Brunei|Бруней|بروناي|برونئی|ब्रूनेई|บรูไน|Μπρουνέι|Brunei|Brunei|Brunei',
  BO: 'Bolivia|玻利维亚|玻利維亞|ボリビア|볼리비아|Bolivia|Bolivie|Bolivien|Bolívia|Bolivia|Боливия|بوليفيا|بولیوی|बोलीविया|โบลิเวีย|Βολιβία|Bolivia|Bolivia|Bolivya',
  BQ: 'Caribbean Netherlands|荷属加勒比区|荷蘭加勒比區|オランダ領カリブ|네덜란드령 카리브|Caribe neerlandés|Pays-Bas caribéens|Karibische Niederlande|Países Baixos Caribenhos|Caraibi Olandesi|Бонэйр, Синт-Эстатиус и Саба|هولندا الكاريبية|جزایر کارائیب هلند|कैरिबियन नीदरलैंड|เนเธอร์แลนด์แคริบเบียน|Ολλανδία Καραϊβικής|Uholanzi ya Karibiani|Belanda Karibia|Karayip Hollandası',
  BR: 'Brazil|巴西|巴西|ブラジル|브라질|Brasil|Brésil|Brasilien|Brasil|Brasile|Бразилия|البرازيل|برزیل|ब्राज़ील|บราซิล|Βραζιλία|Brazil|Brasil|Brezilya',
  BS: 'Bahamas|巴哈马|巴哈馬|バハマ|바하마|Bahamas|Bahamas|Bahamas|Bahamas|Bahamas|Багамы|جزر البهاما|باهاما|बहामास|บาฮามาส|Μπαχάμες|Bahama|Bahama|Bahamalar',
  BT: 'Bhutan|不丹|不丹|ブータン|부탄|Bután|Bhoutan|Bhutan|Butão|Bhutan|Бутан|بوتان|بوتان|भूटान|ภูฏาน|Μπουτάν|Bhutan|Bhutan|Butan',
  BV: 'Bouvet Island|布韦岛|布威島|ブーベ島|부베섬|Isla Bouvet|Île Bouvet|Bouvetinsel|Ilha Bouvet|Isola Bouvet|о-в Буве|جزيرة بوفيه|جزیرهٔ بووه|बोवेत द्वीप|เกาะบูเว|Νήσος Μπουβέ|Kisiwa cha Bouvet|Pulau Bouvet|Bouvet Adası',
  BW: 'Botswana|博茨瓦纳|波札那|ボツワナ|보츠와나|Botsuana|Botswana|Botsuana|Botsuana|Botswana|Ботсвана|بوتسوانا|بوتسوانا|बोत्स्वाना|บอตสวานา|Μποτσουάνα|Botswana|Botswana|Botsvana',
  BY: 'Belarus|白俄罗斯|白俄羅斯|ベラルーシ|벨라루스|Bielorrusia|Biélorussie|Belarus|Bielorrússia|Bielorussia|Беларусь|بيلاروس|بلاروس|बेलारूस|เบลารุส|Λευκορωσία|Belarus|Belarus|Belarus',
  BZ: 'Belize|伯利兹|貝里斯|ベリーズ|벨리즈|Belice|Belize|Belize|Belize|Belize|Белиз|بليز|بلیز|बेलीज़|เบลีซ|Μπελίζ|Belize|Belize|Belize',
  CA: 'Canada|加拿大|加拿大|カナダ|캐나다|Canadá|Canada|Kanada|Canadá|Canada|Канада|كندا|کانادا|कनाडा|แคนาดา|Καναδάς|Kanada|Kanada|Kanada',
  CC: 'Cocos Islands|科科斯群岛|科克斯群島|ココス諸島|코코스 제도|Islas Cocos|Îles Cocos|Kokosinseln|Ilhas Cocos|Isole Cocos|Кокосовые о-ва|جزر كوكوس|جزایر کوکوس|कोकोस द्वीपसमूह|หมู่เกาะโคโคส|Νήσοι Κόκος|Visiwa vya Cocos|Kepulauan Cocos|Cocos Adaları',
  CD: 'Congo - Kinshasa|刚果（金）|剛果（金夏沙）|コンゴ民主共和国(キンシャサ)|콩고-킨샤사|República Democrática del Congo|Congo-Kinshasa|Kongo-Kinshasa|Congo - Kinshasa|Congo - Kinshasa|Конго - Киншаса|الكونغو - كينشاسا|کنگو - کینشاسا|कांगो - किंशासा|คองโก - กินชาซา|Κονγκό - Κινσάσα|Kongo - Kinshasa|Kongo - Kinshasa|Kongo - Kinşasa',
  CF: 'Central African Republic|中非共和国|中非共和國|中央アフリカ共和国|중앙 아프리카 공화국|República Centroafricana|République centrafricaine|Zentralafrikanische Republik|República Centro-Africana|Repubblica Centrafricana|Центрально-Африканская Республика|جمهورية أفريقيا الوسطى|جمهوری افریقای مرکزی|मध्य अफ़्रीकी गणराज्य|สาธารณรัฐแอฟริกากลาง|Κεντροαφρικανική Δημοκρατία|Jamhuri ya Afrika ya Kati|Republik Afrika Tengah|Orta Afrika Cumhuriyeti',
  CG: 'Congo - Brazzaville|刚果（布）|剛果（布拉薩）|コンゴ共和国(ブラザビル)|콩고-브라자빌|Congo|Congo-Brazzaville|Kongo-Brazzaville|República do Congo|Congo-Brazzaville|Конго - Браззавиль|الكونغو - برازافيل|کنگو - برازویل|कांगो – ब्राज़ाविल|คองโก - บราซซาวิล|Κονγκό - Μπραζαβίλ|Kongo - Brazzaville|Kongo - Brazzaville|Kongo - Brazavil',
  CH: 'Switzerland|瑞士|瑞士|スイス|스위스|Suiza|Suisse|Schweiz|Suíça|Svizzera|Швейцария|سويسرا|سوئیس|स्विट्ज़रलैंड|สวิตเซอร์แลนด์|Ελβετία|Uswisi|Swiss|İsviçre',
  CI: "Côte d'Ivoire|科特迪瓦|象牙海岸|コートジボワール|코트디부아르|Côte d'Ivoire|Côte d'Ivoire|Côte d'Ivoire|Costa do Marfim|Costa d'Avorio|Кот-д'Ивуар|ساحل العاج|ساحل عاج|कोत दिवुआर|โกตดิวัวร์|Ακτή Ελεφαντοστού|Cote d'Ivoire|Côte d'Ivoire|Côte d'Ivoire",
  CK: 'Cook Islands|库克群岛|庫克群島|クック諸島|쿡 제도|Islas Cook|Îles Cook|Cookinseln|Ilhas Cook|Isole Cook|о-ва Кука|جزر كوك|جزایر کوک|कुक द्वीपसमूह|หมู่เกาะคุก|Νήσοι Κουκ|Visiwa vya Cook|Kepulauan Cook|Cook Adaları',
  CL: 'Chile|智利|智利|チリ|칠레|Chile|Chili|Chile|Chile|Cile|Чили|تشيلي|شیلی|चिली|ชิลี|Χιλή|Chile|Cile|Şili',
  CM: 'Cameroon|喀麦隆|喀麥隆|カメルーン|카메룬|Camerún|Cameroun|Kamerun|Camarões|Camerun|Камерун|الكاميرون|کامرون|कैमरून|แคเมอรูน|Καμερούν|Kameruni|Kamerun|Kamerun',
  CN: 'China|中国|中國|中国|중국|China|Chine|China|China|Cina|Китай|الصين|چین|चीन|จีน|Κίνα|Uchina|Tiongkok|Çin',
  CO: 'Colombia|哥伦比亚|哥倫比亞|コロンビア|콜롬비아|Colombia|Colombie|Kolumbien|Colômbia|Colombia|Колумбия|كولومبيا|کلمبیا|कोलंबिया|โคลอมเบีย|Κολομβία|Kolombia|Kolombia|Kolombiya',
  CR: 'Costa Rica|哥斯达黎加|哥斯大黎加|コスタリカ|코스타리카|Costa Rica|Costa Rica|Costa Rica|Costa Rica|Costa Rica|Коста-Рика|كوستاريكا|کاستاریکا|कोस्टारिका|คอสตาริกา|Κόστα Ρίκα|Kostarika|Kosta Rika|Kosta Rika',
  CU: 'Cuba|古巴|古巴|キューバ|쿠바|Cuba|Cuba|Kuba|Cuba|Cuba|Куба|كوبا|کوبا|क्यूबा|คิวบา|Κούβα|Kuba|Kuba|Küba',
  CV: 'Cape Verde|佛得角|維德角|カーボベルデ|카보베르데|Cabo Verde|Cap-Vert|Cabo Verde|Cabo Verde|Capo Verde|Кабо-Верде|الرأس الأخضر|کیپ‌ورد|केप वर्ड|เคปเวิร์ด|Πράσινο Ακρωτήριο|Cape Verde|Tanjung Verde|Cabo Verde',
  CW: 'Curaçao|库拉索|庫拉索|キュラソー|퀴라소|Curazao|Curaçao|Curaçao|Curaçao|Curaçao|Кюрасао|كوراساو|کوراسائو|कुरासाओ|คูราเซา|Κουρασάο|Curacao|Curaçao|Curaçao',
  CX: 'Christmas Island|圣诞岛|聖誕島|クリスマス島|크리스마스섬|Isla de Navidad|Île Christmas|Weihnachtsinsel|Ilha Christmas|Isola Christmas|о-в Рождества|جزيرة كريسماس|جزیرهٔ کریسمس|क्रिसमस द्वीप|เกาะคริสต์มาส|Νήσος των Χριστουγέννων|Kisiwa cha Krismasi|Pulau Natal|Christmas Adası',
  CY: 'Cyprus|塞浦路斯|賽普勒斯|キプロス|키프로스|Chipre|Chypre|Zypern|Chipre|Cipro|Кипр|قبرص|قبرس|साइप्रस|ไซปรัส|Κύπρος|Saiprasi|Siprus|Kıbrıs',
  CZ: 'Czechia|捷克|捷克|チェコ|체코|Chequia|Tchéquie|Tschechien|Tchéquia|Cechia|Чехия|التشيك|چک|चेकिया|เช็ก|Τσεχία|Chechia|Ceko|Çekya',
  DE: 'Germany|德国|德國|ドイツ|독일|Alemania|Allemagne|Deutschland|Alemanha|Germania|Германия|ألمانيا|آلمان|जर्मनी|เยอรมนี|Γερμανία|Ujerumani|Jerman|Almanya',
  DJ: 'Djibouti|吉布提|吉布地|ジブチ|지부티|Yibuti|Djibouti|Dschibuti|Djibuti|Gibuti|Джибути|جيبوتي|جیبوتی|जिबूती|จิบูตี|Τζιμπουτί|Jibuti|Jibuti|Cibuti',
  DK: 'Denmark|丹麦|丹麥|デンマーク|덴마크|Dinamarca|Danemark|Dänemark|Dinamarca|Danimarca|Дания|الدانمرك|دانمارک|डेनमार्क|เดนมาร์ก|Δανία|Denmaki|Denmark|Danimarka',
  DM: 'Dominica|多米尼克|多米尼克|ドミニカ国|도미니카|Dominica|Dominique|Dominica|Dominica|Dominica|Доминика|دومينيكا|دومینیکا|डोमिनिका|โดมินิกา|Ντομίνικα|Dominika|Dominika|Dominika',
  DO: 'Dominican Republic|多米尼加共和国|多明尼加共和國|ドミニカ共和国|도미니카 공화국|República Dominicana|République dominicaine|Dominikanische Republik|República Dominicana|Repubblica Dominicana|Доминиканская Республика|جمهورية الدومينيكان|جمهوری دومینیکن|डोमिनिकन गणराज्य|สาธารณรัฐโดมินิกัน|Δομινικανή Δημοκρατία|Jamhuri ya Dominika|Republik Dominika|Dominik Cumhuriyeti',
  DZ: 'Algeria|阿尔及利亚|阿爾及利亞|アルジェリア|알제리|Argelia|Algérie|Algerien|Argélia|Algeria|Алжир|الجزائر|الجزایر|अल्जीरिया|แอลจีเรีย|Αλγερία|Aljeria|Aljazair|Cezayir',
  EC: 'Ecuador|厄瓜多尔|厄瓜多|エクアドル|에콰도르|Ecuador|Équateur|Ecuador|Equador|Ecuador|Эквадор|الإكوادور|اکوادور|इक्वाडोर|เอกวาดอร์|Ισημερινός|Ecuador|Ekuador|Ekvador',
  EE: 'Estonia|爱沙尼亚|愛沙尼亞|エストニア|에스토니아|Estonia|Estonie|Estland|Estônia|Estonia|Эстония|إستونيا|استونی|एस्टोनिया|เอสโตเนีย|Εσθονία|Estonia|Estonia|Estonya',
  EG: 'Egypt|埃及|埃及|エジプト|이집트|Egipto|Égypte|Ägypten|Egito|Egitto|Египет|مصر|مصر|मिस्र|อียิปต์|Αίγυπτος|Misri|Mesir|Mısır',
  EH: 'Western Sahara|西撒哈拉|西撒哈拉|西サハラ|서사하라|Sáhara Occidental|Sahara occidental|Westsahara|Saara Ocidental|Sahara Occidentale|Западная Сахара|الصحراء الغربية|صحرای غربی|पश्चिमी सहारा|ซาฮาราตะวันตก|Δυτική Σαχάρα|Sahara Magharibi|Sahara Barat|Batı Sahra',
  ER: 'Eritrea|厄立特里亚|厄利垂亞|エリトリア|에리트리아|Eritrea|Érythrée|Eritrea|Eritreia|Eritrea|Эритрея|إريتريا|اریتره|इरिट्रिया|เอริเทรีย|Ερυθραία|Eritrea|Eritrea|Eritre',
  ES: 'Spain|西班牙|西班牙|スペイン|스페인|España|Espagne|Spanien|Espanha|Spagna|Испания|إسبانيا|اسپانیا|स्पेन|สเปน|Ισπανία|Uhispania|Spanyol|İspanya',
  ET: 'Ethiopia|埃塞俄比亚|衣索比亞|エチオピア|에티오피아|Etiopía|Éthiopie|Äthiopien|Etiópia|Etiopia|Эфиопия|إثيوبيا|اتیوپی|इथियोपिया|เอธิโอเปีย|Αιθιοπία|Ethiopia|Etiopia|Etiyopya',
  FI: 'Finland|芬兰|芬蘭|フィンランド|핀란드|Finlandia|Finlande|Finnland|Finlândia|Finlandia|Финляндия|فنلندا|فنلاند|फ़िनलैंड|ฟินแลนด์|Φινλανδία|Ufini|Finlandia|Finlandiya',
  FJ: 'Fiji|斐济|斐濟|フィジー|피지|Fiyi|Fidji|Fidschi|Fiji|Figi|Фиджи|فيجي|فیجی|फ़िजी|ฟิจิ|Φίτζι|Fiji|Fiji|Fiji',
  FK: 'Falkland Islands|福克兰群岛|福克蘭群島|フォークランド諸島|포클랜드 제도|Islas Malvinas|Îles Malouines|Falklandinseln|Ilhas Malvinas|Isole Falkland|Фолклендские о-ва|جزر فوكلاند|جزایر فالکلند|फ़ॉकलैंड द्वीपसमूह|หมู่เกาะฟอล์กแลนด์|Νήσοι Φόκλαντ|Visiwa vya Falkland|Kepulauan Falkland|Falkland Adaları',
  FM: 'Micronesia|密克罗尼西亚|密克羅尼西亞|ミクロネシア連邦|미크로네시아|Micronesia|Micronésie|Mikronesien|Micronésia|Micronesia|Федеративные Штаты Микронезии|ميكرونيزيا|میکرونزی|माइक्रोनेशिया|ไมโครนีเซีย|Μικρονησία|Mikronesia|Mikronesia|Mikronezya',
  FO: 'Faroe Islands|法罗群岛|法羅群島|フェロー諸島|페로 제도|Islas Feroe|Îles Féroé|Färöer|Ilhas Faroé|Isole Fær Øer|Фарерские о-ва|جزر فارو|جزایر فارو|फ़ेरो द्वीपसमूह|หมู่เกาะแฟโร|Νήσοι Φερόες|Visiwa vya Faroe|Kepulauan Faroe|Faroe Adaları',
  FR: 'France|法国|法國|フランス|프랑스|Francia|France|Frankreich|França|Francia|Франция|فرنسا|فرانسه|फ़्रांस|ฝรั่งเศส|Γαλλία|Ufaransa|Prancis|Fransa',
  GA: 'Gabon|加蓬|加彭|ガボン|가봉|Gabón|Gabon|Gabun|Gabão|Gabon|Габон|الغابون|گابن|गैबॉन|กาบอง|Γκαμπόν|Gabon|Gabon|Gabon',
  GB: 'United Kingdom|英国|英國|イギリス;英国|영국|Reino Unido|Royaume-Uni|Vereinigtes Königreich|Reino Unido|Regno Unito|Великобритания;Британия|المملكة المتحدة|بریتانیا|यूनाइटेड किंगडम|สหราชอาณาจักร|Ηνωμένο Βασίλειο|Ufalme wa Muungano|Inggris Raya|Birleşik Krallık',
  GD: 'Grenada|格林纳达|格瑞那達|グレナダ|그레나다|Granada|Grenade|Grenada|Granada|Grenada|Гренада|غرينادا|گرنادا|ग्रेनाडा|เกรเนดา|Γρενάδα|Grenada|Grenada|Grenada',
  GE: 'Georgia|格鲁吉亚|喬治亞|ジョージア|조지아|Georgia|Géorgie|Georgien|Geórgia|Georgia|Грузия|جورجيا|گرجستان|जॉर्जिया|จอร์เจีย|Γεωργία|Jojia|Georgia|Gürcistan',
  GF: 'French Guiana|法属圭亚那|法屬圭亞那|仏領ギアナ|프랑스령 기아나|Guayana Francesa|Guyane française|Französisch-Guayana|Guiana Francesa|Guyana Francese|Французская Гвиана|غويانا الفرنسية|گویان فرانسه|फ़्रेंच गुयाना|เฟรนช์เกียนา|Γαλλική Γουιάνα|Guiana ya Ufaransa|Guyana Prancis|Fransız Guyanası',
  GG: 'Guernsey|根西岛|根息|ガーンジー|건지|Guernesey|Guernesey|Guernsey|Guernsey|Guernsey|Гернси|غيرنزي|گرنزی|गर्नसी|เกิร์นซีย์|Γκέρνζι|Guernsey|Guernsey|Guernsey',
  GH: 'Ghana|加纳|迦納|ガーナ|가나|Ghana|Ghana|Ghana|Gana|Ghana|Гана|غانا|غنا|घाना|กานา|Γκάνα|Ghana|Ghana|Gana',
  GI: 'Gibraltar|直布罗陀|直布羅陀|ジブラルタル|지브롤터|Gibraltar|Gibraltar|Gibraltar|Gibraltar|Gibilterra|Гибралтар|جبل طارق|جبل‌الطارق|जिब्राल्टर|ยิบรอลตาร์|Γιβραλτάρ|Gibraltar|Gibraltar|Cebelitarık',
  GL: 'Greenland|格陵兰|格陵蘭|グリーンランド|그린란드|Groenlandia|Groenland|Grönland|Groenlândia|Groenlandia|Гренландия|غرينلاند|گرینلند|ग्रीनलैंड|กรีนแลนด์|Γροιλανδία|Greenland|Greenland|Grönland',
  GM: 'Gambia|冈比亚|甘比亞|ガンビア|감비아|Gambia|Gambie|Gambia|Gâmbia|Gambia|Гамбия|غامبيا|گامبیا|गाम्बिया|แกมเบีย|Γκάμπια|Gambia|Gambia|Gambiya',
  GN: 'Guinea|几内亚|幾內亞|ギニア|기니|Guinea|Guinée|Guinea|Guiné|Guinea|Гвинея|غينيا|گینه|गिनी|กินี|Γουινέα|Gine|Guinea|Gine',
  GP: 'Guadeloupe|瓜德罗普|瓜地洛普|グアドループ|과들루프|Guadalupe|Guadeloupe|Guadeloupe|Guadalupe|Guadalupa|Гваделупа|غوادلوب|گوادلوپ|ग्वाडेलूप|กวาเดอลูป|Γουαδελούπη|Guadeloupe|Guadeloupe|Guadeloupe',
  GQ: 'Equatorial Guinea|赤道几内亚|赤道幾內亞|赤道ギニア|적도 기니|Guinea Ecuatorial|Guinée équatoriale|Äquatorialguinea|Guiné Equatorial|Guinea Equatoriale|Экваториальная Гвинея|غينيا الاستوائية|گینهٔ استوایی|इक्वेटोरियल गिनी|อิเควทอเรียลกินี|Ισημερινή Γουινέα|Guinea ya Ikweta|Guinea Ekuatorial|Ekvator Ginesi',
  GR: 'Greece|希腊|希臘|ギリシャ|그리스|Grecia|Grèce|Griechenland|Grécia|Grecia|Греция|اليونان|یونان|यूनान|กรีซ|Ελλάδα|Ugiriki|Yunani|Yunanistan',
  GS: 'South Georgia & South Sandwich Islands|南乔治亚和南桑威奇群岛|南喬治亞與南三明治群島|サウスジョージア・サウスサンドウィッチ諸島|사우스조지아 사우스샌드위치 제도|Islas Georgia del Sur y Sandwich del Sur|Géorgie du Sud-et-les Îles Sandwich du Sud|Südgeorgien und die Südlichen Sandwichinseln|Ilhas Geórgia do Sul e Sandwich do Sul|Georgia del Sud e Sandwich Australi|Южная Георгия и Южные Сандвичевы о-ва|جورجيا الجنوبية وجزر ساندويتش الجنوبية|جورجیای جنوبی و جزایر ساندویچ جنوبی|दक्षिण जॉर्जिया और दक्षिण सैंडविच द्वीपसमूह|เกาะเซาท์จอร์เจียและหมู่เกาะเซาท์แซนด์วิช|Νήσοι Νότια Γεωργία και Νότιες Σάντουιτς|Visiwa vya Georgia Kusini na Sandwich Kusini|Georgia Selatan & Kep. Sandwich Selatan|Güney Georgia ve Güney Sandwich Adaları',
  GT: 'Guatemala|危地马拉|瓜地馬拉|グアテマラ|과테말라|Guatemala|Guatemala|Guatemala|Guatemala|Guatemala|Гватемала|غواتيمالا|گواتمالا|ग्वाटेमाला|กัวเตมาลา|Γουατεμάλα|Guatemala|Guatemala|Guatemala',
  GU: 'Guam|关岛|關島|グアム|괌|Guam|Guam|Guam|Guam|Guam|Гуам|غوام|گوام|गुआम|กวม|Γκουάμ|Guam|Guam|Guam',
  GW: 'Guinea-Bissau|几内亚比绍|幾內亞比索|ギニアビサウ|기니비사우|Guinea-Bisáu|Guinée-Bissau|Guinea-Bissau|Guiné-Bissau|Guinea-Bissau|Гвинея-Бисау|غينيا بيساو|گینهٔ بیسائو|गिनी-बिसाउ|กินี-บิสเซา|Γουινέα Μπισάου|Ginebisau|Guinea-Bissau|Gine-Bissau',
  GY: 'Guyana|圭亚那|蓋亞那|ガイアナ|가이아나|Guyana|Guyana|Guyana|Guiana|Guyana|Гайана|غيانا|گویان|गुयाना|กายอานา|Γουιάνα|Guyana|Guyana|Guyana',
  HK: 'Hong Kong SAR China;Hong Kong|中国香港特别行政区;香港|中國香港特別行政區;香港|中華人民共和国香港特別行政区;香港|홍콩|RAE de Hong Kong;Hong Kong|R.A.S. chinoise de Hong Kong;Hong Kong|Sonderverwaltungsregion Hongkong;Hongkong|Hong Kong, RAE da China;Hong Kong|RAS di Hong Kong;Hong Kong|Гонконг|هونغ كونغ الصينية;هونغ كونغ|هنگ‌کنگ، منطقهٔ ویژهٔ اداری چین;هنگ‌کنگ|हाँग काँग|เขตปกครองพิเศษฮ่องกงแห่งสาธารณรัฐประชาชนจีน;ฮ่องกง|Χονγκ Κονγκ ΕΔΠ Κίνας;Χονγκ Κονγκ|Hong Kong SAR China;Hong Kong|Hong Kong DAK Tiongkok;Hong Kong|Çin Hong Kong ÖİB;Hong Kong',
  HM: 'Heard & McDonald Islands|赫德岛和麦克唐纳群岛|赫德島及麥唐納群島|ハード島・マクドナルド諸島|허드 맥도널드 제도|Islas Heard y McDonald|Îles Heard-et-MacDonald|Heard und McDonaldinseln|Ilhas Heard e McDonald|Isole Heard e McDonald|о-ва Херд и Макдональд|جزيرة هيرد وجزر ماكدونالد|هرد و جزایر مک‌دونالد|हर्ड द्वीप और मैकडोनॉल्ड द्वीपसमूह|เกาะเฮิร์ดและหมู่เกาะแมกดอนัลด์|Νήσοι Χερντ και Μακντόναλντ|Kisiwa cha Heard na Visiwa vya McDonald|Pulau Heard dan Kepulauan McDonald|Heard Adası ve McDonald Adaları',
  HN: 'Honduras|洪都拉斯|宏都拉斯|ホンジュラス|온두라스|Honduras|Honduras|Honduras|Honduras|Honduras|Гондурас|هندوراس|هندوراس|होंडूरास|ฮอนดูรัส|Ονδούρα|Honduras|Honduras|Honduras',
  HR: 'Croatia|克罗地亚|克羅埃西亞|クロアチア|크로아티아|Croacia|Croatie|Kroatien|Croácia|Croazia|Хорватия|كرواتيا|کرواسی|क्रोएशिया|โครเอเชีย|Κροατία|Croatia|Kroasia|Hırvatistan',
  HT: 'Haiti|海地|海地|ハイチ|아이티|Haití|Haïti|Haiti|Haiti|Haiti|Гаити|هايتي|هائیتی|हैती|เฮติ|Αϊτή|Haiti|Haiti|Haiti',
  HU: 'Hungary|匈牙利|匈牙利|ハンガリー|헝가리|Hungría|Hongrie|Ungarn|Hungria|Ungheria|Венгрия|هنغاريا|مجارستان|हंगरी|ฮังการี|Ουγγαρία|Hungaria|Hungaria|Macaristan',
  ID: 'Indonesia|印度尼西亚|印尼|インドネシア|인도네시아|Indonesia|Indonésie|Indonesien|Indonésia|Indonesia|Индонезия|إندونيسيا|اندونزی|इंडोनेशिया|อินโดนีเซีย|Ινδονησία|Indonesia|Indonesia|Endonezya',
  IE: 'Ireland|爱尔兰|愛爾蘭|アイルランド|아일랜드|Irlanda|Irlande|Irland|Irlanda|Irlanda|Ирландия|أيرلندا|ایرلند|आयरलैंड|ไอร์แลนด์|Ιρλανδία|Ayalandi|Irlandia|İrlanda',
  IL: 'Israel|以色列|以色列|イスラエル|이스라엘|Israel|Israël|Israel|Israel|Israele|Израиль|إسرائيل|اسرائیل|इज़राइल|อิสราเอล|Ισραήλ|Israeli|Israel|İsrail',
  IM: 'Isle of Man|马恩岛|曼島|マン島|맨섬|Isla de Man|Île de Man|Isle of Man|Ilha de Man|Isola di Man|о-в Мэн|جزيرة مان|جزیرهٔ من|आइल ऑफ़ मैन|เกาะแมน|Νήσος του Μαν|Kisiwa cha Man|Pulau Man|Man Adası',
  IN: 'India|印度|印度|インド|인도|India|Inde|Indien|Índia|India|Индия|الهند|هند|भारत|อินเดีย|Ινδία|India|India|Hindistan',
  IO: "British Indian Ocean Territory|英属印度洋领地|英屬印度洋領地|英領インド洋地域|영국령 인도양 지역|Territorio Británico del Océano Índico|Territoire britannique de l'océan Indien|Britisches Territorium im Indischen Ozean|Território Britânico do Oceano Índico|Territorio Britannico dell'Oceano Indiano|Британская территория в Индийском океане|الإقليم البريطاني في المحيط الهندي|قلمرو بریتانیا در اقیانوس هند|ब्रिटिश हिंद महासागरीय क्षेत्र|บริติชอินเดียนโอเชียนเทร์ริทอรี|Βρετανικά Εδάφη Ινδικού Ωκεανού|Eneo la Uingereza katika Bahari Hindi|Wilayah Inggris di Samudra Hindia|Britanya Hint Okyanusu Toprakları",
  IQ: 'Iraq|伊拉克|伊拉克|イラク|이라크|Irak|Irak|Irak|Iraque|Iraq|Ирак|العراق|عراق|इराक|อิรัก|Ιράκ|Iraki|Irak|Irak',
  IR: 'Iran|伊朗|伊朗|イラン|이란|Irán|Iran|Iran|Irã|Iran|Иран|إيران|ایران|ईरान|อิหร่าน|Ιράν|Iran|Iran|İran',
  IS: 'Iceland|冰岛|冰島|アイスランド|아이슬란드|Islandia|Islande|Island|Islândia|Islanda|Исландия|آيسلندا|ایسلند|आइसलैंड|ไอซ์แลนด์|Ισλανδία|Aisilandi|Islandia|İzlanda',
  IT: 'Italy|意大利|義大利|イタリア|이탈리아|Italia|Italie|Italien|Itália|Italia|Италия|إيطاليا|ایتالیا|इटली|อิตาลี|Ιταλία|Italia|Italia|İtalya',
  JE: 'Jersey|泽西岛|澤西島|ジャージー|저지|Jersey|Jersey|Jersey|Jersey|Jersey|Джерси|جيرسي|جرزی|जर्सी|เจอร์ซีย์|Τζέρζι|Jersey|Jersey|Jersey',
  JM: 'Jamaica|牙买加|牙買加|ジャマイカ|자메이카|Jamaica|Jamaïque|Jamaika|Jamaica|Giamaica|Ямайка|جامايكا|جامائیکا|जमैका|จาเมกา|Τζαμάικα|Jamaika|Jamaika|Jamaika',
  JO: 'Jordan|约旦|約旦|ヨルダン|요르단|Jordania|Jordanie|Jordanien|Jordânia|Giordania|Иордания|الأردن|اردن|जॉर्डन|จอร์แดน|Ιορδανία|Jordan|Yordania|Ürdün',
  JP: 'Japan|日本|日本|日本|일본|Japón|Japon|Japan|Japão|Giappone|Япония|اليابان|ژاپن|जापान|ญี่ปุ่น|Ιαπωνία|Japani|Jepang|Japonya',
  KE: 'Kenya|肯尼亚|肯亞|ケニア|케냐|Kenia|Kenya|Kenia|Quênia|Kenya|Кения|كينيا|کنیا|केन्या|เคนยา|Κένυα|Kenya|Kenya|Kenya',
  KG: 'Kyrgyzstan|吉尔吉斯斯坦|吉爾吉斯|キルギス|키르기스스탄|Kirguistán|Kirghizstan|Kirgisistan|Quirguistão|Kirghizistan|Киргизия|قيرغيزستان|قرقیزستان|किर्गिज़स्तान|คีร์กีซสถาน|Κιργιστάν|Kirigizistani|Kirgizstan|Kırgızistan',
  KH: 'Cambodia|柬埔寨|柬埔寨|カンボジア|캄보디아|Camboya|Cambodge|Kambodscha|Camboja|Cambogia|Камбоджа|كمبوديا|کامبوج|कंबोडिया|กัมพูชา|Καμπότζη|Kambodia|Kamboja|Kamboçya',
  KI: 'Kiribati|基里巴斯|吉里巴斯|キリバス|키리바시|Kiribati|Kiribati|Kiribati|Quiribati|Kiribati|Кирибати|كيريباتي|کیریباتی|किरिबाती|คิริบาส|Κιριμπάτι|Kiribati|Kiribati|Kiribati',
  KM: 'Comoros|科摩罗|葛摩|コモロ|코모로|Comoras|Comores|Komoren|Comores|Comore|Коморы|جزر القمر|کومور|कोमोरोस|คอโมโรส|Κομόρες|Komoro|Komoro|Komorlar',
  KN: 'St. Kitts & Nevis|圣基茨和尼维斯|聖克里斯多福及尼維斯|セントクリストファー・ネーヴィス|세인트키츠 네비스|San Cristóbal y Nieves|Saint-Christophe-et-Niévès|St. Kitts und Nevis|São Cristóvão e Névis|Saint Kitts e Nevis|Сент-Китс и Невис|سانت كيتس ونيفيس|سنت کیتس و نویس|सेंट किट्स और नेविस|เซนต์คิตส์และเนวิส|Σεν Κιτς και Νέβις|St. Kitts na Nevis|Saint Kitts dan Nevis|Saint Kitts ve Nevis',
  KP: 'North Korea|朝鲜|北韓|北朝鮮|북한|Corea del Norte|Corée du Nord|Nordkorea|Coreia do Norte|Corea del Nord|КНДР|كوريا الشمالية|کرهٔ شمالی|उत्तर कोरिया|เกาหลีเหนือ|Βόρεια Κορέα|Korea Kaskazini|Korea Utara|Kuzey Kore',
  KR: 'South Korea|韩国|南韓|韓国|대한민국;한국|Corea del Sur|Corée du Sud|Südkorea|Coreia do Sul|Corea del Sud|Республика Корея|كوريا الجنوبية|کرهٔ جنوبی|दक्षिण कोरिया|เกาหลีใต้|Νότια Κορέα|Korea Kusini|Korea Selatan|Güney Kore',
  KW: 'Kuwait|科威特|科威特|クウェート|쿠웨이트|Kuwait|Koweït|Kuwait|Kuwait|Kuwait|Кувейт|الكويت|کویت|कुवैत|คูเวต|Κουβέιτ|Kuwait|Kuwait|Kuveyt',
  KY: 'Cayman Islands|开曼群岛|開曼群島|ケイマン諸島|케이맨 제도|Islas Caimán|Îles Caïmans|Kaimaninseln|Ilhas Cayman|Isole Cayman|о-ва Кайман|جزر كايمان|جزایر کِیمن|कैमेन द्वीपसमूह|หมู่เกาะเคย์แมน|Νήσοι Κέιμαν|Visiwa vya Cayman|Kepulauan Cayman|Cayman Adaları',
  KZ: 'Kazakhstan|哈萨克斯坦|哈薩克|カザフスタン|카자흐스탄|Kazajistán|Kazakhstan|Kasachstan|Cazaquistão|Kazakistan|Казахстан|كازاخستان|قزاقستان|कज़ाखस्तान|คาซัคสถาน|Καζακστάν|Kazakistani|Kazakhstan|Kazakistan',
  LA: 'Laos|老挝|寮國|ラオス|라오스|Laos|Laos|Laos|Laos|Laos|Лаос|لاوس|لائوس|लाओस|ลาว|Λάος|Laos|Laos|Laos',
  LB: 'Lebanon|黎巴嫩|黎巴嫩|レバノン|레바논|Líbano|Liban|Libanon|Líbano|Libano|Ливан|لبنان|لبنان|लेबनान|เลบานอน|Λίβανος|Lebanon|Lebanon|Lübnan',
  LC: 'St. Lucia|圣卢西亚|聖露西亞|セントルシア|세인트루시아|Santa Lucía|Sainte-Lucie|St. Lucia|Santa Lúcia|Saint Lucia|Сент-Люсия|سانت لوسيا|سنت لوسیا|सेंट लूसिया|เซนต์ลูเซีย|Αγία Λουκία|St. Lucia|Saint Lucia|Saint Lucia',
  LI: 'Liechtenstein|列支敦士登|列支敦斯登|リヒテンシュタイン|리히텐슈타인|Liechtenstein|Liechtenstein|Liechtenstein|Liechtenstein|Liechtenstein|Лихтенштейн|ليختنشتاين|لیختن‌اشتاین|लिचेंस्टीन|ลิกเตนสไตน์|Λιχτενστάιν|Liechtenstein|Liechtenstein|Liechtenstein',
  LK: 'Sri Lanka|斯里兰卡|斯里蘭卡|スリランカ|스리랑카|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Sri Lanka|Шри-Ланка|سريلانكا|سری‌لانکا|श्रीलंका|ศรีลังกา|Σρι Λάνκα|Sri Lanka|Sri Lanka|Sri Lanka',
  LR: 'Liberia|利比里亚|賴比瑞亞|リベリア|라이베리아|Liberia|Liberia|Liberia|Libéria|Liberia|Либерия|ليبيريا|لیبریا|लाइबेरिया|ไลบีเรีย|Λιβερία|Liberia|Liberia|Liberya',
  LS: 'Lesotho|莱索托|賴索托|レソト|레소토|Lesoto|Lesotho|Lesotho|Lesoto|Lesotho|Лесото|ليسوتو|لسوتو|लेसोथो|เลโซโท|Λεσότο|Lesoto|Lesotho|Lesotho',
  LT: 'Lithuania|立陶宛|立陶宛|リトアニア|리투아니아|Lituania|Lituanie|Litauen|Lituânia|Lituania|Литва|ليتوانيا|لیتوانی|लिथुआनिया|ลิทัวเนีย|Λιθουανία|Lithuania|Lituania|Litvanya',
  LU: 'Luxembourg|卢森堡|盧森堡|ルクセンブルク|룩셈부르크|Luxemburgo|Luxembourg|Luxemburg|Luxemburgo|Lussemburgo|Люксембург|لوكسمبورغ|لوکزامبورگ|लग्ज़मबर्ग|ลักเซมเบิร์ก|Λουξεμβούργο|Luxembourg|Luksemburg|Lüksemburg',
  LV: 'Latvia|拉脱维亚|拉脫維亞|ラトビア|라트비아|Letonia|Lettonie|Lettland|Letônia|Lettonia|Латвия|لاتفيا|لتونی|लातविया|ลัตเวีย|Λετονία|Latvia|Latvia|Letonya',
  LY: 'Libya|利比亚|利比亞|リビア|리비아|Libia|Libye|Libyen|Líbia|Libia|Ливия|ليبيا|لیبی|लीबिया|ลิเบีย|Λιβύη|Libya|Libya|Libya',
  MA: 'Morocco|摩洛哥|摩洛哥|モロッコ|모로코|Marruecos|Maroc|Marokko|Marrocos|Marocco|Марокко|المغرب|مراکش|मोरक्को|โมร็อกโก|Μαρόκο|Morocco|Maroko|Fas',
  MC: 'Monaco|摩纳哥|摩納哥|モナコ|모나코|Mónaco|Monaco|Monaco|Mônaco|Monaco|Монако|موناكو|موناکو|मोनाको|โมนาโก|Μονακό|Monaco|Monako|Monako',
  MD: 'Moldova|摩尔多瓦|摩爾多瓦|モルドバ|몰도바|Moldavia|Moldavie|Republik Moldau|Moldávia|Moldavia|Молдова|مولدوفا|مولداوی|मॉल्डोवा|มอลโดวา|Μολδαβία|Moldova|Moldova|Moldova',
  ME: 'Montenegro|黑山|蒙特內哥羅|モンテネグロ|몬테네그로|Montenegro|Monténégro|Montenegro|Montenegro|Montenegro|Черногория|الجبل الأسود|مونته‌نگرو|मोंटेनेग्रो|มอนเตเนโกร|Μαυροβούνιο|Montenegro|Montenegro|Karadağ',
  MF: 'St. Martin|法属圣马丁|法屬聖馬丁|サン・マルタン|생마르탱|San Martín|Saint-Martin|St. Martin|São Martinho|Saint Martin|Сен-Мартен|سان مارتن|سنت مارتین|सेंट मार्टिन|เซนต์มาร์ติน|Άγιος Μαρτίνος|St. Martin|Saint Martin|Saint Martin',
  MG: 'Madagascar|马达加斯加|馬達加斯加|マダガスカル|마다가스카르|Madagascar|Madagascar|Madagaskar|Madagascar|Madagascar|Мадагаскар|مدغشقر|ماداگاسکار|मेडागास्कर|มาดากัสการ์|Μαδαγασκάρη|Madagaska|Madagaskar|Madagaskar',
  MH: 'Marshall Islands|马绍尔群岛|馬紹爾群島|マーシャル諸島|마셜 제도|Islas Marshall|Îles Marshall|Marshallinseln|Ilhas Marshall|Isole Marshall|Маршалловы о-ва|جزر مارشال|جزایر مارشال|मार्शल द्वीपसमूह|หมู่เกาะมาร์แชลล์|Νήσοι Μάρσαλ|Visiwa vya Marshall|Kepulauan Marshall|Marshall Adaları',
  MK: 'North Macedonia|北马其顿|北馬其頓|北マケドニア|북마케도니아|Macedonia del Norte|Macédoine du Nord|Nordmazedonien|Macedônia do Norte|Macedonia del Nord|Северная Македония|مقدونيا الشمالية|مقدونیهٔ شمالی|उत्तरी मकदूनिया|มาซิโดเนียเหนือ|Βόρεια Μακεδονία|Masedonia ya Kaskazini|Makedonia Utara|Kuzey Makedonya',
  ML: 'Mali|马里|馬利|マリ|말리|Mali|Mali|Mali|Mali|Mali|Мали|مالي|مالی|माली|มาลี|Μάλι|Mali|Mali|Mali',
  MM: 'Myanmar;Burma|缅甸|緬甸|ミャンマー;ビルマ|미얀마|Myanmar;Birmania|Myanmar;Birmanie|Myanmar|Mianmar;Birmânia|Myanmar;Birmania|Мьянма;Бирма|ميانمار;بورما|میانمار;برمه|म्यांमार;बर्मा|เมียนมา;พม่า|Μιανμάρ;Βιρμανία|Myanmar;Burma|Myanmar;Burma|Myanmar;Burma',
  MN: 'Mongolia|蒙古|蒙古|モンゴル|몽골|Mongolia|Mongolie|Mongolei|Mongólia|Mongolia|Монголия|منغوليا|مغولستان|मंगोलिया|มองโกเลีย|Μογγολία|Mongolia|Mongolia|Moğolistan',
  MO: 'Macao SAR China;Macao|中国澳门特别行政区;澳门|中國澳門特別行政區;澳門|中華人民共和国マカオ特別行政区;マカオ|마카오|RAE de Macao;Macao|R.A.S. chinoise de Macao;Macao|Sonderverwaltungsregion Macau;Macau|Macau, RAE da China;Macau|RAS di Macao;Macao|Макао|منطقة ماكاو الإدارية الخاصة;مكاو|ماکائو، منطقهٔ ویژهٔ اداری چین;ماکائو|मकाऊ|เขตปกครองพิเศษมาเก๊าแห่งสาธารณรัฐประชาชนจีน;มาเก๊า|Μακάο ΕΔΠ Κίνας;Μακάο|Makau SAR China;Makau|Makau DAK Tiongkok;Makau|Çin Makao ÖİB;Makao',
  MP: 'Northern Mariana Islands|北马里亚纳群岛|北馬利安納群島|北マリアナ諸島|북마리아나제도|Islas Marianas del Norte|Îles Mariannes du Nord|Nördliche Marianen|Ilhas Marianas do Norte|Isole Marianne Settentrionali|Северные Марианские о-ва|جزر ماريانا الشمالية|جزایر ماریانای شمالی|उत्तरी मारियाना द्वीपसमूह|หมู่เกาะนอร์เทิร์นมาเรียนา|Νήσοι Βόρειες Μαριάνες|Visiwa vya Mariana vya Kaskazini|Kepulauan Mariana Utara|Kuzey Mariana Adaları',
  MQ: 'Martinique|马提尼克|馬丁尼克|マルティニーク|마르티니크|Martinica|Martinique|Martinique|Martinica|Martinica|Мартиника|جزر المارتينيك|مارتینیک|मार्टीनिक|มาร์ตินีก|Μαρτινίκα|Martinique|Martinik|Martinik',
  MR: 'Mauritania|毛里塔尼亚|茅利塔尼亞|モーリタニア|모리타니|Mauritania|Mauritanie|Mauretanien|Mauritânia|Mauritania|Мавритания|موريتانيا|موریتانی|मॉरिटानिया|มอริเตเนีย|Μαυριτανία|Moritania|Mauritania|Moritanya',
  MS: 'Montserrat|蒙特塞拉特|蒙哲臘|モントセラト|몬트세라트|Montserrat|Montserrat|Montserrat|Montserrat|Montserrat|Монтсеррат|مونتسرات|مونت‌سرات|मोंटसेरात|มอนต์เซอร์รัต|Μονσεράτ|Montserrat|Montserrat|Montserrat',
  MT: 'Malta|马耳他|馬爾他|マルタ|몰타|Malta|Malte|Malta|Malta|Malta|Мальта|مالطا|مالت|माल्टा|มอลตา|Μάλτα|Malta|Malta|Malta',
  MU: 'Mauritius|毛里求斯|模里西斯|モーリシャス|모리셔스|Mauricio|Maurice|Mauritius|Maurício|Mauritius|Маврикий|موريشيوس|موریس|मॉरीशस|มอริเชียส|Μαυρίκιος|Morisi|Mauritius|Mauritius',
  MV: 'Maldives|马尔代夫|馬爾地夫|モルディブ|몰디브|Maldivas|Maldives|Malediven|Maldivas|Maldive|Мальдивы|جزر المالديف|مالدیو|मालदीव|มัลดีฟส์|Μαλδίβες|Maldivi|Maladewa|Maldivler',
  MW: 'Malawi|马拉维|馬拉威|マラウイ|말라위|Malaui|Malawi|Malawi|Malaui|Malawi|Малави|ملاوي|مالاوی|मलावी|มาลาวี|Μαλάουι|Malawi|Malawi|Malavi',
  MX: 'Mexico|墨西哥|墨西哥|メキシコ|멕시코|México|Mexique|Mexiko|México|Messico|Мексика|المكسيك|مکزیک|मैक्सिको|เม็กซิโก|Μεξικό|Meksiko|Meksiko|Meksika',
  MY: 'Malaysia|马来西亚|馬來西亞|マレーシア|말레이시아|Malasia|Malaisie|Malaysia|Malásia|Malaysia|Малайзия|ماليزيا|مالزی|मलेशिया|มาเลเซีย|Μαλαισία|Malesia|Malaysia|Malezya',
  MZ: 'Mozambique|莫桑比克|莫三比克|モザンビーク|모잠비크|Mozambique|Mozambique|Mosambik|Moçambique|Mozambico|Мозамбик|موزمبيق|موزامبیک|मोज़ांबिक|โมซัมบิก|Μοζαμβίκη|Msumbiji|Mozambik|Mozambik',
  NA: 'Namibia|纳米比亚|納米比亞|ナミビア|나미비아|Namibia|Namibie|Namibia|Namíbia|Namibia|Намибия|ناميبيا|نامیبیا|नामीबिया|นามิเบีย|Ναμίμπια|Namibia|Namibia|Namibya',
  NC: 'New Caledonia|新喀里多尼亚|新喀里多尼亞|ニューカレドニア|뉴칼레도니아|Nueva Caledonia|Nouvelle-Calédonie|Neukaledonien|Nova Caledônia|Nuova Caledonia|Новая Каледония|كاليدونيا الجديدة|کالدونیای جدید|न्यू कैलेडोनिया|นิวแคลิโดเนีย|Νέα Καληδονία|New Caledonia|Kaledonia Baru|Yeni Kaledonya',
  NE: 'Niger|尼日尔|尼日|ニジェール|니제르|Níger|Niger|Niger|Níger|Niger|Нигер|النيجر|نیجر|नाइजर|ไนเจอร์|Νίγηρας|Niger|Niger|Nijer',
  NF: 'Norfolk Island|诺福克岛|諾福克島|ノーフォーク島|노퍽섬|Isla Norfolk|Île Norfolk|Norfolkinsel|Ilha Norfolk|Isola Norfolk|о-в Норфолк|جزيرة نورفولك|جزیرهٔ نورفولک|नॉरफ़ॉक द्वीप|เกาะนอร์ฟอล์ก|Νήσος Νόρφολκ|Kisiwa cha Norfolk|Kepulauan Norfolk|Norfolk Adası',
  NG: 'Nigeria|尼日利亚|奈及利亞|ナイジェリア|나이지리아|Nigeria|Nigeria|Nigeria|Nigéria|Nigeria|Нигерия|نيجيريا|نیجریه|नाइजीरिया|ไนจีเรีย|Νιγηρία|Nigeria|Nigeria|Nijerya',
  NI: 'Nicaragua|尼加拉瓜|尼加拉瓜|ニカラグア|니카라과|Nicaragua|Nicaragua|Nicaragua|Nicarágua|Nicaragua|Никарагуа|نيكاراغوا|نیکاراگوئه|निकारागुआ|นิการากัว|Νικαράγουα|Nikaragwa|Nikaragua|Nikaragua',
  NL: 'Netherlands|荷兰|荷蘭|オランダ|네덜란드|Países Bajos|Pays-Bas|Niederlande|Países Baixos|Paesi Bassi|Нидерланды|هولندا|هلند|नीदरलैंड|เนเธอร์แลนด์|Κάτω Χώρες|Uholanzi|Belanda|Hollanda',
  NO: 'Norway|挪威|挪威|ノルウェー|노르웨이|Noruega|Norvège|Norwegen|Noruega|Norvegia|Норвегия|النرويج|نروژ|नॉर्वे|นอร์เวย์|Νορβηγία|Norway|Norwegia|Norveç',
  NP: 'Nepal|尼泊尔|尼泊爾|ネパール|네팔|Nepal|Népal|Nepal|Nepal|Nepal|Непал|نيبال|نپال|नेपाल|เนปาล|Νεπάλ|Nepal|Nepal|Nepal',
  NR: 'Nauru|瑙鲁|諾魯|ナウル|나우루|Nauru|Nauru|Nauru|Nauru|Nauru|Науру|ناورو|نائورو|नाउरु|นาอูรู|Ναουρού|Nauru|Nauru|Nauru',
  NU: 'Niue|纽埃|紐埃島|ニウエ|니우에|Niue|Niue|Niue|Niue|Niue|Ниуэ|نيوي|نیوئه|नीयू|นีอูเอ|Νιούε|Niue|Niue|Niue',
  NZ: 'New Zealand|新西兰|紐西蘭|ニュージーランド|뉴질랜드|Nueva Zelanda|Nouvelle-Zélande|Neuseeland|Nova Zelândia|Nuova Zelanda|Новая Зеландия|نيوزيلندا|نیوزیلند|न्यूज़ीलैंड|นิวซีแลนด์|Νέα Ζηλανδία|Nyuzilandi|Selandia Baru|Yeni Zelanda',
  OM: 'Oman|阿曼|阿曼|オマーン|오만|Omán|Oman|Oman|Omã|Oman|Оман|عُمان|عمان|ओमान|โอมาน|Ομάν|Oman|Oman|Umman',
  PA: 'Panama|巴拿马|巴拿馬|パナマ|파나마|Panamá|Panama|Panama|Panamá|Panama|Панама|بنما|پاناما|पनामा|ปานามา|Παναμάς|Panama|Panama|Panama',
  PE: 'Peru|秘鲁|秘魯|ペルー|페루|Perú|Pérou|Peru|Peru|Perù|Перу|بيرو|پرو|पेरू|เปรู|Περού|Peru|Peru|Peru',
  PF: 'French Polynesia|法属波利尼西亚|法屬玻里尼西亞|仏領ポリネシア|프랑스령 폴리네시아|Polinesia Francesa|Polynésie française|Französisch-Polynesien|Polinésia Francesa|Polinesia Francese|Французская Полинезия|بولينيزيا الفرنسية|پلی‌نزی فرانسه|फ़्रेंच पोलिनेशिया|เฟรนช์โปลินีเซีย|Γαλλική Πολυνησία|Polynesia ya Ufaransa|Polinesia Prancis|Fransız Polinezyası',
  PG: 'Papua New Guinea|巴布亚新几内亚|巴布亞紐幾內亞|パプアニューギニア|파푸아뉴기니|Papúa Nueva Guinea|Papouasie-Nouvelle-Guinée|Papua-Neuguinea|Papua-Nova Guiné|Papua Nuova Guinea|Папуа — Новая Гвинея|بابوا غينيا الجديدة|پاپوا گینهٔ نو|पापुआ न्यू गिनी|ปาปัวนิวกินี|Παπούα Νέα Γουινέα|Papua New Guinea|Papua Nugini|Papua Yeni Gine',
  PH: 'Philippines|菲律宾|菲律賓|フィリピン|필리핀|Filipinas|Philippines|Philippinen|Filipinas|Filippine|Филиппины|الفلبين|فیلیپین|फ़िलिपींस|ฟิลิปปินส์|Φιλιππίνες|Ufilipino|Filipina|Filipinler',
  PK: 'Pakistan|巴基斯坦|巴基斯坦|パキスタン|파키스탄|Pakistán|Pakistan|Pakistan|Paquistão|Pakistan|Пакистан|باكستان|پاکستان|पाकिस्तान|ปากีสถาน|Πακιστάν|Pakistani|Pakistan|Pakistan',
  PL: 'Poland|波兰|波蘭|ポーランド|폴란드|Polonia|Pologne|Polen|Polônia|Polonia|Польша|بولندا|لهستان|पोलैंड|โปแลนด์|Πολωνία|Poland|Polandia|Polonya',
  PM: 'St. Pierre & Miquelon|圣皮埃尔和密克隆群岛|聖皮埃與密克隆群島|サンピエール島・ミクロン島|생피에르 미클롱|San Pedro y Miquelón|Saint-Pierre-et-Miquelon|St. Pierre und Miquelon|São Pedro e Miquelão|Saint-Pierre e Miquelon|Сен-Пьер и Микелон|سان بيير ومكويلون|سن پیر و میکلن|सेंट पिएरे और मिक्वेलान|แซงปีแยร์และมีเกอลง|Σεν Πιερ και Μικελόν|Santapierre na Miquelon|Saint Pierre dan Miquelon|Saint Pierre ve Miquelon',
  PN: 'Pitcairn Islands;Pitcairn|皮特凯恩群岛|皮特肯群島|ピトケアン諸島|핏케언 제도|Islas Pitcairn|Îles Pitcairn|Pitcairninseln|Ilhas Pitcairn|Isole Pitcairn|о-ва Питкэрн|جزر بيتكيرن|جزایر پیت‌کرن|पिटकैर्न द्वीपसमूह|หมู่เกาะพิตแคร์น|Νήσοι Πίτκερν|Visiwa vya Pitcairn|Kepulauan Pitcairn|Pitcairn Adaları',
  PR: 'Puerto Rico|波多黎各|波多黎各|プエルトリコ|푸에르토리코|Puerto Rico|Porto Rico|Puerto Rico|Porto Rico|Portorico|Пуэрто-Рико|بورتوريكو|پورتوریکو|पोर्टो रिको|เปอร์โตริโก|Πουέρτο Ρίκο|Puerto Rico|Puerto Riko|Porto Riko',
  PS: 'Palestinian Territories;Palestine|巴勒斯坦领土;巴勒斯坦|巴勒斯坦自治區;巴勒斯坦|パレスチナ自治区;パレスチナ|팔레스타인 지구;팔레스타인|Territorios Palestinos;Palestina|Territoires palestiniens;Palestine|Palästinensische Autonomiegebiete;Palästina|Territórios palestinos;Palestina|Territori Palestinesi;Palestina|Палестинские территории;Палестина|الأراضي الفلسطينية;فلسطين|سرزمین‌های فلسطینی;فلسطین|फ़िलिस्तीनी क्षेत्र;फ़िलिस्तीन|ดินแดนปาเลสไตน์;ปาเลสไตน์|Παλαιστινιακά Εδάφη;Παλαιστίνη|Maeneo ya Palestina;Palestina|Wilayah Palestina;Palestina|Filistin Bölgeleri;Filistin',
  PT: 'Portugal|葡萄牙|葡萄牙|ポルトガル|포르투갈|Portugal|Portugal|Portugal|Portugal|Portogallo|Португалия|البرتغال|پرتغال|पुर्तगाल|โปรตุเกส|Πορτογαλία|Ureno|Portugal|Portekiz',
  PW: 'Palau|帕劳|帛琉|パラオ|팔라우|Palaos|Palaos|Palau|Palau|Palau|Палау|بالاو|پالائو|पलाऊ|ปาเลา|Παλάου|Palau|Palau|Palau',
  PY: 'Paraguay|巴拉圭|巴拉圭|パラグアイ|파라과이|Paraguay|Paraguay|Paraguay|Paraguai|Paraguay|Парагвай|باراغواي|پاراگوئه|पराग्वे|ปารากวัย|Παραγουάη|Paraguay|Paraguay|Paraguay',
  QA: 'Qatar|卡塔尔|卡達|カタール|카타르|Catar|Qatar|Katar|Catar|Qatar|Катар|قطر|قطر|क़तर|กาตาร์|Κατάρ|Qatar|Qatar|Katar',
  RE: 'Réunion|留尼汪|留尼旺|レユニオン|레위니옹|Reunión|La Réunion|Réunion|Reunião|Riunione|Реюньон|روينيون|رئونیون|रियूनियन|เรอูนียง|Ρεϊνιόν|Reunion|Réunion|Reunion',
  RO: 'Romania|罗马尼亚|羅馬尼亞|ルーマニア|루마니아|Rumanía|Roumanie|Rumänien|Romênia|Romania|Румыния|رومانيا|رومانی|रोमानिया|โรมาเนีย|Ρουμανία|Romania|Rumania|Romanya',
  RS: 'Serbia|塞尔维亚|塞爾維亞|セルビア|세르비아|Serbia|Serbie|Serbien|Sérvia|Serbia|Сербия|صربيا|صربستان|सर्बिया|เซอร์เบีย|Σερβία|Serbia|Serbia|Sırbistan',
  RU: 'Russia|俄罗斯|俄羅斯|ロシア|러시아|Rusia|Russie|Russland|Rússia|Russia|Россия|روسيا|روسیه|रूस|รัสเซีย|Ρωσία|Urusi|Rusia|Rusya',
  RW: 'Rwanda|卢旺达|盧安達|ルワンダ|르완다|Ruanda|Rwanda|Ruanda|Ruanda|Ruanda|Руанда|رواندا|رواندا|रवांडा|รวันดา|Ρουάντα|Rwanda|Rwanda|Ruanda',
  SA: 'Saudi Arabia|沙特阿拉伯|沙烏地阿拉伯|サウジアラビア|사우디아라비아|Arabia Saudí|Arabie saoudite|Saudi-Arabien|Arábia Saudita|Arabia Saudita|Саудовская Аравия|المملكة العربية السعودية|عربستان سعودی;عربستان|सऊदी अरब|ซาอุดีอาระเบีย|Σαουδική Αραβία|Saudia|Arab Saudi|Suudi Arabistan',
  SB: 'Solomon Islands|所罗门群岛|索羅門群島|ソロモン諸島|솔로몬 제도|Islas Salomón|Îles Salomon|Salomonen|Ilhas Salomão|Isole Salomone|Соломоновы о-ва|جزر سليمان|جزایر سلیمان|सोलोमन द्वीपसमूह|หมู่เกาะโซโลมอน|Νήσοι Σολομώντος|Visiwa vya Solomon|Kepulauan Solomon|Solomon Adaları',
  SC: 'Seychelles|塞舌尔|塞席爾|セーシェル|세이셸|Seychelles|Seychelles|Seychellen|Seicheles|Seychelles|Сейшельские о-ва|سيشل|سیشل|सेशेल्स|เซเชลส์|Σεϋχέλλες|Ushelisheli|Seychelles|Seyşeller',
  SD: 'Sudan|苏丹|蘇丹|スーダン|수단|Sudán|Soudan|Sudan|Sudão|Sudan|Судан|السودان|سودان|सूडान|ซูดาน|Σουδάν|Sudan|Sudan|Sudan',
  SE: 'Sweden|瑞典|瑞典|スウェーデン|스웨덴|Suecia|Suède|Schweden|Suécia|Svezia|Швеция|السويد|سوئد|स्वीडन|สวีเดน|Σουηδία|Uswidi|Swedia|İsveç',
  SG: 'Singapore|新加坡|新加坡|シンガポール|싱가포르|Singapur|Singapour|Singapur|Singapura|Singapore|Сингапур|سنغافورة|سنگاپور|सिंगापुर|สิงคโปร์|Σιγκαπούρη|Singapore|Singapura|Singapur',
  SH: "St. Helena|圣赫勒拿|聖赫勒拿島|セントヘレナ|세인트헬레나|Santa Elena|Sainte-Hélène|St. Helena|Santa Helena|Sant'Elena|о-в Св. Елены|سانت هيلينا|سنت هلن|सेंट हेलेना|เซนต์เฮเลนา|Αγία Ελένη|St. Helena|Saint Helena|Saint Helena",
  SI: 'Slovenia|斯洛文尼亚|斯洛維尼亞|スロベニア|슬로베니아|Eslovenia|Slovénie|Slowenien|Eslovênia|Slovenia|Словения|سلوفينيا|اسلوونی|स्लोवेनिया|สโลวีเนีย|Σλοβενία|Slovenia|Slovenia|Slovenya',
  SJ: 'Svalbard & Jan Mayen|斯瓦尔巴和扬马延|挪威屬斯瓦巴及尖棉|スバールバル諸島・ヤンマイエン島|스발바르제도-얀마웬섬|Svalbard y Jan Mayen|Svalbard et Jan Mayen|Spitzbergen und Jan Mayen|Svalbard e Jan Mayen|Svalbard e Jan Mayen|Шпицберген и Ян-Майен|سفالبارد وجان ماين|سوالبارد و یان ماین|स्वालबार्ड और जान मायेन|สฟาลบาร์และยานไมเอน|Σβάλμπαρντ και Γιαν Μαγιέν|Svalbard na Jan Mayen|Kepulauan Svalbard dan Jan Mayen|Svalbard ve Jan Mayen',
  SK: 'Slovakia|斯洛伐克|斯洛伐克|スロバキア|슬로바키아|Eslovaquia|Slovaquie|Slowakei|Eslováquia|Slovacchia|Словакия|سلوفاكيا|اسلواکی|स्लोवाकिया|สโลวะเกีย|Σλοβακία|Slovakia|Slovakia|Slovakya',
  SL: 'Sierra Leone|塞拉利昂|獅子山|シエラレオネ|시에라리온|Sierra Leona|Sierra Leone|Sierra Leone|Serra Leoa|Sierra Leone|Сьерра-Леоне|سيراليون|سیرالئون|सिएरा लियोन|เซียร์ราลีโอน|Σιέρα Λεόνε|Siera Leoni|Sierra Leone|Sierra Leone',
  SM: 'San Marino|圣马力诺|聖馬利諾|サンマリノ|산마리노|San Marino|Saint-Marin|San Marino|San Marino|San Marino|Сан-Марино|سان مارينو|سان‌مارینو|सैन मेरीनो|ซานมาริโน|Άγιος Μαρίνος|San Marino|San Marino|San Marino',
  SN: 'Senegal|塞内加尔|塞內加爾|セネガル|세네갈|Senegal|Sénégal|Senegal|Senegal|Senegal|Сенегал|السنغال|سنگال|सेनेगल|เซเนกัล|Σενεγάλη|Senegali|Senegal|Senegal',
  SO: 'Somalia|索马里|索馬利亞|ソマリア|소말리아|Somalia|Somalie|Somalia|Somália|Somalia|Сомали|الصومال|سومالی|सोमालिया|โซมาเลีย|Σομαλία|Somalia|Somalia|Somali',
  SR: 'Suriname|苏里南|蘇利南|スリナム|수리남|Surinam|Suriname|Suriname|Suriname|Suriname|Суринам|سورينام|سورینام|सूरीनाम|ซูรินาเม|Σουρινάμ|Suriname|Suriname|Surinam',
  SS: 'South Sudan|南苏丹|南蘇丹|南スーダン|남수단|Sudán del Sur|Soudan du Sud|Südsudan|Sudão do Sul|Sud Sudan|Южный Судан|جنوب السودان|سودان جنوبی|दक्षिण सूडान|ซูดานใต้|Νότιο Σουδάν|Sudan Kusini|Sudan Selatan|Güney Sudan',
  ST: 'São Tomé & Príncipe|圣多美和普林西比|聖多美普林西比|サントメ・プリンシペ|상투메 프린시페|Santo Tomé y Príncipe|Sao Tomé-et-Principe|São Tomé und Príncipe|São Tomé e Príncipe|São Tomé e Príncipe|Сан-Томе и Принсипи|ساو تومي وبرينسيبي|سائوتومه و پرینسیپ|साओ टोम और प्रिंसिपे|เซาตูเมและปรินซิปี|Σάο Τομέ και Πρίνσιπε|Sao Tome na Principe|Sao Tome dan Principe|Sao Tome ve Principe',
  SV: 'El Salvador|萨尔瓦多|薩爾瓦多|エルサルバドル|엘살바도르|El Salvador|Salvador|El Salvador|El Salvador|El Salvador|Сальвадор|السلفادور|السالوادور|अल सल्वाडोर|เอลซัลวาดอร์|Ελ Σαλβαδόρ|El Salvador|El Salvador|El Salvador',
  SX: 'Sint Maarten|荷属圣马丁|荷屬聖馬丁|シント・マールテン|신트마르턴|Sint Maarten|Saint-Martin|Sint Maarten|Sint Maarten|Sint Maarten|Синт-Мартен|سانت مارتن|سنت مارتن|सिंट मार्टिन|ซินต์มาร์เทน|Άγιος Μαρτίνος|Sint Maarten|Sint Maarten|Sint Maarten',
  SY: 'Syria|叙利亚|敘利亞|シリア|시리아|Siria|Syrie|Syrien|Síria|Siria|Сирия|سوريا|سوریه|सीरिया|ซีเรีย|Συρία|Syria|Suriah|Suriye',
  SZ: 'Eswatini|斯威士兰|史瓦帝尼|エスワティニ|에스와티니|Esuatini|Eswatini|Eswatini|Essuatíni|Eswatini|Эсватини|إسواتيني|اسواتینی|एस्वाटिनी|เอสวาตีนี|Εσουατίνι|Eswatini|eSwatini|Esvatini',
  TC: 'Turks & Caicos Islands|特克斯和凯科斯群岛|土克斯及開科斯群島|タークス・カイコス諸島|터크스 케이커스 제도|Islas Turcas y Caicos|Îles Turques-et-Caïques|Turks- und Caicosinseln|Ilhas Turcas e Caicos|Isole Turks e Caicos|Тёркс и Кайкос|جزر توركس وكايكوس|جزایر تورکس و کایکوس|तुर्क और कैकोज़ द्वीपसमूह|หมู่เกาะเติกส์และหมู่เกาะเคคอส|Νήσοι Τερκς και Κάικος|Visiwa vya Turks na Caicos|Kepulauan Turks dan Caicos|Turks ve Caicos Adaları',
  TD: 'Chad|乍得|查德|チャド|차드|Chad|Tchad|Tschad|Chade|Ciad|Чад|تشاد|چاد|चाड|ชาด|Τσαντ|Chad|Chad|Çad',
  TF: 'French Southern Territories|法属南部领地|法屬南部屬地|仏領極南諸島|프랑스령 남방 지역|Territorios Australes Franceses|Terres australes françaises|Französische Süd- und Antarktisgebiete|Territórios Franceses do Sul|Terre Australi Francesi|Французские Южные территории|الأقاليم الجنوبية الفرنسية|سرزمین‌های جنوبی فرانسه|फ़्रांसीसी दक्षिणी क्षेत्र|เฟรนช์เซาเทิร์นเทร์ริทอรีส์|Γαλλικά Νότια Εδάφη|Himaya za Kusini za Kifaranza|Wilayah Selatan Prancis|Fransız Güney Toprakları',
  TG: 'Togo|多哥|多哥|トーゴ|토고|Togo|Togo|Togo|Togo|Togo|Того|توغو|توگو|टोगो|โตโก|Τόγκο|Togo|Togo|Togo',
  TH: 'Thailand|泰国|泰國|タイ|태국|Tailandia|Thaïlande|Thailand|Tailândia|Thailandia|Таиланд|تايلاند|تایلند|थाईलैंड|ไทย|Ταϊλάνδη|Tailandi|Thailand|Tayland',
  TJ: 'Tajikistan|塔吉克斯坦|塔吉克|タジキスタン|타지키스탄|Tayikistán|Tadjikistan|Tadschikistan|Tadjiquistão|Tagikistan|Таджикистан|طاجيكستان|تاجیکستان|ताजिकिस्तान|ทาจิกิสถาน|Τατζικιστάν|Tajikistani|Tajikistan|Tacikistan',
  TK: 'Tokelau|托克劳|托克勞群島|トケラウ|토켈라우|Tokelau|Tokelau|Tokelau|Tokelau|Tokelau|Токелау|توكيلاو|توکلائو|तोकेलाउ|โตเกเลา|Τοκελάου|Tokelau|Tokelau|Tokelau',
  TL: 'Timor-Leste|东帝汶|東帝汶|東ティモール|동티모르|Timor-Leste|Timor oriental|Timor-Leste|Timor-Leste|Timor Est|Восточный Тимор|تيمور - ليشتي|تیمور-لسته|तिमोर-लेस्त|ติมอร์-เลสเต|Τιμόρ-Λέστε|Timor-Leste|Timor Leste|Timor-Leste',
  TM: 'Turkmenistan|土库曼斯坦|土庫曼|トルクメニスタン|투르크메니스탄|Turkmenistán|Turkménistan|Turkmenistan|Turcomenistão|Turkmenistan|Туркменистан|تركمانستان|ترکمنستان|तुर्कमेनिस्तान|เติร์กเมนิสถาน|Τουρκμενιστάν|Turkmenistan|Turkmenistan|Türkmenistan',
  TN: 'Tunisia|突尼斯|突尼西亞|チュニジア|튀니지|Túnez|Tunisie|Tunesien|Tunísia|Tunisia|Тунис|تونس|تونس|ट्यूनीशिया|ตูนิเซีย|Τυνησία|Tunisia|Tunisia|Tunus',
  TO: 'Tonga|汤加|東加|トンガ|통가|Tonga|Tonga|Tonga|Tonga|Tonga|Тонга|تونغا|تونگا|टोंगा|ตองกา|Τόνγκα|Tonga|Tonga|Tonga',
  TR: 'Türkiye|土耳其|土耳其|トルコ|튀르키예|Turquía|Turquie|Türkei|Turquia|Turchia|Турция|تركيا|ترکیه|तुर्किये|ตุรกี|Τουρκία|Uturuki|Turki|Türkiye',
  TT: 'Trinidad & Tobago|特立尼达和多巴哥|千里達及托巴哥|トリニダード・トバゴ|트리니다드 토바고|Trinidad y Tobago|Trinité-et-Tobago|Trinidad und Tobago|Trinidad e Tobago|Trinidad e Tobago|Тринидад и Тобаго|ترينيداد وتوباغو|ترینیداد و توباگو|त्रिनिदाद और टोबैगो|ตรินิแดดและโตเบโก|Τρινιντάντ και Τομπάγκο|Trinidad na Tobago|Trinidad dan Tobago|Trinidad ve Tobago',
  TV: 'Tuvalu|图瓦卢|吐瓦魯|ツバル|투발루|Tuvalu|Tuvalu|Tuvalu|Tuvalu|Tuvalu|Тувалу|توفالو|تووالو|तुवालू|ตูวาลู|Τουβαλού|Tuvalu|Tuvalu|Tuvalu',
  TW: 'Taiwan|台湾|台灣|台湾|대만|Taiwán|Taïwan|Taiwan|Taiwan|Taiwan|Тайвань|تايوان|تایوان|ताइवान|ไต้หวัน|Ταϊβάν|Taiwan|Taiwan|Tayvan',
  TZ: 'Tanzania|坦桑尼亚|坦尚尼亞|タンザニア|탄자니아|Tanzania|Tanzanie|Tansania|Tanzânia|Tanzania|Танзания|تنزانيا|تانزانیا|तंज़ानिया|แทนซาเนีย|Τανζανία|Tanzania|Tanzania|Tanzanya',
  UA: 'Ukraine|乌克兰|烏克蘭|ウクライナ|우크라이나|Ucrania|Ukraine|Ukraine|Ucrânia|Ucraina|Украина|أوكرانيا|اوکراین|यूक्रेन|ยูเครน|Ουκρανία|Ukraine|Ukraina|Ukrayna',
  UG: 'Uganda|乌干达|烏干達|ウガンダ|우간다|Uganda|Ouganda|Uganda|Uganda|Uganda|Уганда|أوغندا|اوگاندا|युगांडा|ยูกันดา|Ουγκάντα|Uganda|Uganda|Uganda',
  UM: 'U.S. Outlying Islands|美国本土外小岛屿|美國本土外小島嶼|合衆国領有小離島|미국령 해외 제도|Islas menores alejadas de EE. UU.|Îles mineures éloignées des États-Unis|Amerikanische Überseeinseln|Ilhas Menores Distantes dos EUA|Isole Minori Esterne degli Stati Uniti|Внешние малые о-ва|جزر الولايات المتحدة النائية|جزایر دورافتادهٔ ایالات متحده||หมู่เกาะรอบนอกของสหรัฐอเมริกา|Απομακρυσμένες Νησίδες ΗΠΑ|Visiwa Vidogo vya Nje vya Marekani|Kepulauan Terluar AS|ABD Küçük Harici Adaları',
  US: 'United States|美国|美國|アメリカ合衆国;アメリカ|미국|Estados Unidos|États-Unis|Vereinigte Staaten;USA|Estados Unidos;EUA|Stati Uniti;USA|Соединенные Штаты;США|الولايات المتحدة|ایالات متحده|संयुक्त राज्य;अमेरिका|สหรัฐอเมริกา;สหรัฐฯ|Ηνωμένες Πολιτείες;ΗΠΑ|Marekani|Amerika Serikat|Amerika Birleşik Devletleri;ABD',
  UY: 'Uruguay|乌拉圭|烏拉圭|ウルグアイ|우루과이|Uruguay|Uruguay|Uruguay|Uruguai|Uruguay|Уругвай|أورغواي|اروگوئه|उरूग्वे|อุรุกวัย|Ουρουγουάη|Uruguay|Uruguay|Uruguay',
  UZ: 'Uzbekistan|乌兹别克斯坦|烏茲別克|ウズベキスタン|우즈베키스탄|Uzbekistán|Ouzbékistan|Usbekistan|Uzbequistão|Uzbekistan|Узбекистан|أوزبكستان|ازبکستان|उज़्बेकिस्तान|อุซเบกิสถาน|Ουζμπεκιστάν|Uzibekistani|Uzbekistan|Özbekistan',
  VA: 'Vatican City|梵蒂冈|梵蒂岡|バチカン市国|바티칸 시국|Ciudad del Vaticano|État de la Cité du Vatican|Vatikanstadt|Cidade do Vaticano|Città del Vaticano|Ватикан|الفاتيكان|واتیکان|वेटिकन सिटी|นครวาติกัน|Βατικανό|Mji wa Vatican|Vatikan|Vatikan',
  VC: 'St. Vincent & Grenadines|圣文森特和格林纳丁斯|聖文森及格瑞那丁|セントビンセント及びグレナディーン諸島|세인트빈센트그레나딘|San Vicente y las Granadinas|Saint-Vincent-et-les Grenadines|St. Vincent und die Grenadinen|São Vicente e Granadinas|Saint Vincent e Grenadine|Сент-Винсент и Гренадины|سانت فنسنت وجزر غرينادين|سنت وینسنت و گرنادین|सेंट विंसेंट और ग्रेनाडाइंस|เซนต์วินเซนต์และเกรนาดีนส์|Άγιος Βικέντιος και Γρεναδίνες|St. Vincent na Grenadines|Saint Vincent dan Grenadine|Saint Vincent ve Grenadinler',
  VE: 'Venezuela|委内瑞拉|委內瑞拉|ベネズエラ|베네수엘라|Venezuela|Venezuela|Venezuela|Venezuela|Venezuela|Венесуэла|فنزويلا|ونزوئلا|वेनेज़ुएला|เวเนซุเอลา|Βενεζουέλα|Venezuela|Venezuela|Venezuela',
  VG: 'British Virgin Islands|英属维尔京群岛|英屬維京群島|英領ヴァージン諸島|영국령 버진아일랜드|Islas Vírgenes Británicas|Îles Vierges britanniques|Britische Jungferninseln|Ilhas Virgens Britânicas|Isole Vergini Britanniche|Виргинские о-ва|جزر فيرجن البريطانية|جزایر ویرجین بریتانیا|ब्रिटिश वर्जिन द्वीपसमूह|หมู่เกาะบริติชเวอร์จิน|Βρετανικές Παρθένες Νήσοι|Visiwa vya Virgin, Uingereza|Kepulauan Virgin Britania Raya|Britanya Virjin Adaları',
  VI: 'U.S. Virgin Islands|美属维尔京群岛|美屬維京群島|米領ヴァージン諸島|미국령 버진아일랜드|Islas Vírgenes de EE. UU.|Îles Vierges des États-Unis|Amerikanische Jungferninseln|Ilhas Virgens Americanas|Isole Vergini Americane|Виргинские о-ва|جزر فيرجن الأمريكية|جزایر ویرجین ایالات متحده||หมู่เกาะเวอร์จินของสหรัฐอเมริกา|Αμερικανικές Παρθένες Νήσοι|Visiwa vya Virgin, Marekani|Kepulauan Virgin Amerika Serikat|ABD Virjin Adaları',
  VN: 'Vietnam|越南|越南|ベトナム|베트남|Vietnam|Viêt Nam|Vietnam|Vietnã|Vietnam|Вьетнам|فيتنام|ویتنام|वियतनाम|เวียดนาม|Βιετνάμ|Vietnamu|Vietnam|Vietnam',
  VU: 'Vanuatu|瓦努阿图|萬那杜|バヌアツ|바누아투|Vanuatu|Vanuatu|Vanuatu|Vanuatu|Vanuatu|Вануату|فانواتو|وانواتو|वनुआतू|วานูอาตู|Βανουάτου|Vanuatu|Vanuatu|Vanuatu',
  WF: 'Wallis & Futuna|瓦利斯和富图纳|瓦利斯群島和富圖那群島|ウォリス・フツナ|왈리스-푸투나 제도|Wallis y Futuna|Wallis-et-Futuna|Wallis und Futuna|Wallis e Futuna|Wallis e Futuna|Уоллис и Футуна|جزر والس وفوتونا|والیس و فوتونا|वालिस और फ़्यूचूना|วาลลิสและฟุตูนา|Γουάλις και Φουτούνα|Wallis na Futuna|Kepulauan Wallis dan Futuna|Wallis ve Futuna',
  WS: 'Samoa|萨摩亚|薩摩亞|サモア|사모아|Samoa|Samoa|Samoa|Samoa|Samoa|Самоа|ساموا|ساموآ|समोआ|ซามัว|Σαμόα|Samoa|Samoa|Samoa',
  YE: 'Yemen|也门|葉門|イエメン|예멘|Yemen|Yémen|Jemen|Iêmen|Yemen|Йемен|اليمن|یمن|यमन|เยเมน|Υεμένη|Yemeni|Yaman|Yemen',
  YT: 'Mayotte|马约特|馬約特島|マヨット|마요트|Mayotte|Mayotte|Mayotte|Mayotte|Mayotte|Майотта|مايوت|مایوت|मायोते|มายอต|Μαγιότ|Mayotte|Mayotte|Mayotte',
  ZA: 'South Africa|南非|南非|南アフリカ|남아프리카|Sudáfrica|Afrique du Sud|Südafrika|África do Sul|Sudafrica|Южно-Африканская Республика|جنوب أفريقيا|افریقای جنوبی|दक्षिण अफ़्रीका|แอฟริกาใต้|Νότια Αφρική|Afrika Kusini|Afrika Selatan|Güney Afrika',
  ZM: 'Zambia|赞比亚|尚比亞|ザンビア|잠비아|Zambia|Zambie|Sambia|Zâmbia|Zambia|Замбия|زامبيا|زامبیا|ज़ाम्बिया|แซมเบีย|Ζάμπια|Zambia|Zambia|Zambiya',
  ZW: 'Zimbabwe|津巴布韦|辛巴威|ジンバブエ|짐바브웨|Zimbabue|Zimbabwe|Simbabwe|Zimbábue|Zimbabwe|Зимбабве|زيمبابوي|زیمبابوه|ज़िम्बाब्वे|ซิมบับเว|Ζιμπάμπουε|Zimbabwe|Zimbabwe|Zimbabve',
};

/** Common names CLDR does not list, `;` between names. Names written in capitals (`USA`) only match in capitals. */
const OTHER_NAMES: Record<string, string> = {
  BL: 'Saint Barthélemy',
  KN: 'Saint Kitts and Nevis',
  LC: 'Saint Lucia',
  MF: 'Saint Martin',
  PM: 'Saint Pierre and Miquelon',
  SH: 'Saint Helena',
  VC: 'Saint Vincent and the Grenadines',
  VI: 'US Virgin Islands',
  AE: 'UAE;Emirates;Emiratos;Émirats;الإمارات;阿联酋;阿聯酋',
  BA: 'Bosnia and Herzegovina',
  CD: 'DR Congo;DRC;RDC;Democratic Republic of the Congo;Democratic Republic of Congo;République démocratique du Congo;جمهورية الكونغو الديمقراطية;刚果民主共和国;剛果民主共和國;コンゴ民主共和国;Zaire',
  CG: 'Republic of the Congo;República del Congo;République du Congo;刚果共和国;剛果共和國;コンゴ共和国',
  CI: 'Ivory Coast;Costa de Marfil',
  CN: "PRC;People's Republic of China;Mainland China;República Popular China;جمهورية الصين الشعبية;中华人民共和国;中華人民共和國;中国大陆;中國大陸",
  CV: 'Cape Verde',
  CZ: 'Czech Republic;República Checa;République tchèque',
  GB: 'UK;U K;Britain;Great Britain;England;Scotland;Wales;Northern Ireland;Gran Bretaña;Inglaterra;Escocia;Grande-Bretagne;Angleterre;Écosse;بريطانيا;إنجلترا;انجلترا;大不列颠;大不列顛;英格兰;英格蘭;苏格兰;蘇格蘭;英國;イングランド;スコットランド',
  IR: 'Persia;Perse',
  KP: "DPRK;Democratic People's Republic of Korea;北韩;北韓;朝鲜民主主义人民共和国",
  KR: 'ROK;Korea;Republic of Korea;Corea;Corée;كوريا;南韩;南韓;大韩民国;大韓民國',
  LA: 'Lao PDR',
  MK: 'Macedonia;Macédoine',
  NL: 'Holland;Holanda;Hollande',
  NZ: 'Aotearoa',
  RU: 'Russian Federation;Federación de Rusia;Fédération de Russie',
  SA: 'KSA;Arabia Saudita;السعودية;沙特;サウジ',
  SY: 'Syrian Arab Republic',
  SZ: 'Swaziland;Suazilandia',
  TL: 'East Timor;Timor Oriental',
  TR: 'Turkey',
  US: 'USA;U S;U S A;United States of America;America;EEUU;EE UU;الولايات المتحدة الأمريكية;الولايات المتحدة الأميركية;أمريكا;أميركا;美利坚合众国;美利堅合眾國;米国',
  VA: 'Vatican;Holy See;Santa Sede;Saint-Siège',
  VN: 'Viet Nam',
};

/** Demonyms, masculine singular: English | Spanish | French | Arabic (`;` between alternatives, empty where none is listed). */
const DEMONYMS: Record<string, string> = {
  AE: 'Emirati|emiratí|émirien|إماراتي',
  AF: 'Afghan|afgano|afghan|أفغاني',
  AM: 'Armenian|armenio|arménien|أرميني',
  AO: 'Angolan|angoleño|angolais|أنغولي',
  AR: 'Argentine;Argentinian|argentino|argentin|أرجنتيني',
  AT: 'Austrian|austriaco|autrichien|نمساوي',
  AU: 'Australian|australiano|australien|أسترالي',
  AZ: 'Azerbaijani;Azeri|azerbaiyano|azerbaïdjanais|أذربيجاني',
  BD: 'Bangladeshi|bangladesí|bangladais|بنغلاديشي',
  BE: 'Belgian|belga|belge|بلجيكي',
  BG: 'Bulgarian|búlgaro|bulgare|بلغاري',
  BH: 'Bahraini|bareiní|bahreïni|بحريني',
  BO: 'Bolivian|boliviano|bolivien|بوليفي',
  BR: 'Brazilian|brasileño|brésilien|برازيلي',
  BT: 'Bhutanese|butanés|bhoutanais|بوتاني',
  CA: 'Canadian|canadiense|canadien|كندي',
  CH: 'Swiss|suizo|suisse|سويسري',
  CI: 'Ivorian|marfileño|ivoirien|إيفواري',
  CL: 'Chilean|chileno|chilien|تشيلي',
  CM: 'Cameroonian|camerunés|camerounais|كاميروني',
  CN: 'Chinese|chino|chinois|صيني',
  CO: 'Colombian|colombiano|colombien|كولومبي',
  CU: 'Cuban|cubano|cubain|كوبي',
  CZ: 'Czech|checo|tchèque|تشيكي',
  DE: 'German|alemán|allemand|ألماني',
  DK: 'Danish;Dane|danés|danois|دنماركي',
  DO: 'Dominican|dominicano|dominicain|دومينيكاني',
  DZ: 'Algerian|argelino|algérien|جزائري',
  EC: 'Ecuadorian|ecuatoriano|équatorien|إكوادوري',
  EG: 'Egyptian|egipcio|égyptien|مصري',
  ES: 'Spanish;Spaniard|español|espagnol|إسباني',
  ET: 'Ethiopian|etíope|éthiopien|إثيوبي',
  FI: 'Finnish;Finn|finlandés|finlandais|فنلندي',
  FJ: 'Fijian|fiyiano|fidjien|فيجي',
  FR: 'French|francés|français|فرنسي',
  GB: 'British;Briton;Scottish;Welsh|británico;escocés;galés|britannique;écossais;gallois|بريطاني',
  GE: 'Georgian|georgiano|géorgien|جورجي',
  GH: 'Ghanaian|ghanés|ghanéen|غاني',
  GR: 'Greek|griego|grec|يوناني',
  GT: 'Guatemalan|guatemalteco|guatémaltèque|غواتيمالي',
  HR: 'Croatian;Croat|croata|croate|كرواتي',
  HT: 'Haitian|haitiano|haïtien|هايتي',
  HU: 'Hungarian|húngaro|hongrois|مجري',
  ID: 'Indonesian|indonesio|indonésien|إندونيسي',
  IE: 'Irish|irlandés|irlandais|أيرلندي',
  IL: 'Israeli|israelí|israélien|إسرائيلي',
  IN: 'Indian|indio|indien|هندي',
  IQ: 'Iraqi|iraquí|irakien|عراقي',
  IR: 'Iranian;Persian|iraní;persa|iranien;persan|إيراني',
  IS: 'Icelandic;Icelander|islandés|islandais|آيسلندي',
  IT: 'Italian|italiano|italien|إيطالي',
  JM: 'Jamaican|jamaicano|jamaïcain|جامايكي',
  JO: 'Jordanian|jordano|jordanien|أردني',
  JP: 'Japanese|japonés|japonais|ياباني',
  KE: 'Kenyan|keniano;keniata|kényan|كيني',
  KH: 'Cambodian;Khmer|camboyano|cambodgien|كمبودي',
  KP: 'North Korean|norcoreano|nord-coréen|كوري شمالي',
  KR: 'Korean;South Korean|coreano;surcoreano|coréen;sud-coréen|كوري;كوري جنوبي',
  KW: 'Kuwaiti|kuwaití|koweïtien|كويتي',
  KZ: 'Kazakh;Kazakhstani|kazajo|kazakh|كازاخستاني',
  LA: 'Laotian|laosiano|laotien|لاوسي',
  LB: 'Lebanese|libanés|libanais|لبناني',
  LK: 'Sri Lankan|ceilanés;esrilanqués|sri-lankais|سريلانكي',
  LY: 'Libyan|libio|libyen|ليبي',
  MA: 'Moroccan|marroquí|marocain|مغربي',
  MM: 'Burmese|birmano|birman|بورمي',
  MN: 'Mongolian|mongol|mongol|منغولي',
  MV: 'Maldivian|maldivo|maldivien|مالديفي',
  MX: 'Mexican|mexicano|mexicain|مكسيكي',
  MY: 'Malaysian|malasio|malaisien|ماليزي',
  NG: 'Nigerian|nigeriano|nigérian|نيجيري',
  NL: 'Dutch|neerlandés;holandés|néerlandais;hollandais|هولندي',
  NO: 'Norwegian|noruego|norvégien|نرويجي',
  NP: 'Nepali;Nepalese|nepalí;nepalés|népalais|نيبالي',
  NZ: 'New Zealander|neozelandés|néo-zélandais|نيوزيلندي',
  OM: 'Omani|omaní|omanais|عماني',
  PE: 'Peruvian|peruano|péruvien|بيروفي',
  PH: 'Filipino;Philippine|filipino|philippin|فلبيني',
  PK: 'Pakistani|pakistaní|pakistanais|باكستاني',
  PL: 'Polish|polaco|polonais|بولندي',
  PR: 'Puerto Rican|puertorriqueño|portoricain|بورتوريكي',
  PS: 'Palestinian|palestino|palestinien|فلسطيني',
  PT: 'Portuguese|portugués|portugais|برتغالي',
  PY: 'Paraguayan|paraguayo|paraguayen|باراغوايي',
  QA: 'Qatari|catarí|qatarien|قطري',
  RO: 'Romanian|rumano|roumain|روماني',
  RS: 'Serbian;Serb|serbio|serbe|صربي',
  RU: 'Russian|ruso|russe|روسي',
  RW: 'Rwandan|ruandés|rwandais|رواندي',
  SA: 'Saudi;Saudi Arabian|saudí;saudita|saoudien|سعودي',
  SD: 'Sudanese|sudanés|soudanais|سوداني',
  SE: 'Swedish;Swede|sueco|suédois|سويدي',
  SG: 'Singaporean|singapurense|singapourien|سنغافوري',
  SN: 'Senegalese|senegalés|sénégalais|سنغالي',
  SO: 'Somali|somalí|somalien|صومالي',
  SY: 'Syrian|sirio|syrien|سوري',
  TH: 'Thai|tailandés|thaïlandais;thaï|تايلاندي',
  TN: 'Tunisian|tunecino|tunisien|تونسي',
  TR: 'Turkish|turco|turc|تركي',
  TW: 'Taiwanese|taiwanés|taïwanais|تايواني',
  TZ: 'Tanzanian|tanzano|tanzanien|تنزاني',
  UA: 'Ukrainian|ucraniano|ukrainien|أوكراني',
  UG: 'Ugandan|ugandés|ougandais|أوغندي',
  US: 'American|estadounidense;norteamericano|américain;états-unien|أمريكي;أميركي',
  UY: 'Uruguayan|uruguayo|uruguayen|أوروغوايي',
  UZ: 'Uzbek|uzbeko|ouzbek|أوزبكي',
  VE: 'Venezuelan|venezolano|vénézuélien|فنزويلي',
  VN: 'Vietnamese|vietnamita|vietnamien|فيتنامي',
  YE: 'Yemeni|yemení|yéménite|يمني',
  ZA: 'South African|sudafricano|sud-africain|جنوب أفريقي',
  ZM: 'Zambian|zambiano|zambien|زامبي',
  ZW: 'Zimbabwean|zimbabuense|zimbabwéen|زيمبابوي',
};

/** Names that are also common words or given names (folded): recognized in running text only when capitalized. */
const CAPITALIZED_ONLY = new Set([
  'cad',
  'chile',
  'chili',
  'china',
  'chino',
  'chinos',
  'chinas',
  'dominica',
  'fas',
  'gana',
  'granada',
  'guinea',
  'ira',
  'mali',
  'malta',
  'maurice',
  'mauricio',
  'niger',
  'oma',
  'panama',
  'polish',
  'reunion',
  'suede',
  'togo',
  'turkey',
]);

/** Names too ambiguous in running text (a US state, a given name, a common word in another language): exact lookups only. */
const NOT_IN_RUNNING_TEXT = new Set(['chad', 'georgia', 'island', 'jersey', 'jordan', 'man', 'cook']);

/** How a name names its country. */
export type CountryNameKind = 'name' | 'demonym';

export interface CountryNameEntry {
  /** The name as the table writes it (a derived form for demonyms). */
  name: string;
  /** The name folded (`foldCountryName`). */
  key: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  kind: CountryNameKind;
  /** Written in capitals in the table (`USA`): matches running text only in capitals. */
  capitals: boolean;
  /** A common word too: matches running text only when capitalized. */
  capitalizedOnly: boolean;
  /** Whether the recognizer looks for it in running text at all. */
  inRunningText: boolean;
  /** Written in a script without spaces between words (Chinese, Japanese, Korean, Thai): found as a substring. */
  unspaced: boolean;
}

const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]/u;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A name folded for lookup: `foldText` (NFKC, lower case, no accents), then its words joined by single spaces
 * (punctuation, `_` and `-` separate words).
 *
 * @example
 * foldCountryName('Côte d’Ivoire') // 'cote d ivoire'
 * foldCountryName('North_Korea') // 'north korea'
 */
export function foldCountryName(name: string): string {
  return (foldText(name).match(WORD) ?? []).join(' ');
}

let entries: CountryNameEntry[] | undefined;
let byKey: Map<string, CountryNameEntry> | undefined;

/**
 * Every name, alias and demonym form in the table (built once, on first use). Where two countries share a
 * folded name, the first wins, in this order: other names, CLDR names by language column, demonyms.
 *
 * @example
 * countryNameEntries().filter((entry) => entry.country === 'JP').length // > 40
 */
export function countryNameEntries(): readonly CountryNameEntry[] {
  if (!entries) build();
  return entries!;
}

function build(): void {
  const found = new Map<string, CountryNameEntry>();
  const add = (country: string, name: string, kind: CountryNameKind) => {
    const key = foldCountryName(name);
    if (!key || found.has(key)) return;
    const letters = name.replace(/[^\p{L}]/gu, '');
    found.set(key, {
      name: name.normalize('NFKC'),
      key,
      country,
      kind,
      capitals: letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      capitalizedOnly: CAPITALIZED_ONLY.has(key),
      inRunningText: !NOT_IN_RUNNING_TEXT.has(key),
      unspaced: UNSPACED.test(name),
    });
  };
  for (const [country, names] of Object.entries(OTHER_NAMES)) for (const name of names.split(';')) add(country, name, 'name');
  const rows = Object.entries(CLDR_NAMES).map(([country, row]) => [country, row.split('|')] as const);
  for (let column = 0; column < COUNTRY_NAME_LANGUAGES.length; column++) {
    for (const [country, columns] of rows) for (const name of columns[column]?.split(';') ?? []) if (name) add(country, name, 'name');
  }
  for (const [country, row] of Object.entries(DEMONYMS)) {
    const [english, spanish, french, arabic] = row.split('|');
    for (const base of english.split(';')) for (const form of englishForms(base)) add(country, form, 'demonym');
    for (const base of spanish.split(';')) for (const form of spanishForms(base)) add(country, form, 'demonym');
    for (const base of french.split(';')) for (const form of frenchForms(base)) add(country, form, 'demonym');
    for (const base of arabic.split(';')) for (const form of arabicForms(base)) add(country, form, 'demonym');
  }
  entries = [...found.values()];
  byKey = found;
}

function englishForms(base: string): string[] {
  return /(?:ese|sh|ch|ss|s)$/.test(base) ? [base] : [base, `${base}s`];
}

function spanishForms(base: string): string[] {
  const stem = (ending: string) => base.slice(0, base.length - ending.length);
  if (base.endsWith('o')) return [base, `${stem('o')}a`, `${base}s`, `${stem('o')}as`];
  if (base.endsWith('és')) return [base, `${stem('és')}esa`, `${stem('és')}eses`, `${stem('és')}esas`];
  if (base.endsWith('án')) return [base, `${stem('án')}ana`, `${stem('án')}anes`, `${stem('án')}anas`];
  if (base.endsWith('í')) return [base, `${base}es`, `${base}s`];
  if (base.endsWith('ol')) return [base, `${base}a`, `${base}es`, `${base}as`];
  if (base.endsWith('e') || base.endsWith('a')) return [base, `${base}s`];
  return [base, `${base}es`];
}

function frenchForms(base: string): string[] {
  if (base === 'turc') return ['turc', 'turque', 'turcs', 'turques'];
  if (base === 'grec') return ['grec', 'grecque', 'grecs', 'grecques'];
  if (base.endsWith('s')) return [base, `${base}e`, `${base}es`];
  if (base.endsWith('ien')) return [base, `${base}ne`, `${base}s`, `${base}nes`];
  if (base.endsWith('e')) return [base, `${base}s`];
  return [base, `${base}e`, `${base}s`, `${base}es`];
}

function arabicForms(base: string): string[] {
  const words = base.split(' ');
  const last = words.pop()!;
  const head = words.length ? `${words.join(' ')} ` : '';
  if (!last.endsWith('ي')) return [base];
  return [base, `${head}${last}ة`, `${head}${last}ون`, `${head}${last}ين`, `${head}${last}ات`];
}

/**
 * The ISO 3166-1 alpha-2 code of a country name, demonym or code, in any language of the table; case,
 * accents, `_`, `-` and a leading English "the" do not matter. `undefined` when unknown.
 *
 * @example
 * countryCodeOf('South_Korea') // 'KR'
 * countryCodeOf('日本') // 'JP'
 * countryCodeOf('mexicana') // 'MX'
 * countryCodeOf('us') // 'US'
 */
export function countryCodeOf(name: string): string | undefined {
  const trimmed = name.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && ISO_ALPHA2_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (!byKey) build();
  const key = foldCountryName(trimmed);
  return byKey!.get(key)?.country ?? (key.startsWith('the ') ? byKey!.get(key.slice(4))?.country : undefined);
}

/**
 * The CLDR name of a country in a language of `COUNTRY_NAME_LANGUAGES` (English when the language has none).
 *
 * @example
 * countryName('JP', 'zh') // '日本'
 * countryName('MX') // 'Mexico'
 */
export function countryName(code: string, language = 'en'): string | undefined {
  const row = CLDR_NAMES[code.toUpperCase()]?.split('|');
  if (!row) return undefined;
  const column = (COUNTRY_NAME_LANGUAGES as readonly string[]).indexOf(language);
  const names = (column >= 0 && row[column]) || row[0];
  return names.split(';')[0];
}
