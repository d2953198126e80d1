// The placing of waiting cases on free starts (src/domain/capacity.ts), on plain data: starts an
// hour apart on one day, holds of one hour unless a test says otherwise.
import { describe, expect, it } from "vitest";
import { placer, type Demand, type PlacingInput, type Supply } from "../../src/domain/capacity.js";

const HOUR = 3_600_000;
const DAY = 20_000; // a local day number; the starts are on it unless a test moves them

const start = (i: number, over: Partial<Supply> = {}): Supply => ({ start: i * HOUR, day: DAY, staffIds: ["ana"], roomIds: [], ...over });
const demand = (id: string, over: Partial<Demand> = {}): Demand => ({ id, language: "es", first: DAY, last: DAY, ...over });
const input = (supply: Supply[], over: Partial<PlacingInput> = {}): PlacingInput => ({
  supply,
  holdMs: HOUR,
  languages: new Map([
    ["ana", ["es"]],
    ["ben", ["ht"]],
  ]),
  capLeft: null,
  ...over,
});

const startsOf = (placed: Map<string, { start: number } | null>) => Object.fromEntries([...placed].map(([id, p]) => [id, p ? p.start / HOUR : null]));

describe("placing waiting cases on free starts", () => {
  it("lets the window that ends first choose first, whatever the order given", () => {
    const supply = [start(0), start(1, { day: DAY + 1 })];
    const placed = placer(input(supply))([demand("wide", { last: DAY + 1 }), demand("narrow")]);
    expect(startsOf(placed)).toEqual({ narrow: 0, wide: 1 });
  });

  it("holds an interviewer for duration plus buffer, so overlapping starts are not taken twice", () => {
    const half = HOUR / 2;
    const supply = [0, 1, 2].map((i) => ({ ...start(0), start: i * half }));
    const placed = placer(input(supply))([demand("a"), demand("b"), demand("c")]);
    expect(startsOf(placed)).toEqual({ a: 0, b: 1, c: null });
  });

  it("gives a case only an interviewer who speaks its language", () => {
    const supply = [start(0, { staffIds: ["ana", "ben"] }), start(1, { staffIds: ["ana"] })];
    const placed = placer(input(supply))([demand("h1", { language: "ht" }), demand("h2", { language: "ht" }), demand("e")]);
    expect(startsOf(placed)).toEqual({ h1: 0, h2: null, e: 0 });
  });

  it("needs a free room when the starts name rooms, and keeps to the daily cap", () => {
    const rooms = placer(input([start(0, { staffIds: ["ana", "ben"], roomIds: ["r1"] })]))([demand("e"), demand("h", { language: "ht" })]);
    expect(startsOf(rooms)).toEqual({ e: 0, h: null });
    const capped = placer(input([start(0), start(1), start(2)], { capLeft: () => 2 }))([demand("a"), demand("b"), demand("c")]);
    expect(startsOf(capped)).toEqual({ a: 0, b: 1, c: null });
  });

  it("never places a case outside its window, and a second call goes on from what the first took", () => {
    const place = placer(input([start(0), start(1, { day: DAY + 1 })]));
    expect(startsOf(place([demand("past", { first: DAY, last: DAY - 1 }), demand("a")]))).toEqual({ past: null, a: 0 });
    expect(startsOf(place([demand("past", { first: DAY, last: DAY + 1 })]))).toEqual({ past: 1 });
  });
});
