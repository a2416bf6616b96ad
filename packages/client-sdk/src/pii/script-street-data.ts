// The words of street lines in Greek, Hebrew, Arabic, Persian, Thai and Ukrainian or Russian script
// (street-scripts.ts), written as the alternations its patterns are built from; and the words of
// things a street line in Latin letters is mistaken for (street-look-alikes.ts), as lists parted by
// spaces. They are part of the lexicon, which the browser loads apart, so the scrubber's first chunk
// stays small.

export const SCRIPT_STREET_WORDS = {
  /** Greek type words, with and without accents, and their abbreviations. */
  greekTypes: 'οδός|οδος|οδό|οδο|οδ\\.|λεωφόρος|λεωφορος|λεωφόρο|λεωφορο|λεωφ\\.|πλατεία|πλατεια|πάροδος|παροδος|odos|leof\\.|leoforos|plateia|parodos',
  /** A Greek flat, the ground floor, and the word for a floor after its ordinal. */
  greekFlat: 'διαμ\\.?|διαμέρισμα',
  greekGround: 'ισόγειο',
  greekFloor: '(?:ος|ου|ο)[ \\t]+(?:όροφος|οροφος)',
  /** Endings of the genitive, in which a Greek street is named without its type word. */
  greekGenitive: 'ου|ού|ων|ών|ας|άς|ης|ής|εως|έως|ους|ούς',
  /** Hebrew type words ("רחוב", "שדרות", "סמטת"…) with their abbreviations. */
  hebrewTypes: "רחוב|רח['׳]|שדרות|שד['׳]|דרך|סמטת|כיכר",
  /** A Hebrew flat, entrance or floor after the number. */
  hebrewUnits: "דירה|דיר['׳]|כניסה|קומה",
  /** Hebrew words that count or place things with a number and are no street. */
  hebrewNotStreet: 'חדר קומה שער רציף כביש גרסה גירסה קו פרק טיסה מושב הזמנה חשבונית סעיף אולם בניין משרד עמוד קרון ספרינט מספר כיתה הערה',
  /** Arabic street types, buildings and houses, and the floor, storey and flat after a line. */
  arabicTypes: 'شارع|طريق|سكة|سكه|جادة|حارة|زقاق|ممر|ش\\.',
  arabicBuildings: 'عمارة|عماره|مبنى|مبني|منزل|فيلا|بناية|برج|شقة',
  arabicFloor: 'الدور|الطابق',
  arabicFlat: 'شقة',
  /** Persian named parts (street, lane, dead end, corner, square, boulevard, building) and numbered ones (plate, floor, unit). */
  persianNamed: 'خیابان|خ\\.?|کوچه|ک\\.?|بن[\\u200C ]?بست|نبش(?:[ \\t]+کوچه)?|میدان|بلوار|ساختمان|برج|مجتمع|کوی|جاده',
  persianNumbered: 'پلاک|پ\\.?|طبقه|واحد',
  /** Thai room and floor, house number, moo, village, soi and road. */
  thaiRoom: 'ห้อง',
  thaiFloor: 'ชั้น',
  thaiHouse: 'เลขที่',
  thaiMoo: 'ม\\.|หมู่(?:ที่)?',
  thaiVillage: 'หมู่บ้าน',
  thaiSoi: 'ซ\\.|ซอย',
  thaiRoad: 'ถ\\.|ถนน',
  /**
   * Ukrainian, Russian, Belarusian and Bulgarian street types and their abbreviations ("пр-т", "б-р", "ш.", "туп.",
   * "пр-д", "мкр."), house words and marks ("б.", "бр.", "№"), and flat, office, block and building words ("стр.").
   */
  cyrillicTypes:
    'вул|вулиця|ул|улица|пров|провулок|пер|переулок|просп|проспект|бульв|бульвар|пл|площа|площадь|наб|набережна|набережная|шосе|шоссе|' +
    'пр|пр-т|пр-кт|б-р|бул|ш|туп|тупик|тупік|пр-д|проезд|проїзд|аллея|алея|майдан|узвіз|мкр|микрорайон|мікрорайон|линия|лінія|' +
    'вуліца|праспект|завулак|плошча|булевард|булевар',
  cyrillicHouse: 'буд|будинок|д|дом|б|бр|№',
  cyrillicUnits: 'кв|квартира|оф|офіс|офис|корп|корпус|к|стр|строение|пом|помещение|эт|этаж|ап',
  /**
   * Words that count or place things inside a site, a trip or a document with a number, beside the
   * lexicon's COUNTER_WORDS: Esperanto, Spanish buses, German platforms, seats and agenda items, Greek
   * offices and floors, Turkish and Italian meeting rooms, Indonesian meetings ("ĉambro 37", "colectivo
   * 152", "Bahnsteig 12", "Traktandum 6", "Γραφείο 28", "Toplantı Odası 3", "Sala Riunioni 2").
   */
  counters:
    'ĉambro cxambro salono etaĝo etagxo pordego kajo vagono sidloko ĉapitro paĝo versio buso linio flugo ' +
    'colectivo micro bondi autobús autobus camión ómnibus omnibus ' +
    'bahnsteig sitzplatz stellplatz parkplatz arbeitsplatz steckplatz liegeplatz stehplatz fensterplatz traktandum tagesordnungspunkt ' +
    'γραφείο γραφειο όροφος οροφος δωμάτιο θέση πτήση έκδοση σελίδα γραμμή ' +
    'odası odasi oda riunioni rapat',
  /** Rooms named by a word then a name of their own ("Salle Eiffel 2", "Sala Riunioni 2", "Ruang Rapat 2"): not streets. */
  rooms: 'salle sala ruang aula zaal saal raum room hall toplantı toplanti',
  /** Possessives written after the noun ("Kursi saya 5C": my seat 5C). */
  possessives: 'saya kami kita kamu anda ku mu nya',
  /** Verbs of what is read, watched or played: a title follows them ("reading 84 Charing Cross Road", "watching 21 Jump Street"). */
  mediaVerbs: 'read reading reads reread rereading watch watching watched rewatching binge-watching streaming stream streamed',
  /** Makers and missions named with a model's or a mission's number ("Embraer 190", "Apollo 13"), and the words that name a model ("Model Nimbus 600"). */
  models: 'embraer airbus boeing cessna bombardier antonov tupolev sukhoi ilyushin fokker dornier beechcraft gulfstream learjet apollo artemis soyuz vostok model modell modelo modèle series serie edition type typ release',
  /** Currencies written before or after an amount ("Rs. 900", "120 zł"). */
  currencies: 'rs rs. zł zl kr kn kč kc ft lei lev rp tl din eur euro euros usd dollars pounds bucks yen rand naira cedi baht peso pesos reais lira rupees rupiah ringgit',
  /** The class of a numbered road, its only name ("carretera federal 100", "route nationale 7"). */
  roadClasses: 'federal nacional estatal national nationale départementale departementale provincial regional interstate state county',
  /** Vietnamese nouns numbered with "số" that are no house ("xe buýt số 35", "gian hàng số 38", "phòng họp số 2", "Điều 33"). */
  vietnameseCounters: 'buýt buyt xe tuyến tuyen phòng phong họp hop hàng hang điều dieu khoản khoan chương chuong trang cổng cong ghế ghe tầng tang bàn ban lớp lop ca vé ve chuyến chuyen kênh kenh câu cau bài bai',
};
