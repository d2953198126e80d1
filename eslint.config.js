// Layering, enforced: entry points → app → routes/pages/http → domain → db, slots, calendar, lib.
// Nothing imports a layer above its own; only the entry points and the SQLite adapter reach Node
// or better-sqlite3, so everything else runs unchanged on Workers.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeOnly = [
  { group: ["node:*"], message: "Only entry points (src/server.ts) and src/db/sqlite.ts may import Node built-ins." },
  { group: ["better-sqlite3", "drizzle-orm/better-sqlite3", "drizzle-orm/better-sqlite3/*"], message: "Only src/db/sqlite.ts may use better-sqlite3." },
  { group: ["cloudflare:*"], message: "Only src/worker.ts may import Workers modules." },
];

/** An import of one of these folders (or files) of src/, written relative to the importer. */
const above = (names, layer) => ({
  regex: `^\\.{1,2}/(?:\\.\\./)*(?:${names.join("|")})(?:/|\\.js$)`,
  message: `The ${layer} layer may not import a layer above it (see docs/architecture.md).`,
});

// Each layer and what it may not import. Layers are folders of src/; `deps`, `clock` and
// `config` describe the outside world and sit at the bottom with db, slots and lib.
const layers = [
  { files: ["src/db/**", "src/slots/**", "src/lib/**", "src/calendar/**", "src/i18n/**", "src/clock.ts", "src/config.ts", "src/deps.ts"], layer: "base", forbid: ["domain", "notify", "http", "routes", "pages", "app", "server", "worker"] },
  { files: ["src/domain/**", "src/notify/**"], layer: "domain", forbid: ["http", "routes", "pages", "app", "server", "worker"] },
  { files: ["src/http/**", "src/routes/**", "src/pages/**"], layer: "routes", forbid: ["app", "server", "worker"] },
];
const nodeFiles = ["src/server.ts", "src/worker.ts", "src/db/sqlite.ts", "src/**/*.node.ts"];

export default tseslint.config(
  { ignores: ["node_modules", "drizzle", "data", "test-artifacts", ".wrangler", "dist"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Type-aware rules: the whole set on the service's own code, the promise rules on tests too.
  { files: ["**/*.ts", "**/*.tsx"], languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeCheckedOnly],
    // `any` is allowed on purpose where drizzle and JSON documents have no useful type (no-explicit-any
    // is off); these rules would flag every use of such a value again.
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      // The type service ESLint runs sees some library types (hono's parseBody, drizzle's JSON
      // columns) looser than tsc does, and calls assertions tsc needs unnecessary.
      "@typescript-eslint/no-unnecessary-type-assertion": "off",
      // An async function without await is how an interface that returns a promise is met here.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: ["tests/**/*.ts", "bench/**/*.ts", "scripts/**/*.ts"],
    rules: { "@typescript-eslint/no-floating-promises": "error", "@typescript-eslint/no-misused-promises": "error", "@typescript-eslint/await-thenable": "error" },
  },
  ...layers.map(({ files, layer, forbid }) => ({
    files,
    ignores: nodeFiles,
    rules: { "no-restricted-imports": ["error", { patterns: [...nodeOnly, above(forbid, layer)] }] },
  })),
  { files: ["src/db/sqlite.ts", "src/**/*.node.ts"], rules: { "no-restricted-imports": ["error", { patterns: [above(["domain", "notify", "http", "routes", "pages", "app"], "base")] }] } },
  { files: ["src/app.ts"], rules: { "no-restricted-imports": ["error", { patterns: [...nodeOnly, above(["server", "worker"], "app")] }] } },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: [...nodeFiles, "src/clock.ts", "src/config.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read time from the injected clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read time from the injected clock." },
      ],
    },
  },
);
