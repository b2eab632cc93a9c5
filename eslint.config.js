// ESLint flat config. The engine boundary (DESIGN §1, STYLE 1) is enforced here: src/engine must run
// unchanged in a Web Worker, in Vitest and in the Node CLI, so it may not import UI frameworks, Monaco,
// the store, or Node built-ins, nor touch browser or Node globals.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import { builtinModules } from "node:module";

const nodeBuiltins = builtinModules.flatMap((name) => [name, `node:${name}`]);

export default tseslint.config(
  { ignores: ["dist/", "dist-cli/", "node_modules/", "coverage/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/ui/**/*.{ts,tsx}", "src/state/**/*.ts"],
    plugins: { "react-hooks": reactHooks },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
    },
  },
  {
    files: ["src/engine/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "no-restricted-imports": [
        "error",
        {
          paths: nodeBuiltins.map((name) => ({ name, message: "src/engine must not use Node built-ins." })),
          patterns: [
            { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "src/engine must not depend on React." },
            { group: ["monaco-editor", "monaco-editor/*", "@monaco-editor/*"], message: "src/engine must not depend on Monaco." },
            { group: ["zustand", "zustand/*"], message: "src/engine must not depend on the store." },
            { group: ["recharts", "recharts/*"], message: "src/engine must not depend on the UI." },
            { group: ["**/ui/**", "**/state/**", "**/permalink/**", "**/cli/**"], message: "The engine knows nothing of its callers." },
          ],
        },
      ],
      "no-restricted-globals": [
        "error",
        ...["window", "document", "navigator", "localStorage", "sessionStorage", "location", "fetch", "XMLHttpRequest",
          "process", "require", "module", "__dirname", "__filename", "global", "setImmediate"]
          .map((name) => ({ name, message: `src/engine is pure: no ${name}.` })),
      ],
    },
  },
  {
    files: ["src/engine/**/*.test.ts"],
    rules: { "no-restricted-imports": "off", "no-restricted-globals": "off" },
  },
);
