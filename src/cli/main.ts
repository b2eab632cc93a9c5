// The Whaleweight CLI: the same engine as the playground, for CI. Reads files as bytes (so UTF-16 and BOMs
// are decoded by the engine), prints the plan or the findings, and exits 2 with one line on bad usage or
// unreadable files, 1 when `lint` finds an error, 0 otherwise.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import type { TextFile } from "../engine/analyze";
import { buildPlan } from "../engine/plan/plan";
import { RULES } from "../engine/rules/registry";
import { parseArgs, USAGE, UsageError, type CliArgs } from "./args";
import { lintText, planJson, planText, sarif } from "./output";

class InputError extends Error {}

function readBytes(path: string, what: string): Uint8Array {
  try {
    if (statSync(path).isDirectory()) throw new InputError(`${what} ${path} is a directory, not a file`);
    return new Uint8Array(readFileSync(path));
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(code === "ENOENT" ? `${what} ${path} does not exist` : `${what} ${path} cannot be read (${code ?? String(error)})`);
  }
}

/** Requirements paths are taken relative to the Dockerfile's folder (the build context). */
function contextPath(contextDir: string, file: string): string {
  const rel = relative(contextDir, file);
  return rel.startsWith("..") || rel === "" ? basename(file) : rel.split(sep).join("/");
}

function discoverRequirements(contextDir: string): string[] {
  const found: string[] = [];
  const visit = (dir: string, depth: number) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (depth === 0 && name === "requirements" && statSync(path).isDirectory()) visit(path, 1);
      else if (/^requirements.*\.(txt|in)$/i.test(name) && statSync(path).isFile()) found.push(path);
    }
  };
  visit(contextDir, 0);
  return found;
}

export function run(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`whaleweight: ${error.message}\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
  if (args.command === "help" || args.dockerfile === null) {
    out(`${USAGE}\n`);
    return 0;
  }
  let dockerfile: Uint8Array;
  let requirements: TextFile[];
  let dockerignore: string | null = null;
  const contextDir = dirname(args.dockerfile);
  try {
    dockerfile = readBytes(args.dockerfile, "Dockerfile");
    const paths = args.requirements.length > 0 ? args.requirements : discoverRequirements(contextDir);
    requirements = paths.map((p) => ({ path: contextPath(contextDir, p), content: readBytes(p, "requirements file") }));
    const ignorePath = args.dockerignore ?? join(contextDir, ".dockerignore");
    if (args.dockerignore !== null || existsSync(ignorePath)) dockerignore = new TextDecoder().decode(readBytes(ignorePath, ".dockerignore"));
  } catch (error) {
    if (error instanceof InputError) {
      err(`whaleweight: ${error.message}\n`);
      return 2;
    }
    throw error;
  }

  const plan = buildPlan({
    dockerfile,
    requirements,
    dockerignore,
    ...(args.contextBytes === null ? {} : { settings: { contextBytes: args.contextBytes } }),
  });
  const diagnostics = plan.steps[0]?.analysis.diagnostics ?? [];
  const ruleDocs = RULES.map((r) => ({ id: r.meta.id, title: r.meta.title, what: r.meta.docs.what }));
  if (args.command === "lint") {
    if (args.format === "json") out(JSON.stringify({ version: 1, findings: plan.findings, diagnostics }, null, 2) + "\n");
    else if (args.format === "sarif") out(JSON.stringify(sarif(plan.findings, diagnostics, args.dockerfile, ruleDocs), null, 2) + "\n");
    else out(lintText(plan.findings, diagnostics, args.dockerfile));
    const failed = plan.findings.some((f) => f.severity === "error") || diagnostics.some((d) => d.severity === "error");
    return failed ? 1 : 0;
  }
  if (args.format === "json") out(JSON.stringify(planJson(plan, diagnostics), null, 2) + "\n");
  else if (args.format === "sarif") out(JSON.stringify(sarif(plan.findings, diagnostics, args.dockerfile, ruleDocs), null, 2) + "\n");
  else out(planText(plan, diagnostics, args.dockerfile));
  return 0;
}

const isMain = process.argv[1] !== undefined && /cli[\\/]main\.ts$/.test(process.argv[1]);
if (isMain) {
  process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
