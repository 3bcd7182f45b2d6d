import { z } from 'zod';

const Key = { tenantId: z.string().min(1).max(200), conversationId: z.string().min(1).max(200) };
const Media = z.looseObject({ kind: z.string() });
const Inbound = z.object({
  tenantId: z.string().min(1).max(200),
  channel: z.string().min(1).max(64),
  senderId: z.string().min(1).max(512),
  messageId: z.string().min(1).max(512),
  text: z.string().max(65_536),
  media: z.array(Media).max(32).optional(),
  langHint: z.enum(['es', 'en']).optional(),
  clientIp: z.string().max(64).optional(),
  /** The provider's display name (WhatsApp profile, Telegram name): the owner's console shows it. */
  profileName: z.string().max(200).optional(),
});

/** One unit of work for a shard's owner, as appended to the shard's stream (validated on read). */
export const InboxWork = z.discriminatedUnion('k', [
  z.object({ k: z.literal('msg'), ...Key, message: Inbound }),
  z.object({ k: z.literal('agent'), ...Key, op: z.enum(['message', 'resolve', 'takeover']), agentName: z.string().min(1).max(200), text: z.string().max(65_536), messageId: z.string().min(1).max(300).optional() }),
  z.object({ k: z.literal('idle'), ...Key, seq: z.number().int().nonnegative() }),
  // A contact's erasure on any member: the owner fences and evicts the conversation after its running turn (harden19).
  z.object({ k: z.literal('evict'), ...Key }),
]);
export type InboxWork = z.infer<typeof InboxWork>;

/** The kinds this release runs. */
const KINDS: ReadonlySet<string> = new Set(InboxWork.options.map((o) => o.shape.k.value));

/**
 * The cluster protocol this release speaks (harden20): 1 = `msg`, `agent`, `idle`; 2 = `evict`
 * (harden19). Each entry carries, in its `v` field, the lowest protocol that can run it, and each
 * member advertises its own in its heartbeat info (`protocol`). A reader leaves an entry of a newer
 * protocol or an unknown kind pending rather than dropping it: the shard's next owner (an upgraded
 * member) claims and runs it. A member of a release before harden20 advertises none (protocol 1).
 */
export const CLUSTER_PROTOCOL = 2;

/** The lowest protocol that runs this kind of work. */
export function protocolOf(work: Pick<InboxWork, 'k'>): number {
  return work.k === 'evict' ? 2 : 1;
}

/** A member's advertised protocol, from its heartbeat info (JSON); none (an older release) is 1. */
export function advertisedProtocol(info: string | undefined): number {
  try {
    const p = (JSON.parse(info ?? '{}') as { protocol?: unknown }).protocol;
    return typeof p === 'number' && Number.isInteger(p) && p >= 1 ? p : 1;
  } catch {
    return 1;
  }
}

/** An entry this release cannot run but a newer one may: a higher `v`, or a kind it does not know. */
export function isNewerWork(raw: unknown, v: string | undefined): boolean {
  const needs = Number(v);
  if (v !== undefined && Number.isInteger(needs) && needs > CLUSTER_PROTOCOL) return true;
  const k = (raw as { k?: unknown } | null)?.k;
  return typeof k === 'string' && /^[a-z][a-z0-9_-]{0,31}$/.test(k) && !KINDS.has(k);
}

