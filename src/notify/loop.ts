// The Node server's dispatcher: a timer that sends what is due, one run at a time. (On Workers
// a cron trigger calls dispatchDue instead.)
import type { Deps } from "../deps.js";
import { describe } from "./errors.js";
import { sweepOffers } from "../domain/offers-sweep.js";
import { DISPATCH_DEFAULTS, dispatchDue, type DispatchOptions } from "./dispatcher.js";

export interface DispatcherHandle {
  /** Stops the timer and waits for a run in progress, so no send is cut off mid-way. */
  stop(): Promise<void>;
}

/** Full batches are followed at once by another, up to this many per tick. */
const MAX_BATCHES_PER_TICK = 10;

export function startDispatcher(deps: Deps, options: DispatchOptions & { intervalMs: number }): DispatcherHandle {
  const { intervalMs, ...dispatch } = options;
  const limit = dispatch.limit ?? DISPATCH_DEFAULTS.limit;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = async () => {
    // Offers first, so a freed time's messages go out in this same run; a failure there
    // must not hold back the messages already due.
    await sweepOffers(deps).catch((error: unknown) => deps.logger.error("offer sweep failed", { error: describe(error) }));
    try {
      for (let i = 0; i < MAX_BATCHES_PER_TICK && !stopped; i++) {
        if ((await dispatchDue(deps, dispatch)).leased < limit) break;
      }
    } catch (error) {
      deps.logger.error("dispatcher run failed", { error: describe(error) });
    }
  };
  let busy = false;
  let again = false;
  const schedule = (delay = intervalMs) => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      busy = true;
      running = run().finally(() => {
        busy = false;
        // Time freed during the run: sweep again at once rather than a whole interval later.
        schedule(again ? 0 : intervalMs);
        again = false;
      });
    }, delay);
  };
  // A cancellation or a move frees time: offer it now (the first offer within milliseconds, not
  // up to an interval later). Wake-ups during a run are folded into one run after it.
  const wake = () => {
    if (busy) again = true;
    else schedule(0);
  };
  deps.state.timeFreed.add(wake);
  schedule();

  return {
    stop: async () => {
      stopped = true;
      deps.state.timeFreed.delete(wake);
      clearTimeout(timer);
      await running;
    },
  };
}
