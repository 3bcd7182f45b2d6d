import { describe, expect, it } from 'vitest';
import { applyDelta, draftRows, settleDrafts } from '../../../web-widget/src/drafts.js';
import { createWidgetStore } from '../../../web-widget/src/store.js';

const at = '2026-11-22T10:00:00Z';

describe('streamed reply drafts', () => {
  it('should grow a draft bubble from deltas and hide the typing indicator', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.typingChanged({ on: true });
    store.trigger.deltaReceived({ replyId: 'out:1', text: '¡Claro' });
    store.trigger.deltaReceived({ replyId: 'out:1', text: ' que sí!' });
    const { drafts, typing } = store.getSnapshot().context;
    expect(drafts).toEqual([{ replyId: 'out:1', text: '¡Claro que sí!' }]);
    expect(typing).toBe(false);
    expect(draftRows(drafts)).toEqual([{ key: 'd:out:1', seq: null, author: 'bot', text: '¡Claro que sí!', status: 'sent' }]);
  });

  it('should replace the draft with the recorded message, even when its text differs', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.deltaReceived({ replyId: 'out:1', text: 'Está a RD$1.00' });
    store.trigger.received({ message: { seq: 2, id: 'out:1', author: 'bot', text: 'Cemento gris: *RD$655.00*', at } });
    const { drafts, messages } = store.getSnapshot().context;
    expect(drafts).toEqual([]);
    expect(messages.map((m) => m.text)).toEqual(['Cemento gris: *RD$655.00*']);
  });

  it('should keep a draft whose own message has not arrived yet', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.deltaReceived({ replyId: 'out:2', text: 'hola' });
    store.trigger.received({ message: { seq: 1, id: 'in:1', author: 'customer', text: 'hola', at } });
    expect(store.getSnapshot().context.drafts).toEqual([{ replyId: 'out:2', text: 'hola' }]);
  });

  it('should drop drafts when the connection drops or a welcome brings the history', () => {
    const store = createWidgetStore({ open: true });
    store.trigger.deltaReceived({ replyId: 'out:1', text: 'a medias' });
    store.trigger.connectionChanged({ status: 'offline' });
    expect(store.getSnapshot().context.drafts).toEqual([]);
    store.trigger.deltaReceived({ replyId: 'out:2', text: 'otra' });
    store.trigger.welcomed({ history: [] });
    expect(store.getSnapshot().context.drafts).toEqual([]);
  });

  it('should start a draft again on reset and not show empty drafts', () => {
    const drafts = applyDelta(applyDelta([], { replyId: 'r', text: 'primer intento' }), { replyId: 'r', text: '', reset: true });
    expect(drafts).toEqual([{ replyId: 'r', text: '' }]);
    expect(draftRows(drafts)).toEqual([]);
    expect(applyDelta(drafts, { replyId: 'r', text: 'Hola' })).toEqual([{ replyId: 'r', text: 'Hola' }]);
    expect(settleDrafts([{ replyId: 'r', text: 'x' }, { replyId: 's', text: 'y' }], ['r'])).toEqual([{ replyId: 's', text: 'y' }]);
  });
});
