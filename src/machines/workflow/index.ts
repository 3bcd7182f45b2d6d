export { checkWorkflowSet, workflowForIntent, SLOT_KINDS, WorkflowSet, WorkflowSpec } from './workflow-spec.js';
export type { LocalText, OptionSource, SlotKind, WorkflowOperation, WorkflowSetCheck, WorkflowSlot } from './workflow-spec.js';
export { answer, applyCheck, builtInText, givesValue, applyOptions, askConfirmation, askSlot, nextStep, resolveOperation, resultText, retryAfterRefusal, startRun, takeValues } from './workflow-runner.js';
export type { OptionItem, ResolvedOperation, RunContext, WorkflowReply, WorkflowRun, WorkflowStep } from './workflow-runner.js';
export { extractDate, extractEmail, extractPersonName, extractPhone, extractTime, matchOption } from './slot-extractors.js';
