import { defineConfig } from "vitest/config";

// Unit tests live next to the code (src/**/*.test.ts); e2e tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Big tables are data loaded at startup (STYLE 12); each setup file installs one of them.
    setupFiles: ["src/node/vitest-python-table.ts"],
  },
});
