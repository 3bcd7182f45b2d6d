import { runDurableRuntimeSuite } from './durable-runtime.suite.js';

runDurableRuntimeSuite('postgres+redis');
