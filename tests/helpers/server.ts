// Starts the real Node server (`src/server.ts`) as a child process on a free loopback port.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export interface RunningServer {
  url: string;
  port: number;
  db: string;
  child: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

export interface ServerOptions {
  db?: string;
  port?: number;
  /** The command that starts it; by default the sources through tsx (no build needed). */
  command?: string[];
  /** How long it may take to answer /health (a command that builds first needs longer). */
  startSeconds?: number;
}

export async function startServer(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const db = options.db ?? join(mkdtempSync(join(tmpdir(), "cita-srv-")), "cita.db");
  const [command, ...args] = options.command ?? [process.execPath, "--import", "tsx", "src/server.ts"];
  const child = spawn(command!, args, {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", CITA_DB: db, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, so a signal reaches the server behind a wrapper such as `npm start`.
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
    try {
      if ((await fetch(`${url}/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (i > (options.startSeconds ?? 30) * 10) throw new Error(`server did not start: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    db,
    child,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) process.kill(-child.pid!, signal);
      await exited;
    },
  };
}

/** The JSON API of a running server as one bearer token; a refusal throws with its problem. */
export function apiOf(server: () => RunningServer, token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server().url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
}
