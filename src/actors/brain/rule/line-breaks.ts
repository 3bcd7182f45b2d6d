/**
 * A message written over several lines as the readers read it. Customers paste their list one item
 * a line ("10 sacos cemento⏎5 varillas 1/2⏎1 cubeta masilla"); read as one run of words the lines
 * melt into each other ("varilla 1/2 2 libras alambre…"). A line break after a line that ends in no
 * punctuation is the comma the customer did not type; after punctuation it is a space. One
 * character for one, so positions in the text stay where they were.
 *
 * @example
 * linesAsItems('10 sacos cemento\n5 varillas'); // '10 sacos cemento,5 varillas'
 * linesAsItems('hola.\n10 sacos');             // 'hola. 10 sacos'
 */
export function linesAsItems(text: string): string {
  if (!/[\r\n]/.test(text)) return text;
  return text.replace(/\r/g, ' ').replace(/\n/g, (_, at: number) => {
    const before = text.slice(0, at).replace(/[ \t\r]+$/, '');
    return before === '' || /[,.;:!?¿¡\n]$/.test(before) ? ' ' : ',';
  });
}
