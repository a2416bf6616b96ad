/**
 * Function words that the stopword lists of foreign-data.ts lack, for lines of other languages to
 * be told (foreign-lines.ts): Vietnamese, which the generated data has no list for (its single
 * syllables from stopwords-iso, MIT, less the ones the build half's names and places hold folded,
 * "thanh", "cao", "anh"), and short Spanish, Portuguese and Indonesian words the build left out
 * ("foi", "del", "hari"). One line per language, its ISO 639-1 code first, as in foreign-data.ts.
 * Rules come with the lexicon (lexicon-data.ts), so these load with it, not in the first chunk.
 */

/** Matched as written and folded, as the generated lists are. */
export const FOREIGN_ADDED_WORDS = [
  'vi khi ngay nhau qua ra sau xin',
  'es puedes abre lunes martes miércoles jueves viernes sábado domingo hay pero gracias hablé habló envió llegan salir están tengo tienes tenemos vamos ayer mañana',
  'pt foi segue vc amanhã ao aos pela vão tudo bem falei falou enviou hoje ontem obrigado obrigada está estão vamos',
  'id kemarin hari minta tolong bulan dikirim kirim cek senin selasa rabu kamis jumat sabtu sedang cuti rapat hormat bantuannya selamat ulang tahun laporan',
].join('\n');

/**
 * Matched only as written: folded, each may be a name's syllable ("phòng" and Phong, "năm" and Nam,
 * "thì" and Thi), and a name written without its marks must not be read as one of these.
 */
export const FOREIGN_EXACT_WORDS = [
  // (Vietnamese syllables with their marks: folded, many are names' ("thì" and Thi, "có" and Co).)
  'vi alô biết báo béng bạn bằng bệt bị bởi bức chiếc chiều chuyện chào chính chúc chăng chưa chậc chắc chỉ chỉn chợt chủn cuốn cuộc càng các cái cáo cây còn có cùng căn cũng cơ cơm cả cần của cứ dào dưới dạ dẫu dữ giúp giữa gì gửi hoặc hôm hơn hệ họ họp hỏi hợp khác không kèm kính ký liên luôn là làm lên lúc lần lớn muốn mà mình mưa mỗi một mới mợ mừng nghỉ nghỉm ngoài ngoải ngày ngôi ngươi người ngọt nhiều nhà nhé như nhất nhận nhỉ những nào này nên nó nóc nói năm nơi nấy nắng nếu nền nọ nớ nữa phè phép phòng phóc phót phải phắt phốc phụt phứt quá quả riêng riệt ráo rén răng rất rằng rồi rứa suýt sáng sì sạch sất sắp sẽ số sự thoạt thoắt thà tháng thì thôi thường thấy thẩy thế thếch thốc thốt thộc thửa toà toẹt trên trước trển trệt trời tên tênh tôi tại tầng tắp tọt tột tớ tới từ từng việc và vào vâng vèo vì vẫn vậy về với vở vụt vừa xoét xoẳn xoẹt xuống xệp à ào á ái áng úi ý ăn đang đi điều đây đã đó được đẹp đến đều để đồng ơ ơi ư ạ ấy ắt ồ ớ ờ ở ủa ừ ử',
].join('\n');

/**
 * Words that tell a line's language but are names as often ("dan", "del", "una", "hari", "di";
 * the Vietnamese forms of address "anh", "chị", "em", which come before a name): they count for
 * the line's language and neither cut a name nor make a word no name.
 */
export const FOREIGN_COUNTED_WORDS = [
  'vi anh chị em cô bà ông bác cậu cho',
  'es del con una para o',
  'pt do no em o é sim',
  'id dan di dari ini jam ya ada',
].join('\n');
