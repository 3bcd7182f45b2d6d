/**
 * A tenant's canned replies for the agent console: `tenants/<id>/canned-replies.json`, optional,
 * checked at start-up (a bad file names its path and problem and Hilo does not start).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { HiloError } from '../../kernel/errors.js';
import type { CannedReply } from '../../actors/console/index.js';

const text = z.string().trim().min(1).max(4000);
const CannedRepliesFile = z
  .array(
    z.strictObject({
      id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, { error: 'must be 1-64 lower-case letters, digits, _ or -' }),
      title: z.string().trim().min(1).max(80),
      text: z.strictObject({ es: text, en: text }),
    }),
  )
  .max(200)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate id "${r.id}"` });
      seen.add(r.id);
    });
  });

export const CANNED_REPLIES_FILE = 'canned-replies.json';

/** The tenant's canned replies; `[]` when it has no file. */
export async function loadCannedReplies(tenantsDir: string, tenantId: string): Promise<CannedReply[]> {
  const path = join(tenantsDir, tenantId, CANNED_REPLIES_FILE);
  let raw: string;
  try {
    raw = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', `${path}: not valid JSON`, { cause: err });
  }
  const checked = CannedRepliesFile.safeParse(value);
  if (!checked.success) {
    // Every problem, each with its JSON path (the tenant admin API answers them all).
    const details = checked.error.issues.map((issue) => ({ file: CANNED_REPLIES_FILE, path: `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`, problem: issue.message }));
    throw new HiloError('HILO_ERR_TENANT_DATA_INVALID', details.map((d) => `${path}: ${d.path} ${d.problem}`).join('\n'), { details });
  }
  return checked.data;
}
