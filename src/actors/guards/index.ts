export { detectInjection, normaliseForDetection, INJECTION_THRESHOLD, SUSPICIOUS_THRESHOLD } from './injection-detector.js';
export type { InjectionCategory, InjectionReport, InjectionVerdict } from './injection-detector.js';
export { createCanary, guardOutput, SAFE_REPLY } from './output-guard.js';
export type { OtherCustomersData, OutputChannel, OutputGuardOptions, OutputGuardResult, OutputViolationKind } from './output-guard.js';
export { checkFacts, endsWithQuestion, extractFacts } from './fact-guard.js';
export type { Fact, FactCheckResult, FactKind } from './fact-guard.js';
