import { lazySet } from './lexicon.ts';

function words(list: string): Set<string> {
  return new Set(list.split(/\s+/).filter((w) => w !== ''));
}

/** Given names from the stdlib lists (see names-data.ts). */
export const FIRST_NAME_SET: ReadonlySet<string> = lazySet((d) => words(d.FIRST_NAMES));

/**
 * A name token as the lexicon compares it: lower case, without diacritics ("Đặng" → "dang",
 * "Yıldız" → "yildiz").
 */
export function foldName(token: string): string {
  // ASCII has no marks to strip and neither 'ı' nor '’': lower case is all folding does to it.
  for (let i = 0; i < token.length; i++) {
    if (token.charCodeAt(i) > 0x7f) return token.normalize('NFD').replace(/\p{M}/gu, '').replace(/ı/g, 'i').replace(/’/g, "'").toLowerCase();
  }
  return token.toLowerCase();
}

/** Given names of the build half of the origin-grouped names, folded (see names-build-data.ts). */
export const BUILD_GIVEN_SET: ReadonlySet<string> = lazySet((d) => words(d.BUILD_GIVEN_NAMES));

/** Whether a word, as written, is a given name the lists hold: the stdlib list's (title case) or the build half's (folded). */
export function isListedGiven(word: string): boolean {
  return FIRST_NAME_SET.has(word) || BUILD_GIVEN_SET.has(foldName(word));
}

/** {@link isListedGiven} in any case ("MARIA", "maria"). */
export function isListedGivenAnyCase(word: string): boolean {
  const lower = word.toLowerCase();
  return FIRST_NAME_SET.has(lower.charAt(0).toUpperCase() + lower.slice(1)) || BUILD_GIVEN_SET.has(foldName(word));
}

/** Surnames of the build half of the origin-grouped names, folded. */
export const BUILD_SURNAME_SET: ReadonlySet<string> = lazySet((d) => words(d.BUILD_SURNAMES));

/** The ~4,000 most common lower-case English words (SCOWL size 10). */
export const COMMON_WORD_SET: ReadonlySet<string> = lazySet((d) => words(d.COMMON_WORDS));

/**
 * Names that are also words people capitalise for other reasons: months and days, places,
 * products and languages, and common words that head sentences, headings and UI labels
 * ("Page 3", "Chase Bank", "Ruby 3.3", "Dev server"). They count as a name only with strong
 * context: a title, a greeting or sign-off, a following surname, "X wrote:".
 *
 * Derived from the intersection of the name lists with SCOWL english-words.10/.20/.35 and a
 * list of calendar, place and product names, then pruned of names whose word sense is rare in
 * workplace text (Peter, Martin, Mike, Frank, Jack, …), which are treated as plain names.
 */
export const HARD_WORD_NAMES: ReadonlySet<string> = words(`
  April May June August Tuesday Easter Christmas Valentine Yankee
  Sydney Austin Dallas Georgia Virginia Florida Carolina Chelsea Israel Kent Devon Denver Orlando
  Raleigh Salem Kingston Chester Troy Adelaide Florence Atlanta Alberta Aurora Geneva Augusta
  Cleveland Lincoln Washington
  Alexa Dell Mercedes Ford Chrysler Audi Perl Haskell Pascal Kali Fedora Luigi Vite Mac Ruby
  Crystal Dev Max Honor Wayland Darwin Thor Yale Harley Bentley Royce Bard Cinderella Godiva
  Elsinore
  Carry Doe Else Fan Lorry Page Pen Row Shell Van Any Art Ban Bank Bar Base Bear Boot Boy Brand
  Car Care Case Chance Chip Court Cross Dare Early Even Fair Far Field Fields Free Grant Gun Had
  Hall Hill Hunt Job Keen King Land Law Lay Link Lock Major Man Mile Miles Minor North Park Port
  Price Read Red Ring Saw Say See Son Town Trace Trip Wait Wash Way West Win Worth Worthy
  Bell Bird Cam Con Cookie Deny Dot Gay Gene Lark Merry Pet Ray Star Storm Sunshine Arch Ash
  Bat Bay Bent Bond Bone Buck Cash Chase Curry Deck Duff Fee Forest Ham Hardy Hasty Lion Mayor
  Mill Nil Noble Pace Prince Ram Rice Rich Rip Rock Roman Royal Shadow Skip Sky Spike Sterling
  Tab Tailor Temple Tome Tore Urban Wake Ward Wit Witty Wolf Wood Yard
  Abbey Adore Aura Barb Bee Beret Berry Blanch Blithe Bride Briny Brook Brooks Bunny Camel
  Caprice Chastity Cherish Christen Cinnamon Collie Constancy Corny Doll Dolly Eddy Fawn Fidelity
  Garland Gusty Heath Hyacinth Ivory Lacy Marigold Marina Merrily Modesty Muffin Natty Nettle
  Pansy Patty Peg Petunia Pier Raven Rosy Sapphire Sari Serene Sissy Stormy Tabby Tally Tiff
  Velvet Windy Abbot Ado Alley Amble Bail Bald Bale Barn Baron Basil Birch Bran Brew Burr Cad
  Cart Cello Chariot Chic Chick Clay Cob Coop Cord Craggy Cull Dame Darn Den Dew Dill Dud Duke
  Fielding Fin Flint Gal Gardener Garret Gram Granny Grove Gunner Harp Haven Haze Hew Hillier
  Hilly Itch Jarred Kin Kipper Mace Magnum Mar Marsh Marshal Mart Miner Moss Nap Nappy Ode Paddy
  Pail Pall Palm Pate Puff Quill Rabbi Rocky Ruddy Salmon Sergeant Shepherd Skipper Sly Stern
  Steward Tan Thatch Thatcher Thorn Thorny Tuck Verge Waiter Warden Web Wells Wilt Woody Yank
  Camellia Gypsy Lib Mommy Nanny Taffy Brewer Colas Derby Fax Gabby Jock Piggy Sax Tad Temp Ware
  Welsh Summer Autumn Winter Spring Jan Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
`);

/**
 * Names that are common words but, capitalised in the middle of a sentence, are almost always
 * a name ("ask Grace", "thanks to Will"). Sentence-initial or in a Title Case line they still
 * need strong context, like {@link HARD_WORD_NAMES}.
 */
export const SOFT_WORD_NAMES: ReadonlySet<string> = words(`
  Bill Will Mark Drew Guy Hope Joy Faith Grace Rose Dawn Penny Amber Angel Ally Bliss Charity
  Glory Harmony Melody Mercy Patience Prudence Honey Sunny Wren Scarlet Scarlett Lane Kit Rod
  Rusty Dusty Cliff Wade Dean Earl Herb Lance Reed Foster Ransom Buddy Bud Daisy Eve Fern Flora
  Gale Hazel Heather Holly Iris Ivy Jade Jewel Lily Olive Opal Pearl Poppy Robin Rosemary Sandy
  Violet Willow Viola Laurel Garnet Ginger Ebony Misty Candy Brandy Cherry Coral Sherry Kitty
  Lucky Happy Glad Fancy Curt Frank Jordan Victoria Madison Destiny Trinity Unity
`);

/** Capitalised words that never continue a name as its surname. */
export const NOT_A_SURNAME: ReadonlySet<string> = words(`
  I A An The And Or But Nor So Yet If Then When While Where What Which Who Whom Whose Why How
  For From To In On At By With Without About As Of Off Into Onto Over Under Via Per Vs Re
  Is Are Was Were Be Been Being Am Has Have Had Do Does Did Will Would Can Could Shall Should
  May Might Must Not No Yes Ok Okay Sure Also Just Only Still Even Again Too Very
  Please Pls Thanks Thank Thx Cheers Regards Best Kind Warm Sincerely Hi Hello Hey Dear Bye
  Team All Everyone Everybody Folks Guys There Here This That These Those It Its We You He She
  They Me Him Her Us Them My Our Your His Their Mine Ours Yours
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mon Tue Tues Wed Thu Thurs Fri Sat Sun
  January February March April June July August September October November December
  Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
  Today Tomorrow Yesterday Tonight Morning Afternoon Evening Night Week Weekend Month Year
  Inc Ltd Llc Corp Co Group Team Support Sales Engineering Admin Bot Office Department
  Meeting Call Update Review Sync Standup Notes Note Re Fwd Fw Subject Wrote Said
`);

/** Nouns that turn the capitalised word before them into a place or an organisation. */
export const PLACE_NOUNS: ReadonlySet<string> = words(`
  Street St Road Rd Avenue Ave Lane Drive Boulevard Square Place Plaza Station Bridge Tower
  Building Centre Center Hospital University College School Institute Foundation Airport Hotel
  Labs Lab Day Days Sale Sales Office Offices Region Cloud Server Services Service Bank
  Team Teams Group Inc Ltd Corp Company Studio Studios Store Shop Cafe Restaurant Club Festival
`);

/**
 * Surnames that are also in {@link HARD_WORD_NAMES}; after a given name they still count as a
 * surname ("Chase Bell"), unlike the other words of that list ("Chase Sapphire").
 */
export const WORD_SURNAMES: ReadonlySet<string> = words(`
  Bell Brooks Wood Hall Hill King Price Ward Wells Page Rice Stern Duke Marsh Moss Grant Ford
  Lincoln Washington Major Cross Field Fields Park Hunt Law Lay West North Rich Bond Cash
  Noble Prince Royal Temple Wolf Baron Booth Birch Flint Gardener Garland Heath Mason Miller
  Shepherd Steward Thatcher Warden Brewer Welsh Drake Berry Bird Lane Kent Troy Dell Chester
`);

/** Capitalised words that follow "Hi"/"Thanks" without being anyone's name. */
export const NOT_A_NAME: ReadonlySet<string> = words(`
  Team All Everyone Everybody Folks Guys Gals People There Friends Colleagues Sir Madam Sirs
  Customer Customers User Users Again Both Reviewers Devs Engineering Sales Marketing Support
  Boss Mate Mates Buddy World Ladies Gentlemen Partner Partners Client Clients Admin Admins
  Squad Crew Gang Class Teammates Everyone Y'all Yall Much Lots So Anyway Though
`);

/** Whether a word is a given name or a surname any of the lists hold (the shipped first names, the build half's given names and surnames). */
export function isListedName(w: string): boolean {
  const lower = w.toLowerCase();
  const folded = foldName(w);
  return FIRST_NAME_SET.has(lower.charAt(0).toUpperCase() + lower.slice(1)) || BUILD_GIVEN_SET.has(folded) || BUILD_SURNAME_SET.has(folded);
}
