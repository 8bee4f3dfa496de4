/**
 * Word list for the etiquette check (SPEC R10, cl. 10: «Не допускаются оскорбления и нецензурные выражения»).
 *
 * Every pattern is a regular-expression source matched against one normalised word: lower case, «ё» written
 * «е», look-alike Latin letters and digits turned Cyrillic, every run of a repeated letter collapsed to one
 * («ссука» → «сука», «бюллетень» → «бюлетень»). So a pattern never holds «ё» or a doubled letter.
 *
 * Where a pattern may match is the whole point of the list, because most roots hide inside ordinary words:
 * - `^stem` — the word starts with it («^бля»: not «рубля», «корабля», «оскорблять»);
 * - `^stem(endings)$` — only these word forms («^манд(а|ы)$»: not «команда», «мандат», «мандарин»);
 * - a bare stem — anywhere in the word, kept for roots no ordinary word contains («пизд», «залуп»).
 * The «еб» family is matched only at the start of a word or after a verbal prefix, never inside one
 * («хлебать», «колебания», «употреблять», «дебаты», «себя», «небеса», «учебник», «учёба» stay clean).
 */

export type AbuseKind = 'mat' | 'vulgar' | 'insult';

export interface AbusePattern {
  kind: AbuseKind;
  pattern: string;
}

const mat = (pattern: string): AbusePattern => ({ kind: 'mat', pattern });
const vulgar = (pattern: string): AbusePattern => ({ kind: 'vulgar', pattern });
const insult = (pattern: string): AbusePattern => ({ kind: 'insult', pattern });

/** Prefixes found before «ху»: нахуй, похуй, нихуя, охуеть, ахуеть, дохуя, отхуярить, расхуячить… */
const X_PREFIXES = 'на|по|ни|о|а|до|от|за|рас|раз|вы|у|с|под|пере|при|недо';
/** Prefixes that take «еб» straight on: заебать, выебать, уебок, наебать, доебаться, приебаться, проебать… */
const VOWEL_PREFIXES = 'за|вы|у|на|по|до|при|про|пере|недо';
/** Prefixes that take «еб» after a hard or soft sign (объебать, разъебать), or with it dropped (отебись). */
const SIGN_PREFIXES = 'от|об|под|раз|рас|из|ис|вз|над';

export const RUSSIAN_PATTERNS: readonly AbusePattern[] = [
  // х*й at the start of a word or after a prefix: хуй, хуёвый, хуесос, охуеть, нихуя, похуй, дохуя. Never
  // inside a word: «-хую», «-хуй», «-хуе-» end ordinary words («тихую», «плохую», «психуй», «страхует»).
  mat(`^(${X_PREFIXES})?ху[йяеию]`),
  mat('^хул[иеь]$'),
  // п*зда: пизда, пиздец, спиздил, распиздяй, пизжу, писдец.
  mat('пизд|пизж|пезд|писд'),
  // бля: бля, блядь, блять, выблядок; «бляха», «бляшка» are excused; «бл@дь» reads «бладь».
  mat('^бля'),
  mat('бляд'),
  mat('^блад(ь|и|ина|ство|ск)'),
  // е*ать at the start of a word (ебать, ёбаный, еблан, йобаный) or after a prefix (заебал, уёбок, съебись).
  mat('^(еб|йоб)'),
  mat(`^(${VOWEL_PREFIXES})еб`),
  mat(`^(${SIGN_PREFIXES})[ъь]?еб`),
  mat('^(с|в|вс)[ъь]еб'), // the sign is required here: «себя», «все-» («всеблагой»)
  mat('^(ослое|мудое)б'),
  mat('^(е|йо)пт(а|ь|ыть|ель|и)?$'),
  // сука: whole forms only («сук» of a tree, «сукно», «барсук», «Сукиасян», «сучок», «сучить» stay clean).
  mat('^сук(а|и|е|у|ой|ою|ам|ами|ах|о)$'),
  mat('^сукин'),
  mat('^сцук'),
  mat('^суч(ар[а-я]*|ий|ье|ьи|ьего|ьему|ьей|ьим|еныш[а-я]*|енок|енк[а-я]*)$'), // not «сучья», «сучьев» (branches)
  mat('^сучк(а|и|е|у|ой)$'),
  // мудак, мудила, мудозвон («мудрость», «мудрец» stay clean).
  mat('^муд(ак|ач|ил|оз)'),
  // пидор, пидарас, пидр, педик, педрила («скипидар», «педикюр», «педагог» stay clean).
  mat('^пид(ор|ар|ер|р)'),
  mat('пидорас|пидарас|пидрил'),
  mat('^пед(ик(а|и|у|ом|ов|ам|ами|ах|е)?$|ераст|рил)'),
  mat('г[ао]ндон'),
  mat('шлюх|^шлюш'),
  // долбоёб, долбанутый, долбаный; not «долбить», «долбануть» (to hit).
  mat('^д[оа]лбо|^д[оа]лба[ейо]?б|^д[оа]лбан(ут|ый|ая|ое|ые|ого|ому|ым|ой|ую|ых|ыми)'),
  mat('залуп'),
  mat('^манд(а|ы|е|у|ой|ою)$'),
  mat('^мандав'),
  // Rude rather than mat, but used as abuse: херня, нахер, похер («Херсонес», «херувим» stay clean).
  vulgar('^(на|по|ни)хер'),
  vulgar('^хер$'),
  vulgar('^херн(я|и|е|ю|ей)$'),
  vulgar('^говн'), // not inside a word: «Олеговна», «саговник»
  vulgar('жоп'),
  vulgar('дерьм'),
  // засранец, обосрался, насрать, сраный («сравнение», «сражение», «посрамить» stay clean).
  vulgar('^(за|об|обо|вы|по|на|от|рас)?сра(ть|л|н|ч|к)'),
  // трахать, трахнуть («трахея», «трахеит», «страховка» stay clean).
  vulgar('^(от|за|вы|пере|по)?трах(а|н)'),
  vulgar('^шалав'),
  vulgar('^шмар(а|ы|е|у|ой)$'),
  // Insults (cl. 10 «оскорбления»).
  insult('^д[еиэ]бил'),
  insult('^идиот'),
  insult('^тупиц|^тупорыл|^тупоголов|^тупоум'),
  insult('^урод(|ы|а|у|ом|ов|ам|ами|ах|е|ин[аыеу]|иной|ище|ец|ц[аыуе]|цем|цев|ск[а-я]*|ств[а-я]*)$'),
  insult('^сволоч(ь|и|ью|ей|ам|ами|ах|н[а-я]*)$'), // not «сволоченный» (dragged down)
  insult('^мраз(ь|и|ью|ей|ям|ями|ях|от[аыеу]|ина)$'),
  // «козёл» as an insult; «козёл отпущения» is a set phrase (CLEAN_COLLOCATIONS), «козла», «Козлов» are not matched.
  insult('^козел$|^козлы$|^козлин(а|ы|е|у)$|^козлищ'),
  insult('^дур(а|ы|е|у|ой|ою|ак|ака|аку|аком|аке|аки|аков|акам|аками|аках|ачье|ачок|очка|ень|ни|нем|ню|ында|еха)$'),
  insult('^кр[еи]тин'),
  insult('^придур'),
  insult('^твар(ь|и|ью|ей|ям|ями|ях)$'),
  insult('^скотин'),
  insult('^ублюд'),
  insult('^гад(ин[аыеуо]|ен[ыо])'),
  insult('^падл'),
  insult('^чмо$|^чмош|^чмыр'),
  insult('^быдл'),
  insult('^лох(|и|а|у|ом|ушк[а-я]*)$'),
  insult('^лошар'),
  insult('^олух(|а|у|ом|и|е|ов)$'),
  insult('^ушлеп'),
  insult('^отморозк|^отморозок$'),
  insult('^дегенерат(|ы|а|у|ом|ов|ам|ами|ах|е|к[а-я]*)$'), // not «дегенеративный» (medical)
  insult('^и[мн]бец[иы]л'),
  insult('^мерзав'),
  insult('^негодя'),
  insult('^подлец'),
  insult('^подон(ок|ки|ка|ку|ком|ков|кам|ками|ках)$'),
  insult('^выродо?к'),
];

/**
 * Clean words that contain a matched piece. A match is excused when one of these stems, found in the same
 * word, covers the match's first letter: «бляха», «бляшка», «блямба», «Ебург».
 */
export const CLEAN_STEMS: readonly string[] = ['блях', 'бляш', 'блям', 'ебург'];

/**
 * Set phrases in which a listed word is not an insult: «козёл отпущения» (a scapegoat) and Raskolnikov's
 * «Тварь ли я дрожащая…», which pupils quote in literature essays.
 */
export const CLEAN_COLLOCATIONS: readonly { word: string; nextStartsWith: string }[] = [
  { word: 'козел', nextStartsWith: 'отпущени' },
  { word: 'козлы', nextStartsWith: 'отпущени' },
  { word: 'тварь', nextStartsWith: 'ли' },
  { word: 'тварь', nextStartsWith: 'дрожащ' },
];

/**
 * Words typed wholly in Latin transliteration (suka blyat, nahuy, pizdec). Deliberately narrow: English words
 * must not trip them («hue», «eBay», «e-book», «Huawei», «Huygens», «debilitate», «Debian» stay clean).
 */
export const LATIN_PATTERNS: readonly AbusePattern[] = [
  // Not a bare «hui», «huy»: Chinese and Vietnamese given names.
  mat('^(na|po|ni|a|o)?(h|x|kh)u(i|y|j)(na|nya|nja|lo|la)$'),
  mat('^(na|po|ni)(h|x|kh)u(i|y|j|ya|ja)$|^xu(i|y|j)$'),
  mat('pizd|pezd'),
  mat('^bl(y|j)a(t|d|dj|tj)?$'),
  mat('^(yo|jo|y)?eb(at|an|al|l[ao]|uch|n)'),
  mat('^(za|vy|u|na|ot|ras|raz|pro|do|po)(y|j)?eb(at|an|al|l|uch|n)'),
  mat('^suk(a|i|in)$|^cyka$'),
  mat('^mud(ak|il[ao]|oz)'),
  mat('^pid(o|a)r|^pidr'),
  mat('^g(a|o)ndon'),
  mat('^dolbo'),
  insult('^debil(y|i|a|ka)?$'),
  insult('^idiot'),
];
