// The checks .ci/run makes besides the tests: the drizzle schema agrees with the committed
// migrations, and the Worker bundle stays under the gzip bound.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const run = (command: string, args: string[]) => {
  const r = spawnSync(command, args, { cwd: root, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { status: r.status, output: r.stdout + r.stderr };
};

describe(".ci/schema-drift", () => {
  it("passes on the committed schema and fails on a schema change that has no migration", () => {
    const clean = run("bash", [".ci/schema-drift"]);
    expect(clean.output).toContain("schema and migrations agree");
    expect(clean.status).toBe(0);

    // Inside the project, so the copy resolves drizzle-orm as the real schema does.
    const dir = join(root, "node_modules", ".cache", "cita-schema-drift");
    mkdirSync(dir, { recursive: true });
    const changed = join(dir, "schema.ts");
    const schema = readFileSync(join(root, "src/db/schema.ts"), "utf8").replace(/from "\.\//g, 'from "../../../src/db/');
    writeFileSync(changed, `${schema}\nexport const driftProbe = sqliteTable("drift_probe", { id: text("id").primaryKey() });\n`);
    const drifted = run("bash", [".ci/schema-drift", changed]);
    expect(drifted.output).toContain("no migration in drizzle/");
    expect(drifted.status).toBe(1);
  }, 120_000);
});

describe(".ci/bundle-size.mjs", () => {
  const bundle = (bytes: Buffer) => {
    const dir = mkdtempSync(join(tmpdir(), "cita-bundle-"));
    writeFileSync(join(dir, "worker.js"), bytes);
    writeFileSync(join(dir, "worker.js.map"), randomBytes(64 * 1024)); // source maps are not uploaded
    return dir;
  };

  it("measures the gzip size of the modules and fails over the limit", () => {
    const compressible = bundle(Buffer.from("export default {};\n".repeat(20_000)));
    const ok = run("node", [".ci/bundle-size.mjs", compressible, String(16 * 1024)]);
    expect(ok.status).toBe(0);
    const figure = JSON.parse(ok.output.split("\n")[0]!);
    expect(figure).toMatchObject({ name: "worker.bundle_gzip", unit: "bytes", raw: 20_000 * 19, files: 1 });
    expect(figure.value).toBeLessThan(16 * 1024);

    const incompressible = bundle(randomBytes(64 * 1024));
    const over = run("node", [".ci/bundle-size.mjs", incompressible, String(16 * 1024)]);
    expect(over.status).toBe(1);
    expect(over.output).toContain("over the 16.0 KiB limit");
    expect(run("node", [".ci/bundle-size.mjs", mkdtempSync(join(tmpdir(), "cita-empty-"))]).status).toBe(1);
  });
});
