// The workflows' spec and its check are plain tenant data, so they live in the domain (the tenant
// loader and the tenant type read them); the machine's runner keeps importing them from here.
export * from '../../domain/workflow-spec.js';
