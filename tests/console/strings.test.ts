// The console's string tables: every language has every key of the English table, with the same
// shape, and no entry is empty. The type already refuses a missing key; this also catches an
// empty string, an empty list, or a function that writes nothing.
import { describe, expect, it } from "vitest";
import { consoleStrings, CONSOLE_LANGUAGES } from "../../src/pages/console/strings/index.js";

/** Every leaf of a table as [path, value]; functions are called with sample arguments. */
function leaves(value: unknown, path = ""): [string, unknown][] {
  if (typeof value === "function") {
    const samples = [3, "X", 2, 1];
    const sample = path.endsWith("standing") ? [{ opensIn: 0, daysLeft: 2 }] : path.endsWith("summary") ? [3, [["scheduled", 3]]] : samples;
    return [[`${path}()`, value(...sample)]];
  }
  if (Array.isArray(value)) return value.length === 0 ? [[path, ""]] : value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

/** The shape of a table: its keys, with lists and functions as such (values and lengths aside). */
function shape(value: unknown): unknown {
  if (typeof value === "function") return "function";
  if (Array.isArray(value)) return "list";
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shape(v)]));
  return typeof value;
}

describe("console string tables", () => {
  it("offers Spanish, English and French", () => {
    expect([...CONSOLE_LANGUAGES].sort()).toEqual(["en", "es", "fr"]);
  });

  for (const lang of CONSOLE_LANGUAGES) {
    it(`${lang}: has the English table's keys, with the same shape`, () => {
      // Message words are a lookup filled where a language's words differ from the stored ones.
      const { appointment, ...rest } = consoleStrings[lang];
      const { appointment: enAppointment, ...enRest } = consoleStrings.en;
      expect(shape(rest)).toEqual(shape(enRest));
      expect(Object.keys(appointment).sort()).toEqual(Object.keys(enAppointment).sort());
      expect(Object.keys(appointment.historyActions).sort()).toEqual(Object.keys(enAppointment.historyActions).sort());
    });

    it(`${lang}: no entry is empty`, () => {
      const empty = leaves(consoleStrings[lang]).filter(([, v]) => typeof v !== "string" || v.trim() === "");
      expect(empty.map(([path]) => path)).toEqual([]);
    });

    it(`${lang}: the CSV headers have one column per figure, as in English`, () => {
      const t = consoleStrings[lang].figures;
      expect(t.csvServices).toHaveLength(consoleStrings.en.figures.csvServices.length);
      expect(t.csvInterviewers).toHaveLength(consoleStrings.en.figures.csvInterviewers.length);
      expect(new Set(t.csvServices).size).toBe(t.csvServices.length);
    });
  }

  it("Spanish differs from English wherever the words are words (not codes or units)", () => {
    const en = new Map(leaves(consoleStrings.en));
    // Entries that are the same in both languages on purpose: codes, units, symbols.
    const same = new Set(["tag", "book.minutes()", "figures.hours()", "figures.fieldNames.table", "services.minutes()"]);
    const untranslated = leaves(consoleStrings.es).filter(([path, v]) => !same.has(path) && en.get(path) === v && /[a-z]{3}/.test(String(v)));
    expect(untranslated.map(([path]) => path)).toEqual([]);
  });
});
