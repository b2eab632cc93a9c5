// action.yml and .pre-commit-hooks.yaml cannot run here (no GitHub runner, no pre-commit). A structural
// check instead, without a YAML parser (none is a dependency): what they run exists — the npm script, the
// bundle the build makes, the bin — and the Action's inputs, its INPUT_* variables and what action.ts
// reads agree, so a renamed input cannot silently stop reaching the CLI.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const read = (path: string) => readFileSync(`${root}/${path}`, "utf8");
const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string>; bin: Record<string, string>; files: string[] };

/** The keys of a top-level block mapping (`inputs:` → its two-space-indented keys). */
function blockKeys(yaml: string, block: string): string[] {
  const body = new RegExp(`^${block}:\\n((?:(?: .*)?\\n)*)`, "m").exec(yaml)?.[1] ?? "";
  return [...body.matchAll(/^ {2}([A-Za-z0-9_-]+):/gm)].map((m) => m[1] ?? "");
}

describe("action.yml", () => {
  const yaml = read("action.yml");
  const inputs = blockKeys(yaml, "inputs");

  it("is a composite action that builds the CLI and runs the bundled entry point", () => {
    expect(yaml).toMatch(/^ {2}using: composite$/m);
    expect(yaml).toContain("npm run build:cli");
    expect(pkg.scripts["build:cli"]).toBeDefined();
    expect(yaml).toContain('node "$GITHUB_ACTION_PATH/dist-cli/action.mjs"');
    // The build makes dist-cli/action.mjs from the entry point.
    expect(read("scripts/build-cli.ts")).toContain('{ in: join(root, "src/cli/action-entry.ts"), out: "action" }');
  });

  it("declares every input it uses, and passes each CLI input as the INPUT_* variable action.ts reads", () => {
    expect(inputs).toEqual(expect.arrayContaining(["dockerfiles", "max-size", "max-pull-size", "unweighed", "playground-url", "sarif", "sarif-file"]));
    const used = [...yaml.matchAll(/inputs\.([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? "");
    for (const name of used) expect(inputs, name).toContain(name);
    const envs = [...yaml.matchAll(/^ {8}(INPUT_[A-Z_]+): (\$\{\{.*\}\})$/gm)].map((m) => [m[1] ?? "", m[2] ?? ""]);
    const source = read("src/cli/action.ts");
    const readByAction = new Set([...source.matchAll(/env\.(INPUT_[A-Z_]+)/g)].map((m) => m[1]));
    expect(new Set(envs.map(([env]) => env))).toEqual(readByAction);
    // INPUT_MAX_SIZE carries inputs.max-size (INPUT_SARIF_FILE: inputs.sarif-file, when inputs.sarif is on).
    for (const [env, expression] of envs) {
      const named = [...(expression ?? "").matchAll(/inputs\.([a-z-]+)/g)].map((m) => `INPUT_${(m[1] ?? "").toUpperCase().replace(/-/g, "_")}`);
      expect(named, env).toContain(env);
    }
  });

  it("fails the job on the CLI's exit code after the SARIF upload", () => {
    const upload = yaml.indexOf("github/codeql-action/upload-sarif");
    const fail = yaml.indexOf("exit ${{ steps.weigh.outputs.exit-code }}");
    expect(upload).toBeGreaterThan(0);
    expect(fail).toBeGreaterThan(upload);
  });
});

describe(".pre-commit-hooks.yaml", () => {
  const yaml = read(".pre-commit-hooks.yaml");
  const field = (name: string) => new RegExp(`^ {2}${name}: (.*)$`, "m").exec(yaml)?.[1];

  it("runs `lint` through the package's bin, installed as a Node package", () => {
    expect(yaml).toMatch(/^- id: whaleweight-lint$/m);
    expect(field("language")).toBe("node");
    const [bin, command] = (field("entry") ?? "").split(" ");
    expect(pkg.bin[bin ?? ""]).toBe("dist-cli/whaleweight.mjs");
    expect(command).toBe("lint");
    // pre-commit installs the hook repository by packing it: prepack builds the bin, `files` ships it.
    expect(pkg.scripts.prepack).toBe("npm run build:cli");
    expect(pkg.files).toContain("dist-cli");
  });

  it.each([
    { path: "Dockerfile", match: true },
    { path: "app/Dockerfile", match: true },
    { path: "docker/Dockerfile.prod", match: true },
    { path: "Dockerfile-dev", match: true },
    { path: "api.Dockerfile", match: true },
    { path: "Containerfile", match: true },
    { path: "README.md", match: false },
    { path: "docker-compose.yml", match: false },
    { path: "Dockerfiles/notes.txt", match: false },
  ])("files matches $path: $match", ({ path, match }) => {
    // pre-commit's `files` is a Python regex searched in the path; this one is also valid JavaScript.
    expect(new RegExp(field("files") ?? "^$").test(path)).toBe(match);
  });
});
