// The container image. Building and running it needs a Docker daemon: where there is none the
// test says so and is skipped. The Dockerfile's start command is checked everywhere, since it
// must start the server the way `npm start` does.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "../helpers/server.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const docker = (...args: string[]) => spawnSync("docker", args, { cwd: root, encoding: "utf8", timeout: 900_000 });
const daemon = docker("info", "--format", "{{.ServerVersion}}");
const hasDocker = daemon.status === 0;
if (!hasDocker) console.warn("tests/ops/docker.test.ts: no Docker daemon here, the image is not built or run");

describe("Dockerfile", () => {
  it("runs the compiled server with npm start's V8 flags, as a non-root user, with a health check and a volume", () => {
    const file = readFileSync(join(root, "Dockerfile"), "utf8");
    const start = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.start as string;
    const cmd = JSON.parse(/^CMD (\[.*\])$/m.exec(file)![1]!) as string[];
    expect(cmd.join(" ")).toBe(start);
    expect(file).toMatch(/^USER node$/m);
    expect(file).toMatch(/^HEALTHCHECK .*\n?.*\/health/m);
    expect(file).toMatch(/^VOLUME \/data$/m);
    expect(file.match(/^FROM /gm)).toHaveLength(2);
  });

  const name = `cita-test-${process.pid}`;
  afterAll(() => {
    if (hasDocker) docker("rm", "-f", name);
  });

  it.skipIf(!hasDocker)(
    "builds, becomes healthy, keeps its database on the volume and stops with exit code 0",
    async () => {
      const build = docker("build", "-t", "cita:test", ".");
      expect(build.status, build.stderr).toBe(0);
      const port = await freePort();
      const volume = mkdtempSync(join(tmpdir(), "cita-volume-"));
      spawnSync("chmod", ["777", volume]);
      const run = docker("run", "-d", "--name", name, "-p", `127.0.0.1:${port}:3000`, "-v", `${volume}:/data`, "-e", "CITA_ADMIN_TOKEN=docker-admin", "cita:test");
      expect(run.status, run.stderr).toBe(0);
      let health = "";
      for (let i = 0; i < 120 && health !== "healthy"; i++) {
        await new Promise((r) => setTimeout(r, 1000));
        health = docker("inspect", "--format", "{{.State.Health.Status}}", name).stdout.trim();
      }
      expect(health).toBe("healthy");
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toEqual({ status: "ok" });
      expect(docker("exec", name, "id", "-u").stdout.trim()).not.toBe("0");
      expect(docker("stop", name).status).toBe(0);
      expect(docker("inspect", "--format", "{{.State.ExitCode}}", name).stdout.trim()).toBe("0");
      expect(spawnSync("ls", [volume], { encoding: "utf8" }).stdout).toContain("cita.db");
    },
    900_000,
  );
});
