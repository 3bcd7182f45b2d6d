import { createStore } from '@xstate/store';
import type { WireLang, WireMessage } from '../../src/channels/widget/protocol.js';
import type { Intro } from './intro.js';
import {
  applyAck,
  applyFailure,
  applyRetry,
  localMessage,
  markReceived,
  mergeMessages,
  pendingMessages,
  type UiMessage,
} from './messages.js';
import { applyDelta, settleDrafts, type Draft } from './drafts.js';

/** `idle`: never connected (the panel was not opened yet). */
export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'offline';

export interface WidgetContext {
  messages: UiMessage[];
  connection: ConnectionStatus;
  /** The bot or an agent is writing. */
  typing: boolean;
  open: boolean;
  /** Messages typed but not yet acknowledged, oldest first (sent again after each `welcome`). */
  pending: Array<{ clientMessageId: string; text: string }>;
  /** The thread the history belongs to (from the last `welcome`); null before the first. */
  conversationId: string | null;
  /** Bot replies being streamed (`delta` frames), shown after the messages until recorded. */
  drafts: Draft[];
  /** The tenant's greeting and suggestion chips; null until known (the widget's own greeting then). */
  intro: Intro | null;
  /** The conversation's language according to the last `welcome`; null before the first. */
  welcomeLang: WireLang | null;
}

function withMessages(context: WidgetContext, messages: UiMessage[]): WidgetContext {
  return { ...context, messages, pending: pendingMessages(messages) };
}

/**
 * The widget's UI state as an `@xstate/store`: every change is a named event with a pure
 * transition, so the view only renders snapshots and the connection only triggers events.
 */
export function createWidgetStore(initial: { open: boolean; intro?: Intro | null }) {
  return createStore({
    context: {
      messages: [],
      connection: 'idle',
      typing: false,
      open: initial.open,
      pending: [],
      conversationId: null,
      drafts: [],
      intro: initial.intro ?? null,
      welcomeLang: null,
    } as WidgetContext,
    on: {
      opened: (context): WidgetContext => ({ ...context, open: true }),
      closed: (context): WidgetContext => ({ ...context, open: false }),
      connectionChanged: (context, event: { status: ConnectionStatus }): WidgetContext => ({
        ...context,
        connection: event.status,
        // Whether a new connection's server got the pending messages is not known: "sending…" again.
        messages: event.status === 'online' ? context.messages : markReceived(context.messages, false),
        // A typing indicator cannot outlive the connection that announced it.
        typing: event.status === 'online' ? context.typing : false,
        // Nor can a streamed draft: the recorded reply comes with the next welcome's history.
        drafts: event.status === 'online' ? context.drafts : [],
      }),
      welcomed: (context, event: { history: WireMessage[]; conversationId?: string; lang?: WireLang; intro?: Intro | null }): WidgetContext => {
        // A welcome for another thread (the visitor was linked to their older conversation on
        // another channel) replaces the history: seqs of two threads must not be merged. Only
        // messages not yet recorded stay, to be sent again.
        const moved = event.conversationId !== undefined && context.conversationId !== null && event.conversationId !== context.conversationId;
        const base = moved ? context.messages.filter((m) => m.seq === null) : context.messages;
        return {
          ...withMessages(context, mergeMessages(base, event.history)),
          connection: 'online',
          conversationId: event.conversationId ?? context.conversationId,
          drafts: [],
          intro: event.intro !== undefined ? event.intro : context.intro,
          welcomeLang: event.lang ?? context.welcomeLang,
        };
      },
      received: (context, event: { message: WireMessage }): WidgetContext => ({
        ...withMessages(context, mergeMessages(context.messages, [event.message])),
        typing: event.message.author === 'customer' ? context.typing : false,
        drafts: settleDrafts(context.drafts, [event.message.id]),
      }),
      deltaReceived: (context, event: { replyId: string; text: string; reset?: boolean }): WidgetContext => ({
        ...context,
        messages: markReceived(context.messages, true),
        drafts: applyDelta(context.drafts, event),
        typing: false,
      }),
      typingChanged: (context, event: { on: boolean }): WidgetContext => ({
        ...context,
        typing: event.on,
        messages: event.on ? markReceived(context.messages, true) : context.messages,
      }),
      queued: (context, event: { clientMessageId: string; text: string }): WidgetContext =>
        withMessages(context, [...context.messages, localMessage(event.clientMessageId, event.text)]),
      acked: (context, event: { clientMessageId: string; seq: number; text?: string }): WidgetContext =>
        withMessages(context, applyAck(context.messages, event.clientMessageId, event.seq, event.text)),
      failed: (context, event: { clientMessageId?: string; message: string; noticeKey: string; code?: string }): WidgetContext => {
        const { clientMessageId } = event;
        if (clientMessageId && context.messages.some((m) => m.clientMessageId === clientMessageId)) {
          return { ...withMessages(context, applyFailure(context.messages, clientMessageId, event.message, event.code)), typing: false };
        }
        const notice: UiMessage = { key: event.noticeKey, seq: null, author: 'system', text: event.message, status: 'sent', ...(event.code ? { errorCode: event.code } : {}) };
        return { ...withMessages(context, [...context.messages, notice]), typing: false };
      },
      retried: (context, event: { clientMessageId: string }): WidgetContext => withMessages(context, applyRetry(context.messages, event.clientMessageId)),
    },
  });
}

export type WidgetStore = ReturnType<typeof createWidgetStore>;
