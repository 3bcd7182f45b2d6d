import { runHostileTextSuite } from './hostile-text.suite.js';

runHostileTextSuite('postgres+redis');
