import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    // Two test files at a time on the 2-core machines: the suites spend much of their time waiting on
    // sockets and databases, and every file gets its own database, port and temporary directory.
    maxWorkers: 2,
  },
});
