import { defineConfig } from "vitest/config";

// Unit tests live next to the code (src/**/*.test.ts); e2e tests are Playwright's (e2e/).
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    environment: "node",
    // Big tables are data the engine is given, not code it imports (STYLE 12): each setup file installs one.
    setupFiles: ["src/node/vitest-setup.ts", "src/node/vitest-python-table.ts"],
  },
});
