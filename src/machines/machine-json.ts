import type { AnyStateNode } from 'xstate';
import { AWAITING_INPUT } from './conversation.contract.js';
import { conversationMachine } from './conversation.machine.js';
import { localOf, type WorkflowSpec, type WorkflowSet } from './workflow/workflow-spec.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

interface TransitionLike {
  target?: readonly AnyStateNode[] | undefined;
  guard?: unknown;
  actions: readonly unknown[];
  reenter?: boolean;
}

/** Named actions/guards as `"name"` or `{ type, params }`; inline functions as `"inline"`. */
function implRef(value: unknown): Json {
  if (typeof value === 'string') return value;
  if (typeof value === 'function') return value.name && !value.name.startsWith('xstate.') ? value.name : 'inline';
  if (value && typeof value === 'object' && 'type' in value) {
    const { type, params } = value as { type: unknown; params?: unknown };
    const out: JsonObject = { type: typeof type === 'string' ? type : 'inline' };
    if (params !== undefined && typeof params !== 'function') out.params = JSON.parse(JSON.stringify(params)) as Json;
    return out;
  }
  return 'inline';
}

function transitionJson(t: TransitionLike): JsonObject {
  const out: JsonObject = {};
  if (t.target && t.target.length > 0) {
    const targets = t.target.map((n) => `#${n.id}`);
    out.target = targets.length === 1 ? targets[0]! : targets;
  }
  if (t.guard !== undefined) out.guard = implRef(t.guard);
  if (t.actions.length > 0) out.actions = t.actions.map(implRef);
  if (t.reenter) out.reenter = true;
  return out;
}

function stateJson(node: AnyStateNode): JsonObject {
  const out: JsonObject = { id: node.id };
  if (node.description) out.description = node.description;
  if (node.type !== 'atomic' && node.type !== 'compound') out.type = node.type;
  if (node.tags.length > 0) out.tags = [...node.tags];
  if (node.entry.length > 0) out.entry = node.entry.map(implRef);
  if (node.exit.length > 0) out.exit = node.exit.map(implRef);

  const invokeEvents = new Set<string>();
  if (node.invoke.length > 0) {
    out.invoke = node.invoke.map((inv) => {
      const done = `xstate.done.actor.${inv.id}`;
      const error = `xstate.error.actor.${inv.id}`;
      invokeEvents.add(done).add(error);
      const entry: JsonObject = { id: inv.id, src: typeof inv.src === 'string' ? inv.src : 'inline' };
      const onDone = node.on[done] as TransitionLike[] | undefined;
      const onError = node.on[error] as TransitionLike[] | undefined;
      if (onDone?.length) entry.onDone = onDone.map(transitionJson);
      if (onError?.length) entry.onError = onError.map(transitionJson);
      return entry;
    });
  }

  const on: JsonObject = {};
  for (const [eventType, transitions] of Object.entries(node.on as Record<string, TransitionLike[]>)) {
    if (invokeEvents.has(eventType)) continue;
    on[eventType] = transitions.map(transitionJson);
  }
  if (Object.keys(on).length > 0) out.on = on;
  const always = (node.always ?? []) as TransitionLike[];
  if (always.length > 0) out.always = always.map(transitionJson);

  const children = Object.values(node.states) as AnyStateNode[];
  if (children.length > 0) {
    const initial = node.initial?.target?.[0];
    if (initial) out.initial = initial.key;
    out.states = Object.fromEntries(children.map((child) => [child.key, stateJson(child)]));
  }
  return out;
}

/**
 * The conversation machine as plain JSON in the shape of a machine config (`id`, `initial`,
 * `states`, `on`, `always`, `invoke` with `onDone`/`onError`, `tags`, named guards and actions):
 * paste it into `createMachine(...)` in the Stately editor, or import it there, to see the graph.
 * `toJSON()`/`.definition` of xstate 5 omit eventless (`always`) transitions, which carry the
 * whole routing here, so the tree is walked directly.
 */
export function exportMachineJson(options: { workflows?: WorkflowSet | null } = {}): object {
  const root = conversationMachine.root as unknown as AnyStateNode;
  const json = stateJson(root);
  const workflows = options.workflows?.workflows ?? [];
  if (workflows.length > 0) {
    const states = json.states as JsonObject;
    const node = states.workflow as JsonObject;
    states.workflow = { ...node, states: { ...(node.states as JsonObject), ...Object.fromEntries(workflows.map((w) => [w.id, workflowView(w)])) } };
  }
  return { ...json, context: {} };
}

/**
 * One tenant workflow drawn as the form the generic states run for it: a state per slot (asked,
 * checked against its option list), the confirmation and the action. The machine itself runs them
 * through `workflow.stepping`/`waiting`/`acting`; this view is for reading a tenant's flows in the
 * Stately editor (`hilo export-machine --tenant estudio`).
 */
function workflowView(w: WorkflowSpec): JsonObject {
  const base = `workflow.${w.id}`;
  const shown = (t: WorkflowSpec['success']) => ('template' in t ? `template ${t.template}` : localOf(t).en);
  const read = (slot: WorkflowSpec['slots'][number]) => [slot.entity ? `read by the brain as ${slot.entity}` : '', slot.choices ? `choices: ${slot.choices.join(', ')}` : '', slot.required ? 'required' : '', slot.ask ? '' : 'only when volunteered'].filter(Boolean).join('; ');
  const steps: [string, JsonObject][] = w.slots.map((slot) => [
    slot.name,
    {
      id: `${base}.${slot.name}`,
      description: `${slot.kind}: ${shown(slot.prompt)}${slot.options ? ` (options: ${slot.options.operation.method} ${slot.options.operation.path})` : ''}${read(slot) ? ` (${read(slot)})` : ''}`,
      tags: [AWAITING_INPUT],
    },
  ]);
  if (w.confirm) steps.push(['confirm', { id: `${base}.confirm`, description: shown(w.confirm), tags: [AWAITING_INPUT] }]);
  const onError: JsonObject[] = [{ target: w.onFailure ? '#handoff' : '#continuing', ...(w.onFailure ? { actions: [{ type: 'setHandoffReason', params: { reason: w.onFailure.handoff } }] } : {}) }];
  const action: JsonObject =
    'port' in w.action
      ? { id: `${base}.action`, description: `runtime port ${w.action.port}`, invoke: [{ id: `${w.id}.action`, src: 'pushLead', onDone: [{ target: '#idle' }], onError }] }
      : { id: `${base}.action`, description: `${w.action.method} ${w.action.path}`, invoke: [{ id: `${w.id}.action`, src: 'callBackend', onDone: [{ target: '#continuing' }], onError }] };
  steps.push(['action', action]);
  steps.forEach(([, state], i) => {
    const next = steps[i + 1];
    if (next) state.on = { 'user.message': [{ target: `#${next[1].id as string}` }] };
  });
  return {
    id: base,
    description: `${w.description ?? w.id} — started by ${w.triggers.join(', ')}${w.reading === 'brain' ? ' — read by the brain, run by workflow.form' : ''}`,
    initial: steps[0]![0],
    states: Object.fromEntries(steps),
  };
}
