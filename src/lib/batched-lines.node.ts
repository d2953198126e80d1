// Log lines for the Node server: queued and written joined, once per event-loop turn, as pino's
// sonic-boom does. A write to a pipe is a system call, and one per access line cost ~4% of the
// server's CPU under load. Workers keep console.log per line (src/worker.ts): their logs are per call.
import { jsonLogger } from "./logger.js";

interface Output {
  write(chunk: string): unknown;
}

interface ExitHooks {
  on(event: "exit", listener: () => void): unknown;
}

/**
 * A `write(line)` that queues and flushes on the next turn (setImmediate) in one write, in order.
 * What is still queued when the process exits (process.exit, an uncaught error) is written then,
 * synchronously: stdout to a pipe or a file is a blocking write on Linux, so nothing is lost.
 */
export function batchedLines(out: Output = process.stdout, exit: ExitHooks = process): (line: string) => void {
  let queued: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (queued.length === 0) return;
    const chunk = queued.join("\n") + "\n";
    queued = [];
    out.write(chunk);
  };
  exit.on("exit", flush);
  return (line) => {
    queued.push(line);
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  };
}

/** The Node server's logger: JSON lines to stdout, batched per turn. */
export const stdoutLogger = () => jsonLogger(batchedLines());
