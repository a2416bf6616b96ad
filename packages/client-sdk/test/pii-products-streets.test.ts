import { beforeAll, describe, expect, it } from 'vitest';
import { scrubPii } from '../src/pii/index.ts';
import { findingsOf } from './fixtures/pii/findings.ts';
import { DEV_LOOK_ALIKE_SENTENCES, DEV_PRODUCT_SENTENCES, loadOriginEval, scoreOriginEval } from './fixtures/pii/origin-eval.ts';
import type { OriginReport } from './fixtures/pii/origin-eval.ts';
import { makePatternCases, scorePatternCasesInSlices } from './fixtures/pii/pattern-eval.ts';

/** The values a text's findings cover, as `TYPE:value`. */
function found(text: string): string[] {
  return scrubPii(text).findings.map((f) => `${f.type}:${text.slice(f.start, f.end)}`);
}

// Issue 13, fifth pass: product and tool names where a person could stand, a season with a year,
// street lines typed in lower case; measured on the dev part only.
describe('products, tools and companies are not people', () => {
  it('keeps product names in a person slot, and the person next to them goes', () => {
    expect(found('waiting on vercel to deploy the preview')).toEqual([]);
    expect(found('According to Datadog, p99 latency doubled overnight.')).toEqual([]);
    expect(found('Grafana 11')).toEqual([]);
    expect(found('my password manager is Bitwarden')).toEqual([]);
    expect(found('Not sure if Oluwaseun Adeyemi saw the alert in Grafana.')).toEqual(['PERSON:Oluwaseun Adeyemi']);
  });

  it('a title still makes a product-like word a name', () => {
    expect(found('Dr. Vega will join the call at 3pm.')).toContain('PERSON:Vega');
  });

  it('keeps the dev product and look-alike sentences whole in every casing', () => {
    for (const s of [...DEV_PRODUCT_SENTENCES, ...DEV_LOOK_ALIKE_SENTENCES]) {
      for (const t of [s, s.toLowerCase(), s.toUpperCase()]) expect(found(t).filter((f) => f.startsWith('STREET_ADDRESS:')), t).toEqual([]);
    }
    const lost = DEV_PRODUCT_SENTENCES.filter((s) => found(s).length > 0);
    expect(lost.length, lost.join('\n')).toBeLessThanOrEqual(2);
  });
});

describe('names whose words are English words, removed whole', () => {
  it('takes the surname before a verb or conjunction, the given name heading a sentence or after "and"', () => {
    expect(found('booked a room for livio lack and the auditors.')).toContain('PERSON:livio lack');
    expect(found('not sure lorik block whether it ships')).toContain('PERSON:lorik block');
    expect(found('Said Mertoğlu will present the roadmap on Thursday.')).toContain('PERSON:Said Mertoğlu');
    expect(found('COY HARTMANN APPROVED THE REFUND FOR ORDER 4471.')).toContain('PERSON:COY HARTMANN');
    expect(found('cc nkechi okafor and loyal parisian')).toEqual(['PERSON:nkechi okafor', 'PERSON:loyal parisian']);
    expect(found('WELCOME ABOARD, DIES SABATINO!')).toContain('PERSON:DIES SABATINO');
  });

  it('leaves adverbs, roles, verbs and a beneficiary label beside a name', () => {
    const kept: Array<[string, string]> = [
      ['maybe oluwaseun will present the roadmap', 'maybe'],
      ['Apparently Oluwaseun will present the roadmap', 'Apparently'],
      ['moving adaeze to the payments squad', 'moving'],
      ['cc nkechi okafor and new adaeze', 'new'],
      ['i will sync with chidinma later after lunch', 'later'],
      ['Steps: Beneficiary Kaila Hall, amount $692', 'Beneficiary'],
    ];
    for (const [sentence, word] of kept) {
      const at = sentence.indexOf(word);
      expect(scrubPii(sentence).findings.filter((f) => f.start < at + word.length && at < f.end), sentence).toEqual([]);
    }
  });

  it("takes a person's header value whole, whatever its words", () => {
    expect(found('owner: vương triều chai (platform)')).toEqual(['PERSON:vương triều chai']);
    expect(found('employee: unique crooks, badge 4471')).toEqual(['PERSON:unique crooks']);
    expect(found('Requested by như anh chai on 2026-11-30')).toEqual(['PERSON:như anh chai']);
    expect(found('kind regards, coy grimes')).toEqual(['PERSON:coy grimes']);
    expect(found('Attendees: Promise Tall, Bless Miracle')).toEqual(['PERSON:Promise Tall', 'PERSON:Bless Miracle']);
    expect(found('Owner: Wellington Jones (platform)')).toEqual(['PERSON:Wellington Jones']);
    for (const s of ['From: IT Support', 'Assignee: unassigned', 'Reviewer: platform team', 'Thanks, will do', 'regards, the team', 'Owner: Grafana']) {
      expect(found(s), s).toEqual([]);
    }
    expect(found('From: Datadog <alerts@datadoghq.com>').filter((f) => f.startsWith('PERSON:'))).toEqual([]);
  });

  it('a cue word left alone before a product is no name', () => {
    expect(found('ping dependabot, the security update is stale')).toEqual([]);
    expect(found('ping Zelvoria Quoraven about the failing deploy')).toEqual(['PERSON:Zelvoria Quoraven']);
  });
});

describe('a name removed whole: the name words beside a found name (sixth pass)', () => {
  it('takes a surname that closes the clause and a given name in its slot, in the name\'s case', () => {
    expect(found('talked to rokhaya fall about the on-call rotation.')).toContain('PERSON:rokhaya fall');
    expect(found('TALKED TO CEASAR BLOCK ABOUT THE ON-CALL ROTATION.')).toContain('PERSON:CEASAR BLOCK');
    expect(found('THE CUSTOMER ASKED FOR EGA ADHITAMA BY NAME.')).toContain('PERSON:EGA ADHITAMA');
    expect(found('SENT THE SLIDES TO OLIMPIO PER LEMMENS THIS MORNING.')).toContain('PERSON:OLIMPIO PER LEMMENS');
  });

  it('leaves a verb, a plural, an adverb and a sentence-initial English word beside a name', () => {
    expect(found('not sure if krystina rempel saw the alert in grafana.')).toEqual(['PERSON:krystina rempel']);
    expect(found('our new designer rufina gadschiew starts on monday.')).toEqual(['PERSON:rufina gadschiew']);
    expect(found('Moving Raide Hirt to the payments squad next sprint.')).toEqual(['PERSON:Raide Hirt']);
    expect(found('ping Oluwaseun Adeyemi directly about it')).toEqual(['PERSON:Oluwaseun Adeyemi']);
    expect(found('cc Kendra and Sky')).toEqual(['PERSON:Kendra', 'PERSON:Sky']);
  });
});

describe('a name removed whole: function words and unknown words that are a name\'s (seventh pass)', () => {
  it('takes a function word after a name where grammar cannot have it: before the clause ends or a word it cannot precede', () => {
    expect(found('could you forward this to yiming he?')).toContain('PERSON:yiming he');
    expect(found('thanks wenhao an for fixing the flaky test.')).toContain('PERSON:wenhao an');
    expect(found('waiting on Thi Lan To to merge the pull request.')).toContain('PERSON:Thi Lan To');
    expect(found('Dear Kim Loan To,\nplease find the contract attached.')).toContain('PERSON:Kim Loan To');
    expect(found('cc Jianguo He and Mirela Popescu')).toContain('PERSON:Jianguo He');
  });

  it('takes "an" before a name that starts with a consonant, which no article stands before', () => {
    expect(found('cc An Tuyết Nguyễn and Mirela Popescu')).toContain('PERSON:An Tuyết Nguyễn');
  });

  it('takes an unknown word, and a word before a past verb, beside a name', () => {
    expect(found('did ngoc tuyet ho get the new laptop yet?')).toContain('PERSON:ngoc tuyet ho');
    expect(found("gia bảo pun's laptop needs a new battery.")).toContain('PERSON:gia bảo pun');
    expect(found('Congrats to Promise Adeyemi on the promotion!')).toContain('PERSON:Promise Adeyemi');
  });

  it('takes "he" and "an" before a verb that needs a subject, and a surname before a bracket, a bar or a quote', () => {
    expect(found('the badge for anh quan he expired last week.')).toContain('PERSON:anh quan he');
    expect(found('Wenhao Ho (on leave until May) owns this service.')).toContain('PERSON:Wenhao Ho');
    expect(found('Regards\nChidinma Okafor Pun | Finance')).toContain('PERSON:Chidinma Okafor Pun');
  });

  it('reads an @-mention as a name, not as code; an e-mail address and a package scope stay code', () => {
    expect(found('@Mozell Powlowski can you take a look?')).toEqual(['PERSON:Mozell Powlowski']);
    expect(found('@mozell powlowski can you take a look?')).toEqual(['PERSON:mozell powlowski']);
    expect(found('npm i @types/node and @conclave/proto')).toEqual([]);
    expect(found('mail priya@raman.com')).toEqual(['EMAIL:priya@raman.com']);
  });

  it('takes an English word before a lone surname as the given name, not a verb, a greeting or a determiner\'s noun', () => {
    expect(found('tomorrow justice schaefer takes over the pager.')).toContain('PERSON:justice schaefer');
    expect(found('MIRACLE BEAHAN (ON LEAVE UNTIL MAY) OWNS THIS SERVICE.')).toContain('PERSON:MIRACLE BEAHAN');
    expect(found('i think mosunmola has the admin rights for the staging box.')).toEqual(['PERSON:mosunmola']);
    for (const t of ['Assign Schaefer to the ticket.', 'Awesome Schaefer, thanks!', 'We trust Schaefer with it.']) expect(found(t), t).toEqual(['PERSON:Schaefer']);
  });

  it('leaves the function word a sentence gives it: an article, "to" and "he" after a verb that takes a person', () => {
    expect(found('if priya raman agrees, we ship on friday.')).toEqual(['PERSON:priya raman']);
    expect(found('I told Ahmed he should rebase first.')).toEqual(['PERSON:Ahmed']);
    expect(found('Ask Priya Raman to merge it.')).toEqual(['PERSON:Priya Raman']);
    expect(found('Thanks Priya Raman for the fix.')).toEqual(['PERSON:Priya Raman']);
    expect(found('Give Priya Raman an hour to finish.')).toEqual(['PERSON:Priya Raman']);
    expect(found('Send Priya Raman an NDA before Friday.')).toEqual(['PERSON:Priya Raman']);
    expect(found('Can you loop Priya Raman in?')).toEqual(['PERSON:Priya Raman']);
    expect(found('Sent it to Priya Raman to review.')).toEqual(['PERSON:Priya Raman']);
  });
});

describe('names as a clause\'s subject and after words that take a person (eighth pass)', () => {
  it('takes one or two unknown words that open a sentence before a verb that follows a subject', () => {
    expect(found('Ewald pushed a hotfix at midnight.')).toEqual(['PERSON:Ewald']);
    expect(found('providenci can approve expenses.')).toEqual(['PERSON:providenci']);
    expect(found('Kameron Moen joined in March.')).toEqual(['PERSON:Kameron Moen']);
    for (const t of ['Friday will be busy.', 'Kubectl can restart it.', 'Terraform applied the plan.']) expect(found(t), t).toEqual([]);
  });

  it('takes an unknown word after "except", "without", "hired" or "nominated", not a product after "from"', () => {
    expect(found('everyone except donato joined the call.')).toEqual(['PERSON:donato']);
    expect(found('we hired ewald as a contractor.')).toEqual(['PERSON:ewald']);
    expect(found('we moved from Heroku to Render last quarter')).toEqual([]);
  });

  it('keeps the next clause\'s subject, a preposition and a praised noun beside a name', () => {
    expect(found('without ewald we would have missed it.')).toEqual(['PERSON:ewald']);
    expect(found('great catch vilém')).toEqual(['PERSON:vilém']);
  });
});

describe('a street named without a street word, after the words a name guess took (eighth pass)', () => {
  it('takes the words and the house number when a place ends there', () => {
    expect(found('the courier is outside Lilleringen 67 now')).toEqual(['STREET_ADDRESS:Lilleringen 67']);
    expect(found('Apartment: Zemunska 7')).toEqual(['STREET_ADDRESS:Zemunska 7']);
    expect(found('Our rental is Trekanten 657, second floor')).toEqual(['STREET_ADDRESS:Trekanten 657']);
    expect(found('Pick me up from Strma 72 around 8?')).toEqual(['STREET_ADDRESS:Strma 72']);
  });

  it('leaves a given name a list holds before a count, and a version no name guess took', () => {
    expect(found('Thanks Ana 2 times')).toEqual(['PERSON:Ana']);
    expect(found('the fix lands in Firefox 80 next week')).toEqual([]);
  });
});

describe('street lines after weaker cues, and prose about passwords (seventh pass)', () => {
  it('takes a street line after "from", "at", "find", "Ship to:" or "address … :" when it ends where a place does', () => {
    expect(found('Expense claim: taxi from Tvornička 201 to the airport')).toContain('STREET_ADDRESS:Tvornička 201');
    expect(found('I am working from Virovitička 2 this week')).toContain('STREET_ADDRESS:Virovitička 2');
    expect(found('Home address (for payroll): Spoločenská 29')).toContain('STREET_ADDRESS:Spoločenská 29');
    expect(found('Pls update my address to Ötzbruck 91a thx')).toContain('STREET_ADDRESS:Ötzbruck 91a');
    expect(found('The driver could not find Lounská 8, please call him')).toContain('STREET_ADDRESS:Lounská 8');
    expect(found('Ship to:\nZemanka 328')).toContain('STREET_ADDRESS:Zemanka 328');
  });

  it('leaves a version, a count and a code after those cues', () => {
    for (const t of ['Greetings from Sprint 42 at the offsite', 'the fix lands in Firefox 80 next week', 'Quote from Okafor 2 days ago', 'Heslo Je 443409', 'Latency p99 went from 33 GB to 8%.']) {
      expect(found(t).filter((f) => f.startsWith('STREET_ADDRESS')), t).toEqual([]);
    }
  });

  it('takes no name from a word that names a password, or the word right after it', () => {
    for (const t of ['hasło zmienione', 'şifre süresi doldu', 'contraseña olvidada', 'I forgot my password lol', 'lösenordet är fel']) expect(found(t), t).toEqual([]);
    expect(found('Heslo Je 443409')).toEqual(['SECRET:443409']);
  });
});

describe('street lines as people type them', () => {
  it('finds a cued street line typed in lower case', () => {
    expect(found('we live at vrtna 25 stan 63, pregrada 08149 since june')).toContain('STREET_ADDRESS:vrtna 25 stan 63');
    expect(found('shipping to ambrušova 4 #367 pls')).toContain('STREET_ADDRESS:ambrušova 4 #367');
  });

  it('finds street types, compound endings and units of other languages (libpostal dictionaries)', () => {
    expect(found('Please forward it to Carrer de Mallorca 401 before Friday.')).toContain('STREET_ADDRESS:Carrer de Mallorca 401');
    expect(found('the parcel went to Gedimino prospektas 9 yesterday')).toContain('STREET_ADDRESS:Gedimino prospektas 9');
    expect(found('they sent it to Hauptstraße 5 Wohnung 3 last week')).toContain('STREET_ADDRESS:Hauptstraße 5 Wohnung 3');
    // Prose abbreviations and English words that a dictionary also lists stay.
    for (const s of ['call ext. 104 for help', 'Room 204 is booked', 'Upgraded to Python 3 on the Calle server']) expect(found(s), s).toEqual([]);
  });

  it("takes a company's address line and a hyphenated street name after a number", () => {
    expect(found('Acme Ltd, Orahova 479')).toContain('STREET_ADDRESS:Orahova 479');
    expect(found('875 Heol-Y-Coed (side entrance)')).toContain('STREET_ADDRESS:875 Heol-Y-Coed');
    for (const s of ['such as, Figma 2', 'Acme Ltd, Sprint 42 retro', 'Ltd, Postgres 16 upgrade']) expect(found(s).filter((f) => f.startsWith('STREET_ADDRESS:')), s).toEqual([]);
  });

  it('takes the street line before a postcode and its town', () => {
    expect(found('Acme s.r.o. is on Dlouhá 12, 110 00 Praha 1')).toContain('STREET_ADDRESS:Dlouhá 12');
    expect(found('Kundenservice: Rua Augusta 27, 1100-048 Lisboa')).toContain('STREET_ADDRESS:Rua Augusta 27');
  });

  it('a season, quarter or month with a year is no house number', () => {
    for (const s of ['Spring 2026 planning starts next week.', 'fall 2026 roadmap review is on the calendar', 'WINTER 2027 OFFSITE IS STILL UNBOOKED.', 'Pixel 8 and Galaxy 24 both pass the smoke test.']) {
      expect(found(s), s).toEqual([]);
    }
  });
});

describe('passwords, PINs and dates of birth in more shapes', () => {
  it('finds passphrases, PINs and door codes, a login pair, a value before an arrow or a bracketed cue', () => {
    expect(found('passwd harbor-violin-tundra')).toContain('SECRET:harbor-violin-tundra');
    expect(found('psw: prairiecomettundra')).toContain('SECRET:prairiecomettundra');
    expect(found('the pass for the guest wifi is ember_thistle')).toContain('SECRET:ember_thistle');
    expect(found('the door code is 151219')).toContain('SECRET:151219');
    expect(found('PIN: 4821')).toContain('SECRET:4821');
    expect(found('creds for staging are deploy / pickle-tundra-walnut')).toContain('SECRET:pickle-tundra-walnut');
    expect(found('walnut-ember-lagoon <- that is the new password')).toContain('SECRET:walnut-ember-lagoon');
    expect(found('here u go: THISTLEMOSAIC (wifi password)')).toContain('SECRET:THISTLEMOSAIC');
  });

  it('leaves host and file names, counts and prose near the cues', () => {
    for (const s of [
      'the password is in vault.example.com',
      'password reset notes are in notes.backup.txt',
      'pin 3 tabs to the top',
      'the wifi key is on the fridge',
      'room 4821 has the printer',
      'login to the portal / dashboard first',
    ]) {
      expect(found(s).filter((f) => f.startsWith('SECRET:')), s).toEqual([]);
    }
  });

  it('finds a date of birth after a format hint, a second label, a dash or another language', () => {
    expect(found('Date of birth (DD/MM/YYYY): 21/07/79')).toContain('DATE_OF_BIRTH:21/07/79');
    expect(found('DOB/age: 1.1.1998 (36)')).toContain('DATE_OF_BIRTH:1.1.1998');
    expect(found('DoB — 1973-01-10T00:00:00')).toContain('DATE_OF_BIRTH:1973-01-10T00:00:00');
    expect(found('data di nascita 12.03.1984')).toContain('DATE_OF_BIRTH:12.03.1984');
    expect(found('b. the 6th of December 1985')).toContain('DATE_OF_BIRTH:the 6th of December 1985');
    expect(found('the release date is 12.03.1984')).toEqual([]);
  });
});

describe('the dev part widened (fifth pass), at what it reaches', () => {
  let report: OriginReport;
  beforeAll(async () => {
    report = scoreOriginEval(await loadOriginEval('dev'), (t) => scrubPii(t).findings);
  });

  it('names with English words: recall and names left in part', () => {
    expect(report.englishWordNames.names).toBeGreaterThan(200);
    expect(report.englishWordNames.recall).toBeGreaterThanOrEqual(0.87);
    expect(report.englishWordNames.partial / report.englishWordNames.names).toBeLessThanOrEqual(0.1);
  });

  // (The whole dev part, about 25,000 texts: a longer limit than a unit test's.)
  it('typed street lines and season look-alikes', { timeout: 240_000 }, async () => {
    const rows = await scorePatternCasesInSlices(makePatternCases('dev'), (t) => scrubPii(t).findings);
    const share = (format: string): number => rows.find((r) => r.format === format)?.recall ?? 0;
    expect(share('street address, typed (dev)')).toBeGreaterThanOrEqual(0.97);
    expect(share('street address, wider, no cue (dev)')).toBeGreaterThanOrEqual(0.97);
    expect(share('look-alike kept, seasons and versions (dev)')).toBeGreaterThanOrEqual(0.95);
    expect(share('look-alike kept, wider (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('password, more shapes and phrasings (dev)')).toBeGreaterThanOrEqual(0.83);
    expect(share('PIN or door code (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('date of birth, more forms and cues (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('look-alike kept, more formats (dev)')).toBeGreaterThanOrEqual(0.99);
    // Sixth pass.
    expect(share('password, more shapes and phrasings (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('password, sixth pass: phrasings, languages, shapes (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('date of birth, sixth pass: languages and forms (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('street address, 9 more locales (dev)')).toBeGreaterThanOrEqual(0.95);
    expect(share('look-alike kept, sixth pass (dev)')).toBeGreaterThanOrEqual(0.98);
    expect(share('password, sixth pass round two (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('date of birth, sixth pass round two (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('street address, hand-written formats (dev)')).toBeGreaterThanOrEqual(0.99);
    // Seventh and eighth passes (measured 0.99, 1.0, 0.995, 0.9867, 1.0, 0.98, 0.8533, 0.9711).
    expect(share('password, seventh pass: work phrasings (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('password, seventh pass: other languages (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('password, seventh pass: shapes people pick (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('password, seventh pass: several lines, value before the cue (dev)')).toBeGreaterThanOrEqual(0.98);
    expect(share('look-alike kept, seventh pass (dev)')).toBeGreaterThanOrEqual(0.99);
    expect(share('street address, seventh pass phrasings (dev)')).toBeGreaterThanOrEqual(0.97);
    expect(share('street address, eighth pass phrasings (dev)')).toBeGreaterThanOrEqual(0.96);
    // Operating-system names and a surname before a number are taken as people ("Sonoma 21", "Booth 60").
    expect(share('look-alike kept, seventh pass streets (dev)')).toBeGreaterThanOrEqual(0.85);
  });

  it('fresh draws in the eighth pass\'s templates: recall, names left in part, words kept', async () => {
    const fresh = scoreOriginEval(await loadOriginEval('dev', { seed: 5, namesPerOrigin: 300, templates: 'eighth' }), (t) => scrubPii(t).findings);
    expect(fresh.overall.recall).toBeGreaterThanOrEqual(0.98);
    expect(fresh.overall.partial / fresh.overall.names).toBeLessThanOrEqual(0.006);
    // "mentee:" and "euros." in lower-case lines are taken for names (words no list holds).
    expect(fresh.ordinaryKept / fresh.ordinaryWords).toBeGreaterThanOrEqual(0.985);
  });

  it('fresh draws in the seventh pass\'s templates: recall, names left in part, words kept', async () => {
    const fresh = scoreOriginEval(await loadOriginEval('dev', { seed: 3, namesPerOrigin: 300, templates: 'seventh' }), (t) => scrubPii(t).findings);
    expect(fresh.overall.recall).toBeGreaterThanOrEqual(0.97);
    expect(fresh.overall.partial / fresh.overall.names).toBeLessThanOrEqual(0.006);
    expect(fresh.ordinaryKept / fresh.ordinaryWords).toBeGreaterThanOrEqual(0.999);
  });
});

describe('street lines of more locales (sixth pass)', () => {
  it('finds Spanish, Portuguese, Romanian and Esperanto street types, "s/n" and "nr."', () => {
    expect(found('please ship it to Calle Diana s/n.')).toContain('STREET_ADDRESS:Calle Diana s/n.');
    expect(found('Privada Los Pinos 214, Coyoacán')).toContain('STREET_ADDRESS:Privada Los Pinos 214');
    expect(found('Acme GmbH, Glorieta Margarita s/n.')).toContain('STREET_ADDRESS:Glorieta Margarita s/n.');
    expect(found('new address: Str. Mihai Eminescu nr. 12')).toContain('STREET_ADDRESS:Str. Mihai Eminescu nr. 12');
    expect(found('mi adreso: Strato Zamenhof 7')).toContain('STREET_ADDRESS:Strato Zamenhof 7');
    expect(found('Zamenhof-strato 12')).toContain('STREET_ADDRESS:Zamenhof-strato 12');
    expect(found('Privada Hidalgo No. 45 Int. 3')).toContain('STREET_ADDRESS:Privada Hidalgo No. 45 Int. 3');
    expect(found('Calle Juárez #123, Col. Centro')).toContain('STREET_ADDRESS:Calle Juárez #123');
    expect(found('Str. Ștefan cel Mare, nr. 12, ap. 34')).toContain('STREET_ADDRESS:Str. Ștefan cel Mare, nr. 12, ap. 34');
    expect(found('Số 64 Phố Hàng Bạc')).toContain('STREET_ADDRESS:64 Phố Hàng Bạc');
  });

  it("finds a number before a compound street name, faker's English suffixes, and more cues", () => {
    expect(found('You can find us at 46088 Bahnhofstrasse')).toContain('STREET_ADDRESS:46088 Bahnhofstrasse');
    expect(found('20 Hills Circuit')).toContain('STREET_ADDRESS:20 Hills Circuit');
    expect(found('Address: 42041 Hand Mall')).toContain('STREET_ADDRESS:42041 Hand Mall');
    expect(found('she lives at 56 Second Avenue now')).toContain('STREET_ADDRESS:56 Second Avenue');
    expect(found('Lieferadresse: Hainschwang 28b')).toContain('STREET_ADDRESS:Hainschwang 28b');
    expect(found('morada: 2866 Elefantenbach')).toContain('STREET_ADDRESS:2866 Elefantenbach');
  });

  it('keeps counts before the new suffix words', () => {
    for (const t of ['we have 3 days until the end', 'there are 2 more on the west side', 'wait 30 seconds and retry', 'deployed 4 times to the bank']) {
      expect(found(t).filter((f) => f.startsWith('STREET_ADDRESS:')), t).toEqual([]);
    }
  });
});

describe('property-test counterexamples (fast-check, unseeded in pii.test.ts)', () => {
  it('an IPv6 address after a double colon is not the start of a phone number', () => {
    expect(found('please 0::01 2026-11-24 please 0.0.0.0 ')).toEqual(['IP_ADDRESS:0::01', 'IP_ADDRESS:0.0.0.0']);
    expect(found('please ::0:bd please 0::0:0 please aa.aa@aamail.com')).toEqual(['IP_ADDRESS:::0:bd', 'IP_ADDRESS:0::0:0', 'EMAIL:aa.aa@aamail.com']);
    expect(found('Tel:+44 20 7946 0958')).toEqual(['PHONE:+44 20 7946 0958']);
  });

  it('nor is a digit run after a colon that closes an IPv6 group; a colon after a word still starts a phone', () => {
    // Seed 920395560 of the planted-values property (CI, 2026-12-06).
    expect(found('please ::0:a:01 2026-11-24 please ::0.0.0.0')).toEqual(['IP_ADDRESS:::0:a:01', 'IP_ADDRESS:::0.0.0.0']);
    expect(found('fe80::1ff:fe23:4567 2026-11-24')).toEqual(['IP_ADDRESS:fe80::1ff:fe23:4567']);
    expect(found('phone:0171 2345678')).toEqual(['PHONE:0171 2345678']);
  });
});

describe('street lines of other conventions (ninth pass)', () => {
  const streets = (text: string): string[] => findingsOf(text, 'STREET_ADDRESS');

  it('finds units written first, Japanese blocks, Korean roads, grid and Vietnamese addresses', () => {
    expect(streets('Office: Apt 1204, Building 9, Corniche Road, Abu Dhabi')).toEqual(['Apt 1204, Building 9, Corniche Road']);
    expect(streets('the clinic is at 2-11-5 Ebisu, Shibuya-ku')).toEqual(['2-11-5 Ebisu']);
    expect(streets('we moved to Teheran-ro 152, Gangnam-gu')).toEqual(['Teheran-ro 152']);
    expect(streets('ship it to Carrera 45 #26-85, Medellín')).toEqual(['Carrera 45 #26-85']);
    expect(streets('Ở 54 Lý Thường Kiệt nhé')).toEqual(['54 Lý Thường Kiệt']);
  });

  it('keeps a unit with the street it ends, not as the start of another', () => {
    expect(streets('613 Prince Shoals suite 718, Pietermaritzburg 10341\nbuzzer 3')).toEqual(['613 Prince Shoals suite 718']);
  });

  it('takes no version, date or phone number for a block', () => {
    expect(streets('Version 2-1-3 of the spec')).toEqual([]);
    expect(streets('released 2026-05-06, see notes')).toEqual([]);
    expect(streets('call me at 3-0863-7334 after 5')).toEqual([]);
  });
});

describe('street lines of Spanish, Welsh and Swedish conventions (tenth pass)', () => {
  const streets = (text: string): string[] => findingsOf(text, 'STREET_ADDRESS');

  it('takes a Spanish type word with a name of given names and surnames, "s/n" and floors', () => {
    expect(streets('Envío a Riera Tomás Vidal Roca 14, 08001 Barcelona')).toEqual(['Riera Tomás Vidal Roca 14']);
    expect(streets('Shipping address: Plaza Inés Robles s/n.')).toEqual(['Plaza Inés Robles s/n.']);
    expect(streets('Address: Calle Mayor 8 2º B, Madrid')).toEqual(['Calle Mayor 8 2º B']);
  });

  it('takes Welsh names after the number, Hungarian estates and Swedish "g."', () => {
    expect(streets('new address: 12 Maes Y Delyn, Bangor')).toEqual(['12 Maes Y Delyn']);
    expect(streets('Address: Kossuth lakótelep 7, Pécs')).toEqual(['Kossuth lakótelep 7']);
    expect(streets('Best,\nAnna\nKungsg. 12\n111 43 Stockholm')).toEqual(['Kungsg. 12']);
  });

  it('takes dates as street names, housing estates, grid numbers, Nepali and Finnish forms', () => {
    expect(streets('Hoy estoy en Avenida 5 de Mayo 1450, Centro')).toEqual(['Avenida 5 de Mayo 1450']);
    expect(streets('kirim ke Perumahan Bukit Indah Blok C7 No. 12 ya')).toEqual(['Perumahan Bukit Indah Blok C7 No. 12']);
    expect(streets('Moved to N112W17460 Mequon Rd last month')).toEqual(['N112W17460 Mequon Rd']);
    expect(streets('Office address: 22 Durbar Marg, Kathmandu')).toEqual(['22 Durbar Marg']);
    expect(streets('Address: Hämeenkatu 12 as. 4, 33100 Tampere')).toEqual(['Hämeenkatu 12 as. 4']);
    expect(streets('Tomorrow:\n09:00 No. 14, Broad Street\n11:30 HQ')).toEqual(['No. 14, Broad Street']);
  });

  it('takes Romanian blocks and flats, Nepali house numbers, Vietnamese alleys and Esperanto marks', () => {
    expect(streets('Adresa: Str. Plopilor nr. 12, bl. C4, sc. B, ap. 9, Iași')).toEqual(['Str. Plopilor nr. 12, bl. C4, sc. B, ap. 9']);
    expect(streets('please courier it to Ghar No. 18, Bhanu Marg, Ward No. 3, Pokhara')).toEqual(['Ghar No. 18, Bhanu Marg']);
    expect(streets('giao hàng đến số 45 ngõ 12 phố Cửa Bắc giúp em nhé')).toEqual(['số 45 ngõ 12 phố Cửa Bắc']);
    expect(streets('Send it to Pinstrato n-ro 21, dankon!')).toEqual(['Pinstrato n-ro 21']);
    expect(streets('mileage: office to 4410 west elm ct unit b, round trip')).toEqual(['4410 west elm ct unit b']);
  });

  it('leaves the neighbourhood after a Mexican street line', () => {
    expect(streets('Mi dirección: Calle Ópalo 812, colonia Las Flores, Puebla')).toEqual(['Calle Ópalo 812']);
  });

  it('starts no street at a number glued to a symbol', () => {
    expect(streets('Admin password: Admin@123\nBackups run nightly at 02:00.')).toEqual([]);
  });
});

describe('house numbers of more shapes (eleventh pass)', () => {
  const streets = (text: string): string[] => findingsOf(text, 'STREET_ADDRESS');

  it('takes a glued "bis", an Australian unit and a Vietnamese chain of alley numbers', () => {
    expect(streets('Adresa nouă: Str. Teilor Nr. 58bis, Brașov')).toEqual(['Str. Teilor Nr. 58bis']);
    expect(streets('new address is U12/45 Wattle Street, Glebe NSW 2037')).toEqual(['U12/45 Wattle Street']);
    expect(streets('new address is 231/18/7 Hoa Lan, quan Phu Nhuan')).toEqual(['231/18/7 Hoa Lan']);
  });

  it('takes Chinese and Japanese street lines, without the province, city and district before them', () => {
    expect(streets('请把合同寄到江苏省南京市鼓楼区解放北路227号，谢谢。')).toEqual(['解放北路227号']);
    expect(streets('收货地址：407臺中市西屯區 成功街３３１巷１０號')).toEqual(['成功街３３１巷１０號']);
    expect(streets('地址：和平东路88号院3号楼1单元502')).toEqual(['和平东路88号院3号楼1单元502']);
    expect(streets('住所：大阪府大阪市北区 春日町6丁目28番19号')).toEqual(['春日町6丁目28番19号']);
    expect(streets('住所：神奈川県横浜市中区寿町１-６-１５')).toEqual(['寿町１-６-１５']);
  });

  it('keeps a version, a platform and a seat written with numbers in Japanese', () => {
    expect(streets('バージョン1-2-3をリリースしました')).toEqual([]);
    expect(streets('指定席は10号車8番E席です。')).toEqual([]);
    expect(streets('第3号議案について')).toEqual([]);
  });

  it('takes Indian sectors and nagars, Philippine buildings before the street, and Taiwanese lanes and sections', () => {
    expect(streets('Address line 1: h.no. 103, sector 54\nCity: Mohali')).toEqual(['h.no. 103, sector 54']);
    expect(streets('Please courier it to 88/3, shastri nagar, jaipur - 302016.')).toEqual(['88/3, shastri nagar']);
    expect(streets('Deliver to Unit 1204, Azure Tower, 415 Molave Avenue, Makati')).toEqual(['Unit 1204, Azure Tower, 415 Molave Avenue']);
    expect(streets('Present address: Rm. 305, 3/F, Cruz Bldg., 77 Rizal Ave., Manila')).toEqual(['Rm. 305, 3/F, Cruz Bldg., 77 Rizal Ave.']);
    expect(streets('Return from: No. 9, Aly. 4, Ln. 120, Minquan Rd., Tainan City 700')).toEqual(['No. 9, Aly. 4, Ln. 120, Minquan Rd.']);
  });

  it('takes Turkish buildings, boulevards, numbered streets and inner doors', () => {
    expect(streets('Teslimat adresi: Lale Cad. Yıldız Apt. No:14 D:3\nİlçe/İl: Çankaya/Ankara')).toEqual(['Lale Cad. Yıldız Apt. No:14 D:3']);
    expect(streets('Adres: Papatya Blv. No:81, Bornova/İzmir')).toEqual(['Papatya Blv. No:81']);
    expect(streets('Adres: Menekse Sokagi No:17 Ic Kapi No:4, Seyhan/Adana')).toEqual(['Menekse Sokagi No:17 Ic Kapi No:4']);
    expect(streets('Konum: 1453. Sk. No:52, Karşıyaka / İzmir')).toEqual(['1453. Sk. No:52']);
  });

  it('takes Greek, Hebrew and Arabic street lines, and Hebrew names in Latin letters', () => {
    expect(streets('Διεύθυνση: Λεωφόρος Αμαλίας 53, ισόγειο\nΤ.Κ.: 105 58')).toEqual(['Λεωφόρος Αμαλίας 53, ισόγειο']);
    expect(streets('Διεύθυνση: Σταδίου 122 & Πανεπιστημίου\nΑθήνα')).toEqual(['Σταδίου 122 & Πανεπιστημίου']);
    expect(streets('כתובת: הנרקיס 12 דירה 4\nעיר: חיפה')).toEqual(['הנרקיס 12 דירה 4']);
    expect(streets('Location: רחוב הגפן 7, חיפה')).toEqual(['רחוב הגפן 7']);
    expect(streets('New address: 41 شارع النيل، الدقي، الجيزة')).toEqual(['41 شارع النيل']);
    expect(streets('Return from: منزل ١٢، سكة ٣٤٥، دبي')).toEqual(['منزل ١٢، سكة ٣٤٥']);
    expect(streets('Please use HaNarkis 14/3, Haifa from now on.')).toEqual(['HaNarkis 14/3']);
  });

  it('keeps rooms, gates, chapters and highways written with a number in those scripts', () => {
    expect(streets('Η συνάντηση είναι στην Αίθουσα 11 στις 10:00.')).toEqual([]);
    expect(streets('Δείτε το Κεφάλαιο 4 του εγχειριδίου.')).toEqual([]);
    expect(streets('הרכבת יוצאת מרציף 4 ב-09:46.')).toEqual([]);
    expect(streets('נסענו בכביש 22 הבוקר.')).toEqual([]);
    expect(streets('ההזמנה 4411 נשלחה היום.')).toEqual([]);
    expect(streets('the hadoop 3 upgrade is done')).toEqual([]);
  });

  it('takes spelt-out Japanese blocks after a lower-case place or a comma, and a room after the block', () => {
    expect(streets('Street and house number: sakuragaoka 2-chome 29-ban 5-go\nPostcode: 476-0129')).toEqual(['sakuragaoka 2-chome 29-ban 5-go']);
    expect(streets('E28924,6-chome 16-21 Minamidai,"Higashi-ku, Sapporo",997-9681')).toEqual(['6-chome 16-21 Minamidai']);
    expect(streets('"street":"8-15-20-805 Honcho","city":"Setagaya-ku, Tokyo"')).toEqual(['8-15-20-805 Honcho']);
  });

  it('takes units with a floor and a building before an Indian street, and a lettered house before a comma', () => {
    expect(streets('line1="Flat No. 1108, 11th Floor, Sunrise Residency, 11th Cross" city="Bengaluru"')).toEqual(['Flat No. 1108, 11th Floor, Sunrise Residency, 11th Cross']);
    expect(streets('work from Flat A-1406, Ganga Apartments, Tilak Marg, Bengaluru - 560003.')).toEqual(['Flat A-1406, Ganga Apartments, Tilak Marg']);
    expect(streets('company,street,city\nAcme,"B-984, Saraswati Marg",Delhi')).toEqual(['B-984, Saraswati Marg']);
  });

  it('takes a Japanese block after a CSV comma or a lower-case place with a Japanese ending', () => {
    expect(streets('company,street,city\nTidewater Labs,Asahi-cho 1-1-3,Nagoya')).toEqual(['Asahi-cho 1-1-3']);
    expect(streets('"line1": "sakuragaoka 5-9-8", "locality": "kyoto"')).toEqual(['sakuragaoka 5-9-8']);
  });

  it('takes Greek and Hebrew names typed in Latin letters, and a Hebrew type word after the sentence before it', () => {
    expect(streets('Street: odos antheon 75, apt 5, Patras')).toEqual(['odos antheon 75, apt 5']);
    expect(streets("VALUES (1276, 'Kyparission Ave. 110', 'Athens')")).toEqual(['Kyparission Ave. 110']);
    expect(streets('taxi from the office to hayasmin 61, jerusalem 7826800')).toEqual(['hayasmin 61']);
    expect(streets('נא לשלוח את הציוד לכתובת סמטת הגפן 12, חיפה עד יום חמישי.')).toEqual(['סמטת הגפן 12']);
    expect(streets('Thanks,\nAnna\nÖstra Hamngatan 12, 211 22 Malmö')).toEqual(['Östra Hamngatan 12']);
  });

  it('takes record fields apart at a tab, an Arabic flat before a building, a Chinese building after a space, a Greek range', () => {
    expect(streets('E66950\tPeople Ops\tApt 365, 8901 Aspen Rd\tCalgary\tT6Y 4G3')).toEqual(['Apt 365, 8901 Aspen Rd']);
    expect(streets('address on file:\nشقة 26، مبنى 9، طريق الحرية\nمسقط')).toEqual(['شقة 26، مبنى 9، طريق الحرية']);
    expect(streets('地址：花园西路202号 10幢803室（西湖区）')).toEqual(['花园西路202号 10幢803室']);
    expect(streets('Διεύθυνση: ΑΓΙΟΥ ΝΙΚΟΛΑΟΥ 38-40, 2ΟΣ ΟΡΟΦΟΣ')).toEqual(['ΑΓΙΟΥ ΝΙΚΟΛΑΟΥ 38-40, 2ΟΣ ΟΡΟΦΟΣ']);
    expect(streets('Delivery van stuck on Attiki Odos near exit 18, ETA +40 min.')).toEqual([]);
  });

  it('takes Persian, Thai, Ukrainian and Korean lines with their units, and Swahili and Persian lines in Latin letters', () => {
    expect(streets('آدرس: رشت - خ سرو - ک یاس - پ ۶۰')).toEqual(['خ سرو - ک یاس - پ ۶۰']);
    expect(streets('نشانی: کرج، خیابان نسترن، بن‌بست اقاقیا، پلاک 36، طبقه ۱، واحد ۱۱')).toEqual(['خیابان نسترن، بن‌بست اقاقیا، پلاک 36، طبقه ۱، واحد ۱۱']);
    expect(streets('ส่งของที่ 899 ม.10 ซ.ดาวเรือง ถ.ศรีสุข ต.หนองปรือ อ.บางละมุง จ.ชลบุรี 20150')).toEqual(['899 ม.10 ซ.ดาวเรือง ถ.ศรีสุข']);
    expect(streets('จาก: ๕๑๒/๗๑ ซ.ร่มเย็น ถ.ฟ้าใส\nถึง: สำนักงานใหญ่')).toEqual(['๕๑๒/๗๑ ซ.ร่มเย็น ถ.ฟ้าใส']);
    expect(streets('Адреса реєстрації: вул. Лісова, буд. 137, кв. 17, м. Львів')).toEqual(['вул. Лісова, буд. 137, кв. 17']);
    expect(streets('adresa: vul. lisova 94 kv 32, m. Kharkiv')).toEqual(['vul. lisova 94 kv 32']);
    expect(streets('주소: 은행나무길 182, 118동 1304호 (합정동)')).toEqual(['은행나무길 182, 118동 1304호']);
    expect(streets('받는 곳 햇살로50번길 222까지 부탁드려요!')).toEqual(['햇살로50번길 222']);
    expect(streets('Mzigo uletwe Barabara ya Mwembe, nyumba nambari 6, Kilimani, Nairobi.')).toEqual(['Barabara ya Mwembe, nyumba nambari 6']);
    expect(streets("courier can't find Pelak 10, Kooche Golestan, Kh. Yas, Tabriz")).toEqual(['Pelak 10, Kooche Golestan, Kh. Yas']);
  });

  it('takes floors and buildings before a line, Indonesian lots, Nigerian directions, Argentine floors and Czech squares', () => {
    expect(streets('Please courier it to Room 2802, Floor 28, Thung Thong Condo, 753/76 Fa Sai Rd, Bangkok')).toEqual(['Room 2802, Floor 28, Thung Thong Condo, 753/76 Fa Sai Rd']);
    expect(streets('Our office: 4th Floor, Menara Kencana, Jl. Kutilang Raya Kav. 6, Makassar 90382')).toEqual(['4th Floor, Menara Kencana, Jl. Kutilang Raya Kav. 6']);
    expect(streets('Regards,\nAmina\nBaobab Plaza, 4th Floor, Mnazi Avenue\nWestlands, Nairobi')).toEqual(['Baobab Plaza, 4th Floor, Mnazi Avenue']);
    expect(streets('deliver am for 12 Ogunleye Close, off Station Road, Ikeja. I dey house from 5pm')).toEqual(['12 Ogunleye Close, off Station Road']);
    expect(streets('che, mandámelo a Los Aromos 2810, 5° piso, depto G, Córdoba')).toEqual(['Los Aromos 2810, 5° piso, depto G']);
    expect(streets('Rendición de gastos: remís desde Los Horneros 634 hasta la oficina')).toEqual(['Los Horneros 634']);
    expect(streets('Sraz v 9:00 na nám. Svobody 24 v Brně.')).toEqual(['nám. Svobody 24']);
  });

  it('keeps gates, rooms and platforms with their numbers, and a Norwegian street after a name in the genitive', () => {
    expect(streets('Visitors should use Gate 2 today, the main gate is closed.')).toEqual([]);
    expect(streets('Boarding lewat Gate 25 ya.')).toEqual([]);
    expect(streets('La reunión pasa al aula 36.')).toEqual([]);
    expect(streets('El tren sale del andén 5.')).toEqual([]);
    expect(streets('Ship to:\nThoresens Gate 3')).toEqual(['Thoresens Gate 3']);
  });

  it('keeps a meeting place, a chapter and a room in those languages', () => {
    expect(streets('Team meetup at House 21, Tara Galli, Ward 29, Pokhara')).toEqual(['House 21, Tara Galli']);
    expect(streets('Veja o Capítulo 11 do manual.')).toEqual([]);
    expect(streets('La comida la dejan en la Sala 4.')).toEqual([]);
  });

  it('keeps dates of three numbers, whose parts have no three digits', () => {
    expect(streets('signed on 14/10/91 Main Street office')).toEqual([]);
    expect(streets('shipped 03/11/25 Harbour Road depot')).toEqual([]);
  });
});

describe('street lines of Austria, Colombia, Malaysia and Vietnam (twelfth pass)', () => {
  const streets = (text: string): string[] => findingsOf(text, 'STREET_ADDRESS');

  it('reads an Austrian staircase, floor and door, and the endings -zeile, -lände and -gürtel', () => {
    expect(streets('Neue Adresse: Lindenzeile 12/3/2/7, 1100 Wien')).toEqual(['Lindenzeile 12/3/2/7']);
    expect(streets('Abholung: Donaulände 41, 4020 Linz')).toEqual(['Donaulände 41']);
  });

  it('reads a grid street with "Bis", a cardinal point, "Avenida" before it and a tower', () => {
    expect(streets('vivo en la cl 45 sur # 12-30 apto 502, Bogotá')).toEqual(['cl 45 sur # 12-30 apto 502']);
    expect(streets('Entrega: Avenida Carrera 68 Bis Sur # 5-21 Torre 2 Apto 301, Bogotá')).toEqual(['Avenida Carrera 68 Bis Sur # 5-21 Torre 2 Apto 301']);
  });

  it('takes a Malaysian block, floor and unit and the building before a Jalan or Persiaran, with or without its number', () => {
    expect(streets('Alamat: B-7-3, Residensi Cempaka, Jalan Sena Indah 4, 56000 Kuala Lumpur')).toEqual(['B-7-3, Residensi Cempaka, Jalan Sena Indah 4']);
    expect(streets('Hantar ke C-12-1, Pangsapuri Seroja, Persiaran Teluk Indah, Shah Alam.')).toEqual(['C-12-1, Pangsapuri Seroja, Persiaran Teluk Indah']);
  });

  it('takes a Vietnamese flat and building before the street line', () => {
    expect(streets('Địa chỉ mới: Căn hộ 1204, tòa C3, số 45 đường Hoa Sữa, Hà Nội')).toEqual(['Căn hộ 1204, tòa C3, số 45 đường Hoa Sữa']);
  });

  it('keeps a surname ending like a street word before a date, and numbered things of those places', () => {
    expect(streets('flights for Wei Zhang 7/1/2026.')).toEqual([]);
    for (const text of ['Die Datei liegt in Zeile 12/3/2/7 der Tabelle', 'Bus 7 dari Jalan 2 ke terminal']) expect(streets(text), text).toEqual([]);
  });
});

describe('street lines without the sentence around them (fourteenth pass)', () => {
  const streets = (text: string): string[] => findingsOf(text, 'STREET_ADDRESS');

  it('leaves the cue and its "is" out, in the cues\' languages', () => {
    expect(streets('Hej! Min nya adress är Torsgatan 14 B, 113 21 Stockholm.')).toEqual(['Torsgatan 14 B']);
    expect(streets('Dobrý den, moje nová adresa je Vinohradská 48, 602 00 Brno.')).toEqual(['Vinohradská 48']);
    expect(streets('Buna ziua, adresa mea de domiciliu este str. Lalelelor 18, Cluj.')).toEqual(['str. Lalelelor 18']);
  });

  it('reads no type word out of a sentence ("place is …") and no building out of "at"', () => {
    expect(streets('the registered place of business at Unit 4, 19 Quarry Road, Leeds')).toEqual(['Unit 4, 19 Quarry Road']);
    expect(streets('ok new place is unit 3, the granary, 12 mill lane, cork')).toEqual(['unit 3, the granary, 12 mill lane']);
    expect(streets('new place is intrarea zorilor, bloc 12, ap. 7 :)')).toEqual(['intrarea zorilor, bloc 12, ap. 7']);
  });

  it('keeps a number that counts or labels something before words like a street\'s', () => {
    expect(streets('Read Chapter 4 Harbour Drive of the style guide first.')).toEqual([]);
    expect(streets('Table 12 Garden Terrace: 8 guests')).toEqual([]);
    expect(streets('we live at 4 Harbour Drive now')).toEqual(['4 Harbour Drive']);
  });

  it('reads Hong Kong roads in 道 with their building, floor and shop, not "知道" or a numbered route', () => {
    expect(streets('收件地址：香港灣仔軒尼詩道88號海港大廈12樓3室')).toEqual(['香港灣仔軒尼詩道88號海港大廈12樓3室']);
    expect(streets('Pickup: 九龍彌敦道東52號地下2號舖')).toEqual(['九龍彌敦道東52號地下2號舖']);
    expect(streets('我知道3号楼在哪里')).toEqual([]);
    expect(streets('国道384号が渋滞しています')).toEqual([]);
  });

  it('reads a Korean road without its province and district, a Colombian grid with "Bis" glued, and "New" or "Old" in a name', () => {
    expect(streets('배송지:\n서울특별시 마포구 월드컵북로 396, 12층\n박서준 님')).toEqual(['월드컵북로 396, 12층']);
    expect(streets('Mi nueva dirección es Diagonal 22Bis # 7Bis-41, Casa 8, Pereira.')).toEqual(['Diagonal 22Bis # 7Bis-41, Casa 8']);
    expect(streets('Billing: 18 Old Quarry Walk, Leeds')).toEqual(['18 Old Quarry Walk']);
    expect(streets('I have 3 new tickets and 2 old ones')).toEqual([]);
  });

  it('reads a unit with a letter after a dash or slash, a letter after the number, and leaves a score', () => {
    expect(streets('Street: House No. 52-C, Street 11')).toEqual(['House No. 52-C, Street 11']);
    expect(streets('Delivery address: 212/4 B, Lotus Gardens, Colombo 06')).toEqual(['212/4 B, Lotus Gardens']);
    expect(streets('Result: Mill Road Rovers 3–1 Hill Street Harriers')).toEqual([]);
    expect(streets("I'm at 104-22 65th Ave now")).toEqual(['104-22 65th Ave']);
  });

  it('reads Sri Lankan and Indian lines, and a house number after a company\'s name that starts its own line', () => {
    expect(streets('Desk booking at No. 51, Galle Mawatha, Colombo 03.')).toEqual(['No. 51, Galle Mawatha']);
    expect(streets('Invoice to: Quarry Labs, 27, 9th Cross Road, Jayanagar, Bengaluru 560011')).toEqual(['27, 9th Cross Road']);
  });
});
