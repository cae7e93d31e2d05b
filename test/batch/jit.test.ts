import { describe, expect, it } from 'vitest';
import { BATCH_V8_FLAGS, batchFlagsToSet } from '../../src/batch/jit.js';

describe('batch V8 flags', () => {
  it('sets every batch flag when the command line gives none of them', () => {
    expect(batchFlagsToSet([])).toEqual([...BATCH_V8_FLAGS]);
    expect(batchFlagsToSet(['--expose-gc', '--max-old-space-size=512'])).toEqual([...BATCH_V8_FLAGS]);
  });

  it('leaves a flag given on the command line, in any spelling', () => {
    expect(batchFlagsToSet(['--interrupt-budget=1000'])).toEqual(['--no-concurrent-recompilation']);
    expect(batchFlagsToSet(['--interrupt_budget=1000', '--concurrent-recompilation'])).toEqual([]);
    expect(batchFlagsToSet(['--no-concurrent_recompilation'])).toEqual([BATCH_V8_FLAGS[0]]);
  });
});
