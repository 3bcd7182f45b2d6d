/**
 * The bucket asked of the product in focus by its price: "is it cheaper by the bucket?", "how much
 * by the bucket?", "would it be cheaper if I buy a bucket?", "¿sale más barato por cubeta?". A clerk
 * hears "and the bucket?" — the same paint in its bucket, priced, with any offer on buckets — never
 * a product called "by" or a question he did not get. Read as that core ("the bucket") by the
 * follow-up readers (`followUpCore`).
 */

import { foldAccents } from '../kernel/fold.js';

const BUCKET = /\b(?:buckets?|cubetas?)$/;
const EN =
  /^(?:(?:and|so|but|ok)\s+)*(?:(?:(?:is|would|will)\s+(?:it|that|this)\s+(?:be\s+)?|it\s+s\s+|its\s+|it\s+is\s+)?(?:any\s+)?(?:cheaper|less\s+expensive|a\s+better\s+(?:deal|price))\s+(?:if\s+(?:i|we)\s+(?:buy|get|take|go\s+with|purchase)\s+(?:it\s+|them\s+)?(?:by\s+|in\s+)?|by\s+|in\s+|per\s+|with\s+)|(?:how\s+much|what\s+s\s+the\s+price|whats\s+the\s+price|what\s+is\s+the\s+price|what\s+does\s+it\s+cost)\s+(?:is\s+it\s+|would\s+it\s+be\s+|does\s+it\s+cost\s+)?(?:by|per|for|in)\s+|what\s+if\s+(?:i|we)\s+(?:buy|get|take|purchase)\s+(?:it\s+|them\s+)?(?:by|in)\s+|(?:by|per)\s+)(?:the\s+|a\s+|one\s+)?(?:5\s+gallon\s+|five\s+gallon\s+)?buckets?$/;
const ES =
  /^(?:(?:y|entonces|ok)\s+)*(?:(?:(?:sale|es|seria|saldria|me\s+sale|me\s+saldria)\s+)?mas\s+barat[oa]\s+(?:si\s+(?:la\s+|lo\s+)?(?:compro|llevo|cojo|me\s+llevo)\s+)?(?:en|por|por\s+la)?\s*|(?:cuanto|a\s+como)\s+(?:sale|es|seria|esta|me\s+sale|cuesta)?\s*(?:por|en)\s+|si\s+(?:la\s+|lo\s+|las\s+|los\s+)?(?:compro|llevo|cojo|me\s+llevo|pido)\s+(?:en|por)\s+|por\s+)(?:la\s+|una\s+)?cubetas?$/;

/**
 * The folded message with a bucket asked by its price said as "the bucket" / "la cubeta"; else the
 * message unchanged. Cheap: only a message ending in the bucket is looked at.
 *
 * @example
 * bucketAsked('is it cheaper by the bucket'); // 'the bucket'
 */
export function bucketAsked(folded: string): string {
  if (!BUCKET.test(folded)) return folded;
  return EN.test(folded) ? 'the bucket' : ES.test(folded) ? 'la cubeta' : folded;
}

/** The message asks the bucket's price of what is on the counter ("is it cheaper by the bucket?"): a price question. */
export function asksBucketPrice(text: string): boolean {
  // Issue 16: asked of every message routed to the product in focus; only one that names a bucket
  // can end with one (the replacements below make no letters), so the others skip the clean-up.
  const folded = foldAccents(text);
  if (!folded.includes('bucket') && !folded.includes('cubeta')) return false;
  const t = folded.replace(/['’]/g, ' ').replace(/[¿?¡!.,;:]+/g, ' ').replace(/\s+/g, ' ').trim();
  return BUCKET.test(t) && bucketAsked(t) !== t;
}
