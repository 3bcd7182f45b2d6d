import { useEffect, useState } from 'preact/hooks';
import type { ConsoleContext, ConsoleStore } from './store.js';

/**
 * The store's context, re-rendering on every change (the console is small enough for that).
 *
 * The subscription starts in an effect, which Preact runs after the first paint; a change made in
 * between (the boot's session check answering 401 before the effect ran, which a loaded machine
 * shows now and then) would be missed and the page would stay on its first state for good. So the
 * effect reads the snapshot again once subscribed.
 */
export function useConsoleState(store: ConsoleStore): ConsoleContext {
  const [context, setContext] = useState(() => store.getSnapshot().context);
  useEffect(() => {
    const sub = store.subscribe((snapshot) => setContext(snapshot.context));
    setContext(store.getSnapshot().context);
    return () => sub.unsubscribe();
  }, [store]);
  return context;
}

/** The current time, ticking every `everyMs` (waiting times in the inbox). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
