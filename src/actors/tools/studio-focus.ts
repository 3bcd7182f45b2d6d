import { SERVICE_FOCUS_TURNS } from '../../machines/workflow/side-questions.js';

/** The part of a machine context the service in focus is read from (structural: the machine stays private). */
interface FocusContextView {
  turn?: number;
  serviceFocus?: { value: string; turn: number; also?: string[] } | null;
  packageFocus?: { value: string; turn: number } | null;
  refusedRun?: { workflow: string; turn: number } | null;
  workflow?: { values?: Record<string, string>; narrowed?: Record<string, string[]>; later?: Record<string, string[]>; spec?: { slots?: { name: string; kind: string }[] } } | null;
}

/**
 * The services a question with none named is about: the one chosen in the booking in progress (and
 * the others named for the same visit), or
 * the few its service question was narrowed to ("algo pa la cara"), else the one priced a turn or
 * few before ("¿y cuánto dura?" after "¿cuánto cuesta un tinte?").
 */
export function servicesInFocus(context: Record<string, unknown> | null | undefined): string[] | undefined {
  const ctx = (context ?? {}) as FocusContextView;
  const slot = ctx.workflow?.spec?.slots?.find((s) => s.kind === 'service');
  const chosen = slot ? ctx.workflow?.values?.[slot.name] : undefined;
  // With the others named for the same visit ("un corte y un manicure"): "¿cuánto cuestan?" prices them all.
  if (chosen) return [chosen, ...(ctx.workflow?.later?.[slot!.name] ?? [])];
  const few = slot ? ctx.workflow?.narrowed?.[slot.name] : undefined;
  if (few && few.length > 0) return few;
  const focus = ctx.serviceFocus;
  // The ones priced together for one visit stay together.
  return focus && (ctx.turn ?? 0) - focus.turn <= SERVICE_FOCUS_TURNS ? [focus.value, ...(focus.also ?? [])] : undefined;
}

/** The package told of a turn or few before ("¿y cuánto cuesta?" after "info del paquete de novia"). */
export function packageInFocus(context: Record<string, unknown> | null | undefined): string | undefined {
  const ctx = (context ?? {}) as FocusContextView;
  const focus = ctx.packageFocus;
  return focus && !ctx.workflow && (ctx.turn ?? 0) - focus.turn <= SERVICE_FOCUS_TURNS ? focus.value : undefined;
}

/** The workflow whose action was refused on the turn before (a cancellation too late), if any. */
export function refusedJustBefore(context: Record<string, unknown> | null | undefined): string | undefined {
  const ctx = (context ?? {}) as FocusContextView;
  return ctx.refusedRun && (ctx.turn ?? 0) - ctx.refusedRun.turn === 1 ? ctx.refusedRun.workflow : undefined;
}

/** The services in focus were priced together for one visit ("¿cuánto sale el manicure y el pedicure juntos?"), no booking in progress. */
export function visitInFocus(context: Record<string, unknown> | null | undefined): boolean {
  const ctx = (context ?? {}) as FocusContextView;
  return !ctx.workflow && (servicesInFocus(context)?.length ?? 0) > 1 && (ctx.serviceFocus?.also?.length ?? 0) > 0;
}

