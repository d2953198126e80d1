// Everything under src/ is compiled into dist/ and shipped. Each module there must be reached
// from an entry point, or from the demo that the image runs from the sources; code that only
// the tests or the bench use (the reference slot engine) lives under tests/ instead.
import { readFileSync, readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const ENTRY_POINTS = ["src/server.ts", "src/worker.ts", "scripts/demo.ts"];

/** Project-relative paths with forward slashes, as in the lists below. */
const projectPath = (file: string) => relative(root, file).split(sep).join("/");

/** The modules `tsc -p tsconfig.build.json` compiles into dist/. */
function builtSources(): string[] {
  return readdirSync(join(root, "src"), { recursive: true, encoding: "utf8" })
    .map((name) => `src/${name.split(sep).join("/")}`)
    .filter((path) => /\.tsx?$/.test(path) && !path.endsWith(".test.ts") && !path.endsWith(".d.ts"))
    .sort();
}

/** Every project file the entry points import, directly or not, type-only imports included. */
function reachedFrom(entries: string[]): Set<string> {
  const { config } = ts.readConfigFile(join(root, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root);
  const program = ts.createProgram(
    entries.map((entry) => join(root, entry)),
    options,
  );
  return new Set(program.getSourceFiles().map((file) => projectPath(file.fileName)));
}

const unreached = (entries: string[]) => {
  const reached = reachedFrom(entries);
  return builtSources().filter((path) => !reached.has(path));
};

describe("the sources that are built and shipped", () => {
  it("are all reached from an entry point or the demo", () => {
    expect(unreached(ENTRY_POINTS)).toEqual([]);
  }, 60_000);

  it("would report a module that no entry point reaches", () => {
    // Without the Node entry point, it and the Node-only adapters it alone imports are unreached.
    const missing = unreached(["src/worker.ts"]);
    expect(missing).toContain("src/server.ts");
    expect(missing).toContain("src/db/sqlite.ts");
    expect(missing).not.toContain("src/app.ts");
  }, 60_000);

  it("import no node: module from the Worker (wrangler.toml has no nodejs_compat): Node-only parts are *.node.ts", () => {
    const workerModules = [...reachedFrom(["src/worker.ts"])].filter((path) => path.startsWith("src/"));
    const nodeImports = workerModules.filter((path) => /from "node:|import\("node:/.test(readFileSync(join(root, path), "utf8")));
    expect(nodeImports).toEqual([]);
    expect(workerModules.filter((path) => path.endsWith(".node.ts"))).toEqual([]);
    expect(reachedFrom(["src/server.ts"])).toContain("src/lib/hmac.node.ts");
  }, 60_000);
});
