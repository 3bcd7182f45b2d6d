/** The words for painting outdoors, said by a customer or written in a product's sheet (folded text). */

/** The outside of a building or a thing named by the customer. */
export const OUTSIDE = /\b(?:fachadas?|por\s+fuera|exteriore?s?|afuera|parte\s+de\s+afuera|frente\s+de\s+(?:la|mi)\s+casa|outside|exterior|outdoors?|facades?|front\s+of\s+(?:the|my|our)\s+house)\b/;
/** Words of a sheet saying outdoors. */
export const SAYS_OUTSIDE = /\b(?:exteriore?s?|intemperie|fachadas?|outdoors?|outside|exterior)\b/;
