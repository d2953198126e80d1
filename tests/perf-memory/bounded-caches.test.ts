// Per-process caches stay bounded however many distinct keys a long-running server sees.
import { describe, expect, it } from "vitest";
import { lruCache } from "../../src/domain/versioned-cache.js";
import { openSqlite, statementCache } from "../../src/db/sqlite.js";

describe("versioned LRU caches", () => {
  it("hold at most maxEntries, dropping the least recently used", () => {
    const cache = lruCache<number>({ maxEntries: 3 });
    for (const k of ["a", "b", "c"]) cache.set(k, "v1", 1);
    expect(cache.get("a", "v1")).toBe(1); // a is now the most recent
    cache.set("d", "v1", 1);
    expect(cache.size).toBe(3);
    expect(cache.get("b", "v1")).toBeUndefined();
    expect(cache.get("a", "v1")).toBe(1);
  });

  it("hold at most maxWeight, and never keep a value heavier than the budget", () => {
    const cache = lruCache<string>({ maxEntries: 100, maxWeight: 10, weigh: (s) => s.length });
    cache.set("a", "v", "xxxx");
    cache.set("b", "v", "xxxx");
    cache.set("c", "v", "xxxx");
    expect(cache.weight).toBeLessThanOrEqual(10);
    expect(cache.get("a", "v")).toBeUndefined();
    expect(cache.set("big", "v", "x".repeat(11))).toHaveLength(11);
    expect(cache.get("big", "v")).toBeUndefined();
    expect(cache.weight).toBeLessThanOrEqual(10);
  });

  it("free an entry as soon as it is read at another version", () => {
    const cache = lruCache<string>({ maxWeight: 100, weigh: (s) => s.length });
    cache.set("k", "v1", "12345");
    expect(cache.get("k", "v2")).toBeUndefined();
    expect(cache.size).toBe(0);
    expect(cache.weight).toBe(0);
    expect(cache.get("k", "v1")).toBeUndefined();
  });
});

describe("the prepared statement cache", () => {
  it("is bounded and hands statements out in object mode after a raw read", () => {
    const database = openSqlite(":memory:");
    try {
      const prepare = statementCache(database.sqlite, 2);
      const a = prepare("SELECT 1 AS one");
      expect(a.raw().get()).toEqual([1]);
      expect(prepare("SELECT 1 AS one")).toBe(a);
      expect(a.get()).toEqual({ one: 1 });
      prepare("SELECT 2");
      prepare("SELECT 3");
      expect(prepare("SELECT 1 AS one")).not.toBe(a); // evicted, prepared afresh
    } finally {
      database.close();
    }
  });
});
