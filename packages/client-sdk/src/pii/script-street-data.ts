// The words of street lines in Greek, Hebrew, Arabic, Persian, Thai and Ukrainian or Russian script
// (street-scripts.ts), written as the alternations its patterns are built from. They are part of
// the lexicon, which the browser loads apart, so the scrubber's first chunk stays small.

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
};
