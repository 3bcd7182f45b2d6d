/**
 * The customer's sentiment when the rule brain read the message (the LLM brain gives its own
 * reading): a small Spanish/English lexicon with negation. Analytics only — it decides nothing in
 * the conversation. Words are matched accent-free and lower-case, whole words only.
 */
export type LexiconSentiment = 'positive' | 'neutral' | 'negative';

const POSITIVE = new Set(
  [
    'gracias', 'excelente', 'perfecto', 'genial', 'bueno', 'buena', 'buenisimo', 'chevere', 'encantado', 'encantada', 'feliz',
    'contento', 'contenta', 'maravilloso', 'rapido', 'amable', 'bien', 'super', 'fantastico', 'agradecido', 'agradecida',
    'thanks', 'thank', 'great', 'excellent', 'perfect', 'awesome', 'good', 'happy', 'love', 'nice', 'helpful', 'amazing', 'wonderful',
  ],
);
const NEGATIVE = new Set(
  [
    'malo', 'mala', 'pesimo', 'pesima', 'horrible', 'terrible', 'molesto', 'molesta', 'enojado', 'enojada', 'queja', 'reclamo',
    'tarde', 'nunca', 'roto', 'rota', 'danado', 'danada', 'estafa', 'decepcionado', 'decepcionada', 'harto', 'harta', 'furioso',
    'lento', 'error', 'problema', 'mal', 'peor', 'devolucion', 'reembolso', 'cansado', 'cansada',
    'bad', 'awful', 'terrible', 'angry', 'upset', 'complaint', 'broken', 'late', 'never', 'worst', 'scam', 'disappointed',
    'slow', 'refund', 'problem', 'wrong', 'hate', 'annoyed', 'useless',
  ],
);
const NEGATIONS = new Set(['no', 'ni', 'sin', 'not', "don't", 'dont', 'never', 'nunca', 'tampoco']);

// Any letter outside ASCII: only then does the text need decomposing to drop its accents.
const NON_ASCII = /[^\u0000-\u007f]/;

function fold(text: string): string[] {
  const lower = text.toLowerCase();
  const plain = NON_ASCII.test(lower) ? lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : lower;
  return plain.split(/[^a-z']+/).filter((w) => w.length > 0);
}

/**
 * Scores the words of `text`: +1 per positive word, −1 per negative one, flipped right after a
 * negation ("no está mal" is not negative). Positive total → positive, negative → negative.
 *
 * @example
 * lexiconSentiment('el cemento llegó roto, pésimo servicio'); // 'negative'
 */
export function lexiconSentiment(text: string): LexiconSentiment {
  const words = fold(text);
  let score = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const polarity = POSITIVE.has(w) ? 1 : NEGATIVE.has(w) && !NEGATIONS.has(w) ? -1 : 0;
    if (polarity === 0) continue;
    const negated = i > 0 && NEGATIONS.has(words[i - 1]!) || (i > 1 && NEGATIONS.has(words[i - 2]!));
    score += negated ? -polarity : polarity;
  }
  return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
}
