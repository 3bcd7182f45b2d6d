/**
 * A message as plain words for the text rules: lower case, accents and apostrophes dropped, any
 * other punctuation a space, spaces collapsed ("¿Cuándo me lo traen?" → "cuando me lo traen").
 *
 * @example
 * plainWords("¿Me lo llevan pa' Caleta?"); // 'me lo llevan pa caleta'
 */
export function plainWords(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9\s]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
