import type { PiiSpan } from './types.ts';

// Places, papers and drinks of two or three words that read as a person's name, each word being a
// given name or a surname somewhere (issue 13): "the office in Hong Kong", "she moved to Santa
// Cruz", "La Nación ran the story", "we had a mai tai". PLACE_WORDS holds places of one word, and
// without the words the name lists hold ("Hong", "Cruz"), so these are told apart as phrases. A
// guess that is one of them, whole, is no person's; "Ana Santa Cruz" still is.

/** The phrases, in lower case, with and without their marks. */
const PLACE_PHRASES: ReadonlySet<string> = new Set(
  [
    'hong kong', 'mong kok', 'ha long', 'hạ long', 'kowloon tong', 'tsim sha tsui', 'costa rica', 'puerto rico', 'la paz',
    'santa cruz', 'santa fe', 'santa clara', 'santa monica', 'santa barbara', 'santa marta', 'santa catarina', 'san jose',
    'san josé', 'san juan', 'san diego', 'san francisco', 'san antonio', 'san salvador', 'san sebastián', 'san sebastian',
    'los angeles', 'las vegas', 'buenos aires', 'rio de janeiro', 'são paulo', 'sao paulo', 'belo horizonte', 'porto alegre',
    'la nación', 'la nacion', 'le monde', 'le figaro', 'el país', 'el pais', 'el mundo', 'la repubblica', 'la stampa',
    'mai tai', 'kuala lumpur', 'ho chi minh', 'phnom penh', 'chiang mai', 'da nang', 'đà nẵng', 'hội an', 'hoi an',
    'nha trang', 'hải phòng', 'hai phong', 'sri lanka', 'abu dhabi', 'tel aviv', 'cape town', 'new delhi', 'new york',
  ].map((p) => p.normalize('NFC')),
);

/** The longest phrase, in characters: a longer guess is no phrase (looked at before any case is changed). */
const LONGEST = Math.max(...[...PLACE_PHRASES].map((p) => p.length));

/** Whether the guess `s` is one of {@link PLACE_PHRASES}, whole (with a possessive or closing punctuation). */
export function isPlacePhrase(text: string, s: PiiSpan): boolean {
  if (s.end - s.start > LONGEST + 3) return false;
  const guess = text.slice(s.start, s.end);
  if (guess.indexOf(' ') < 0) return false;
  const bare = guess.replace(/(?:['’]s)?[.,:;!?]*$/u, '').replace(/\s+/gu, ' ').normalize('NFC').toLowerCase();
  return PLACE_PHRASES.has(bare);
}
