// Reads queued in one turn run together, in order, in the next one; a failing read fails alone.
import { afterEach, describe, expect, it } from "vitest";
import { readNextTurn } from "../../src/db/turn-reads.js";
import { makeApp, type TestApp } from "../helpers/app.js";

let t: TestApp;
afterEach(() => t?.close());

describe("reads gathered per turn", () => {
  it("runs the reads of one turn back to back in the next, in the order queued", async () => {
    t = makeApp();
    const ran: string[] = [];
    const read = (name: string) =>
      readNextTurn(t.database, () => {
        ran.push(name);
        return (t.database.sqlite.prepare("SELECT ? AS name").get(name) as { name: string }).name;
      });
    const first = [read("a"), read("b")];
    // Nothing runs in the turn that queued them, so the JavaScript of that turn is not interleaved.
    await Promise.resolve();
    expect(ran).toEqual([]);
    setImmediate(() => ran.push("a callback queued after them"));
    expect(await Promise.all(first)).toEqual(["a", "b"]);
    expect(ran).toEqual(["a", "b"]);
    // A read queued after the turn's reads ran waits for a turn of its own.
    expect(await read("c")).toBe("c");
    expect(ran).toEqual(["a", "b", "a callback queued after them", "c"]);
  });

  it("rejects only the read that failed", async () => {
    t = makeApp();
    const bad = readNextTurn(t.database, () => t.database.sqlite.prepare("SELECT * FROM no_such_table").get());
    const good = readNextTurn(t.database, async () => 42);
    await expect(bad).rejects.toThrow(/no such table/);
    await expect(good).resolves.toBe(42);
  });
});
