// An esbuild plugin for the CLI bundle (scripts/build-cli.ts): the modules it names are evaluated when one
// of their exports is first used, not when the bundle starts. Bundled ES modules all run at start-up, and
// fflate's builds its Huffman tables and loads node:worker_threads there: ~7.6 ms of the ~17 ms the
// bundle's module bodies took on every `whaleweight lint`, which never encodes a permalink (issue 11).
//
// Each import of a named module gets a small CommonJS stand-in whose exports are getters that require the
// real module on first access (esbuild then wraps that module to run when required). Import sites read
// the export at each use (esbuild's CommonJS interop), so nothing is loaded until a function is called.
// The export names are read from the module itself at build time. Only function exports stay lazy in
// practice: a constant export is read when used, as any other.
import type { Plugin } from "esbuild";

const NAMESPACE = "lazy-module";

export function lazyModules(specifiers: readonly string[]): Plugin {
  return {
    name: NAMESPACE,
    setup(build) {
      build.onResolve({ filter: /.*/ }, (args) => {
        // The stand-in's own require of the module resolves as usual.
        if (args.namespace === NAMESPACE || !specifiers.includes(args.path)) return undefined;
        return { path: args.path, namespace: NAMESPACE, pluginData: { resolveDir: args.resolveDir } };
      });
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, async (args) => {
        const names = Object.keys((await import(args.path)) as Record<string, unknown>).filter((name) => name !== "default");
        const contents = [
          "let real;",
          `const load = () => (real ??= require(${JSON.stringify(args.path)}));`,
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join("\n");
        return { contents, loader: "js", resolveDir: (args.pluginData as { resolveDir: string }).resolveDir };
      });
    },
  };
}
