// Group commit for better-sqlite3: the batches that arrive in one event-loop turn run in ONE
// transaction, a savepoint each. Most of a small write's cost is its commit (the WAL write), so
// sharing it between the requests of a turn is most of what a booking can gain. A refusal (a
// trigger's RAISE, a CHECK, a UNIQUE) rolls back only its own savepoint: that caller gets the
// error, the others commit. Every caller is answered after COMMIT, never before.
import type { Statement } from "./database.js";

/** The part of a better-sqlite3 connection this needs (only sqlite.ts imports the driver). */
interface Connection {
  prepare(sql: string): Runnable;
  exec(sql: string): unknown;
  readonly inTransaction: boolean;
}
interface Runnable {
  run(...params: unknown[]): unknown;
}
type Prepare = (sql: string) => Runnable;

interface Pending {
  statements: Statement[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function groupCommit(sqlite: Connection, prepare: Prepare, afterCommit: () => void = () => {}): (statements: Statement[]) => Promise<void> {
  // IMMEDIATE takes the write lock up front, so two processes never deadlock upgrading a read lock.
  const begin = sqlite.prepare("BEGIN IMMEDIATE");
  const commit = sqlite.prepare("COMMIT");
  const savepoint = sqlite.prepare("SAVEPOINT batch");
  const release = sqlite.prepare("RELEASE batch");
  const rollbackTo = sqlite.prepare("ROLLBACK TO batch");
  let queue: Pending[] = [];

  const runOne = (statements: Statement[]): unknown => {
    savepoint.run();
    try {
      for (const s of statements) prepare(s.sql).run(...s.params);
      release.run();
      return null;
    } catch (error) {
      // An I/O error or a full disk can end the whole transaction; then there is nothing to undo here.
      if (sqlite.inTransaction) {
        rollbackTo.run();
        release.run();
      }
      return error;
    }
  };

  const flush = () => {
    const group = queue;
    queue = [];
    const outcomes: unknown[] = [];
    try {
      begin.run();
      for (const item of group) {
        outcomes.push(runOne(item.statements));
        // The transaction itself is gone: what the group wrote so far is lost with it.
        if (!sqlite.inTransaction) throw outcomes.at(-1);
      }
      commit.run();
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      for (const item of group) item.reject(error);
      return;
    }
    group.forEach((item, i) => (outcomes[i] === null ? item.resolve() : item.reject(outcomes[i])));
    afterCommit();
  };

  return (statements) =>
    new Promise<void>((resolve, reject) => {
      if (statements.length === 0) return resolve();
      // setImmediate runs after the poll phase: every request whose handler reached its write in
      // this turn is in the group. A microtask would close the group after the first request.
      if (queue.length === 0) setImmediate(flush);
      queue.push({ statements, resolve, reject });
    });
}
