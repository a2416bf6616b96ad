/**
 * Hand-written word lists of the sixth pass, loaded with the lexicon (lazily in browsers):
 * function words, cue labels and months of Spanish, German, French, Portuguese, Italian and Dutch
 * that are never a name's part (non-name-words.ts); month names of English and those languages;
 * the most used passwords (NCSC's and SplashData's published top lists, letters and digits); and
 * (eleventh pass) words that count or place things with a number and are no street (street-patterns.ts).
 */

export const NON_NAME_WORDS = `
  el los las es era fue un mis nuestro nuestra por para que este esta ese esa hay tiene tener debe está muy más
  menos como cuando donde usuario número caracteres mayúscula menos entrega nació nacido nacida nacimiento
  contraseña contrasena clave fecha cumpleaños dirección direccion correo die das ist sind war ein eine einen
  mein meine dein deine ihr ihre und oder mit für auf im am bei zum zur nicht hier bitte geboren geb lautet
  vergessen klicken anrufen passwort kennwort geburtsdatum geburtstag lieferdatum lieferadresse adresse
  anschrift benutzer benutzername neue neues neuer les est sont était une des et ou notre votre avec sans pour
  dans sur par aux cette qui né née naissance mot passe mdp trop expiré coffre identifiant utilisateur courriel
  c'est c’est é são foi meu minha com sem nas senha nascimento nascido nascida nasceu morada usuário endereço il
  gli è sono nel nella sul che nato nata nascita parola ordine indirizzo utente compleanno het een zijn mijn
  jouw met voor op bij niet wachtwoord geboren geboortedatum verjaardag adres gebruikersnaam enero febrero marzo
  abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre januar februar märz juni juli
  oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre janeiro
  fevereiro março maio junho julho setembro outubro novembro dezembro gennaio febbraio aprile maggio giugno
  luglio settembre ottobre dicembre januari februari maart mei augustus
`;

export const MONTH_NAMES = `
  january february march april may june july august september october november december enero febrero marzo
  abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre januar februar märz mai juni
  juli oktober dezember janvier février mars avril juin juillet août septembre octobre novembre décembre janeiro
  fevereiro março maio junho julho setembro outubro novembro dezembro gennaio febbraio aprile maggio giugno
  luglio settembre ottobre dicembre januari februari maart mei augustus
`;

export const COMMON_PASSWORDS = `
  password passw0rd qwerty qwertyuiop azerty letmein iloveyou sunshine princess football baseball soccer hockey
  monkey dragon shadow master superman batman trustno1 welcome whatever freedom starwars jordan michael charlie
  donald mustang flower hello loveme zaq1zaq1 abc123 admin administrator cheese computer internet killer pepper
  ginger summer winter spring autumn butterfly chocolate password1 changeme default guest passwort kennwort
  motdepasse contraseña senha wachtwoord hunter ranger buster tigger matrix biteme asdf asdfgh asdfghjkl zxcvbnm
  qazwsx yankees cookie banana orange hello123 abcdef abcd1234 ninja lovely jessica ashley bailey maggie
  cisco ubnt toor raspberry vagrant root calvin admin123 welcome1 test123 test1234 photoshop hottie solo
`;

export const COUNTER_WORDS = `
  gate gates platform room hall floor level exit line seat coach carriage berth flight chapter page section
  table store dock bus tram route track heat pier booth zaal
  version sprint ticket invoice order model terminal aula andén anden puerta planta salida línea linea asiento
  vagón vagon vuelo capítulo capitulo página pagina sección seccion versión pedido factura portão portao
  plataforma andar saída saida linha assento vagão vagao voo seção secao versão versao fatura salle porte quai
  étage etage sortie ligne siège siege voiture chapitre section commande facture raum saal tor gleis stock
  ausgang linie sitz wagen flug kapitel seite abschnitt bestellung rechnung binario piano uscita posto carrozza
  volo capitolo pagina sezione versione ordine fattura kapı kapi peron salon kat çıkış cikis koltuk vagon uçuş
  ucus bölüm bolum sayfa sürüm surum sipariş siparis sali pokój pokoj brama piętro pietro wyjście wyjscie linia
  miejsce rozdział rozdzial strona wersja zamówienie zamowienie místnost mistnost brána brana nástupiště
  nastupiste patro východ vychod linka sedadlo kapitola strana verze objednávka ruang lantai gerbang pintu
  keluar jalur kursi gerbong penerbangan bab halaman bagian versi pesanan faktur koridor αίθουσα πύλη κεφάλαιο
  όροφος σελίδα έξοδος πτήση θέση έκδοση قاعة بوابة البوابة الطابق طابق ห้อง ชานชาลา ทางออก ชั้น кімната комната
  аудиторія аудитория вихід выход платформа поверх этаж рейс місце место вагон розділ раздел версія версия
`;
