import { describe, expect, it } from 'vitest';
import type { WireMessage } from '../../../src/channels/widget/protocol.js';
import {
  applyAck,
  applyFailure,
  applyRetry,
  highestSeq,
  localMessage,
  mergeMessages,
  pendingMessages,
  type UiMessage,
} from '../../../web-widget/src/messages.js';

function wire(seq: number, author: WireMessage['author'], text: string): WireMessage {
  return { seq, id: `id-${seq}`, author, text, at: '2026-11-02T10:00:00.000Z' };
}

const summary = (list: UiMessage[]): string[] => list.map((m) => `${m.seq ?? '-'}:${m.author}:${m.text}:${m.status}`);

describe('mergeMessages', () => {
  it('should append history in seq order and skip every seq already shown', () => {
    const first = mergeMessages([], [wire(1, 'bot', 'Hola'), wire(2, 'customer', 'cemento'), wire(3, 'bot', 'RD$ 450')]);
    const again = mergeMessages(first, [wire(2, 'customer', 'cemento'), wire(3, 'bot', 'RD$ 450'), wire(4, 'bot', 'algo más?')]);
    expect(summary(again)).toEqual(['1:bot:Hola:sent', '2:customer:cemento:sent', '3:bot:RD$ 450:sent', '4:bot:algo más?:sent']);
  });

  it('should put a late older message before newer ones', () => {
    const list = mergeMessages([], [wire(1, 'bot', 'a'), wire(3, 'bot', 'c')]);
    expect(summary(mergeMessages(list, [wire(2, 'agent', 'b')])).map((s) => s.split(':')[0])).toEqual(['1', '2', '3']);
  });

  it('should ignore duplicates inside one batch', () => {
    expect(mergeMessages([], [wire(1, 'bot', 'a'), wire(1, 'bot', 'a')])).toHaveLength(1);
  });

  it('should adopt the recorded seq for a pending local message with the same text instead of duplicating it', () => {
    const list = [...mergeMessages([], [wire(1, 'bot', 'Hola')]), localMessage('c1', '¿Tienen cemento gris?')];
    const merged = mergeMessages(list, [wire(2, 'customer', ' ¿Tienen cemento gris? ')]);
    expect(merged).toHaveLength(2);
    expect(merged[1]).toMatchObject({ key: 'c:c1', seq: 2, status: 'sent', clientMessageId: 'c1' });
  });

  it('should keep a failed local message separate from a recorded one with the same text', () => {
    const failed = applyFailure([localMessage('c1', 'hola')], 'c1', 'rate limited');
    expect(mergeMessages(failed, [wire(5, 'customer', 'hola')])).toHaveLength(2);
  });

  it('should keep agent names', () => {
    const [m] = mergeMessages([], [{ ...wire(1, 'agent', 'Soy Ana'), agentName: 'Ana' }]);
    expect(m).toMatchObject({ author: 'agent', agentName: 'Ana' });
  });
});

describe('applyAck', () => {
  it('should mark the local message sent with its seq', () => {
    const list = applyAck([localMessage('c1', 'hola')], 'c1', 7);
    expect(list).toEqual([{ key: 'c:c1', seq: 7, author: 'customer', text: 'hola', status: 'sent', clientMessageId: 'c1' }]);
    expect(highestSeq(list)).toBe(7);
  });

  it('should show the text the server recorded when the ack carries one (a card number masked)', () => {
    const list = applyAck([localMessage('c1', 'mi visa 4111 1111 1111 1111')], 'c1', 4, 'mi visa **** **** **** 1111');
    expect(summary(list)).toEqual(['4:customer:mi visa **** **** **** 1111:sent']);
  });

  it('should drop a copy of the same seq that arrived before the ack', () => {
    // The echo's text differs (server-side normalisation), so it was not adopted on arrival.
    const list = mergeMessages([localMessage('c1', 'hola  amigo')], [wire(3, 'customer', 'hola amigo')]);
    expect(list).toHaveLength(2);
    const acked = applyAck(list, 'c1', 3);
    expect(summary(acked)).toEqual(['3:customer:hola  amigo:sent']);
  });

  it('should ignore an ack for an unknown client id', () => {
    const list = mergeMessages([], [wire(1, 'bot', 'a')]);
    expect(applyAck(list, 'nope', 9)).toEqual(list);
  });
});

describe('failure and retry', () => {
  it('should mark a failed message, then requeue it under the same client id (the server de-duplicates on it)', () => {
    const failed = applyFailure([localMessage('c1', 'hola'), localMessage('c2', 'otro')], 'c1', 'Demasiados mensajes', 'HILO_ERR_RATE_LIMITED');
    expect(failed[0]).toMatchObject({ status: 'error', error: 'Demasiados mensajes', errorCode: 'HILO_ERR_RATE_LIMITED' });
    expect(pendingMessages(failed)).toEqual([{ clientMessageId: 'c2', text: 'otro' }]);
    const retried = applyRetry(failed, 'c1');
    expect(retried[0]).toEqual({ key: 'c:c1', seq: null, author: 'customer', text: 'hola', status: 'pending', clientMessageId: 'c1' });
    expect(pendingMessages(retried)).toEqual([{ clientMessageId: 'c1', text: 'hola' }, { clientMessageId: 'c2', text: 'otro' }]);
  });
});

describe('pendingMessages and highestSeq', () => {
  it('should list unacked messages oldest first and report 0 for an empty list', () => {
    const list = [localMessage('a', 'uno'), ...mergeMessages([], [wire(4, 'bot', 'x')]), localMessage('b', 'dos')];
    expect(pendingMessages(list).map((p) => p.clientMessageId)).toEqual(['a', 'b']);
    expect(highestSeq([])).toBe(0);
    expect(highestSeq(list)).toBe(4);
  });
});

describe('ordering of unrecorded messages', () => {
  it('should show recorded messages before the customer messages still waiting for a seq', () => {
    const list = mergeMessages([localMessage('c1', 'offline msg')], [wire(1, 'bot', 'Hola'), wire(2, 'agent', 'Soy Ana')]);
    expect(summary(list)).toEqual(['1:bot:Hola:sent', '2:agent:Soy Ana:sent', '-:customer:offline msg:pending']);
  });

  it('should append new messages after a system notice', () => {
    const notice: UiMessage = { key: 'n:1', seq: null, author: 'system', text: 'error', status: 'sent' };
    const list = mergeMessages([...mergeMessages([], [wire(1, 'bot', 'a')]), notice], [wire(2, 'bot', 'b')]);
    expect(list.map((m) => m.key)).toEqual(['m:id-1', 'n:1', 'm:id-2']);
  });
});
