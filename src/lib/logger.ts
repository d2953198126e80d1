// One JSON line per event. Callers pass ids, never tokens, names, email addresses or phone numbers.
import type { Logger } from "../deps.js";

export function jsonLogger(write: (line: string) => void = (line) => console.log(line)): Logger {
  const log =
    (level: string) =>
    (message: string, fields: Record<string, unknown> = {}) =>
      write(JSON.stringify({ level, message, ...fields }));
  return { info: log("info"), error: log("error") };
}

export const silentLogger: Logger = { info: () => {}, error: () => {} };
