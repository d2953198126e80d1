// `npm run demo`: the server on a fresh demo database, with the four offices, staff, services and cases.
import { readConfig } from "../src/config.js";
import { randomToken } from "../src/lib/ids.js";
import { startServer } from "../src/server.js";
import { freshDemoDatabase } from "./demo/database.js";
import { seedDemo } from "./demo/seed.js";
import { tryCommands } from "./demo/try.js";

const adminToken = process.env.CITA_ADMIN_TOKEN || randomToken("cita_admin");
const dbPath = process.env.CITA_DB || "./data/demo.db";
const refusal = freshDemoDatabase(dbPath);
if (refusal) {
  console.error(`npm run demo: ${refusal}`);
  process.exit(1);
}

const config = readConfig({ ...process.env, CITA_DB: dbPath, CITA_ADMIN_TOKEN: adminToken });
const { app } = startServer(config);
const now = config.now ?? Date.now();
const local = async (path: string, init: RequestInit) => app.request(path, init);
const { cases, links, booked, schedulerToken } = await seedDemo(local, adminToken, now);
const commands = await tryCommands({ url: config.publicUrl, adminToken, now, cases, booked, fetch: local });

console.log(`
Cita demo on ${config.publicUrl}  (database ${dbPath}, fresh)
  admin token:     ${adminToken}
  scheduler token: ${schedulerToken}   (Bogotá office)
  ${cases.length} cases in 4 offices, e.g. ${cases
    .slice(0, 3)
    .map((c: { id: string }) => c.id)
    .join(", ")}
  applicant links (booked appointments):
${links.map((l) => `    ${l}`).join("\n")}

Staff console: ${config.publicUrl}/console  (sign in with the scheduler or admin token)

Try (a case's free times in its window, then booking the first):
${commands.map((c) => `  ${c}`).join("\n")}
  open ${config.publicUrl}/docs
`);
