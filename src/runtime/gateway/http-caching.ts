/** Conditional and compressed answers for the static assets the gateway and the console serve. */

/** Whether `Accept-Encoding` accepts gzip (its q-value, or `*`'s). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let gzip: number | null = null;
  let star: number | null = null;
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (token.trim() === 'gzip') gzip = Number.isNaN(q) ? 0 : q;
    if (token.trim() === '*') star = Number.isNaN(q) ? 0 : q;
  }
  return gzip !== null ? gzip > 0 : star !== null && star > 0;
}

/** Whether `If-None-Match` names `etag` (weak or strong), or is `*`. */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim();
    return tag === '*' || tag === etag || tag === `W/${etag}`;
  });
}
