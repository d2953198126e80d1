// Domain code reads time only from the clock it is given.
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** A clock that starts at `start` and then advances with `elapsed` (real time in the entry point). */
export function startingClock(start: number, elapsed: () => number): Clock {
  const base = elapsed();
  return { now: () => start + (elapsed() - base) };
}

/** A clock tests set and move by hand. */
export function manualClock(start: number) {
  let current = start;
  return {
    now: () => current,
    set: (instant: number) => {
      current = instant;
    },
    advance: (ms: number) => {
      current += ms;
    },
  };
}
