// `npm run demo`: the server on a fresh demo database, with the four offices, staff, services and cases.
import { rmSync } from "node:fs";
import { readConfig } from "../src/config.js";
import { randomToken } from "../src/lib/ids.js";
import { startServer } from "../src/server.js";
import { seedDemo } from "./demo/seed.js";

const adminToken = process.env.CITA_ADMIN_TOKEN || randomToken("cita_admin");
const dbPath = process.env.CITA_DB || "./data/demo.db";
for (const suffix of ["", "-wal", "-shm"]) rmSync(dbPath + suffix, { force: true });

const config = readConfig({ ...process.env, CITA_DB: dbPath, CITA_ADMIN_TOKEN: adminToken });
const { app } = startServer(config);
const now = config.now ?? Date.now();
const today = new Date(now).toISOString().slice(0, 10);
const inFourWeeks = new Date(now + 28 * 86_400_000).toISOString().slice(0, 10);
const { cases, links, schedulerToken } = await seedDemo(async (path, init) => app.request(path, init), adminToken, today);

console.log(`
Cita demo on ${config.publicUrl}  (database ${dbPath}, fresh)
  admin token:     ${adminToken}
  scheduler token: ${schedulerToken}   (Bogotá office)
  ${cases.length} cases in 4 offices, e.g. ${cases.slice(0, 3).map((c: { id: string }) => c.id).join(", ")}
  applicant links (booked appointments):
${links.map((l) => `    ${l}`).join("\n")}

Staff console: ${config.publicUrl}/console  (sign in with the scheduler or admin token)

Try:
  curl -H "Authorization: Bearer ${adminToken}" ${config.publicUrl}/v1/offices
  curl -H "Authorization: Bearer ${adminToken}" "${config.publicUrl}/v1/slots?service=iom-counseling&office=bogota&case=${cases[2].id}&from=${today}&to=${inFourWeeks}"
  open ${config.publicUrl}/docs
`);
