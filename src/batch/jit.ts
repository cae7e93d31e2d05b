/**
 * JIT tuning of a process that renders a batch in worker threads.
 *
 * Each worker is its own V8 isolate and optimises the whole renderer again with TurboFan, on
 * V8's helper threads. On the bench's 1,000-partner batch (two cores), `perf` put TurboFan at
 * about 18 % of the process's CPU: V8's default budget optimises any function that runs a little,
 * then often again after a deoptimisation, and both workers do it. Two settings, measured
 * interleaved on that batch (docs/bench.md):
 *
 * - a larger interrupt budget (how much bytecode a function runs before V8 considers optimising
 *   it) leaves the lukewarm functions to the baseline tiers and optimises the hot ones with
 *   better feedback: about 7 % less CPU;
 * - optimising on the worker's own thread instead of a helper thread (no concurrent
 *   recompilation): about 4 % less CPU again (6 + 6 alternated runs). Presumably because every
 *   core is already rendering, so a background compile only competes with the workers, while
 *   the concurrent mode has costs of its own; the measure, not this reading, is what counts.
 *
 * V8 flags are per process (a worker cannot have its own): the settings are made once, when a
 * batch starts workers, before their isolates exist, and never against a flag given on the
 * command line. Output bytes do not depend on them.
 */
import { setFlagsFromString } from 'node:v8';

/** The interrupt budget of a batch process, in bytecode bytes (V8 11's default: 67,584). */
export const BATCH_INTERRUPT_BUDGET = 1_056_000;

/** The V8 flags of a batch process. */
export const BATCH_V8_FLAGS: readonly string[] = [`--interrupt-budget=${BATCH_INTERRUPT_BUDGET}`, '--no-concurrent-recompilation'];

let tuned = false;

/** A V8 flag's name without its « no- » and its value: `--no-foo_bar=1` → `foo-bar`. */
const flagName = (arg: string): string => arg.replace(/^--(no-)?/, '').replace(/=.*$/, '').replace(/_/g, '-');

/** The flags of {@link BATCH_V8_FLAGS} that `execArgv` (the command line) does not set already. */
export function batchFlagsToSet(execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.filter((a) => a.startsWith('--')).map(flagName));
  return BATCH_V8_FLAGS.filter((f) => !given.has(flagName(f)));
}

/** Sets {@link BATCH_V8_FLAGS} for the process, once, except those given on the command line. */
export function tuneJitForBatch(execArgv: readonly string[] = process.execArgv): void {
  if (tuned) return;
  tuned = true;
  for (const flag of batchFlagsToSet(execArgv)) setFlagsFromString(flag);
}
