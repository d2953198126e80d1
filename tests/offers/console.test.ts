// Staff see a case's offers on the appointment and case pages, with the days each accepted one
// saved, and set or clear the case's priority flag there, with a reason (the same rule as the API).
import { afterEach, describe, expect, it } from "vitest";
import { ADMIN, type TestApp } from "../helpers/app.js";
import { session, textOf } from "../helpers/console.js";
import { acceptByLink, at, booking, freeIt, newCase, offerFor, offersApp } from "./helpers.js";

let t: TestApp;
afterEach(() => t?.close());

describe("offers on the console's appointment page", () => {
  it("lists the case's offers with the days saved, and flags the case with a reason", async () => {
    const app = await offersApp(1);
    t = app.t;
    const mover = await newCase(t);
    const later = await t.post("/v1/appointments", booking(mover, at("11:00", "2026-12-14")));
    await freeIt(t, app.appointmentId);
    await acceptByLink(t, (await offerFor(t, mover)).id);

    const desk = session(t, ADMIN);
    const page = await desk.get(`/console/appointments/${later.json.id}`);
    expect(page.status).toBe(200);
    const text = textOf(page.text);
    expect(text).toContain("Earlier-time offers");
    // Moved from Monday 14 to Monday 7 December: seven days earlier.
    expect(text).toMatch(/Monday 7 December 2026, 10:00 accepted 7 /);

    const missing = await desk.post(`/console/appointments/${later.json.id}/priority`, { priority: "1", reason: " " });
    expect(missing.status).toBe(422);
    expect((await t.get(`/v1/cases/${mover}`)).json.priority).toBeNull();
    const set = await desk.post(`/console/appointments/${later.json.id}/priority`, { priority: "1", reason: "Travels for treatment" });
    expect(set.status).toBe(303);
    expect((await t.get(`/v1/cases/${mover}`)).json.priority).toMatchObject({ reason: "Travels for treatment" });
    expect(textOf((await desk.get(`/console/appointments/${later.json.id}`)).text)).toContain("Offered freed times first: Travels for treatment");
  });

  it("shows a waiting case's offers on the case page, and flags the case there", async () => {
    const app = await offersApp(1);
    t = app.t;
    const waiting = await newCase(t);
    await freeIt(t, app.appointmentId);
    const desk = session(t, ADMIN);
    const page = textOf((await desk.get(`/console/cases/${waiting}`)).text);
    // Offered Monday 7 December at 10:00, still open: no appointment to show it on.
    expect(page).toMatch(/Earlier-time offers .*Monday 7 December 2026, 10:00 open —/);

    const missing = await desk.post(`/console/cases/${waiting}/priority`, { priority: "1", reason: "" });
    expect(missing.status).toBe(422);
    expect(textOf(missing.text)).toContain("reason: is required");
    expect((await t.get(`/v1/cases/${waiting}`)).json.priority).toBeNull();
    const set = await desk.post(`/console/cases/${waiting}/priority`, { priority: "1", reason: "Medical need" });
    expect([set.status, set.location]).toEqual([303, `/console/cases/${waiting}`]);
    expect((await t.get(`/v1/cases/${waiting}`)).json.priority).toMatchObject({ reason: "Medical need" });
    expect(textOf((await desk.get(`/console/cases/${waiting}`)).text)).toContain("Offered freed times first: Medical need");
  });

  it("counts offers made, accepted and the days saved on the figures page and in its CSV", async () => {
    const app = await offersApp(2);
    t = app.t;
    const mover = await newCase(t);
    await t.post("/v1/appointments", booking(mover, at("11:00", "2026-12-14")));
    const waiting = await newCase(t, { screenedAt: "2026-11-21" });
    await freeIt(t, app.appointmentId);
    await acceptByLink(t, (await offerFor(t, mover)).id);
    expect((await offerFor(t, waiting)).status).toBe("gone");

    const desk = session(t, ADMIN);
    const period = "from=2026-11-23&to=2026-11-23";
    const page = textOf((await desk.get(`/console/figures?office=bogota&${period}`)).text);
    // Two offers made on 23 November, one accepted, seven days earlier than the appointment it replaced.
    expect(page).toContain("Earlier-time offers Office Offers made Accepted Days saved SMO Bogotá 2 1 7");
    const csv = await t.app.request(`/console/figures.csv?office=bogota&${period}&table=offers`, { headers: { cookie: await desk.cookie() } });
    expect((await csv.text()).split("\r\n")[1]).toBe("bogota,SMO Bogotá,2,1,7,2026-11-23,2026-11-23");
  });
});
