import { runHostileTextSuite } from './hostile-text.suite.js';

runHostileTextSuite('pglite+memory');
