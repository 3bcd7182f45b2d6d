/**
 * The question and wish words of Dominican WhatsApp Spanish written as they sound ("kuanto sale el
 * saco", "i kuando les yega", "ke precio tiene", "kiero 2"), spelled out before the readers read the
 * message. Every reader matches "cuanto", "cuando", "que", "quiero"; read as typed, "kuanto" was an
 * unknown good ("No vendemos *kuanto*"). Only words no good, name or English word is spelled like.
 *
 * @example
 * withChatWordsSpelled('Kuanto sale el saco'); // 'Cuanto sale el saco'
 */
export function withChatWordsSpelled(text: string): string {
  if (!CHAT_LETTERS.test(text)) return text;
  return text.replace(CHAT_WORD, (word) => {
    const full = SPELLED[word.toLowerCase()] ?? word;
    return word[0] === word[0]?.toUpperCase() ? full[0]!.toUpperCase() + full.slice(1) : full;
  });
}

const SPELLED: Readonly<Record<string, string>> = {
  kuanto: 'cuanto',
  kuanta: 'cuanta',
  kuantos: 'cuantos',
  kuantas: 'cuantas',
  kuando: 'cuando',
  kual: 'cual',
  kuales: 'cuales',
  kien: 'quien',
  kienes: 'quienes',
  ke: 'que',
  kiero: 'quiero',
  kiere: 'quiere',
  kieres: 'quieres',
  kisiera: 'quisiera',
  aki: 'aqui',
  nesecito: 'necesito',
  nececito: 'necesito',
  nesesito: 'necesito',
  nesesitamos: 'necesitamos',
  nececitamos: 'necesitamos',
};

// A message without a "k" or an "nes"/"nec" spelling has none of them (most messages).
const CHAT_LETTERS = /[kK]|ne[sc]e/;
const CHAT_WORD = new RegExp(`(?<![\\p{L}\\d])(?:${Object.keys(SPELLED).join('|')})(?![\\p{L}\\d])`, 'giu');
