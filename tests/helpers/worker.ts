// Runs the Worker for real: `wrangler dev --local` (workerd) on loopback with a fresh local D1
// that wrangler migrates from drizzle/, as it would a real database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const wrangler = join(root, "node_modules", ".bin", "wrangler");
const quiet = { ...process.env, CI: "true", WRANGLER_SEND_METRICS: "false", NO_UPDATE_NOTIFIER: "1" };

export interface RunningWorker {
  url: string;
  persist: string;
  /** Runs SQL against the local D1 and returns the rows. */
  sql: (query: string) => Record<string, unknown>[];
  output: () => string;
  stop: () => Promise<void>;
}

/** `persist` reuses an earlier run's local D1, as a restarted deployment would. */
export async function startWorker(vars: Record<string, string>, persist = mkdtempSync(join(tmpdir(), "cita-d1-"))): Promise<RunningWorker> {
  const migrate = spawnSync(wrangler, ["d1", "migrations", "apply", "cita", "--local", "--persist-to", persist], { cwd: root, env: quiet, encoding: "utf8" });
  if (migrate.status !== 0) throw new Error(`migrations failed: ${migrate.stdout}${migrate.stderr}`);
  const port = await freePort();
  const args = ["dev", "--local", "--ip", "127.0.0.1", "--port", String(port), "--persist-to", persist, "--show-interactive-dev-session=false", "--test-scheduled"];
  for (const [k, v] of Object.entries(vars)) args.push("--var", `${k}:${v}`);
  const child: ChildProcess = spawn(wrangler, args, { cwd: root, env: quiet, stdio: ["ignore", "pipe", "pipe"], detached: true });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`wrangler exited: ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not ready yet
    }
    if (i > 600) throw new Error(`wrangler dev did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    persist,
    sql: (query) => {
      const run = spawnSync(wrangler, ["d1", "execute", "cita", "--local", "--persist-to", persist, "--json", "--command", query], { cwd: root, env: quiet, encoding: "utf8" });
      if (run.status !== 0) throw new Error(`d1 execute failed: ${run.stdout}${run.stderr}`);
      return (JSON.parse(run.stdout) as { results: Record<string, unknown>[] }[])[0]!.results;
    },
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid!, "SIGKILL");
    },
  };
}
