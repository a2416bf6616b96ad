/**
 * Names removed whole (issue 13), nineteenth pass: East Asian, Vietnamese, Hispanic and
 * Indonesian names whose first or last word is also a function word or a jargon or product word,
 * left in part on fresh draws of the dev part and on the nineteenth pass's blind templates. The
 * names are made up, of the kinds the held-out evaluation draws (no name list holds them).
 */
import { describe, expect, it } from 'vitest';
import { findingsOf } from './fixtures/pii/findings.ts';

const persons = (text: string): string[] => findingsOf(text, 'PERSON');

describe('the surname "He" after a name, by what follows it', () => {
  it('is the name\'s before a number, a plural verb, "whether" or "last year"', () => {
    expect(persons('thanh hạnh he 10:30 – 11:00 standup')).toEqual(['thanh hạnh he']);
    expect(persons('NHẬT LỆ YUE AND YAOJIE HE ARE PAIRING ON THE BILLING BUG.')).toEqual(['NHẬT LỆ YUE', 'YAOJIE HE']);
    expect(persons('WE SHOULD ASK ANH TÚ HE WHETHER THE BUDGET COVERS TRAVEL.')).toEqual(['ANH TÚ HE']);
    expect(persons('THE ONBOARDING DOC WAS WRITTEN BY NHƯ QUỲNH HE LAST YEAR.')).toEqual(['NHƯ QUỲNH HE']);
  });

  it('is the name\'s where the name is a subject: after a verb of thinking, a question\'s modal or "if"', () => {
    expect(persons('I THINK CÔNG ÂN HE HAS THE ADMIN RIGHTS FOR THE STAGING BOX.')).toEqual(['CÔNG ÂN HE']);
    expect(persons('can vuong gia he cover my shift on sunday?')).toEqual(['vuong gia he']);
    expect(persons('not sure if lihui he saw the alert in grafana.')).toEqual(['lihui he']);
  });

  it('is the name\'s before a field\'s end, an ampersand, after "let" or "once", and after a quotation before "said"', () => {
    expect(persons('**LỆ NHI NGỌC TRINH HE** PRESENTED THE ROADMAP.')).toEqual(['LỆ NHI NGỌC TRINH HE']);
    expect(persons('gia đạo he & wenbo linghu will host the offsite.')).toEqual(['gia đạo he', 'wenbo linghu']);
    expect(persons('speaker: quỳnh thanh he — "scaling payments in latam"')).toEqual(['quỳnh thanh he']);
    expect(persons('LET GIA PHUOC HE GO FIRST, THEN THE REST OF US')).toEqual(['GIA PHUOC HE']);
    expect(persons('once gia anh he has signed, hr will send the offer letter.')).toEqual(['gia anh he']);
    expect(persons('"WE ARE READY," ANH TÚ HE SAID.')).toEqual(['ANH TÚ HE']);
  });

  it('stays the pronoun after a name it can follow', () => {
    expect(persons('talked to thanh hạnh he said it was fine')).toEqual(['thanh hạnh']);
    expect(persons('tell Bob he is late')).toEqual(['Bob']);
    expect(persons('I think Bob he is right')).toEqual(['Bob']);
  });
});

describe('the last word "An" where no article stands', () => {
  it('is the name\'s before an article, a spaced dash or a column\'s gap', () => {
    expect(persons('i owe phước an a coffee for that one')).toEqual(['phước an']);
    expect(persons('* TƯỜNG ANH AN — BACKEND')).toEqual(['TƯỜNG ANH AN']);
    expect(persons('PASSENGER: THANH NHA AN  SEAT 14C  FLIGHT VN 254')).toEqual(['THANH NHA AN']);
    expect(persons('TƯỜNG ANH AN UP NEXT, THEN Q&A.')).toEqual(['TƯỜNG ANH AN']);
    expect(persons('mon 3 june: đang an out sick')).toEqual(['đang an']);
  });

  it('stays an article before a noun', () => {
    expect(persons('I met Bob an hour ago')).toEqual(['Bob']);
    expect(persons('I sent Bob an out-of-office reply')).toEqual(['Bob']);
  });
});

describe('a capitalised "To" opening a name after a comma, a colon or a quote', () => {
  it('is the name\'s in a line of prose, and before romanised syllables after a colon in capitals', () => {
    expect(persons('The CFO, To Nhi Leung, signed off.')).toEqual(['To Nhi Leung']);
    expect(persons('Thank you, To Nhi Jin!')).toEqual(['To Nhi Jin']);
    expect(persons('Ask "To Nhi Chai" in the help channel.')).toEqual(['To Nhi Chai']);
    expect(persons('WINNER OF THE HACKATHON: TO NHI MENG VUONG')).toEqual(['TO NHI MENG VUONG']);
  });

  it('is the name\'s after a title of another language, or after the line\'s first word', () => {
    expect(persons('Estimada Sra. To Nhi Jiang, gracias por su respuesta.')).toContain('To Nhi Jiang');
    expect(persons('Give To Nhi Chai access to the repo.')).toEqual(['To Nhi Chai']);
  });

  it('stays an infinitive\'s "to" written small, a preposition after a speaker\'s colon, and in a Title Case line', () => {
    expect(persons('Goal: to ship Nhi Leung')).toEqual(['Nhi Leung']);
    expect(persons('[12:38] Amalle: Per Amber\'s comment on WEB-47332, we roll back.')).toEqual(['Amalle', 'Amber']);
    expect(persons('Go To Market Plan')).toEqual([]);
  });
});

describe('a function word of the line\'s language written capitalised inside a name', () => {
  it('is the name\'s syllable in mixed case', () => {
    expect(persons('Mbak Diem Trinh Yang sudah approve cuti saya.')).toContain('Diem Trinh Yang');
    expect(persons('Falei com Anh Tú Li sobre o orçamento.')).toContain('Anh Tú Li');
  });
});

describe('a jargon or product word that is a name\'s word', () => {
  it('is the given name written capitalised at a sentence\'s or a field\'s start', () => {
    expect(persons('Ega Pangestu sedang cuti sampai hari Senin.')).toContain('Ega Pangestu');
    expect(persons('Cc Padma Pangestu / Ega Sinaga')).toEqual(['Padma Pangestu', 'Ega Sinaga']);
  });

  it('is the surname before a slash and the next person', () => {
    expect(persons('Yamileth Vega/Gonçalo Zamudio own the billing service.')).toEqual(['Yamileth Vega', 'Gonçalo Zamudio']);
    expect(persons('Ana Review/Approve')).toEqual(['Ana']);
  });
});

describe('a name before an East Asian honorific', () => {
  it('is found glued to the honorific or a blank before it, with the words of the name before it', () => {
    expect(persons('Nicezioさん、the review is done. Thanks!')).toEqual(['Nicezio']);
    expect(persons('Please send the invoice to Donato老师 before Friday.')).toEqual(['Donato']);
    expect(persons('thank you faas sessa-ssi for the translation of the onboarding deck.').join(' ')).toContain('faas sessa');
    expect(persons('virone fuhlbrugge 先生, the slides for tuesday are in the shared drive.').join(' ')).toContain('virone fuhlbrugge');
    expect(persons('Name Coby Lakin-san, the deploy window moved to 22:00 JST.').join(' ')).toContain('Coby Lakin');
  });

  it('is no name in a file\'s name or after a common word', () => {
    expect(persons('open kaizen-san.md and the x-channel docs')).toEqual([]);
    expect(persons('the sandbox is down')).toEqual([]);
  });
});

describe('the second word of a greeting of another language', () => {
  it('is no name\'s: "buenos días", "bom dia" (not the Indonesian pronoun "dia")', () => {
    expect(persons('buenos días gonçalo bueno, el servidor de bogotá está caído.')).toEqual(['gonçalo bueno']);
    expect(persons('buenas tardes ana, el servidor está caído.')).toEqual(['ana']);
    expect(persons('Bom dia, Laila Baumbach. A reunião foi cancelada.')).toContain('Laila Baumbach');
    expect(persons('Bom dia, Laila Baumbach. A reunião foi cancelada.')).not.toContainEqual(expect.stringContaining('dia'));
  });
});

describe('"To" opening a Vietnamese given name ("To Nhi"), and "An" before a short word no list holds', () => {
  it('is the name\'s after a line\'s greeting, between parts of an addressed name, and before the name\'s verb at a sentence\'s start', () => {
    expect(persons('dear to nhi meng and wenbo,')).toEqual(['to nhi meng', 'wenbo']);
    expect(persons('MR. WENBO TO NHI NG ASKED FOR A COPY OF THE INVOICE.')).toEqual(['WENBO TO NHI NG']);
    expect(persons('TY WENBO TO NHI NG!!')).toEqual(['WENBO TO NHI NG']);
    expect(persons('To Nhi Chai joined in March and leads QA now.')).toContain('To Nhi Chai');
    expect(persons('DECIDED: QUYNH NHI TO DRIVES THE VENDOR EVAL; REVISIT IN TWO WEEKS.')).toEqual(['QUYNH NHI TO']);
    expect(persons('hi all, phu an ip here from the data team.')).toEqual(['phu an ip']);
  });

  it('stays a preposition that links two people or follows "thanks"', () => {
    expect(persons('moved wenbo to nhi ng')).toEqual(['wenbo', 'nhi ng']);
    expect(persons('thanks to nhi meng for the fix')).toEqual(['nhi meng']);
  });
});

describe('a name after a Spanish title written with its point, in a line without case', () => {
  it('is found, up to the verb in the past that ends it', () => {
    expect(persons('dña. isabela solorzano firmó el contrato ayer.')).toEqual(['isabela solorzano']);
    expect(persons('DÑA. YAMILETH MONTEIRO FIRMÓ EL CONTRATO AYER.')).toEqual(['YAMILETH MONTEIRO']);
    expect(persons('dña. gia lập đào firmó el contrato ayer.')).toEqual(['gia lập đào']);
  });

  it('is no name after "Sr." in English, where it is "Senior"', () => {
    expect(persons('the sr. dev team')).toEqual([]);
    expect(persons('We hired a Sr. Data Scientist.')).toEqual([]);
  });
});
