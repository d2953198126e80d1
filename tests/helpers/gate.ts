// Race tests hold every write back until all competitors have read a free calendar, so that
// constraints, not timing, decide who wins.
import type { Database } from "../../src/db/database.js";

/** Holds every batch back until `expected` of them are waiting (or a second passes), then lets all go. */
export function gate(expected: number) {
  let waiting = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  setTimeout(open, 1000);
  return (database: Database): Database => ({
    db: database.db,
    batch: async (statements) => {
      if (++waiting >= expected) open();
      await opened;
      return database.batch(statements);
    },
  });
}
