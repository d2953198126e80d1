// src/calendar is the iCalendar writer alone: plain data in, text out. It imports its own files
// and packages, never the domain, notifications, the database or HTTP, so anything may use it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const folder = join(import.meta.dirname, "../../src/calendar");

/** Every module specifier a file names: static imports, re-exports and dynamic imports. */
const specifiers = (source: string) => [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((m) => m[1]!);

describe("src/calendar", () => {
  it("reads the specifiers of static, type-only and dynamic imports", () => {
    const source = `import { a } from "./a.js";\nimport type { B } from '../b.js';\nexport { c } from "../c.js";\nimport "./side.js";\nconst d = await import("../d.js");`;
    expect(specifiers(source)).toEqual(["./a.js", "../b.js", "../c.js", "./side.js", "../d.js"]);
  });

  it("imports only its own files and packages", () => {
    const files = readdirSync(folder).filter((f) => /\.tsx?$/.test(f));
    expect(files).toContain("ics.ts");
    const outside = files.flatMap((file) =>
      specifiers(readFileSync(join(folder, file), "utf8"))
        .filter((s) => s.startsWith("../") || s.startsWith("/") || s.startsWith("node:"))
        .map((s) => `${file} imports ${s}`),
    );
    expect(outside).toEqual([]);
  });
});
