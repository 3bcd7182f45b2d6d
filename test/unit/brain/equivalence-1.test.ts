import { describeGoldenShard } from './equivalence-shard.js';

// One slice of the golden equivalence; why it is split: equivalence-shard.ts.
describeGoldenShard(1);
