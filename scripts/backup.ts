// `npm run backup -- FILE`: a consistent copy of the live database through SQLite's online
// backup API, safe while the server keeps writing.
import BetterSqlite3 from "better-sqlite3";
import { readConfig } from "../src/config.js";

const target = process.argv[2];
if (!target) {
  console.error("usage: npm run backup -- FILE   (copies CITA_DB, default ./data/cita.db)");
  process.exit(2);
}
const source = readConfig(process.env).dbPath;
const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 10000");
const { totalPages } = await db.backup(target);
db.close();
console.log(JSON.stringify({ copied: source, to: target, pages: totalPages }));
