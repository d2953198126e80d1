// Compiled rules are cached by text, and rule texts come from users: the cache stays bounded.
import { describe, expect, it } from "vitest";
import { COMPILED_RULES_MAX, compileRule, compiledRuleCount } from "../../src/slots/recurrence.js";

const distinct = (i: number): string => `FREQ=DAILY;INTERVAL=${(i % 9999) + 1};COUNT=${Math.floor(i / 9999) + 1}`;

describe("the compiled-rule cache", () => {
  it("holds at most COMPILED_RULES_MAX rules, dropping the least recently used", () => {
    const kept = compileRule("FREQ=WEEKLY;BYDAY=MO");
    const dropped = compileRule("FREQ=WEEKLY;BYDAY=TU");
    for (let i = 0; i < COMPILED_RULES_MAX + 500; i++) {
      compileRule(distinct(i));
      if (i % 100 === 0) expect(compileRule("FREQ=WEEKLY;BYDAY=MO")).toBe(kept); // used again: stays
    }
    expect(compiledRuleCount()).toBe(COMPILED_RULES_MAX);
    expect(compileRule("FREQ=WEEKLY;BYDAY=MO")).toBe(kept);
    const again = compileRule("FREQ=WEEKLY;BYDAY=TU");
    expect(again).not.toBe(dropped); // compiled afresh…
    expect(again).toEqual(dropped); // …to the same thing
  });
});
