// The demo data goes in through the API, so it must pass the same validation as any client's.
// `npm run demo` itself runs as a child process: its printed commands must work as printed, and
// it must never delete a database it did not make.
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, makeApp, type TestApp } from "../helpers/app.js";
import { bogota } from "../helpers/fixtures.js";
import { freePort } from "../helpers/server.js";
import { seedDemo } from "../../scripts/demo/seed.js";
import { offices } from "../../scripts/demo/data.js";
import { localDateOf } from "../../src/slots/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

let t: TestApp | undefined;
const dirs: string[] = [];
afterEach(() => {
  t?.close();
  t = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "cita-demo-"));
  dirs.push(dir);
  return dir;
};

/** Runs `npm run demo`'s script until it has printed its commands (or exited); returns what it said. */
async function demo(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string; url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: "127.0.0.1", CITA_DISPATCH_INTERVAL_MS: "0", CITA_PUBLIC_URL: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => child.stdout.on("data", () => out.includes(`open ${url}/docs`) && resolve()));
  const code = await Promise.race([exited, ready.then(() => null)]);
  return {
    code,
    out,
    err,
    url,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** Runs one printed curl command exactly as printed, through a shell; its JSON body and status. */
async function curl(command: string) {
  const { stdout } = await run("bash", ["-c", `${command} -s -w '\\n%{http_code}'`]);
  const lines = stdout.trimEnd().split("\n");
  return { status: Number(lines.pop()), json: JSON.parse(lines.join("\n")) };
}

describe("demo data", () => {
  it("seeds four offices with eligibility rules, staff incl. one in a DST zone, two services and 50 cases", async () => {
    t = makeApp();
    const { cases, links } = await seedDemo(async (path, init) => t!.app.request(path, init), ADMIN, Date.parse("2026-11-23T12:00:00Z"));
    expect(cases).toHaveLength(50);
    expect(links).toHaveLength(3);
    const page = await t.get(new URL(links[0]!).pathname, { token: null });
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const offices = (await t.get("/v1/offices")).json.items;
    expect(offices.map((o: { timeZone: string }) => o.timeZone).sort()).toEqual(["America/Bogota", "America/Costa_Rica", "America/Guatemala", "America/Guayaquil"]);
    for (const o of offices) expect((await t.get(`/v1/offices/${o.id}/eligibility`)).json.nationalities.length).toBeGreaterThan(0);
    const staff = (await t.get("/v1/staff?limit=200")).json.items;
    expect(staff.some((s: { timeZone: string }) => s.timeZone === "America/New_York")).toBe(true);
    expect((await t.get("/v1/services")).json.items.map((s: { id: string; durationMinutes: number }) => [s.id, s.durationMinutes])).toEqual([
      ["iom-counseling", 60],
      ["unhcr-interview", 60],
    ]);
  });

  it("dates screenings by each office's own date: at 23:30 in Bogotá (already tomorrow in UTC) none is in the future", async () => {
    const now = Date.parse("2026-12-03T23:30:00-05:00");
    t = makeApp({ now: new Date(now).toISOString() });
    const { cases } = await seedDemo(async (path, init) => t!.app.request(path, init), ADMIN, now);
    expect(cases).toHaveLength(50);
    for (const c of cases as { officeId: string; screenedAt: string }[]) {
      const zone = offices.find((o) => o.id === c.officeId)!.timeZone;
      expect(c.screenedAt <= localDateOf(zone, now)).toBe(true);
    }
    expect(Math.max(...cases.map((c: { screenedAt: string }) => Date.parse(c.screenedAt)))).toBeLessThanOrEqual(Date.parse("2026-12-03"));
  });
});

describe("npm run demo", () => {
  it("prints commands that work as printed: offices, a case's free times of its own track, and booking the first", { timeout: 90_000 }, async () => {
    const db = join(tempDir(), "demo.db");
    const running = await demo({ CITA_DB: db, CITA_NOW: "2026-12-03T23:30:00-05:00" });
    try {
      expect(running.code, running.err).toBeNull();
      const commands = running.out
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.startsWith("curl "));
      expect(commands).toHaveLength(3);
      const officesRes = await curl(commands[0]!);
      expect(officesRes.status).toBe(200);
      expect(officesRes.json.items).toHaveLength(4);
      const slots = await curl(commands[1]!);
      expect(slots.status).toBe(200);
      expect(slots.json.slots.length).toBeGreaterThan(0);
      const booked = await curl(commands[2]!);
      expect(booked.status, JSON.stringify(booked.json)).toBe(201);
      expect(booked.json.start).toBe(slots.json.slots[0].start);
    } finally {
      await running.stop();
    }
    // A second run recognises its own database and starts it afresh.
    const again = await demo({ CITA_DB: db, CITA_NOW: "2026-12-03T23:30:00-05:00" });
    await again.stop();
    expect(again.code, again.err).toBeNull();
    expect(again.out).toContain(`(database ${db}, fresh)`);
  });

  it("refuses a database it did not make, leaving it byte for byte as it was, and exits non-zero", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, "cita.db");
    const real = makeApp({ file });
    expect((await real.post("/v1/offices", bogota())).status).toBe(201);
    real.database.close();
    const bytes = readFileSync(file);
    const files = readdirSync(dir).sort();

    const refused = await demo({ CITA_DB: file });
    await refused.stop(); // ends it in case it did start after all
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(`${file} is not a demo database`);
    expect(refused.err).toContain("so the demo leaves it untouched");
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(files);

    const reopened = makeApp({ file });
    expect((await reopened.get("/v1/offices/bogota")).json.name).toBe("SMO Bogotá");
    reopened.database.close();
    expect(existsSync(file)).toBe(true);
  });
});
