// Layering: only the entry points and the SQLite adapter may reach Node or better-sqlite3,
// so everything else runs unchanged on Workers.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const nodeOnly = {
  patterns: [
    { group: ["node:*"], message: "Only entry points (src/server.ts) and src/db/sqlite.ts may import Node built-ins." },
    { group: ["better-sqlite3", "drizzle-orm/better-sqlite3", "drizzle-orm/better-sqlite3/*"], message: "Only src/db/sqlite.ts may use better-sqlite3." },
    { group: ["cloudflare:*"], message: "Only src/worker.ts may import Workers modules." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules", "drizzle", "data", "dist", "test-artifacts", ".wrangler"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/server.ts", "src/worker.ts", "src/db/sqlite.ts", "src/**/*.node.ts"],
    rules: { "no-restricted-imports": ["error", nodeOnly] },
  },
  {
    files: ["src/**/*.ts", "src/**/*.tsx"],
    ignores: ["src/server.ts", "src/worker.ts", "src/db/sqlite.ts", "src/**/*.node.ts", "src/clock.ts", "src/config.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Read time from the injected clock." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "Read time from the injected clock." },
      ],
    },
  },
);
