import type { PiiSpan } from './types.ts';

// A form's labels in other languages, read as names (issue 13): "nama: assunta herzog", "NOME
// COMPLETO: FURMAN PACOCHA", "người liên hệ: …", "Jabatan: Staf Keuangan". English labels are
// English words the name rules know; these are not, so a line's label in lower case or capitals
// became a name of its own. A label is the words that open a line before its colon; when every
// word of a name found there is a word such labels are made of, it is the label, not a name.

/**
 * Words of the labels that introduce a person or their role on a form, in the languages of the
 * evaluation's workplaces and their neighbours, lower case: name, full name, given name, surname,
 * contact (person), position, department, sender, recipient, participant, owner.
 */
const LABEL_WORDS = new Set(
  (
    // Indonesian and Malay
    'nama lengkap panggilan depan belakang jabatan bagian divisi departemen posisi kontak pengirim penerima peserta pemilik pic ' +
    // Portuguese, Spanish, Italian, French, Catalan
    'nome completo sobrenome apelido primeiro último ultimo cargo função funcao departamento setor contato remetente destinatário destinatario participante responsável responsavel ' +
    'nombre apellido apellidos puesto contacto remitente responsable cognome nominativo mansione reparto referente mittente ' +
    'nom prénom prenom poste service expéditeur expediteur destinataire interlocuteur complet ' +
    // German, Dutch, Scandinavian, Finnish
    'vorname nachname vollständiger vollstandiger ansprechpartner abteilung absender empfänger empfanger ' +
    'naam voornaam achternaam volledige functie afdeling afzender ontvanger navn fornavn etternavn efternavn namn förnamn fornamn efternamn avdeling avdelning nimi etunimi sukunimi osasto ' +
    // Polish, Czech, Slovak, Hungarian, Romanian, Turkish (not "ad", "adi", "tam": names too)
    'imię imie nazwisko stanowisko dział dzial jméno jmeno příjmení prijmeni meno priezvisko név nev teljes beosztás beosztas nume prenume funcția functia ' +
    'adı soyad soyadı soyadi unvan görev gorev departman ilgili kişi kisi ' +
    // Vietnamese (with its marks only: without them "Ho", "Vu", "Phong" are names) and Tagalog
    'họ tên và người liên hệ chức vụ phòng đầy đủ pangalan buong apelyido posisyon ' +
    // Names of a form's fields in English too, when the line has no English around them
    'name full first last given family surname contact person position title department owner'
  ).split(' '),
);

/** The line's label before its colon, from the line's start (a bullet or blanks aside). */
const LINE_START = /(?:^|\n)[ \t>*•-]*$/;

/** Whether the span covers a line's whole label made of {@link LABEL_WORDS}, its colon right after it. */
function isFormLabel(text: string, s: PiiSpan): boolean {
  if (!/^[ \t]*[:：]/.test(text.slice(s.end, s.end + 3))) return false;
  if (!LINE_START.test(text.slice(Math.max(0, s.start - 8), s.start))) return false;
  const words = text.slice(s.start, s.end).toLowerCase().split(/[ \t]+/);
  return words.length <= 4 && words.every((w) => LABEL_WORDS.has(w));
}

/** A line's label and its colon: a bullet or blanks, label words, a colon, blanks. */
const LABEL_BEFORE = /^[ \t>*•-]*(\p{L}[\p{L} \t]*?)[ \t]*[:：][ \t]*$/u;
/** How long a line's label and its colon may be: four words of a form's. */
const LABEL_REACH = 48;

/**
 * Whether the text before `at` is its line's label for a person ("họ và tên: ", "NAMA LENGKAP: "):
 * what follows it is the name the form asks for.
 */
export function afterFormLabel(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (at - lineStart > LABEL_REACH) return false;
  const m = LABEL_BEFORE.exec(text.slice(lineStart, at));
  const words = m?.[1]?.toLowerCase().split(/[ \t]+/);
  return words !== undefined && words.length <= 4 && words.every((w) => LABEL_WORDS.has(w));
}

/** `spans` without a form's labels read as names ("nama", "NOME COMPLETO", "người liên hệ" before their colon). */
export function withoutFormLabels(text: string, spans: readonly PiiSpan[]): readonly PiiSpan[] {
  if (spans.length === 0 || !/[:：]/.test(text)) return spans;
  return spans.filter((s) => !isFormLabel(text, s));
}
