// Reads gathered into the next "check" phase of the event loop and run there back to back.
// Measured on the booking path: a small SQLite read made right after a request's JavaScript
// (HTTP parsing, validation) cost twice what the same read costs next to other reads, the
// difference being the CPU's caches warming up for SQLite again; reads made together pay that
// once. On D1 the reads of a turn leave together instead of one after another.
import type { Database } from "./database.js";

/** Runs `run` after the poll phase (Workers have no setImmediate). */
export const nextTurn: (run: () => void) => void = typeof setImmediate === "function" ? (run) => void setImmediate(run) : (run) => void setTimeout(run, 0);

// Per Database: a read belongs to the connection it is queued for.
const queues = new WeakMap<Database, (() => void)[]>();

/** `read()`, run in the next turn together with every other read queued for `database` in this one. */
export function readNextTurn<T>(database: Database, read: () => T | PromiseLike<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let queue = queues.get(database);
    if (!queue) {
      const fresh: (() => void)[] = [];
      queues.set(database, (queue = fresh));
      nextTurn(() => {
        // Reads queued from here on wait for the next turn.
        queues.delete(database);
        for (const run of fresh) run();
      });
    }
    queue.push(() => {
      try {
        Promise.resolve(read()).then(resolve, reject);
      } catch (error) {
        reject(error as Error);
      }
    });
  });
}
