/**
 * A small multilingual lexicon of everyday-culture concepts (greetings, dining, gifts, dress, religion, taboos…):
 * for each concept, its common words in English, Chinese, Japanese, Korean, Thai, Arabic, Spanish, French, German
 * and Portuguese. The knowledge base marks each concept a text names with one language-neutral token, in the
 * descriptions and in the queries alike, so that a Chinese, Thai or Arabic request meets an English description of
 * the same custom. Written by hand for culturekit (general vocabulary, not taken from any dataset); words are
 * folded (`foldText`) before matching, Latin and Arabic words are matched as whole (light-stemmed) words, Chinese,
 * Japanese, Korean and Thai words as substrings.
 *
 * Format: one entry per concept, `language word, word | language word …`.
 */
export const CULTURE_LEXICON: Record<string, string> = {
  greeting:
    'en greeting, greet, hello, say hello, welcome | zh 问候, 打招呼, 招呼, 迎接, 欢迎 | ja 挨拶, あいさつ, 出迎え, 歓迎 | ko 인사, 환영 | th ทักทาย, สวัสดี, ต้อนรับ | ar تحية, سلام, ترحيب, استقبال | es saludo, saludar, bienvenida | fr salutation, saluer, bonjour, accueil | de gruss, begrussung, begrussen | pt saudacao, cumprimento, cumprimentar, boas-vindas',
  bow: 'en bow, bowing | zh 鞠躬, 行礼 | ja お辞儀, おじぎ, 会釈 | th โค้ง, ไหว้ | ar انحناء | es reverencia | fr courbette, reverence | de verbeugung, verbeugen | pt reverencia, curvar',
  wai: 'en wai, palms together | zh 合十, 双手合十 | ja 合掌 | ko 합장 | th ไหว้, พนมมือ | ar ضم الكفين | es manos juntas | fr mains jointes | de handflachen zusammen | pt maos juntas',
  handshake:
    'en handshake, shake hands, shaking hands | zh 握手 | ja 握手 | ko 악수 | th จับมือ | ar مصافحة, يصافح, المصافحة | es apreton de manos, dar la mano | fr poignee de main, serrer la main | de handschlag, hand geben, handedruck | pt aperto de mao, apertar a mao',
  kiss: 'en kiss, kisses, cheek | zh 亲吻, 吻, 脸颊 | ja キス, 頬 | ko 키스, 볼 | th จูบ, แก้ม | ar قبلة, تقبيل, خد | es beso, mejilla | fr bise, bisou, joue | de kuss, wange | pt beijo, bochecha',
  hug: 'en hug, embrace | zh 拥抱 | ja ハグ, 抱擁 | ko 포옹 | th กอด | ar عناق, احتضان | es abrazo | fr accolade, etreinte | de umarmung | pt abraco',
  shoes:
    'en shoes, shoe, footwear, slippers, barefoot | zh 鞋, 拖鞋, 脱鞋 | ja 靴, スリッパ, 履物, 玄関 | ko 신발, 슬리퍼 | th รองเท้า | ar حذاء, احذية, نعال, شبشب | es zapatos, calzado, pantuflas, descalzo | fr chaussures, chaussons, pieds nus | de schuhe, hausschuhe, barfuss | pt sapatos, chinelos, descalco',
  home: 'en home, house, household, host family | zh 家里, 家中, 回家, 住宅, 寄宿家庭 | ja 自宅, 家庭, 実家, お宅, ホームステイ | ko 집, 가정 | th บ้าน | ar منزل, بيت, البيت | es casa, hogar | fr maison, foyer, domicile | de haus, zuhause, wohnung | pt casa, lar',
  guest:
    'en guest, visitor, visit, invited, invitation | zh 客人, 做客, 拜访, 邀请, 访问 | ja 客, お客, 訪問, 招待, 訪ね | ko 손님, 방문, 초대 | th แขก, เยี่ยม, เชิญ | ar ضيف, ضيوف, زيارة, دعوة | es invitado, visita, invitacion | fr invite, visite, invitation | de gast, besuch, einladung | pt convidado, visita, convite',
  host: 'en host, hosts, hostess, hospitality | zh 主人, 款待, 招待, 好客 | ja 主人, もてなし, おもてなし, ホスト | ko 주인, 대접, 환대 | th เจ้าบ้าน, เจ้าภาพ, ต้อนรับขับสู้ | ar مضيف, ضيافة, كرم | es anfitrion, hospitalidad | fr hote, hospitalite | de gastgeber, gastfreundschaft | pt anfitriao, hospitalidade',
  gift: 'en gift, present, souvenir | zh 礼物, 礼品, 送礼, 赠送 | ja 贈り物, プレゼント, 手土産, お土産, 贈答 | ko 선물 | th ของขวัญ, ของฝาก | ar هدية, هدايا | es regalo, obsequio | fr cadeau, present | de geschenk, mitbringsel | pt presente, lembranca',
  wrapping:
    'en wrap, wrapping, wrapped | zh 包装 | ja 包装, 包み, ラッピング | ko 포장 | th ห่อ | ar تغليف | es envolver, envoltorio | fr emballage, emballer | de verpackung, einpacken | pt embrulho, embrulhar',
  flowers:
    'en flower, flowers, bouquet, chrysanthemum, lilies | zh 花, 鲜花, 菊花 | ja 花, 花束, 菊 | ko 꽃, 국화 | th ดอกไม้, ดอกเบญจมาศ | ar زهور, ورد, زهرة | es flores, ramo, crisantemo | fr fleurs, bouquet, chrysantheme | de blumen, strauss, chrysantheme | pt flores, buque, crisantemo',
  color: 'en colour, color, colours, colors | zh 颜色 | ar لون, الوان | es color, colores | fr couleur | de farbe | pt cor, cores',
  white: 'en white | zh 白色 | ko 흰, 하얀 | th สีขาว | ar ابيض, بيضاء | es blanco | fr blanc, blanche | de weiss | pt branco',
  red: 'en red | zh 红色, 红 | ja 赤 | ko 빨간, 붉은 | th สีแดง | ar احمر, حمراء | es rojo | fr rouge | de rot | pt vermelho',
  black: 'en black | zh 黑色 | ja 黒 | ko 검은 | th สีดำ | ar اسود, سوداء | es negro | fr noir | de schwarz | pt preto',
  number:
    'en number, four, eight, thirteen, unlucky, lucky | zh 数字, 四, 八, 吉利, 不吉利 | ja 数字, 四, 縁起 | ko 숫자 | th ตัวเลข, เลข | ar رقم, ارقام | es numero, cuatro, trece | fr nombre, chiffre, treize | de zahl, dreizehn | pt numero, treze',
  clock: 'en clock, watch | zh 钟, 钟表, 送钟 | ja 時計 | ko 시계 | th นาฬิกา | ar ساعة | es reloj | fr horloge, montre | de uhr | pt relogio',
  sharp:
    'en knife, knives, scissors | zh 刀, 剪刀 | ja 刃物, ナイフ, はさみ | ko 칼 | th มีด | ar سكين | es cuchillo, tijeras | fr couteau, ciseaux | de messer, schere | pt faca, tesoura',
  money:
    'en money, cash, envelope | zh 钱, 红包, 现金 | ja お金, 現金, 祝儀, ご祝儀 | ko 돈, 현금, 봉투 | th เงิน, ซอง | ar مال, نقود, العيدية | es dinero, efectivo, sobre | fr argent, enveloppe | de geld, umschlag | pt dinheiro, envelope',
  tip: 'en tip, tipping, gratuity | zh 小费 | ja チップ, 心付け | ko 팁 | th ทิป | ar بقشيش, اكرامية | es propina | fr pourboire | de trinkgeld | pt gorjeta',
  bill: 'en bill, pay, paying, check, split | zh 买单, 付钱, 结账, 请客, 埋单, aa制 | ja 会計, 支払, 割り勘, おごり | ko 계산, 더치페이 | th จ่าย, เช็คบิล, ค่าอาหาร | ar فاتورة, دفع, الحساب | es cuenta, pagar | fr addition, payer | de rechnung, bezahlen | pt conta, pagar',
  food: 'en food, dish, dishes, cuisine, meal, meals | zh 食物, 菜, 饭菜, 饭, 美食 | ja 食べ物, 料理, 食事 | ko 음식, 요리, 식사 | th อาหาร | ar طعام, اكل, وجبة, الطعام | es comida, plato, platos | fr nourriture, plat, repas | de essen, gericht, mahlzeit | pt comida, prato, refeicao',
  eating:
    'en eat, eating, dining, dine, dinner, lunch, breakfast, table | zh 吃, 吃饭, 用餐, 就餐, 餐桌, 晚饭, 晚餐, 午饭 | ja 食べ, 食事, 夕食, 昼食, 朝食, 食卓 | ko 먹, 식사, 저녁, 점심 | th กิน, ทาน, รับประทาน, มื้อ, โต๊ะ | ar ياكل, تناول, عشاء, غداء, مائدة | es comer, cena, almuerzo, mesa | fr manger, diner, dejeuner, table | de essen, abendessen, mittagessen, tisch | pt comer, jantar, almoco, mesa',
  chopsticks:
    'en chopsticks, chopstick | zh 筷子, 筷 | ja 箸, お箸 | ko 젓가락 | th ตะเกียบ | ar عيدان | es palillos | fr baguettes | de essstabchen, stabchen | pt pauzinhos, hashi',
  rice: 'en rice, bowl | zh 米饭, 白饭, 碗 | ja ご飯, ごはん, 茶碗 | ko 밥, 쌀, 그릇 | th ข้าว, ชาม | ar ارز, رز, وعاء | es arroz, cuenco | fr riz, bol | de reis, schussel | pt arroz, tigela',
  cutlery:
    'en fork, spoon, cutlery, utensils | zh 叉子, 勺子, 餐具 | ja フォーク, スプーン, 食器 | ko 포크, 숟가락 | th ส้อม, ช้อน | ar شوكة, ملعقة | es tenedor, cuchara, cubiertos | fr fourchette, cuillere, couverts | de gabel, loffel, besteck | pt garfo, colher, talheres',
  hand: 'en hand, hands, left hand, right hand, fingers | zh 左手, 右手, 手指 | ja 左手, 右手 | ko 손, 왼손, 오른손 | th มือ, มือซ้าย, มือขวา, นิ้ว | ar يد, اليد, اليسرى, اليمنى, اصابع | es mano, manos, izquierda, derecha, dedos | fr main, mains, gauche, droite, doigts | de hand, hande, links, rechts, finger | pt mao, maos, esquerda, direita, dedos',
  head: 'en head, hair | zh 头部, 摸头 | ja 頭 | ko 머리 | th ศีรษะ | ar راس, الراس | es cabeza | fr tete | de kopf | pt cabeca',
  feet: 'en feet, foot, soles, legs | zh 脚, 脚底, 腿 | ja 足, 足の裏 | ko 발바닥 | th เท้า, ฝ่าเท้า | ar قدم, اقدام, القدمين | es pies, pie, planta | fr pieds, pied | de fusse, fuss, fusssohle | pt pes, pe, sola',
  pointing:
    'en point, pointing, finger | zh 指着 | ja 指差, 指さ | ko 가리키 | th ชี้ | ar اشارة, يشير | es senalar, apuntar | fr pointer, montrer du doigt | de zeigen | pt apontar',
  gesture:
    'en gesture, gestures, thumbs up, ok sign, sign | zh 手势, 竖大拇指 | ja ジェスチャー, 身振り, 手振り | ko 제스처, 손짓 | th ท่าทาง, สัญญาณมือ | ar ايماءة, اشارات, حركة اليد | es gesto, gestos | fr geste, gestes | de geste, gesten | pt gesto, gestos',
  pork: 'en pork, pig, ham, bacon | zh 猪肉, 猪 | ja 豚肉, 豚, ハム | ko 돼지고기 | th หมู | ar خنزير, لحم الخنزير | es cerdo, jamon | fr porc, jambon | de schweinefleisch, schwein | pt porco, presunto',
  beef: 'en beef, cow, cattle | zh 牛肉, 牛 | ja 牛肉, 牛 | ko 소고기 | th เนื้อวัว, วัว | ar لحم البقر, بقر | es res, vaca | fr boeuf, vache | de rindfleisch, kuh | pt carne bovina, vaca',
  halal: 'en halal, haram, forbidden | zh 清真, 禁忌 | ja ハラール, ハラル | ko 할랄 | th ฮาลาล | ar حلال, حرام | es halal | fr halal | de halal | pt halal',
  vegetarian:
    'en vegetarian, vegan, meat | zh 素食, 吃素, 肉 | ja ベジタリアン, 菜食, 肉 | ko 채식, 고기 | th มังสวิรัติ, เนื้อ | ar نباتي, لحم | es vegetariano, carne | fr vegetarien, viande | de vegetarisch, fleisch | pt vegetariano, carne',
  alcohol:
    'en alcohol, drink, drinks, drinking, beer, wine, toast, cheers | zh 酒, 喝酒, 干杯, 敬酒, 啤酒 | ja 酒, お酒, 飲酒, 乾杯, ビール | ko 음주, 건배 | th เหล้า, แอลกอฮอล์, ดื่ม, เบียร์, ชนแก้ว | ar كحول, خمر, مشروبات, نبيذ | es alcohol, bebida, cerveza, vino, brindis | fr alcool, boisson, biere, vin, trinquer | de alkohol, getranke, bier, wein, anstossen | pt alcool, bebida, cerveja, vinho, brinde',
  tea: 'en tea, coffee | zh 茶, 咖啡 | ja お茶, 茶, コーヒー | ko 커피 | th กาแฟ | ar شاي, قهوة | es te, cafe | fr the, cafe | de tee, kaffee | pt cha, cafe',
  fasting:
    'en fasting, fast, ramadan, iftar | zh 斋月, 斋戒, 禁食 | ja 断食, ラマダン | ko 금식, 라마단 | th ถือศีลอด, รอมฎอน | ar صيام, صوم, رمضان, افطار, الافطار | es ayuno, ramadan | fr jeune, ramadan | de fasten, ramadan | pt jejum, ramada',
  prayer:
    'en prayer, pray, praying | zh 祈祷, 礼拜 | ja 祈り, 礼拝, 参拝 | ko 기도, 예배 | th สวดมนต์, ละหมาด | ar صلاة, الصلاة, دعاء | es oracion, rezar | fr priere, prier | de gebet, beten | pt oracao, rezar',
  mosque: 'en mosque | zh 清真寺 | ja モスク | ko 모스크 | th มัสยิด | ar مسجد, جامع | es mezquita | fr mosquee | de moschee | pt mesquita',
  temple:
    'en temple, shrine, wat, pagoda | zh 寺庙, 寺, 庙, 神社 | ja 寺, 神社, 寺院 | ko 사원, 사찰 | th วัด, ศาลเจ้า | ar معبد | es templo, santuario | fr temple, sanctuaire | de tempel, schrein | pt templo, santuario',
  church:
    'en church, mass, christian | zh 教堂, 弥撒 | ja 教会, ミサ | ko 교회, 성당 | th โบสถ์ | ar كنيسة | es iglesia, misa | fr eglise, messe | de kirche, messe | pt igreja, missa',
  buddhism:
    'en buddha, buddhist, monk, monks | zh 佛, 佛像, 佛教, 僧人, 和尚 | ja 仏, 仏像, 仏教, 僧侶 | ko 부처, 불상, 불교, 스님 | th พระ, พระพุทธรูป, พุทธ, ภิกษุ | ar بوذا, بوذي, راهب | es buda, budista, monje | fr bouddha, bouddhiste, moine | de buddha, buddhist, monch | pt buda, budista, monge',
  religion:
    'en religion, religious, faith, sacred, holy, god | zh 宗教, 信仰, 神圣 | ja 宗教, 信仰, 神聖 | ko 종교, 신앙 | th ศาสนา, ศักดิ์สิทธิ์ | ar دين, ديني, مقدس, الله | es religion, religioso, sagrado | fr religion, religieux, sacre | de religion, religios, heilig | pt religiao, religioso, sagrado',
  dress:
    'en dress, clothing, clothes, wear, wearing, outfit, attire | zh 穿, 衣服, 服装, 着装, 穿着 | ja 服, 服装, 着る, 着用, 身だしなみ | ko 옷, 복장 | th แต่งกาย, เสื้อผ้า, ใส่, สวม | ar ملابس, لباس, يرتدي, ارتداء | es ropa, vestimenta, vestir, llevar | fr vetements, tenue, porter, habiller | de kleidung, tragen, anziehen | pt roupa, vestir, usar, traje',
  modesty:
    'en modest, modesty, cover, covered, shoulders, knees, shorts, sleeveless | zh 端庄, 遮盖, 肩膀, 膝盖, 短裤 | ja 肌の露出, 肩, 膝, 短パン | ko 어깨, 무릎, 반바지 | th สุภาพ, ไหล่, เข่า, กางเกงขาสั้น | ar محتشم, احتشام, تغطية, الكتفين, الركبتين | es modesto, cubrir, hombros, rodillas | fr pudique, couvrir, epaules, genoux | de bedeckt, schultern, knie | pt modesto, cobrir, ombros, joelhos',
  headscarf:
    'en headscarf, hijab, veil, abaya | zh 头巾, 面纱 | ja スカーフ, ヒジャブ | ko 히잡 | th ผ้าคลุมศีรษะ, ฮิญาบ | ar حجاب, عباءة, نقاب, غطاء الراس | es velo, panuelo | fr voile, foulard | de kopftuch, schleier | pt veu, lenco',
  festival:
    'en festival, celebration, celebrate, holiday, feast | zh 节日, 庆祝, 过节 | ja 祭り, 祝日, 祭, 祝う | ko 축제, 명절, 기념 | th เทศกาล, งานฉลอง, ฉลอง | ar مهرجان, عيد, احتفال, الاحتفال | es fiesta, festival, celebracion, celebrar | fr fete, festival, celebration, celebrer | de fest, feiertag, feier, feiern | pt festa, festival, celebracao, comemorar',
  newyear:
    'en new year, lunar new year, spring festival, songkran | zh 新年, 春节, 过年, 元旦 | ja 正月, 新年, お正月 | ko 설날, 새해 | th ปีใหม่, สงกรานต์ | ar راس السنة, العام الجديد | es ano nuevo | fr nouvel an | de neujahr | pt ano novo',
  wedding:
    'en wedding, marriage, bride, groom | zh 婚礼, 结婚, 新娘 | ja 結婚式, 結婚, 花嫁 | ko 결혼식, 결혼 | th งานแต่ง, แต่งงาน, เจ้าสาว | ar زفاف, عرس, زواج, العروس | es boda, matrimonio, novia | fr mariage, mariee | de hochzeit, braut | pt casamento, noiva',
  funeral:
    'en funeral, death, mourning, dead, ancestors | zh 葬礼, 丧事, 去世, 死, 祖先 | ja 葬式, 葬儀, 通夜, 死, 先祖 | ko 장례, 죽음, 조상 | th งานศพ, ความตาย, บรรพบุรุษ | ar جنازة, عزاء, موت, وفاة | es funeral, luto, muerte, muertos, antepasados | fr funerailles, deuil, mort, ancetres | de beerdigung, trauer, tod, vorfahren | pt funeral, luto, morte, antepassados',
  family:
    'en family, parents, children, mother, father, relatives | zh 家人, 家庭, 父母, 孩子, 亲戚 | ja 家族, 両親, 子供, 親戚 | ko 가족, 부모, 아이, 친척 | th ครอบครัว, พ่อแม่, ลูก, ญาติ | ar عائلة, اسرة, والدين, اطفال, اقارب | es familia, padres, hijos, parientes | fr famille, parents, enfants | de familie, eltern, kinder, verwandte | pt familia, pais, filhos, parentes',
  elders:
    'en elder, elders, older, elderly, senior, superiors, seniority | zh 长辈, 老人, 年长, 上级, 长者 | ja 目上, 年上, 年配, 上司, 先輩 | ko 어른, 윗사람, 연장자, 선배 | th ผู้ใหญ่, ผู้สูงอายุ, รุ่นพี่ | ar كبار, كبير السن, المسنين | es mayores, ancianos, superiores | fr aines, personnes agees, superieurs | de altere, vorgesetzte | pt mais velhos, idosos, superiores',
  respect:
    'en respect, respectful, polite, politeness, rude, impolite, offensive, disrespectful | zh 尊重, 尊敬, 礼貌, 不礼貌, 冒犯, 失礼 | ja 尊敬, 敬意, 礼儀, 失礼, 無礼 | ko 존중, 예의, 무례 | th เคารพ, สุภาพ, ไม่สุภาพ, เสียมารยาท | ar احترام, ادب, مهذب, وقاحة, اهانة | es respeto, cortes, educado, grosero, ofensivo | fr respect, poli, politesse, impoli, offensant | de respekt, hoflich, unhoflich, beleidigend | pt respeito, educado, rude, ofensivo',
  taboo:
    'en taboo, avoid, never, forbidden, offend, bad luck | zh 禁忌, 忌讳, 避免, 不吉利 | ja タブー, 禁忌, 縁起が悪い, 避け | ko 금기, 피해 | th ข้อห้าม, ห้าม, ไม่เป็นมงคล | ar محرمات, تجنب, ممنوع, محظور | es tabu, evitar, prohibido, mala suerte | fr tabou, eviter, interdit, malchance | de tabu, vermeiden, verboten, pech | pt tabu, evitar, proibido, azar',
  punctuality:
    'en punctual, punctuality, late, on time, early, arrive | zh 准时, 迟到, 守时, 提前 | ja 時間厳守, 遅刻, 時間通り | ko 시간 엄수, 지각, 정시 | th ตรงเวลา, มาสาย | ar الالتزام بالمواعيد, متاخر, تاخير, الموعد | es puntual, puntualidad, tarde, llegar | fr ponctuel, ponctualite, retard, en retard | de punktlich, punktlichkeit, verspatung, spat | pt pontual, pontualidade, atraso, atrasado',
  business:
    'en business, meeting, colleagues, office, company, work, card | zh 商务, 会议, 同事, 公司, 工作, 名片 | ja ビジネス, 会議, 同僚, 会社, 仕事, 名刺 | ko 비즈니스, 회의, 동료, 회사, 명함 | th ธุรกิจ, ประชุม, เพื่อนร่วมงาน, บริษัท, นามบัตร | ar عمل, اجتماع, زملاء, شركة, بطاقة | es negocios, reunion, colegas, oficina, empresa, tarjeta | fr affaires, reunion, collegues, bureau, entreprise, carte | de geschaft, besprechung, kollegen, buro, firma, visitenkarte | pt negocios, reuniao, colegas, escritorio, empresa, cartao',
  names:
    'en name, names, surname, title, address | zh 名字, 姓, 姓名, 称呼 | ja 名前, 苗字, 名字, 呼び方 | ko 이름, 호칭 | th ชื่อ, นามสกุล, คำนำหน้า | ar اسم, لقب, الاسم | es nombre, apellido, titulo | fr nom, prenom, titre | de name, nachname, titel, anrede | pt nome, sobrenome, titulo',
  king: 'en king, royal, monarchy, royal family | zh 国王, 王室, 皇室 | ja 国王, 王室, 皇室 | ko 국왕, 왕실 | th พระมหากษัตริย์, กษัตริย์, ราชวงศ์, ในหลวง | ar ملك, الملك, ملكي | es rey, realeza, monarquia | fr roi, royal, monarchie | de konig, konigshaus, monarchie | pt rei, realeza, monarquia',
  bath: 'en bath, bathing, onsen, hot spring, bathroom, toilet, shower | zh 洗澡, 温泉, 浴室, 厕所, 卫生间 | ja 風呂, お風呂, 温泉, 銭湯, 浴室, トイレ | ko 목욕, 온천, 화장실 | th อาบน้ำ, บ่อน้ำร้อน, ห้องน้ำ | ar استحمام, حمام, مرحاض | es bano, aguas termales, ducha | fr bain, source chaude, toilettes, douche | de bad, baden, toilette, dusche | pt banho, fonte termal, banheiro',
  tattoo:
    'en tattoo, tattoos | zh 纹身, 刺青 | ja 入れ墨, 刺青, タトゥー | ko 문신 | th รอยสัก | ar وشم | es tatuaje | fr tatouage | de tattoo, tatowierung | pt tatuagem',
  queue:
    'en queue, line, waiting | zh 排队 | ja 行列, 並ぶ | ko 줄서기 | th เข้าแถว, ต่อคิว | ar طابور, الانتظار | es cola, fila | fr file, queue, attente | de schlange, anstehen | pt fila',
  photo:
    'en photo, photograph, picture, camera | zh 照片, 拍照 | ja 写真, 撮影 | ko 사진, 촬영 | th ถ่ายรูป, รูปถ่าย | ar صورة, تصوير | es foto, fotografia | fr photo, photographie | de foto, fotografieren | pt foto, fotografia',
  eye: 'en eye contact, eyes, stare, staring, look | zh 眼神, 眼睛, 盯着 | ja 目線, アイコンタクト, 目を見 | ko 시선 | th สบตา, จ้อง | ar النظر, العين, التحديق | es mirada, ojos, contacto visual | fr regard, yeux, contact visuel | de augenkontakt, blick | pt olhar, olhos, contato visual',
  voice:
    'en loud, loudly, quiet, voice, noise, public | zh 大声, 安静, 公共场合, 噪音 | ja 大声, 静か, 公共, 人前 | ko 큰소리, 조용, 공공장소 | th เสียงดัง, เงียบ, ที่สาธารณะ | ar بصوت عال, هادئ, علنا, الاماكن العامة | es en voz alta, silencio, publico | fr fort, silence, public | de laut, ruhig, offentlich | pt alto, silencio, publico',
  affection:
    'en public display of affection, holding hands, couple | zh 牵手, 亲热, 情侣 | ja 手をつな, カップル, いちゃつ | ko 손잡, 커플, 애정 표현 | th จับมือถือแขน, คู่รัก | ar اظهار المودة, امساك الايدي | es muestras de afecto, tomarse de la mano | fr demonstration d affection, se tenir la main | de zuneigung, handchen halten | pt demonstracao de afeto, de maos dadas',
  sitting:
    'en sit, sitting, seat, seated, floor, cross legged | zh 坐, 座位, 席位, 地板, 盘腿 | ja 座る, 席, 座席, 正座, 床, 上座 | ko 앉, 자리, 좌석, 바닥 | th นั่ง, ที่นั่ง, พื้น | ar جلوس, الجلوس, مقعد, الارض | es sentarse, asiento, suelo | fr s asseoir, assis, siege, sol | de sitzen, sitzplatz, boden | pt sentar, assento, chao',
  left: 'en left, left hand | zh 左手, 左 | ja 左手, 左 | ko 왼손, 왼 | th มือซ้าย, ซ้าย | ar اليد اليسرى, اليسار, يسار | es mano izquierda, izquierda | fr main gauche, gauche | de linke hand, links | pt mao esquerda, esquerda',
  sharing:
    'en share, sharing, communal, serve, serving, helping | zh 分享, 夹菜, 共享, 上菜 | ja 取り分け, 分け合, 大皿 | ko 나눠, 덜어 | th แบ่ง, ตักอาหาร | ar مشاركة, طبق مشترك, تقديم | es compartir, servir | fr partager, servir | de teilen, servieren | pt compartilhar, servir',
  leftovers:
    'en finish, leftovers, leave food, clean plate, empty plate | zh 吃光, 剩饭, 剩菜, 光盘 | ja 残す, 食べ残, 完食 | ko 남기, 다 먹 | th กินหมด, เหลือ | ar بقايا الطعام, اكمال الطبق | es terminar, sobras, dejar comida, plato limpio | fr finir, restes, assiette vide | de aufessen, reste, teller leer | pt terminar, sobras, prato limpo',
  compliment:
    'en compliment, praise, refuse, decline, accept | zh 称赞, 夸奖, 拒绝, 推辞, 接受 | ja 褒め, 断る, 遠慮, 受け取 | ko 칭찬, 거절, 사양, 받 | th ปฏิเสธ | ar مديح, رفض, قبول | es cumplido, elogio, rechazar, aceptar | fr compliment, refuser, accepter | de kompliment, ablehnen, annehmen | pt elogio, recusar, aceitar',
  smile:
    'en smile, smiling, laugh | zh 微笑, 笑 | ja 笑顔, 微笑, 笑 | ko 미소, 웃 | th ยิ้ม, หัวเราะ | ar ابتسامة, يبتسم, ضحك | es sonrisa, sonreir, reir | fr sourire, rire | de lacheln, lachen | pt sorriso, sorrir, rir',
  birthday:
    'en birthday, anniversary, party | zh 生日, 聚会, 派对 | ja 誕生日, パーティー | ko 생일, 파티 | th วันเกิด, งานเลี้ยง, ปาร์ตี้ | ar عيد ميلاد, حفلة | es cumpleanos, fiesta | fr anniversaire, fete | de geburtstag, party | pt aniversario, festa',
  children:
    'en child, children, baby, kids | zh 孩子, 小孩, 婴儿, 儿童 | ja 子供, 子ども, 赤ちゃん | ko 아이, 아기, 어린이 | th เด็ก, ทารก | ar طفل, اطفال, رضيع | es nino, ninos, bebe | fr enfant, enfants, bebe | de kind, kinder, baby | pt crianca, criancas, bebe',
  women:
    'en women, woman, men, man, gender, female, male | zh 女性, 妇女, 男性, 男女 | ja 女性, 男性, 男女 | ko 여성, 남성 | th ผู้หญิง, ผู้ชาย, สตรี | ar نساء, امراة, رجال, رجل | es mujeres, mujer, hombres, hombre | fr femmes, femme, hommes, homme | de frauen, frau, manner, mann | pt mulheres, mulher, homens, homem',
  bread: 'en bread, flatbread | zh 面包, 馕, 饼 | ja パン | ko 빵 | th ขนมปัง | ar خبز, عيش | es pan | fr pain | de brot | pt pao',
  spicy:
    'en spicy, chili, pepper, hot | zh 辣, 辣椒 | ja 辛い, 唐辛子 | ko 매운, 고추 | th เผ็ด, พริก | ar حار, فلفل | es picante, chile | fr epice, piment | de scharf, chili | pt picante, pimenta',
  sweets:
    'en sweets, dessert, cake, candy | zh 甜点, 蛋糕, 糖果 | ja お菓子, デザート, ケーキ | ko 디저트, 과자, 케이크 | th ขนม, ของหวาน, เค้ก | ar حلويات, حلوى, كعك | es dulces, postre, pastel | fr bonbons, dessert, gateau | de sussigkeiten, nachtisch, kuchen | pt doces, sobremesa, bolo',
  barbecue:
    'en barbecue, braai, grill, asado | zh 烧烤 | ja バーベキュー, 焼肉 | ko 바비큐 | th บาร์บีคิว, ปิ้งย่าง | ar شواء | es asado, parrilla, barbacoa | fr barbecue, grillade | de grillen, grill | pt churrasco',
  conversation:
    'en conversation, talk, topic, topics, small talk, ask, questions, politics, salary | zh 谈话, 聊天, 话题, 政治, 工资 | ja 会話, 話題, 雑談, 政治, 給料 | ko 대화, 화제, 정치, 월급 | th สนทนา, คุย, หัวข้อ, การเมือง, เงินเดือน | ar محادثة, حديث, موضوع, سياسة, راتب | es conversacion, charla, tema, politica, salario | fr conversation, sujet, politique, salaire | de gesprach, thema, politik, gehalt | pt conversa, assunto, politica, salario',
  personal_space:
    'en personal space, touch, touching, distance, physical contact | zh 个人空间, 触碰, 触摸, 距离, 身体接触 | ja パーソナルスペース, 触れ, 距離, 身体接触 | ko 개인 공간, 만지, 거리, 신체 접촉 | th พื้นที่ส่วนตัว, แตะ, สัมผัส, ระยะห่าง | ar المساحة الشخصية, لمس, مسافة, تلامس | es espacio personal, tocar, distancia, contacto fisico | fr espace personnel, toucher, distance, contact physique | de personlicher raum, beruhren, abstand, korperkontakt | pt espaco pessoal, tocar, distancia, contato fisico',
};
