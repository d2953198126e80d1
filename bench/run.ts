// `npm run bench`: one JSON object per line, {"name", "value", "unit", ...}. Ratios are taken
// against figures measured in this same run, since these machines are too noisy for absolutes.
import { run as health } from "./health.js";
import { run as slotsEngine } from "./slots-engine.js";
import { run as slotsHttp } from "./slots-http.js";
import { run as slotsScaling } from "./slots-scaling.js";
import { run as booking } from "./booking.js";
import { run as worker } from "./worker.js";
import { run as consolePages } from "./console.js";
import { run as offers } from "./offers.js";

export type Emit = (figure: { name: string; value: number; unit: string; [k: string]: unknown }) => void;

const figures = new Map<string, number>();
const emit: Emit = (figure) => {
  figures.set(figure.name, figure.value);
  console.log(JSON.stringify(figure));
};

const only = process.argv.slice(2);
// The load generator runs in this process: the HTTP figures come first, before the in-process
// engine benches fill this heap with 300,000 appointments and slow the client down.
const benches: [string, (emit: Emit, figures: Map<string, number>) => Promise<void>][] = [
  ["health", health],
  ["slots-http", slotsHttp],
  ["book", booking],
  ["worker", worker],
  ["offers", offers],
  ["slots-engine", (e) => slotsEngine(e as (f: Record<string, unknown>) => void)],
  ["slots-scaling", slotsScaling],
  ["console", consolePages],
];

for (const [name, bench] of benches) {
  if (only.length && !only.some((o) => name.startsWith(o))) continue;
  await bench(emit, figures);
}
process.exit(0);
