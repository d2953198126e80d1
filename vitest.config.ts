import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "src/**/*.test.ts"],
    // The crash test kills a loaded server mid-run and takes about half a minute on its own:
    // it runs with `npm run test:crash`, not in every suite run.
    exclude: [...configDefaults.exclude, ...(process.env.CITA_CRASH_TEST ? [] : ["tests/reliability/crash.test.ts"])],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
