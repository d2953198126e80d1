// Fails when the Worker bundle in DIR is over LIMIT bytes once gzipped. Cloudflare checks the
// compressed size of the upload (every module, source maps excluded): 3 MiB on the free plan.
// Usage: node .ci/bundle-size.mjs DIR [LIMIT_BYTES]
/* global process, console */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const [dir, limitArg] = process.argv.slice(2);
if (!dir) {
  console.error("usage: node .ci/bundle-size.mjs DIR [LIMIT_BYTES]");
  process.exit(2);
}
const limit = Number(limitArg ?? 3 * 1024 * 1024);
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => statSync(join(dir, f)).isFile() && !f.endsWith(".map") && !f.endsWith(".md"));
if (files.length === 0) {
  console.error(`bundle-size: no bundle in ${dir}`);
  process.exit(1);
}
let raw = 0;
let gzip = 0;
for (const f of files) {
  const bytes = readFileSync(join(dir, f));
  raw += bytes.length;
  gzip += gzipSync(bytes).length;
}
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(JSON.stringify({ name: "worker.bundle_gzip", value: gzip, unit: "bytes", raw, limit, files: files.length }));
if (gzip > limit) {
  console.error(`bundle-size: the Worker is ${kib(gzip)} gzipped, over the ${kib(limit)} limit`);
  process.exit(1);
}
console.log(`bundle-size: the Worker is ${kib(gzip)} gzipped (${kib(raw)} raw), under the ${kib(limit)} limit`);
