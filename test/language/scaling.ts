/**
 * Whether work grows in proportion to its input: the CPU time of a task on an input and on the
 * same input four times as large, each the least of a few runs (a shared, busy machine only ever
 * makes a run slower). Linear work takes four times as long, quadratic work sixteen times; tests
 * bound the ratio in between. Four rather than two: a doubling (2 against 4) was too close for a
 * busy machine, where a garbage collection in the larger runs alone made 7 ms into 24 ms.
 */
const FACTOR = 4;
export interface Growth {
  readonly small: number;
  readonly large: number;
  /** large / small: about 4 when the work is linear, 16 when quadratic. */
  readonly ratio: number;
}

function cpuMilliseconds(task: () => unknown): number {
  const start = process.cpuUsage();
  task();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** `prepare(size)` builds the input outside the measure; `task` is what is measured on it. */
export function growth<Input>(size: number, prepare: (size: number) => Input, task: (input: Input) => unknown, runs = 5): Growth {
  const smallInput = prepare(size);
  const largeInput = prepare(FACTOR * size);
  task(smallInput);
  let small = Number.POSITIVE_INFINITY;
  let large = Number.POSITIVE_INFINITY;
  for (let run = 0; run < runs; run++) {
    small = Math.min(
      small,
      cpuMilliseconds(() => task(smallInput)),
    );
    large = Math.min(
      large,
      cpuMilliseconds(() => task(largeInput)),
    );
  }
  return { small, large, ratio: large / Math.max(small, 0.001) };
}

/** The bound tests use: well above linear (4) for a noisy machine, well below quadratic (16). */
export const LINEAR_RATIO_BOUND = 8;

/**
 * The growth of `task`, measured again (up to three times in all) while its ratio is at the bound:
 * another process on a busy machine, or another test file in the same process, can make a ratio
 * worse but never hides quadratic work, which fails every time.
 */
export function undisturbedGrowth<Input>(size: number, prepare: (size: number) => Input, task: (input: Input) => unknown, runs = 5): Growth {
  let measured = growth(size, prepare, task, runs);
  for (let attempt = 1; attempt < 3 && measured.ratio >= LINEAR_RATIO_BOUND; attempt++) measured = growth(size, prepare, task, runs);
  return measured;
}
