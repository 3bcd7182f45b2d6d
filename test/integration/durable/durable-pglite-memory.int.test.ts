import { runDurableRuntimeSuite } from './durable-runtime.suite.js';

runDurableRuntimeSuite('pglite+memory');
