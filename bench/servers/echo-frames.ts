import type { AckFrame, MessageFrame, ServerFrame, WelcomeFrame } from '../../src/channels/widget/protocol.js';

/**
 * What the echo servers answer: Hilo's widget frames with no work behind them. `hello` gets a
 * `welcome`; a `message` gets the bot's `message` frame (the text echoed) and then the `ack` —
 * the same two frames, in the same order and shape, that end a turn on Hilo's widget socket.
 */
export function createEchoSession(): (raw: string) => string[] {
  let seq = 0;
  let conversationId = '';
  return (raw) => {
    let frame: Record<string, unknown>;
    try {
      frame = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return [JSON.stringify({ type: 'error', code: 'HILO_ERR_WS_INVALID_FRAME', message: 'not JSON' } satisfies ServerFrame)];
    }
    if (frame.type === 'hello') {
      conversationId = `echo-${String(frame.visitorId)}`;
      return [JSON.stringify({ type: 'welcome', v: 1, conversationId, history: [], lang: 'es' } satisfies WelcomeFrame)];
    }
    if (frame.type === 'message') {
      const clientMessageId = String(frame.clientMessageId);
      const inbound = ++seq;
      const reply: MessageFrame = {
        type: 'message',
        message: { seq: ++seq, id: `out-${seq}`, author: 'bot', text: String(frame.text), at: new Date().toISOString() },
      };
      const ack: AckFrame = { type: 'ack', clientMessageId, seq: inbound };
      return [JSON.stringify(reply), JSON.stringify(ack)];
    }
    if (frame.type === 'ping') return [JSON.stringify({ type: 'pong' } satisfies ServerFrame)];
    return [];
  };
}
