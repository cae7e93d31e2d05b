/**
 * JIT tuning of a process that renders a batch in worker threads.
 *
 * Each worker is its own V8 isolate and optimises the whole renderer again with TurboFan, on
 * V8's helper threads. On the bench's 1,000-partner batch (two cores), `perf` put TurboFan at
 * about 18 % of the process's CPU: V8's default budget optimises any function that runs a little,
 * then often again after a deoptimisation, and both workers do it. A larger interrupt budget
 * (how much bytecode a function runs before V8 considers optimising it) leaves the lukewarm
 * functions to the baseline tiers and optimises the hot ones with better feedback. Measured,
 * interleaved (docs/bench.md): about 7 % less CPU per batch.
 *
 * V8 flags are per process (a worker cannot have its own), hence a process-wide setting, made
 * once, only when a batch starts workers, and never against a budget given on the command line.
 */
import { setFlagsFromString } from 'node:v8';

/** The interrupt budget of a batch process, in bytecode bytes (V8 11's default: 67,584). */
export const BATCH_INTERRUPT_BUDGET = 1_056_000;

let tuned = false;

/** Sets {@link BATCH_INTERRUPT_BUDGET} for the process, once. Output bytes do not depend on it. */
export function tuneJitForBatch(execArgv: readonly string[] = process.execArgv): void {
  if (tuned) return;
  tuned = true;
  if (execArgv.some((a) => a.startsWith('--interrupt-budget'))) return;
  setFlagsFromString(`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`);
}
