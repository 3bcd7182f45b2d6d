import { beforeAll, describe, expect, it } from 'vitest';
import type { ConversationUpdate } from '../../../src/actors/conversation-service.js';
import { createMemoryHost, loadDemo } from '../../helpers/memory-host.js';
import type { Brain } from '../../../src/actors/brain/brain.js';
import type { TenantData } from '../../../src/domain/tenant.js';
import { createMemoryAccessCounters, type AccessCounters } from '../../../src/persistence/ports/access-counters.js';
import type { IdentityAuditEvent } from '../../../src/actors/identity/link-guard.js';
import { createManualClock } from '../../../src/kernel/clock.js';

const T = 'ferreteria';
let tenant: TenantData;
let brain: Brain;

beforeAll(async () => {
  ({ tenant, brain } = await loadDemo());
});

interface SentCode {
  conversationId: string;
  channel: string;
  externalId: string;
  text: string;
}

/** A real host (rule brain, in-memory stores) whose code sender records instead of sending. */
function createHost(options: { canSend?: boolean; counters?: AccessCounters } = {}) {
  const sent: SentCode[] = [];
  const audit: IdentityAuditEvent[] = [];
  const { host, clock } = createMemoryHost({
    tenant,
    brain,
    shardCount: 4,
    host: {
      identity: {
        async sendCode(input) {
          if (options.canSend === false || input.channel === 'web') return false;
          sent.push(input);
          return true;
        },
        audit: (e) => void audit.push(e),
        ...(options.counters ? { counters: options.counters } : {}),
      },
    },
  });
  return { host, clock, sent, audit };
}

const codeIn = (text: string) => /\b(\d{6})\b/.exec(text)?.[1] ?? '';

describe('ConversationHost › cross-channel identity', () => {
  it('should link the web visitor to the WhatsApp thread only after the code sent on WhatsApp', async () => {
    const { host, sent } = createHost();
    const wa = await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550101', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0001');
    expect(web).not.toBe(wa.conversationId);
    const updates: ConversationUpdate[] = [];
    host.subscribe(T, web, (u) => updates.push(u));

    const offered = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: 'mi número es 809-555-0101' });
    expect(offered.state.value).toBe('identifying');
    expect(offered.replies.at(-1)?.text).toContain('+1 809 ***-**01');
    expect(offered.replies.map((r) => r.text).join('\n')).not.toContain('0101');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ conversationId: wa.conversationId, channel: 'whatsapp', externalId: '18095550101' });
    expect(sent[0]!.text).toMatch(/^Tu código para continuar en el chat de la web es \d{6}\./);

    const code = codeIn(sent[0]!.text);
    const wrong = code === '111111' ? '222222' : '111111';
    const miss = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: wrong });
    expect(miss.state.value).toBe('identifying');
    expect(await host.resolveConversation(T, 'web', 'visitor-0001')).toBe(web);

    const ok = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: code });
    expect(ok.replies.at(-1)?.text).toContain('WhatsApp');
    expect(await host.resolveConversation(T, 'web', 'visitor-0001')).toBe(wa.conversationId);
    expect(updates).toContainEqual({ type: 'moved', conversationId: wa.conversationId });
    // The WhatsApp thread greets the customer who just joined from the web.
    const thread = await host.history(T, wa.conversationId, 0);
    expect(thread.at(-1)).toMatchObject({ direction: 'out', channel: 'web' });
    expect(thread.at(-1)?.text).toMatch(/Hola/);
    // The next web message continues the WhatsApp thread.
    const next = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0001', text: 'gracias' });
    expect(next.conversationId).toBe(wa.conversationId);
  });

  it('should not link after three wrong codes, nor offer the same handle again', async () => {
    const { host, sent } = createHost();
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550102', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0002');
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: 'mi número es 809-555-0102' });
    const code = codeIn(sent[0]!.text);
    const wrong = ['111111', '222222', '333333'].filter((c) => c !== code);
    let last = null;
    for (const w of wrong.slice(0, 3).concat(wrong.length < 3 ? ['444444'] : [])) {
      last = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: w });
    }
    expect(last?.state.value).toBe('triage.idle');
    expect(last?.replies.at(-1)?.text).toMatch(/No pudimos confirmar/);
    // The right code after that is just a message: nothing links.
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: code });
    expect(await host.resolveConversation(T, 'web', 'visitor-0002')).toBe(web);
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0002', text: 'mi número es 809-555-0102' });
    expect(sent).toHaveLength(1);
  });

  it('should expire a code by the clock', async () => {
    const { host, sent, clock } = createHost();
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550103', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0003');
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0003', text: 'mi número es 809-555-0103' });
    clock.advance(11 * 60_000);
    const late = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0003', text: codeIn(sent[0]!.text) });
    expect(late.state.value).toBe('triage.idle');
    expect(await host.resolveConversation(T, 'web', 'visitor-0003')).toBe(web);
  });

  it('should say so and not link when the other channel cannot send', async () => {
    const { host, sent } = createHost({ canSend: false });
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550104', text: 'hola' });
    const web = await host.resolveConversation(T, 'web', 'visitor-0004');
    const out = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-0004', text: 'mi número es 809-555-0104' });
    expect(out.replies.at(-1)?.text).toMatch(/no podemos enviarte un código/);
    expect(out.state.value).toBe('triage.idle');
    expect(sent).toEqual([]);
    expect(await host.resolveConversation(T, 'web', 'visitor-0004')).toBe(web);
  });

  it('should send 6-digit codes that differ from one request to the next', async () => {
    const { host, sent } = createHost();
    for (let i = 0; i < 3; i++) {
      await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: `1809555020${i}`, text: 'hola' });
      await host.handleMessage({ tenantId: T, channel: 'web', senderId: `visitor-rand-${i}`, text: `mi número es 809-555-020${i}`, clientIp: `192.0.2.${i}` });
    }
    const codes = sent.map((c) => codeIn(c.text));
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    expect(new Set(codes).size).toBe(3);
  });

  it('should send at most 3 codes a day to one handle, whatever the number of visitors asking', async () => {
    const { host, sent, clock } = createHost();
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550111', text: 'hola' });
    const states: string[] = [];
    for (let i = 0; i < 8; i++) {
      const out = await host.handleMessage({ tenantId: T, channel: 'web', senderId: `visitor-flood-${i}`, text: 'mi número es 809-555-0111', clientIp: `203.0.113.${i}` });
      states.push(out.state.value);
    }
    expect(sent).toHaveLength(3);
    expect(states.slice(0, 3)).toEqual(['identifying', 'identifying', 'identifying']);
    expect(states.slice(3).every((st) => st === 'triage.idle')).toBe(true);
    // The next day the customer can link again.
    clock.advance(24 * 60 * 60_000 + 1);
    const later = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-flood-next', text: 'mi número es 809-555-0111', clientIp: '203.0.113.200' });
    expect(later.state.value).toBe('identifying');
    expect(sent).toHaveLength(4);
  });

  it('should lock a handle after 5 wrong codes from any visitors, so even a right code no longer links', async () => {
    const { host, sent, audit } = createHost();
    const wa = await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550112', text: 'hola' });
    const ask = (v: string, ip: string) => host.handleMessage({ tenantId: T, channel: 'web', senderId: v, text: 'mi número es 809-555-0112', clientIp: ip });
    const type = (v: string, ip: string, text: string) => host.handleMessage({ tenantId: T, channel: 'web', senderId: v, text, clientIp: ip });
    await ask('visitor-owner-1', '198.51.100.1');
    const ownerCode = codeIn(sent[0]!.text);
    await ask('visitor-attack-1', '198.51.100.2');
    await ask('visitor-attack-2', '198.51.100.3');
    const notCode = (i: number) => String((Number(sent[1]!.text.match(/\d{6}/)![0]) + 1 + i) % 1_000_000).padStart(6, '0');
    const guesses = (codes: string[]) => codes.filter((c) => !sent.some((x) => codeIn(x.text) === c));
    const attack1 = guesses([0, 1, 2, 3].map(notCode)).slice(0, 3);
    for (const g of attack1) await type('visitor-attack-1', '198.51.100.2', g);
    const attack2 = guesses([10, 11, 12, 13].map(notCode)).slice(0, 2);
    const lastMiss = await (async () => {
      let r = null;
      for (const g of attack2) r = await type('visitor-attack-2', '198.51.100.3', g);
      return r;
    })();
    expect(lastMiss?.replies.at(-1)?.text).toMatch(/No pudimos confirmar/);
    // The owner's right code arrives after the lock: refused, nothing linked.
    const late = await type('visitor-owner-1', '198.51.100.1', ownerCode);
    expect(late.state.value).toBe('triage.idle');
    expect(await host.resolveConversation(T, 'web', 'visitor-owner-1')).not.toBe(wa.conversationId);
    // No new code goes out for a locked handle.
    await ask('visitor-attack-3', '198.51.100.4');
    expect(sent).toHaveLength(3);
    const types = audit.map((e) => e.type);
    expect(types.filter((t) => t === 'identity.code_sent')).toHaveLength(3);
    expect(types.filter((t) => t === 'identity.code_failed')).toHaveLength(5);
    expect(types).toContain('identity.locked');
    expect(audit.find((e) => e.type === 'identity.code_refused')?.payload).toMatchObject({ reason: 'handle_locked' });
    // Audit payloads carry ids and opaque keys, never the phone number or the IP.
    expect(JSON.stringify(audit)).not.toMatch(/5550112|198\.51\.100/);
  });

  it('should lock a client IP after 10 wrong codes across handles and conversations', async () => {
    const { host, sent } = createHost();
    const ip = '192.0.2.77';
    let failures = 0;
    for (let h = 0; h < 5; h++) {
      const phone = `80955503${String(h).padStart(2, '0')}`;
      await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: `1${phone}`, text: 'hola' });
      const visitor = `visitor-ip-${h}`;
      const before = sent.length;
      const offered = await host.handleMessage({ tenantId: T, channel: 'web', senderId: visitor, text: `mi número es ${phone}`, clientIp: ip });
      if (offered.state.value !== 'identifying') break;
      const code = codeIn(sent[before]!.text);
      for (let g = 0; g < 3; g++) {
        const guess = String((Number(code) + 1 + g) % 1_000_000).padStart(6, '0');
        const r = await host.handleMessage({ tenantId: T, channel: 'web', senderId: visitor, text: guess, clientIp: ip });
        failures++;
        if (r.state.value !== 'identifying') break;
      }
    }
    expect(failures).toBe(10);
    expect(sent).toHaveLength(4);
    // Another handle from the same IP: no code. From another IP: a code.
    await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550399', text: 'hola' });
    const same = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-ip-x', text: 'mi número es 809-555-0399', clientIp: ip });
    expect(same.state.value).toBe('triage.idle');
    const other = await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-ip-y', text: 'mi número es 809-555-0399', clientIp: '192.0.2.78' });
    expect(other.state.value).toBe('identifying');
  });

  it('should keep the limits across hosts that share the counters (a restart)', async () => {
    const counters = createMemoryAccessCounters({ clock: createManualClock() });
    const first = createHost({ counters });
    await first.host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550113', text: 'hola' });
    for (let i = 0; i < 3; i++) await first.host.handleMessage({ tenantId: T, channel: 'web', senderId: `visitor-restart-${i}`, text: 'mi número es 809-555-0113' });
    expect(first.sent).toHaveLength(3);
    const second = createHost({ counters });
    await second.host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550113', text: 'hola' });
    const out = await second.host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-restart-9', text: 'mi número es 809-555-0113' });
    expect(out.state.value).toBe('triage.idle');
    expect(second.sent).toHaveLength(0);
  });

  it('should record the link in the audit trail', async () => {
    const { host, sent, audit } = createHost();
    const wa = await host.handleMessage({ tenantId: T, channel: 'whatsapp', senderId: '18095550114', text: 'hola' });
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-audit-1', text: 'mi número es 809-555-0114', clientIp: '192.0.2.9' });
    await host.handleMessage({ tenantId: T, channel: 'web', senderId: 'visitor-audit-1', text: codeIn(sent[0]!.text), clientIp: '192.0.2.9' });
    await new Promise((r) => setImmediate(r));
    expect(audit.find((e) => e.type === 'identity.linked')).toMatchObject({ tenantId: T, payload: { targetConversationId: wa.conversationId, channel: 'web' } });
  });
});
