// The Node server's log lines: one write per event-loop turn, in order, and nothing lost when the
// process exits (process.exit after "stopped", or an uncaught error).
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { batchedLines } from "../../src/lib/batched-lines.node.js";
import { jsonLogger } from "../../src/lib/logger.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

function fakeOutput() {
  const writes: string[] = [];
  const exitListeners: (() => void)[] = [];
  const write = batchedLines({ write: (chunk: string) => writes.push(chunk) }, { on: (_event, listener) => exitListeners.push(listener) });
  return { writes, write, exit: () => exitListeners.forEach((listener) => listener()) };
}

/** Runs a script that imports the logger as the server does, in its own Node process. */
function runScript(body: string) {
  const dir = mkdtempSync(join(tmpdir(), "cita-log-"));
  const file = join(dir, "script.ts");
  writeFileSync(file, `import { stdoutLogger } from ${JSON.stringify(join(root, "src/lib/batched-lines.node.js"))};\nconst logger = stdoutLogger();\n${body}\n`);
  return spawnSync(process.execPath, ["--import", "tsx", file], { cwd: root, encoding: "utf8", timeout: 30_000 });
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as { message: string });

describe("batched log lines", () => {
  it("writes the lines of one turn in one write, in order, on the next turn", async () => {
    const out = fakeOutput();
    const logger = jsonLogger(out.write);
    for (let i = 0; i < 5; i++) logger.info("request", { i });
    expect(out.writes).toEqual([]);
    await nextTurn();
    expect(out.writes).toHaveLength(1);
    expect(out.writes[0]!.split("\n")).toEqual([0, 1, 2, 3, 4].map((i) => JSON.stringify({ level: "info", message: "request", i })).concat(""));
  });

  it("writes each later turn's lines in a write of their own, after the earlier ones", async () => {
    const out = fakeOutput();
    out.write("a");
    await nextTurn();
    out.write("b");
    out.write("c");
    await nextTurn();
    await nextTurn();
    expect(out.writes).toEqual(["a\n", "b\nc\n"]);
  });

  it("writes what is queued when the process exits, at once", () => {
    const out = fakeOutput();
    out.write("last");
    out.exit();
    expect(out.writes).toEqual(["last\n"]);
  });

  it("loses no line logged just before process.exit (a real process)", () => {
    const run = runScript(`logger.info("first");\nsetImmediate(() => {\n  logger.info("stopping");\n  logger.info("stopped");\n  process.exit(0);\n});`);
    expect(run.status).toBe(0);
    expect(lines(run.stdout).map((l) => l.message)).toEqual(["first", "stopping", "stopped"]);
  });

  it("loses no line logged just before an uncaught error ends the process (a real process)", () => {
    const run = runScript(`logger.error("about to fail", { step: 1 });\nthrow new Error("boom");`);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("boom");
    expect(lines(run.stdout)).toEqual([{ level: "error", message: "about to fail", step: 1 }]);
  });
});
