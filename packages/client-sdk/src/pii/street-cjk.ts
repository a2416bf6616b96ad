import { execAll } from './text.ts';
import type { PiiSpan } from './types.ts';

// Street lines written in Chinese and Japanese script, where no space parts the words and the
// number carries the word that makes it a house's: "解放北路227号", "建國路一段３２１號",
// "青年北路318号院4号楼2单元2803", "成功街３３１巷１０號", "春日町6丁目28番19号", "寿町１-６-１５".
// The province, city and district written before the street without a space are not part of it.

/** A number in ASCII or full-width digits. */
const D = '[0-9０-９]{1,5}';
const DASH = '[-－‐]';

/** A building's name before its floor: "永發大廈", "金冠閣", "创新大厦". */
const BUILDING = '\\p{Script=Han}{1,6}?(?:大廈|大厦|大樓|大楼|中心|廣場|广场|閣|阁|苑|花園|花园)';
/**
 * Chinese: a road's name ending in 路, 街, 大道 or 胡同, a section ("一段"), lanes and alleys ("331巷",
 * "5弄"), the house number with 号/號, then the compound, building, unit, floor and room ("院9号楼2单元301",
 * "20樓之11", "9栋1801室").
 */
const CHINESE_STREET = new RegExp(
  // (Hong Kong's roads end in 道 too, not the 道 of "知道", "频道" or a numbered route's "国道384号", and a direction may follow the road's word: "皇后大道東", "謝斐道".)
  `(\\p{Script=Han}{0,12}?(?:路|街|大道|胡同|(?<![知頻频管渠味難难報报軌轨国國省县縣])道)[東西南北中东]?)(?:[一二三四五六七八九十]{1,2}段)?(?:${D}[巷弄])*${D}[号號]` +
    // (A space may part the house from its building: "花园西路202号 10幢803室"; a building's name may come
    // before its floor and room, and a shop on the ground floor: "永發大廈6樓7室", "金冠閣29樓B室", "地下3號舖".)
    `(?:[ \\t　]?院?(?:${BUILDING})?(?:地下|地庫|地库)?(?:${D}(?:号楼|號樓|號舖|号铺|号|號|栋|棟|幢|座|单元|單元|樓|楼|层|層|室|舖|铺|[Ff])|[A-Za-z]室|之${D})+(?:${D}(?![0-9０-９]))?|院)?(?![0-9０-９])`,
  'gu',
);
/**
 * Japanese: a town's name, then chōme, ban and gō ("6丁目28番19号", "7丁目18番地12", "5丁目1-2") or
 * three numbers joined by dashes after a name in kanji ("緑町1-27-5"; not "バージョン1-2-3", a version),
 * and a building's name and room after a space.
 */
const JAPANESE_STREET = new RegExp(
  `([\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}ー]{1,10})` +
    `(?:${D}丁目(?:${D}番地?(?:${D}号?)?|${D}${DASH}${D}(?:${DASH}${D})?)?|(?<=\\p{Script=Han})${D}${DASH}${D}${DASH}${D}(?:${DASH}${D})?|${D}番地?${D}号)` +
    `(?:[ \\t　][\\p{Script=Han}\\p{Script=Katakana}ー]{1,10}[ \\t　]?${D}(?:号室)?)?(?![0-9０-９])`,
  'gu',
);
/** What either shape cannot do without: a number and the word that makes it a house's or a block's. */
const CJK_HINT = /[0-9０-９](?:[号號巷弄]|丁目|番|[-－‐][0-9０-９]{1,3}[-－‐][0-9０-９])/u;

/** Where the place before a street ends: a province, city or district ("广东省深圳市南山区"), or the words before it. */
const CHINESE_PLACE_END = /.*[省市区區县縣镇鎮乡鄉到在至往寄为為是址：:，,。]/u;
/** The same for Japanese: a prefecture, city, ward or district, or a particle of the sentence before. */
const JAPANESE_PLACE_END = /.*[都道府県市区郡村はにをでへと：:、，,。]/u;

export function* findCjkStreets(text: string): Generator<PiiSpan> {
  if (!CJK_HINT.test(text)) return;
  for (const [re, placeEnd] of [
    [CHINESE_STREET, CHINESE_PLACE_END],
    [JAPANESE_STREET, JAPANESE_PLACE_END],
  ] as const) {
    for (const m of execAll(re, text)) {
      const name = m[1] ?? '';
      const cut = placeEnd.exec(name)?.[0].length ?? 0;
      // A street needs its own name: "市区 5-1-2" or a bare "1号" is no street line.
      if (name.length - cut < (re === CHINESE_STREET ? 2 : 1)) continue;
      yield { start: m.index + cut, end: m.index + m[0].length };
    }
  }
}
