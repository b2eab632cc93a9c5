import { defineConfig } from "vitest/config";

// Unit tests live next to the code (src/**/*.test.ts); e2e tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // The Debian release tables are data the engine is given, not code it imports: install them once per worker.
    setupFiles: ["src/node/vitest-setup.ts"],
  },
});
