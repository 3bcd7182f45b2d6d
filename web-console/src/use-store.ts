import { useEffect, useState } from 'preact/hooks';
import type { ConsoleContext, ConsoleStore } from './store.js';

/** The store's context, re-rendering on every change (the console is small enough for that). */
export function useConsoleState(store: ConsoleStore): ConsoleContext {
  const [context, setContext] = useState(() => store.getSnapshot().context);
  useEffect(() => {
    const sub = store.subscribe((snapshot) => setContext(snapshot.context));
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
