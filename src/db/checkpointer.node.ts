// Checkpoints off the request path. SQLite's automatic checkpoint runs inside the commit that
// crosses 1,000 WAL pages, so one request in a thousand paid for copying the WAL into the database
// and syncing it. The serving connection turns it off; a worker thread with its own connection
// runs PASSIVE checkpoints instead (they never block a writer), at most every `intervalMs` while
// writes come in. A WAL only restarts from its beginning when a write finds it fully copied, which
// a steady stream of writes can postpone forever; so once the file passes `maxBytes` the serving
// connection checkpoints itself, copying only what came since the last background checkpoint, and
// the next write restarts the WAL and cuts it back to the journal size limit.
import { statSync } from "node:fs";
import { Worker } from "node:worker_threads";

export interface CheckpointOptions {
  /** Least time between two background checkpoints. */
  intervalMs: number;
  /** WAL bytes below which no checkpoint is worth a thread. */
  startBytes: number;
  /** WAL bytes past which the serving connection checkpoints itself. */
  maxBytes: number;
}

export const defaultCheckpoints: CheckpointOptions = { intervalMs: 100, startBytes: 1 << 20, maxBytes: 32 << 20 };

// CommonJS in a string: a worker started from a file would need the sources built first.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma("wal_autocheckpoint = 0");
parentPort.on("message", () => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } finally {
    parentPort.postMessage("done");
  }
});`;

/** `afterCommit` is called by the writer after each commit; `checkpointHere` checkpoints on the serving connection. */
export function backgroundCheckpoints(file: string, driver: string, checkpointHere: () => void, options = defaultCheckpoints) {
  let worker: Worker | null = null;
  let inFlight = false;
  let last = 0;

  const start = () => {
    const w = new Worker(WORKER, { eval: true, workerData: { file, driver } });
    w.unref(); // never what keeps the process alive
    w.on("message", () => (inFlight = false));
    // A worker that failed leaves the checkpoints to the bound below until the next one starts.
    w.on("error", () => undefined);
    w.on("exit", () => {
      if (worker === w) worker = null;
      inFlight = false;
    });
    return w;
  };

  // The WAL file only grows past the journal size limit between two restarts: its size is a bound.
  const walBytes = () => statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;

  return {
    afterCommit() {
      const bytes = walBytes();
      if (bytes > options.maxBytes) return checkpointHere();
      const now = performance.now(); // an interval, not a time of day: the monotonic clock
      if (bytes < options.startBytes || inFlight || now - last < options.intervalMs) return;
      last = now;
      worker ??= start();
      inFlight = true;
      worker.postMessage("checkpoint");
    },
    close() {
      void worker?.terminate();
      worker = null;
    },
  };
}
