/** Keeps `text` within `max` characters, marking the cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Customer text goes into a chat where `@all`/`@here` would page every agent: a zero-width space
 * after the `@` keeps the words readable and the mention inert.
 */
export function defuseMentions(text: string): string {
  return text.replace(/@(all|here|channel|everyone)\b/gi, '@\u200b$1');
}

/** "14:05" in the given time zone (the agents' local time). */
export function formatClockTime(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('es-DO', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone }).format(at);
}
