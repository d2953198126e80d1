// Console pages with 50,000 cases and 300,000 appointments stored (console-fixture.ts): the app
// in this process, an admin signed in through the form, and each console GET page asked for
// 200 times one after another. p50 and p99 per page, target p50 < 50 ms.
import { createApp } from "../src/app.js";
import { readConfig } from "../src/config.js";
import { openSqlite } from "../src/db/sqlite.js";
import { silentLogger } from "../src/lib/logger.js";
import { createProcessState } from "../src/process-state.js";
import { BENCH_ADMIN, NOW } from "./fixture.js";
import { CLOSED_DAY, OFFICES, buildConsoleDb } from "./console-fixture.js";
import type { Emit } from "./run.js";

const REQUESTS = 200;
const WARM_UP = 10;

type App = ReturnType<typeof createApp>;

/** An admin's console cookie, signed in as a browser does: the form first, for its token; and the admin's user id. */
async function signIn(app: App): Promise<{ cookie: string; userId: string }> {
  const res = await app.request("/v1/users", {
    method: "POST",
    headers: { authorization: `Bearer ${BENCH_ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify({ name: "Bench admin", email: "admin@example.org", role: "admin" }),
  });
  const { token, id } = (await res.json()) as { token: string; id: string };
  const page = await app.request("/console/sign-in");
  const pre = /cita_console_sign_in=[^;]+/.exec(page.headers.get("set-cookie") ?? "")?.[0] ?? "";
  const csrf = /name="csrf" value="([^"]*)"/.exec(await page.text())?.[1] ?? "";
  const signed = await app.request("/console/sign-in", { method: "POST", body: new URLSearchParams({ token, csrf, next: "/console" }), headers: { cookie: pre } });
  const cookie = /cita_console=[^;]+/.exec(signed.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`sign-in refused: ${signed.status}`);
  return { cookie, userId: id };
}

const rank = (sorted: number[], p: number) => sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]!;

export async function run(emit: Emit): Promise<void> {
  const started = performance.now();
  const { file, samples } = await buildConsoleDb({ cases: 50_000, appointments: 300_000 });
  emit({ name: "console.fill_s", value: Number(((performance.now() - started) / 1000).toFixed(1)), unit: "s", cases: 50_000, appointments: 300_000, offices: OFFICES.length });
  const database = openSqlite(file);
  const config = { ...readConfig({}), adminToken: BENCH_ADMIN };
  const app = createApp({ database, clock: { now: () => Date.parse(NOW) }, mailer: null, sms: null, config, logger: silentLogger, state: createProcessState() });
  try {
    const { cookie, userId } = await signIn(app);
    // The bench office's interviewers are s00…s19, the other offices' <office>-s00….
    const interviewer = (o: string) => (o === OFFICES[0]!.id ? "s07" : `${o}-s07`);
    // The pages of every office in turn, so that no single office's answers stay warm.
    const pages: [string, (office: string) => string][] = [
      ["queue", (o) => `/console/queue?office=${o}`],
      ["queue_search", (o) => `/console/queue?office=${o}&q=${samples.get(o)!.waitingReference.slice(0, 7)}`],
      ["book", (o) => `/console/cases/${samples.get(o)!.waitingCaseId}/book?service=iom-counseling`],
      ["day", (o) => `/console/day?office=${o}&date=${samples.get(o)!.day}`],
      ["appointment", (o) => `/console/appointments/${samples.get(o)!.appointmentId}`],
      ["slip", (o) => `/console/appointments/${samples.get(o)!.appointmentId}/slip`],
      ["closures", (o) => `/console/closures?office=${o}`],
      ["closed_day", (o) => `/console/closures/${o}/${CLOSED_DAY}`],
      ["figures", (o) => `/console/figures?office=${o}`],
      ["figures_csv", (o) => `/console/figures.csv?office=${o}`],
      ["capacity", (o) => `/console/capacity?office=${o}&service=iom-counseling`],
      // One office asked for again and again, as a scheduler watching it does.
      ["capacity_busy", () => `/console/capacity?office=${OFFICES[0]!.id}&service=iom-counseling`],
      ["cases_by_reference", (o) => `/console/cases?q=${samples.get(o)!.waitingReference}`],
      ["cases_by_phone", () => "/console/cases?q=%2B573001234567"],
      ["cases_by_name", () => "/console/cases?q=Maria"],
      ["case", (o) => `/console/cases/${samples.get(o)!.waitingCaseId}`],
      ["case_new", () => "/console/cases/new"],
      ["staff", () => "/console/staff"],
      ["interviewer", (o) => `/console/staff/${interviewer(o)}`],
      ["users", () => "/console/users"],
      ["user", () => `/console/users/${userId}`],
      ["offices", () => "/console/offices"],
      ["office", (o) => `/console/offices/${o}`],
      ["office_rooms", (o) => `/console/offices/${o}/rooms`],
      ["office_holidays", (o) => `/console/offices/${o}/holidays`],
      ["office_eligibility", (o) => `/console/offices/${o}/eligibility`],
      ["services", () => "/console/services"],
      ["service", () => "/console/services/iom-counseling"],
    ];
    for (const [name, path] of pages) {
      const times: number[] = [];
      const statuses = new Map<number, number>();
      for (let i = -WARM_UP; i < REQUESTS; i++) {
        const office = OFFICES[(i + WARM_UP) % OFFICES.length]!.id;
        const t0 = performance.now();
        const res = await app.request(path(office), { headers: { cookie } });
        await res.arrayBuffer();
        if (i < 0) continue;
        times.push(performance.now() - t0);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      }
      times.sort((a, b) => a - b);
      const round = (ms: number) => Number(ms.toFixed(1));
      emit({
        name: `console.${name}.p50_ms`,
        value: round(rank(times, 50)),
        unit: "ms",
        p99_ms: round(rank(times, 99)),
        requests: REQUESTS,
        statuses: Object.fromEntries(statuses),
        target: "p50 < 50 ms",
      });
    }
  } finally {
    database.close();
  }
}
